/// A short hash that is the same on every machine and every run (FNV-1a, 64 bits), written as
/// 16 hexadecimal digits: enough to tell two versions of a text apart, or to name a finding.
/// Not for security.
package enum StableHash {
    package static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
