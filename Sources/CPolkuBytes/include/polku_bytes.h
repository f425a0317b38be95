// Scans over a file's bytes that Swift does not vectorise: sixteen bytes compared at once,
// the matches taken from a bit mask.
#ifndef POLKU_BYTES_H
#define POLKU_BYTES_H

#include <stddef.h>
#include <stdint.h>

/// What `polku_line_feeds` found besides the line starts. The caller sets `firstNUL` and
/// `firstHigh` to SIZE_MAX before the first call; a later call (on the rest of the bytes)
/// keeps what an earlier one found.
typedef struct {
    /// How many line starts the call wrote.
    size_t written;
    /// The offset of the first NUL byte, and of the first byte from 0x80 on (not ASCII).
    size_t firstNUL, firstHigh;
    /// Set when the call stopped at a carriage return.
    int sawCarriageReturn;
} polku_line_scan;

/// Finds the line feeds in `bytes[from..<to]` and writes the offset after each (where the
/// next line starts) to `starts`, at most `capacity` of them. Returns the offset it stopped
/// at: `to`, or before the first line feed it had no room for (call again from there with
/// more room), or at a carriage return (the caller reads such a file byte by byte).
size_t polku_line_feeds(const uint8_t *bytes, size_t from, size_t to, uint32_t *starts,
                        size_t capacity, polku_line_scan *scan);

/// The offset of the first NUL byte in `bytes[from..<to]` into `*firstNUL` and of the first
/// byte from 0x80 on into `*firstHigh`, each unless already below SIZE_MAX.
void polku_first_nul_and_high(const uint8_t *bytes, size_t from, size_t to, size_t *firstNUL,
                              size_t *firstHigh);

#endif
