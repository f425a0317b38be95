// CPolkuMemory is its header: everything in it is inline. This file makes it a C target.
#include "polku_memory.h"
