/// The kinds of token a journey line is made of.
public enum TokenKind: UInt8, Sendable {
    /// A run of non-blank bytes before the first colon: a keyword or an id.
    case word
    /// The first `:` on a statement line.
    case colon
    /// Everything after the colon, without the blanks around it (may be empty).
    case text
    /// A whole-line comment, from `#` to the end of the line.
    case comment
}

/// A token and the bytes it covers.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange
}

/// One physical line, split into tokens.
public struct LexedLine: Sendable {
    /// 1-based line number.
    public var number: Int
    /// The line's bytes without its line ending.
    public var range: SourceRange
    /// Empty for a blank line.
    public var tokens: [Token]
}

/// Splits a file into lines and each line into tokens, working on UTF-8 bytes.
///
/// The language is line-oriented, so the lexer hands out one line at a time: the parser
/// never holds more than one line of tokens, and a bad line cannot disturb the next one.
/// Blanks are spaces and tabs; a line ends at `\n`, and a `\r` before it is dropped.
public struct Lexer {
    private let bytes: [UInt8]
    private var offset: Int
    private var lineNumber = 0

    public init(_ source: SourceFile) {
        self.bytes = source.bytes
        self.offset = source.contentStart
    }

    @inline(__always) private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// The next line, or nil at the end of the file. `tokens` is reused to save allocations.
    public mutating func nextLine(reusing tokens: inout [Token]) -> LexedLine? {
        tokens.removeAll(keepingCapacity: true)
        let count = bytes.count
        if offset >= count { return nil }
        lineNumber += 1
        let start = offset
        var end = start
        while end < count && bytes[end] != 0x0A { end += 1 }
        offset = end + 1
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }

        var i = start
        while i < lineEnd && Self.isBlank(bytes[i]) { i += 1 }
        if i == lineEnd {
            return LexedLine(number: lineNumber, range: SourceRange(start, lineEnd), tokens: [])
        }
        if bytes[i] == UInt8(ascii: "#") {
            tokens.append(Token(kind: .comment, range: SourceRange(i, lineEnd)))
            return LexedLine(number: lineNumber, range: SourceRange(start, lineEnd), tokens: tokens)
        }
        // Head: words up to the first colon.
        while i < lineEnd {
            let b = bytes[i]
            if Self.isBlank(b) {
                i += 1
            } else if b == UInt8(ascii: ":") {
                tokens.append(Token(kind: .colon, range: SourceRange(i, i + 1)))
                i += 1
                while i < lineEnd && Self.isBlank(bytes[i]) { i += 1 }
                var textEnd = lineEnd
                while textEnd > i && Self.isBlank(bytes[textEnd - 1]) { textEnd -= 1 }
                tokens.append(Token(kind: .text, range: SourceRange(i, textEnd)))
                break
            } else {
                let wordStart = i
                while i < lineEnd {
                    let c = bytes[i]
                    if Self.isBlank(c) || c == UInt8(ascii: ":") { break }
                    i += 1
                }
                tokens.append(Token(kind: .word, range: SourceRange(wordStart, i)))
            }
        }
        return LexedLine(number: lineNumber, range: SourceRange(start, lineEnd), tokens: tokens)
    }
}
