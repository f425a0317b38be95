#ifndef POLKU_HEAP_H
#define POLKU_HEAP_H

#include <stddef.h>

/// Readies the process's heap for a large input, whose work will allocate about `expected`
/// bytes: on Linux with glibc, the heap is grown once to that size and the kernel is asked
/// to back it with huge pages (transparent huge pages, where the system allows them on
/// request), and freed memory is kept for reuse rather than handed back and faulted in
/// again. It is done once a process, from the main thread (whose allocations the heap
/// serves). Returns 1 when this call did it, 2 when an earlier one did, 0 when it cannot be
/// done here (another thread, system or C library), -1 after a call that could not.
int polku_heap_prepare(size_t expected);

#endif
