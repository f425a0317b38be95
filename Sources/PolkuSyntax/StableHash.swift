/// A short hash that is the same on every machine and every run (FNV-1a, 64 bits), written as
/// 16 hexadecimal digits: enough to tell two versions of a text apart, or to name a finding.
/// Not for security.
package enum StableHash {
    package static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hasher = Hasher()
        hasher.add(bytes)
        return hasher.hex
    }

    /// The hash of bytes given in parts, as if they were given as one text: for a text made
    /// of pieces (a finding's rule and subject), hashed without joining them into a string.
    package struct Hasher {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        package init() {}

        package mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            // Through a buffer when the bytes have one (a string's UTF-8 does): SARIF names
            // each of 40,000 findings by this hash.
            let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in for b in buffer { add(b) } }
            if hashed == nil { for b in bytes { add(b) } }
        }

        package mutating func add(_ text: StaticString) {
            text.withUTF8Buffer { add($0) }
        }

        @inline(__always)
        package mutating func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }

        /// The hash as 16 hexadecimal digits.
        package var hex: String {
            String(unsafeUninitializedCapacity: 16) { digits in
                for i in 0..<16 {
                    let nibble = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(i))) & 0xF
                    digits[i] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                }
                return 16
            }
        }
    }
}
