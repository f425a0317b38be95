/// What one line of a file is, in the lossless view of the tree (`SyntaxTree.lines`).
package enum SyntaxLineKind: UInt8, Sendable, CaseIterable {
    /// Nothing but blanks.
    case blank
    /// A whole-line comment: `#` after optional blanks.
    case comment
    /// A header or phase line that opened a declaration (it may still carry an error, such
    /// as `missing-title`, when the declaration was kept all the same).
    case header
    /// A valid attribute, in its declaration's `attributes`.
    case attribute
    /// An attribute kept out of the declarations, in `SyntaxTree.detachedAttributes`: orphan,
    /// misplaced or empty (the line carries that error), or under a header line that could
    /// not be read (no error of its own: the header line has it).
    case detachedAttribute
    /// A line that is no statement: unknown keyword, missing colon, missing keyword.
    case invalid
    /// The whole file, which contains a NUL byte and was not read line by line.
    case binary
}

/// One line's node as the tree stores it: 12 bytes, whatever the line holds. Its byte range
/// is not stored: node `i` is line `i + 1` of the source, whose start the source's line index
/// already knows, and the line ends where the next one starts.
struct LineNode: Sendable {
    /// Header and attribute: the declaration's index. Detached attribute: its index in
    /// `detachedAttributes`.
    var first: Int32 = -1
    /// Attribute: its index in the declaration's attributes. Header: how many of the words
    /// before the colon are the keyword (the rest are the id).
    var second: Int32 = -1
    var kind: SyntaxLineKind
    var terminator: LineTerminator = .missing
    /// 0 for none, else the error's place in `ErrorCode.allCases` plus one.
    var error: UInt8 = 0

    init(_ kind: SyntaxLineKind, first: Int = -1, second: Int = -1) {
        self.kind = kind
        self.first = Int32(first)
        self.second = Int32(second)
    }

    static let errorCodes = ErrorCode.allCases

    static func encode(_ code: ErrorCode) -> UInt8 {
        UInt8(errorCodes.firstIndex(of: code)! + 1)
    }

    var errorCode: ErrorCode? { error == 0 ? nil : Self.errorCodes[Int(error) - 1] }
}

/// One line of a file and what the parser made of it.
package struct SyntaxLine: Hashable, Sendable {
    /// 1-based line number (a binary file is one node, line 1).
    package var number: Int
    package var kind: SyntaxLineKind
    /// The line without its line ending (on line 1, without the byte order mark).
    package var content: SourceRange
    package var terminator: LineTerminator
    /// The first error the parser reported on this line, if any. Errors about the whole file
    /// (`invalid-utf8`, `missing-journey`) belong to no line.
    package var error: ErrorCode?
    /// Header: its index in `SyntaxTree.declarations`; attribute: its declaration's index.
    package var declaration: Int?
    /// Attribute: its index in that declaration's `attributes`.
    package var attribute: Int?
    /// Detached attribute: its index in `SyntaxTree.detachedAttributes`.
    package var detachedAttribute: Int?

    /// The line ending's bytes (empty for `.missing`).
    package var terminatorRange: SourceRange { SourceRange(content.end, content.end + terminator.length) }
    /// The whole line, with its line ending.
    package var range: SourceRange { SourceRange(content.start, content.end + terminator.length) }
}

/// The lines of a syntax tree in file order: every line of the file is one element, and
/// together with the byte order mark (`SyntaxTree.leadingTrivia`) they cover every byte.
package struct SyntaxLines: RandomAccessCollection, Sendable {
    let source: SourceFile
    let nodes: [LineNode]

    package var startIndex: Int { 0 }
    package var endIndex: Int { nodes.count }

    package subscript(index: Int) -> SyntaxLine {
        let node = nodes[index]
        let start: Int
        var end = source.bytes.count
        if node.kind == .binary {
            start = source.contentStart
        } else {
            start = index == 0 ? source.contentStart : source.lineStarts[index]
            if index + 1 < source.lineStarts.count { end = source.lineStarts[index + 1] }
        }
        let content = SourceRange(start, end - node.terminator.length)
        var line = SyntaxLine(number: index + 1, kind: node.kind, content: content, terminator: node.terminator,
                              error: node.errorCode)
        switch node.kind {
        case .header:
            line.declaration = Int(node.first)
        case .attribute:
            line.declaration = Int(node.first)
            line.attribute = Int(node.second)
        case .detachedAttribute:
            line.detachedAttribute = Int(node.first)
        case .blank, .comment, .invalid, .binary:
            break
        }
        return line
    }
}

/// The parts of a statement line that a formatter rewrites. Between them there are only
/// blanks: after `indentation` comes `keyword`, then `id` if any, `colon` and `value`, and
/// then trailing blanks up to the end of the line.
package struct StatementPieces: Hashable, Sendable {
    /// The blanks before the keyword.
    package var indentation: SourceRange
    /// The keyword: one word for a header, every word before the colon for a phase, an
    /// attribute or an unknown keyword; empty (at the colon) when the line starts with one.
    package var keyword: SourceRange
    /// A header's id as written, from its first word to its last (also when it is not a
    /// valid id, and the declaration's `id` is nil).
    package var id: SourceRange?
    package var colon: SourceRange
    /// The text after the colon without the blanks around it (may be empty).
    package var value: SourceRange
}

extension SyntaxTree {
    /// Every line of the file, in order.
    package var lines: SyntaxLines { SyntaxLines(source: source, nodes: nodes) }

    /// What comes before the first line: the byte order mark, or nothing.
    package var leadingTrivia: SourceRange { SourceRange(0, source.contentStart) }

    /// How many bytes the tree keeps for each line (detached attributes aside).
    package static var storedBytesPerLine: Int { MemoryLayout<LineNode>.stride }

    /// Frees the declarations, the detached attributes and the line nodes, for a caller that
    /// keeps only the diagnostics and what it resolved (`language` stays right).
    package mutating func dropSyntax() {
        declarations = []
        declarationChunks = []
        detachedAttributes = []
        nodes = []
    }

    /// The tokens of one line, lexed again (not kept in the tree, to keep it small).
    package func tokens(of line: SyntaxLine) -> [Token] {
        guard line.kind != .binary else { return [] }
        var lexer = Lexer(source, line: line.number)
        var tokens: [Token] = []
        _ = lexer.nextLine(reusing: &tokens)
        return tokens
    }

    /// The blanks before a line's first token; the whole line if it is blank.
    package func indentation(of line: SyntaxLine) -> SourceRange {
        SourceRange(line.content.start, tokens(of: line).first?.range.start ?? line.content.end)
    }

    /// The parts of a header, attribute or invalid line that has a colon (or of a phase
    /// header that lacks one); nil for any other line.
    package func pieces(of line: SyntaxLine) -> StatementPieces? {
        switch line.kind {
        case .header, .attribute, .detachedAttribute, .invalid: break
        case .blank, .comment, .binary: return nil
        }
        let tokens = tokens(of: line)
        guard let colonIndex = tokens.firstIndex(where: { $0.kind == .colon }) else {
            // A phase header written without its colon (`before`): all its words are the
            // keyword, the colon is empty at their end, and so is the value.
            guard line.kind == .header, let first = tokens.first, let last = tokens.last else { return nil }
            let end = SourceRange(last.range.end, last.range.end)
            return StatementPieces(indentation: SourceRange(line.content.start, first.range.start),
                                   keyword: SourceRange(first.range.start, last.range.end), id: nil, colon: end, value: end)
        }
        let colon = tokens[colonIndex].range
        let value = tokens[colonIndex + 1].range
        let indentation = SourceRange(line.content.start, tokens[0].range.start)
        guard colonIndex > 0 else {
            return StatementPieces(indentation: indentation, keyword: SourceRange(colon.start, colon.start),
                                   id: nil, colon: colon, value: value)
        }
        var keywordWords = colonIndex
        if line.kind == .header { keywordWords = min(colonIndex, max(1, Int(nodes[line.number - 1].second))) }
        let keyword = SourceRange(tokens[0].range.start, tokens[keywordWords - 1].range.end)
        let id = keywordWords < colonIndex
            ? SourceRange(tokens[keywordWords].range.start, tokens[colonIndex - 1].range.end) : nil
        return StatementPieces(indentation: indentation, keyword: keyword, id: id, colon: colon, value: value)
    }

    /// The file written back from the tree's nodes: the byte order mark, then each line's
    /// content and its line ending (written from its kind). For a tree the parser made, this is the input byte for byte.
    package func printed() -> [UInt8] {
        let bytes = source.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[leadingTrivia.start..<leadingTrivia.end])
        for line in lines {
            out.append(contentsOf: bytes[line.content.start..<line.content.end])
            switch line.terminator {
            case .missing: break
            case .lf: out.append(0x0A)
            case .crlf: out.append(contentsOf: [0x0D, 0x0A])
            case .cr: out.append(0x0D)
            }
        }
        return out
    }
}
