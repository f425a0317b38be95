/// A path as the system sees it: bytes, which need not be UTF-8 (a name saved by an old
/// system in Latin-1 is still a file to check), with a form to show people.
package struct FilePath: Hashable, Sendable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    package var bytes: [UInt8]

    package init(_ string: String) { bytes = Array(string.utf8) }
    package init(bytes: [UInt8]) { self.bytes = bytes }

    /// The path for messages: bytes that are not UTF-8 are shown as U+FFFD.
    package var description: String { String(decoding: bytes, as: UTF8.self) }

    /// `/`-joined, without doubling a slash.
    package func appending(_ name: [UInt8]) -> FilePath {
        var out = bytes
        if out.last != UInt8(ascii: "/") { out.append(UInt8(ascii: "/")) }
        out += name
        return FilePath(bytes: out)
    }

    /// The folder the path is in (`.` for a bare name, `/` for the root).
    package var folder: FilePath {
        var end = bytes.count
        while end > 1 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        guard let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return FilePath(".") }
        return slash == 0 ? FilePath("/") : FilePath(bytes: Array(bytes[..<slash]))
    }

    /// Calls `body` with the path as a NUL-terminated C string.
    package func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
