#include "polku_heap.h"

// Defines __GLIBC__ where the C library is glibc.
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int polku_heap_prepare(size_t expected) {
    static int done = 0;
    if (done) return done;
    // Only the main thread allocates from the heap that grows by sbrk (other threads have
    // arenas of their own).
    if ((pid_t)syscall(SYS_gettid) != getpid()) return 0;
    done = -1;
    // glibc's ceiling for the threshold: larger blocks are always mapped on their own.
    const size_t ceiling = (size_t)32 << 20;
    // Blocks up to the ceiling come from the heap, and the heap is never trimmed, so that
    // an array that grows, or is freed and made again, reuses pages already faulted in.
    mallopt(M_MMAP_THRESHOLD, (int)ceiling);
    mallopt(M_TRIM_THRESHOLD, INT32_MAX);
    char *start = sbrk(0);
    if (start == (char *)-1) return 0;
    // The heap grows to `expected` bytes more, in blocks below the threshold (which the
    // heap gives), freed at once: they join the heap's free top, which is kept. This takes
    // address space only; no page is touched but each block's header.
    enum { step = 16 << 20, most = 64 };
    void *blocks[most];
    size_t count = 0;
    while (count < most && count * (size_t)step < expected) {
        blocks[count] = malloc(step);
        if (blocks[count] == NULL) break;
        count += 1;
    }
    for (size_t i = count; i > 0; i--) free(blocks[i - 1]);
    char *end = sbrk(0);
    if (end == (char *)-1) return 0;
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t from = ((uintptr_t)start + huge - 1) & ~(huge - 1);
    if ((uintptr_t)end <= from + huge) return 0;
    if (madvise((void *)from, (uintptr_t)end - from, MADV_HUGEPAGE) != 0) return 0;
    done = 2;
    return 1;
}

#else

int polku_heap_prepare(size_t expected) {
    (void)expected;
    return 0;
}

#endif
