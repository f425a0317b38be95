// zlib, for the `.xlsx` workbook's ZIP archive: raw deflate and CRC-32. SwiftPM does not
// notice edits here: remove .build after changing it.
#ifndef POLKU_CZLIB_SHIM_H
#define POLKU_CZLIB_SHIM_H

#include <zlib.h>

// deflateInit2 is a macro, which Swift does not import: a raw deflate stream (no zlib header,
// as ZIP wants it) at `level`, with the most memory zlib allows for matching.
static inline int polku_deflate_init(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
}

#endif
