#include "polku_bytes.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Notes byte `i` if it is the first NUL or the first byte that is not ASCII.
static inline void note(const uint8_t c, size_t i, polku_line_scan *scan) {
    if (c == 0 && scan->firstNUL == SIZE_MAX) scan->firstNUL = i;
    if (c >= 0x80 && scan->firstHigh == SIZE_MAX) scan->firstHigh = i;
}

#if defined(__SSE2__)
/// A bit for each of the thirty-two bytes in `a` and `b` equal to `value`.
static inline uint32_t equal32(__m128i a, __m128i b, __m128i value) {
    return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, value))
        | ((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, value)) << 16);
}
#endif

size_t polku_line_starts(const uint8_t *bytes, size_t count, size_t from, size_t to, uint32_t *starts,
                         size_t capacity, polku_line_scan *scan) {
    size_t i = from, n = 0;
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8(0x0A), cr = _mm_set1_epi8(0x0D), zero = _mm_setzero_si128();
    // Thirty-two bytes a round, while there is room for a line end in each.
    while (i + 32 <= to && capacity - n >= 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(bytes + i + 16));
        uint32_t ends = equal32(a, b, lf);
        // A NUL, a carriage return or a byte that is not ASCII is rare: one test for all.
        __m128i rare = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, cr), _mm_cmpeq_epi8(b, cr)),
                                    _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, b), zero), _mm_or_si128(a, b)));
        if (_mm_movemask_epi8(rare) != 0) {
            // A CR ends its line unless a LF follows it (the LF then does); the byte after
            // the thirty-second is the next round's first, or none at the end.
            uint32_t returns = equal32(a, b, cr);
            uint32_t feedNext = ends >> 1;
            if (i + 32 < count && bytes[i + 32] == 0x0A) feedNext |= 1u << 31;
            ends |= returns & ~feedNext;
            uint32_t high = (uint32_t)_mm_movemask_epi8(a) | ((uint32_t)_mm_movemask_epi8(b) << 16);
            uint32_t zeros = equal32(a, b, zero);
            if (high != 0 && scan->firstHigh == SIZE_MAX) scan->firstHigh = i + (size_t)__builtin_ctz(high);
            if (zeros != 0 && scan->firstNUL == SIZE_MAX) scan->firstNUL = i + (size_t)__builtin_ctz(zeros);
        }
        while (ends != 0) {
            starts[n++] = (uint32_t)(i + (size_t)__builtin_ctz(ends) + 1);
            ends &= ends - 1;
        }
        i += 32;
    }
#endif
    for (; i < to; i++) {
        uint8_t c = bytes[i];
        if (c == 0x0A || (c == 0x0D && (i + 1 == count || bytes[i + 1] != 0x0A))) {
            if (n == capacity) break;
            starts[n++] = (uint32_t)(i + 1);
        } else {
            note(c, i, scan);
        }
    }
    scan->written = n;
    return i;
}
