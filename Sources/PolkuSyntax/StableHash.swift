/// A short hash that is the same on every machine and every run (FNV-1a, 64 bits), written as
/// 16 hexadecimal digits: enough to tell two versions of a text apart, or to name a finding.
/// Not for security.
package enum StableHash {
    package static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ b: UInt8) {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        // Through a buffer when the bytes have one (a string's UTF-8 does): SARIF names each
        // of 40,000 findings by this hash.
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in for b in buffer { add(b) } }
        if hashed == nil { for b in bytes { add(b) } }
        return String(unsafeUninitializedCapacity: 16) { digits in
            for i in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(i))) & 0xF
                digits[i] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
