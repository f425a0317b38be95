// What Swift's module of the C library leaves out, for Polku's threads and memory:
// glibc's malloc.h (`mallopt`), the compiler's prefetch hint, and a copy out of a mapped
// file that survives the file being cut short meanwhile.
#ifndef POLKU_MEMORY_H
#define POLKU_MEMORY_H

#if defined(__linux__)
#include <malloc.h>
#endif

#include <stddef.h>

/// Asks the processor to bring the cache line at `address` in for reading, without waiting
/// for it: a hint, which never faults, even on an address that is not mapped.
static inline void polku_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Copies `count` bytes from `source`, memory mapped from a file, to `destination`.
/// Returns 0, or -1 when the file was cut short while it was mapped, so that part of
/// `source` is no longer there: reading it raises SIGBUS, which this catches on the copying
/// thread alone (any other thread's SIGBUS goes where it went before), and `destination`
/// then holds an unknown part of the bytes. Safe on several threads at once.
int polku_copy_mapped(void *destination, const void *source, size_t count);

#endif
