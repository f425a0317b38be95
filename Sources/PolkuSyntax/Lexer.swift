/// The kinds of token a journey line is made of.
package enum TokenKind: UInt8, Sendable {
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
package struct Token: Hashable, Sendable {
    package var kind: TokenKind
    package var range: SourceRange
}

/// How a line ends.
package enum LineTerminator: UInt8, Sendable, CaseIterable {
    /// No line ending: the last line of a file that does not end with one.
    case missing
    /// `\n`
    case lf
    /// `\r\n`
    case crlf
    /// A `\r` with no `\n` after it: the line end of classic Mac files and some exports.
    case cr

    /// How many bytes it takes.
    package var length: Int {
        switch self {
        case .missing: 0
        case .lf, .cr: 1
        case .crlf: 2
        }
    }
}

/// One physical line, split into tokens.
package struct LexedLine: Sendable {
    /// 1-based line number.
    package var number: Int
    /// The line's bytes without its line ending.
    package var range: SourceRange
    /// Empty for a blank line.
    package var tokens: [Token]
    /// The line ending after `range`.
    package var terminator: LineTerminator = .missing
}

/// Splits a file into lines and each line into tokens, working on UTF-8 bytes.
///
/// The language is line-oriented, so the lexer hands out one line at a time: the parser
/// never holds more than one line of tokens, and a bad line cannot disturb the next one.
/// Blanks are spaces, tabs and no-break spaces (U+00A0, which word processors put into text
/// copied from them); a line ends at `\n`, `\r\n` or a `\r` on its own.
package struct Lexer {
    private let bytes: [UInt8]
    /// The source's line index: where each line starts (the lexer does not look for line
    /// ends again).
    private let lineStarts: LineStarts
    private var offset: Int
    private var lineNumber = 0

    package init(_ source: SourceFile) {
        self.bytes = source.bytes
        self.lineStarts = source.lineStarts
        self.offset = source.contentStart
    }

    /// A lexer whose first line is the 1-based line `line` of `source`, to lex one line again.
    init(_ source: SourceFile, line: Int) {
        self.bytes = source.bytes
        self.lineStarts = source.lineStarts
        self.offset = line == 1 ? source.contentStart : source.lineStarts[line - 1]
        self.lineNumber = line - 1
    }

    /// The next line, or nil at the end of the file. `tokens` is reused to save allocations.
    package mutating func nextLine(reusing tokens: inout [Token]) -> LexedLine? {
        guard let line = nextBounds() else {
            while !tokens.isEmpty { tokens.removeLast() }
            return nil
        }
        lex(line.range, into: &tokens)
        return LexedLine(number: line.number, range: line.range, tokens: tokens, terminator: line.terminator)
    }

    /// The tokens of `range`, one line of the file, into `tokens` (emptied first).
    package func lex(_ range: SourceRange, into tokens: inout [Token]) {
        // One `removeLast` a token (a line has at most a few): `removeAll(keepingCapacity:)`
        // goes through the general `replaceSubrange`, which costs more than lexing the line.
        while !tokens.isEmpty { tokens.removeLast() }
        bytes.withUnsafeBufferPointer { b in
            Self.tokens(b, from: range.start, to: range.end, into: &tokens)
        }
    }

    /// The next line's number, bytes and line ending, without its tokens (for a caller that
    /// reads the commonest lines itself and lexes only the others, with `lex(_:into:)`).
    package mutating func nextBounds() -> (number: Int, range: SourceRange, terminator: LineTerminator)? {
        let count = bytes.count
        if offset >= count { return nil }
        lineNumber += 1
        let start = offset
        // The line ends where the next one starts, less its line ending.
        let lineEnd: Int
        let terminator: LineTerminator
        if lineNumber < lineStarts.count {
            let next = lineStarts[lineNumber]
            if bytes[next - 1] == 0x0D {
                terminator = .cr
                lineEnd = next - 1
            } else if next - 2 >= start && bytes[next - 2] == 0x0D {
                terminator = .crlf
                lineEnd = next - 2
            } else {
                terminator = .lf
                lineEnd = next - 1
            }
            offset = next
        } else {
            terminator = .missing
            lineEnd = count
            offset = count
        }
        return (lineNumber, SourceRange(start, lineEnd), terminator)
    }

    /// The tokens of the line `start..<lineEnd`.
    private static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to lineEnd: Int, into tokens: inout [Token]) {
        @inline(__always) func blank(_ i: Int) -> Int { Blanks.length(in: bytes, at: i, before: lineEnd) }
        var i = start
        while i < lineEnd, case let n = blank(i), n > 0 { i += n }
        if i == lineEnd { return }
        if bytes[i] == UInt8(ascii: "#") {
            tokens.append(Token(kind: .comment, range: SourceRange(i, lineEnd)))
            return
        }
        // Head: words up to the first colon.
        while i < lineEnd {
            let b = bytes[i]
            let n = blank(i)
            if n > 0 {
                i += n
            } else if b == UInt8(ascii: ":") {
                tokens.append(Token(kind: .colon, range: SourceRange(i, i + 1)))
                tokens.append(Token(kind: .text, range: Blanks.trimmed(bytes, from: i + 1, to: lineEnd)))
                return
            } else {
                let wordStart = i
                while i < lineEnd {
                    let c = bytes[i]
                    if c == UInt8(ascii: ":") || c == 0x20 || c == 0x09 || (c == 0xC2 && blank(i) > 0) { break }
                    i += 1
                }
                tokens.append(Token(kind: .word, range: SourceRange(wordStart, i)))
            }
        }
    }
}

/// What a blank is, everywhere in a journey: a space, a tab, or a no-break space (C2 A0, which
/// word processors put into text copied from them).
package enum Blanks {
    /// How many bytes of blank start at `i` (before `end`): 1, 2 for a no-break space, or 0.
    @inline(__always)
    package static func length(in bytes: UnsafeBufferPointer<UInt8>, at i: Int, before end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Like `length(in:at:before:)`, for the blank that ends just before `i` (after `start`).
    @inline(__always)
    package static func length(in bytes: UnsafeBufferPointer<UInt8>, endingAt i: Int, after start: Int) -> Int {
        let b = bytes[i - 1]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xA0 && i - 2 >= start && bytes[i - 2] == 0xC2 { return 2 }
        return 0
    }

    /// `start..<end` without the blanks at either end: the text after a colon.
    @inline(__always)
    package static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> SourceRange {
        var i = start
        while i < end, case let n = length(in: bytes, at: i, before: end), n > 0 { i += n }
        var textEnd = end
        while textEnd > i, case let n = length(in: bytes, endingAt: textEnd, after: i), n > 0 { textEnd -= n }
        return SourceRange(i, textEnd)
    }

    /// `length(in:at:before:)` on an array.
    @inline(__always)
    package static func length(in bytes: [UInt8], at i: Int, before end: Int) -> Int {
        bytes.withUnsafeBufferPointer { length(in: $0, at: i, before: end) }
    }

    /// `length(in:endingAt:after:)` on an array.
    @inline(__always)
    package static func length(in bytes: [UInt8], endingAt i: Int, after start: Int) -> Int {
        bytes.withUnsafeBufferPointer { length(in: $0, endingAt: i, after: start) }
    }
}
