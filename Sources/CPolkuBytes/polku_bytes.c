#include "polku_bytes.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Notes byte `i` if it is the first NUL or the first byte that is not ASCII.
static inline void note(const uint8_t c, size_t i, size_t *firstNUL, size_t *firstHigh) {
    if (c == 0 && *firstNUL == SIZE_MAX) *firstNUL = i;
    if (c >= 0x80 && *firstHigh == SIZE_MAX) *firstHigh = i;
}

#if defined(__SSE2__)
/// Thirty-two bytes from `p`: a bit for each byte equal to `value`.
static inline uint32_t equal32(__m128i a, __m128i b, __m128i value) {
    return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, value))
        | ((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, value)) << 16);
}

/// The first NUL and the first byte that is not ASCII among the 32 at `i`, if any.
static inline void noteRare(__m128i a, __m128i b, size_t i, size_t *firstNUL, size_t *firstHigh) {
    uint32_t high = (uint32_t)_mm_movemask_epi8(a) | ((uint32_t)_mm_movemask_epi8(b) << 16);
    uint32_t zeros = equal32(a, b, _mm_setzero_si128());
    if (high != 0 && *firstHigh == SIZE_MAX) *firstHigh = i + (size_t)__builtin_ctz(high);
    if (zeros != 0 && *firstNUL == SIZE_MAX) *firstNUL = i + (size_t)__builtin_ctz(zeros);
}
#endif

size_t polku_line_feeds(const uint8_t *bytes, size_t from, size_t to, uint32_t *starts,
                        size_t capacity, polku_line_scan *scan) {
    size_t i = from, n = 0;
    scan->sawCarriageReturn = 0;
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8(0x0A), cr = _mm_set1_epi8(0x0D);
    // Thirty-two bytes a round, while there is room for a line feed in each.
    while (i + 32 <= to && capacity - n >= 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(bytes + i + 16));
        uint32_t feeds = equal32(a, b, lf);
        // A NUL, a carriage return or a byte that is not ASCII is rare: one test for all.
        __m128i rare = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, cr), _mm_cmpeq_epi8(b, cr)),
                                    _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, b), _mm_setzero_si128()),
                                                 _mm_or_si128(a, b)));
        if (_mm_movemask_epi8(rare) != 0) {
            uint32_t returns = equal32(a, b, cr);
            if (returns != 0) {
                // The line feeds and rare bytes before the first carriage return, then stop.
                size_t before = (size_t)__builtin_ctz(returns);
                for (size_t k = 0; k < before; k++) {
                    note(bytes[i + k], i + k, &scan->firstNUL, &scan->firstHigh);
                    if (bytes[i + k] == 0x0A) starts[n++] = (uint32_t)(i + k + 1);
                }
                scan->written = n;
                scan->sawCarriageReturn = 1;
                return i + before;
            }
            noteRare(a, b, i, &scan->firstNUL, &scan->firstHigh);
        }
        while (feeds != 0) {
            starts[n++] = (uint32_t)(i + (size_t)__builtin_ctz(feeds) + 1);
            feeds &= feeds - 1;
        }
        i += 32;
    }
#endif
    for (; i < to; i++) {
        uint8_t c = bytes[i];
        if (c == 0x0D) {
            scan->written = n;
            scan->sawCarriageReturn = 1;
            return i;
        }
        if (c == 0x0A) {
            if (n == capacity) break;
            starts[n++] = (uint32_t)(i + 1);
        } else {
            note(c, i, &scan->firstNUL, &scan->firstHigh);
        }
    }
    scan->written = n;
    return i;
}

void polku_first_nul_and_high(const uint8_t *bytes, size_t from, size_t to, size_t *firstNUL,
                              size_t *firstHigh) {
    size_t i = from;
#if defined(__SSE2__)
    for (; i + 32 <= to && (*firstNUL == SIZE_MAX || *firstHigh == SIZE_MAX); i += 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(bytes + i + 16));
        noteRare(a, b, i, firstNUL, firstHigh);
    }
#endif
    for (; i < to && (*firstNUL == SIZE_MAX || *firstHigh == SIZE_MAX); i++) note(bytes[i], i, firstNUL, firstHigh);
}
