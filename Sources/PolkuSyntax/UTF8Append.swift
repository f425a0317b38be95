extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes in one copy. `append(contentsOf: text.utf8)` goes
    /// through the string's view, about 170 instructions even for two bytes (a quarter of
    /// that more than this), and a report of 40,000 findings makes a quarter of a million.
    @inlinable
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a literal's UTF-8 bytes (`out.append(literal: ": ")`).
    @inlinable
    package mutating func append(literal text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
