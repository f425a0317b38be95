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
    private var offset: Int
    private var lineNumber = 0

    package init(_ source: SourceFile) {
        self.bytes = source.bytes
        self.offset = source.contentStart
    }

    /// A lexer whose first line is the 1-based line `line` of `source`, to lex one line again.
    init(_ source: SourceFile, line: Int) {
        self.bytes = source.bytes
        self.offset = line == 1 ? source.contentStart : source.lineStarts[line - 1]
        self.lineNumber = line - 1
    }

    /// How many bytes of blank start at `i` (before `end`): 1 for a space or a tab, 2 for a
    /// no-break space (C2 A0), 0 for anything else.
    @inline(__always) private func blank(at i: Int, before end: Int) -> Int {
        Blanks.length(in: bytes, at: i, before: end)
    }

    /// Like `blank(at:)`, for the blank that ends just before `i` (after `start`).
    @inline(__always) private func blank(endingAt i: Int, after start: Int) -> Int {
        Blanks.length(in: bytes, endingAt: i, after: start)
    }

    /// The next line, or nil at the end of the file. `tokens` is reused to save allocations.
    package mutating func nextLine(reusing tokens: inout [Token]) -> LexedLine? {
        tokens.removeAll(keepingCapacity: true)
        let count = bytes.count
        if offset >= count { return nil }
        lineNumber += 1
        let start = offset
        var end = start
        bytes.withUnsafeBufferPointer { buffer in
            // Eight bytes at a time while none of them ends the line.
            while end + 8 <= count {
                let word = UnsafeRawPointer(buffer.baseAddress! + end).loadUnaligned(as: UInt64.self)
                if ByteWords.hasByte(word, 0x0A) || ByteWords.hasByte(word, 0x0D) { break }
                end += 8
            }
            while end < count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
        }
        let lineEnd = end
        let terminator: LineTerminator
        if end == count {
            terminator = .missing
        } else if bytes[end] == 0x0A {
            terminator = .lf
        } else if end + 1 < count && bytes[end + 1] == 0x0A {
            terminator = .crlf
        } else {
            terminator = .cr
        }
        offset = end + terminator.length

        var i = start
        while i < lineEnd, case let n = blank(at: i, before: lineEnd), n > 0 { i += n }
        if i == lineEnd {
            return LexedLine(number: lineNumber, range: SourceRange(start, lineEnd), tokens: [], terminator: terminator)
        }
        if bytes[i] == UInt8(ascii: "#") {
            tokens.append(Token(kind: .comment, range: SourceRange(i, lineEnd)))
            return LexedLine(number: lineNumber, range: SourceRange(start, lineEnd), tokens: tokens, terminator: terminator)
        }
        // Head: words up to the first colon.
        while i < lineEnd {
            let b = bytes[i]
            let n = blank(at: i, before: lineEnd)
            if n > 0 {
                i += n
            } else if b == UInt8(ascii: ":") {
                tokens.append(Token(kind: .colon, range: SourceRange(i, i + 1)))
                i += 1
                while i < lineEnd, case let n = blank(at: i, before: lineEnd), n > 0 { i += n }
                var textEnd = lineEnd
                while textEnd > i, case let n = blank(endingAt: textEnd, after: i), n > 0 { textEnd -= n }
                tokens.append(Token(kind: .text, range: SourceRange(i, textEnd)))
                break
            } else {
                let wordStart = i
                while i < lineEnd {
                    if bytes[i] == UInt8(ascii: ":") || blank(at: i, before: lineEnd) > 0 { break }
                    i += 1
                }
                tokens.append(Token(kind: .word, range: SourceRange(wordStart, i)))
            }
        }
        return LexedLine(number: lineNumber, range: SourceRange(start, lineEnd), tokens: tokens, terminator: terminator)
    }
}

/// What a blank is, everywhere in a journey: a space, a tab, or a no-break space (C2 A0, which
/// word processors put into text copied from them).
package enum Blanks {
    /// How many bytes of blank start at `i` (before `end`): 1, 2 for a no-break space, or 0.
    @inline(__always)
    package static func length(in bytes: [UInt8], at i: Int, before end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Like `length(in:at:before:)`, for the blank that ends just before `i` (after `start`).
    @inline(__always)
    package static func length(in bytes: [UInt8], endingAt i: Int, after start: Int) -> Int {
        let b = bytes[i - 1]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xA0 && i - 2 >= start && bytes[i - 2] == 0xC2 { return 2 }
        return 0
    }
}
