/// Tests on eight bytes at once, read as one 64-bit word, for the writers (the usual
/// tricks: a byte's top bit says whether it passed). A result is exact up to the first byte
/// that passes, in memory order when the word was loaded little-endian: a byte above it may
/// be marked too, never one below. So a result that is not zero means some byte passed, and
/// its `trailingZeroBitCount / 8` is the index of the first one.
package enum ByteWords {
    /// The top bit of each byte of `word` below `n` (for `n` up to 0x80).
    @inline(__always)
    package static func below(_ word: UInt64, _ n: UInt8) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(n)) & ~word & 0x8080_8080_8080_8080
    }

    /// The top bit of each byte of `word` that is `byte`.
    @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        below(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)), 1)
    }

    /// Whether some byte of `bytes` passes: `word` tells for eight bytes loaded as a word,
    /// `byte` for each of the last few.
    @inline(__always)
    package static func any(_ bytes: UnsafeBufferPointer<UInt8>, _ word: (UInt64) -> Bool, _ byte: (UInt8) -> Bool) -> Bool {
        first(bytes, from: 0, { word($0) ? 1 : 0 }, byte) != nil
    }

    /// The index of the first byte of `bytes` from `start` on that passes: `marks` marks the
    /// bytes of eight loaded as a word that pass (as the tests above do), `byte` tells for
    /// each of the last few.
    @inline(__always)
    package static func first(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ marks: (UInt64) -> UInt64,
                              _ byte: (UInt8) -> Bool) -> Int? {
        var i = start
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let marked = marks(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                if marked != 0 { return i + marked.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < bytes.count {
            if byte(bytes[i]) { return i }
            i += 1
        }
        return nil
    }
}
