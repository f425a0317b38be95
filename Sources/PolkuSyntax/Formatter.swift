/// Polku's one layout for a journey file, written from the lossless syntax tree (`polku fmt`).
///
/// - Headers of the journey, personas, channels and phases start at the margin, steps are
///   indented two spaces; attribute lines two more than their header, except the journey's,
///   which stand at the margin under it (as in the language's baseline).
/// - One blank line before each persona, channel and phase header and before each step that
///   does not directly follow its phase header; no blank lines between a header and its
///   attribute lines; other runs of blank lines become one; none at the end.
/// - `keyword: value` with one space after the colon and none before it; no blanks at the
///   end of a line; every line ends as the file's first line does (LF or CRLF), and the last
///   one ends too.
/// - Every keyword, built-in channel name (in `via:`, `channels:` and a `channel` header),
///   `end` (in `next:`) and `because` (in `allow:`) in its preferred spelling in one
///   language: the file's own (the language most of its keywords are in), or `target` to
///   translate the journey. Ids and every other text stay as written.
/// - Comments keep their text and take the indentation of the line they stand above.
/// - A line with an error is kept exactly as written (only its line ending may change): the
///   formatter never loses a character of what the user wrote. The byte order mark stays.
///
/// Formatting is idempotent: a formatted file formats to itself.
package enum Formatter {
    /// The formatted file, or nil for a file that is not text (it contains a NUL byte).
    package static func format(_ tree: SyntaxTree, to target: KeywordLanguage? = nil) -> [UInt8]? {
        var writer = Writer(tree, language: target ?? tree.language)
        return writer.run()
    }
}

private struct Writer {
    let tree: SyntaxTree
    let bytes: [UInt8]
    let language: KeywordLanguage
    var out: [UInt8] = []
    let newline: [UInt8]
    /// Blank lines and comments read since the last statement, to be written above the next.
    var pending: [Pending] = []
    enum Pending { case blank, comment(SourceRange) }
    /// What the last statement written was, for the blank-line rules.
    var previous: Previous = .nothing
    enum Previous { case nothing, phaseHeader, other }

    init(_ tree: SyntaxTree, language: KeywordLanguage) {
        self.tree = tree
        bytes = tree.source.bytes
        self.language = language
        let first = tree.lines.first { $0.terminator != .missing }?.terminator
        newline = first == .crlf ? [0x0D, 0x0A] : [0x0A]
    }

    mutating func run() -> [UInt8]? {
        let lines = tree.lines
        if lines.contains(where: { $0.kind == .binary }) { return nil }
        out.reserveCapacity(bytes.count + bytes.count / 8)
        out.append(contentsOf: bytes[tree.leadingTrivia.start..<tree.leadingTrivia.end])
        for line in lines {
            switch line.kind {
            case .blank: pending.append(.blank)
            case .comment:
                let start = tree.tokens(of: line).first?.range.start ?? line.content.start
                pending.append(.comment(SourceRange(start, trimmedEnd(line.content))))
            case .header where line.error == nil || line.error == .missingTitle:
                header(line)
            case .attribute:
                attribute(line)
            case .header, .detachedAttribute, .invalid, .binary:
                // Kept exactly as written.
                statement(indent: nil, blank: .keep) { w in w.out.append(contentsOf: w.bytes[line.content.start..<line.content.end]) }
                previous = .other
            }
        }
        // Comments after the last statement stay, at the margin; blank lines at the end go.
        while case .blank? = pending.last { pending.removeLast() }
        flushPending(indent: 0, blank: .keep)
        return out
    }

    enum BlankRule { case required, forbidden, keep }

    // MARK: - Statements

    /// Writes what is pending above a statement, then the statement and its line ending.
    mutating func statement(indent: Int?, blank: BlankRule, _ body: (inout Writer) -> Void) {
        flushPending(indent: indent ?? 0, blank: blank)
        if let indent { out.append(contentsOf: repeatElement(0x20, count: indent)) }
        body(&self)
        out.append(contentsOf: newline)
    }

    /// The pending comments, each at `indent`: above them a blank line as `blank` says
    /// (`keep`: if there was one); between them one blank line for each run of them; below
    /// them one if there was one, unless the statement takes none.
    mutating func flushPending(indent: Int, blank: BlankRule) {
        let comments = pending.indices.filter { if case .comment = pending[$0] { return true }; return false }
        let blankAbove = pending.first.map { if case .blank = $0 { return true }; return false } ?? false
        let atStart = out.count == tree.leadingTrivia.count
        if !atStart && (blank == .required || (blank == .keep && blankAbove)) { out.append(contentsOf: newline) }
        guard let first = comments.first, let last = comments.last else {
            pending.removeAll(keepingCapacity: true)
            return
        }
        var blankRun = false
        for item in pending[first...last] {
            switch item {
            case .blank:
                if !blankRun { out.append(contentsOf: newline) }
                blankRun = true
            case .comment(let range):
                out.append(contentsOf: repeatElement(0x20, count: indent))
                out.append(contentsOf: bytes[range.start..<range.end])
                out.append(contentsOf: newline)
                blankRun = false
            }
        }
        if last + 1 < pending.count && blank != .forbidden { out.append(contentsOf: newline) }
        pending.removeAll(keepingCapacity: true)
    }

    mutating func header(_ line: SyntaxLine) {
        guard let d = line.declaration, let p = tree.pieces(of: line) else { return }
        let declaration = tree.declarations[d]
        let indent: Int
        let rule: BlankRule
        let meaning: KeywordMeaning
        switch declaration.kind {
        case .journey: (indent, rule, meaning) = (0, .keep, .header(.journey))
        case .persona: (indent, rule, meaning) = (0, .required, .header(.persona))
        case .channel: (indent, rule, meaning) = (0, .required, .header(.channel))
        case .step: (indent, rule, meaning) = (2, previous == .phaseHeader ? .forbidden : .required, .header(.step))
        case .phase(let phase): (indent, rule, meaning) = (0, .required, .phase(phase))
        }
        statement(indent: indent, blank: rule) { w in
            w.word(meaning)
            if let id = p.id {
                w.out.append(0x20)
                if case .channel = declaration.kind, let builtin = w.builtinChannel(id) {
                    w.word(.channel(builtin))
                } else {
                    w.out.append(contentsOf: w.bytes[id.start..<id.end])
                }
            }
            w.out.append(UInt8(ascii: ":"))
            if !p.value.isEmpty {
                w.out.append(0x20)
                w.out.append(contentsOf: w.bytes[p.value.start..<p.value.end])
            }
        }
        if case .phase = declaration.kind { previous = .phaseHeader } else { previous = .other }
    }

    mutating func attribute(_ line: SyntaxLine) {
        guard let d = line.declaration, let a = line.attribute, let p = tree.pieces(of: line) else { return }
        let declaration = tree.declarations[d]
        let attribute = declaration.attributes[a]
        let indent: Int = switch declaration.kind {
        case .journey: 0
        case .step: 4
        default: 2
        }
        statement(indent: indent, blank: .forbidden) { w in
            w.word(.attribute(attribute.kind))
            w.out.append(contentsOf: Array(": ".utf8))
            switch attribute.kind {
            case .via, .channels: w.list(p.value) { w, item in
                    if let builtin = w.builtinChannel(item) { w.word(.channel(builtin)) } else { w.copy(item) }
                }
            case .next: w.list(p.value) { w, item in
                    if Keywords.lookup(w.lowered(item), kind: "value")?.meaning == .end { w.word(.end) } else { w.copy(item) }
                }
            case .allow: w.allow(p.value)
            default: w.copy(p.value)
            }
        }
        previous = .other
    }

    // MARK: - Pieces

    mutating func word(_ meaning: KeywordMeaning) {
        out.append(contentsOf: Keywords.entry(for: meaning).preferred(language).utf8)
    }

    mutating func copy(_ range: SourceRange) { out.append(contentsOf: bytes[range.start..<range.end]) }

    /// A comma-separated value, each item without blanks around it, joined by ", ".
    mutating func list(_ value: SourceRange, _ item: (inout Writer, SourceRange) -> Void) {
        var start = value.start
        var first = true
        for i in value.start...value.end where i == value.end || bytes[i] == UInt8(ascii: ",") {
            let piece = trimmed(SourceRange(start, i))
            if !first { out.append(contentsOf: Array(", ".utf8)) }
            item(&self, piece)
            first = false
            start = i + 1
        }
    }

    /// `allow: <rules> because <reason>`: the word `because` in the language, the rest as written.
    mutating func allow(_ value: SourceRange) {
        var i = value.start
        while i < value.end {
            while i < value.end && isBlank(i) { i += 1 }
            var j = i
            while j < value.end && !isBlank(j) { j += 1 }
            if j > i, Keywords.lookup(lowered(SourceRange(i, j)), kind: "value")?.meaning == .because {
                copy(SourceRange(value.start, i))
                word(.because)
                copy(SourceRange(j, value.end))
                return
            }
            i = j
        }
        copy(value)
    }

    func builtinChannel(_ range: SourceRange) -> BuiltinChannel? {
        Keywords.builtinChannel(named: String(decoding: bytes[range.start..<range.end], as: UTF8.self))
    }

    func lowered(_ range: SourceRange) -> String { String(decoding: bytes[range.start..<range.end], as: UTF8.self).lowercased() }

    func isBlank(_ i: Int) -> Bool { bytes[i] == 0x20 || bytes[i] == 0x09 }

    /// The range without blanks (space, tab, no-break space) at either end.
    func trimmed(_ range: SourceRange) -> SourceRange {
        var s = range.start, e = range.end
        while s < e, Blanks.length(in: bytes, at: s, before: e) > 0 { s += Blanks.length(in: bytes, at: s, before: e) }
        while e > s, Blanks.length(in: bytes, endingAt: e, after: s) > 0 { e -= Blanks.length(in: bytes, endingAt: e, after: s) }
        return SourceRange(s, e)
    }

    func trimmedEnd(_ range: SourceRange) -> Int {
        var e = range.end
        while e > range.start, Blanks.length(in: bytes, endingAt: e, after: range.start) > 0 {
            e -= Blanks.length(in: bytes, endingAt: e, after: range.start)
        }
        return e
    }
}
