// Scans over a file's bytes that Swift does not vectorise: sixteen bytes compared at once,
// the matches taken from a bit mask.
#ifndef POLKU_BYTES_H
#define POLKU_BYTES_H

#include <stddef.h>
#include <stdint.h>

/// What `polku_line_starts` found besides the line starts. The caller sets `firstNUL` and
/// `firstHigh` to SIZE_MAX before the first call; a later call (on the rest of the bytes)
/// keeps what an earlier one found.
typedef struct {
    /// How many line starts the call wrote.
    size_t written;
    /// The offset of the first NUL byte, and of the first byte from 0x80 on (not ASCII).
    size_t firstNUL, firstHigh;
} polku_line_scan;

/// Finds the line ends in `bytes[from..<to]` of the `count` bytes at `bytes` (LF, CRLF, or a
/// CR on its own) and writes the offset after each (where the next line starts) to `starts`,
/// at most `capacity` of them. Returns the offset it stopped at: `to`, or before the first
/// line end it had no room for (call again from there with more room).
size_t polku_line_starts(const uint8_t *bytes, size_t count, size_t from, size_t to, uint32_t *starts,
                         size_t capacity, polku_line_scan *scan);

#endif
