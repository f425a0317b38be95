// What Swift's module of the C library leaves out, for Polku's threads and memory:
// glibc's malloc.h (`mallopt`) and the compiler's prefetch hint.
#ifndef POLKU_MEMORY_H
#define POLKU_MEMORY_H

#if defined(__linux__)
#include <malloc.h>
#endif

/// Asks the processor to bring the cache line at `address` in for reading, without waiting
/// for it: a hint, which never faults, even on an address that is not mapped.
static inline void polku_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
