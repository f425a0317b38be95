#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching bytes for bytes, for writers that take apart what Graphviz wrote (a 2,000-step
/// SVG is 3 MB).
package enum ByteSearch {
    /// Where `needle` starts in `bytes` at or after `from`; nil when it does not, or when
    /// `needle` is empty. memchr to each candidate first byte, memcmp for the rest.
    package static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        let last = bytes.count - needle.count
        guard !needle.isEmpty, from >= 0, from <= last else { return nil }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let base = hay.baseAddress!
                var i = from
                while i <= last {
                    guard let hit = memchr(base + i, Int32(pin[0]), last - i + 1) else { return nil }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, pin.baseAddress!, pin.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }
}
