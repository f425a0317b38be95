// glibc's malloc.h, for `mallopt`, which Swift's module of the C library leaves out.
// SwiftPM does not notice edits here: remove .build after changing it.
#ifndef POLKU_CMALLOC_SHIM_H
#define POLKU_CMALLOC_SHIM_H

#include <malloc.h>

#endif
