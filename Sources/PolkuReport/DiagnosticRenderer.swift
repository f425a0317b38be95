import PolkuEscaping
import PolkuSyntax

/// A diagnostic together with the file it belongs to.
package struct FileDiagnostic: Sendable {
    package var source: SourceFile
    package var diagnostic: Diagnostic
    /// The language the file's keywords are written in; nil for a file that could not be
    /// read as a journey (it does not exist, or it is the configuration).
    package var keywords: KeywordLanguage?

    package init(_ source: SourceFile, _ diagnostic: Diagnostic, keywords: KeywordLanguage? = nil) {
        self.source = source
        self.diagnostic = diagnostic
        self.keywords = keywords
    }

    /// How to word it: in `language` when one is asked for (`--lang`), else in the file's
    /// own language, else in `fallback` (`POLKU_LANG` or the locale); keywords are always
    /// quoted as the file spells them.
    package func wording(_ language: KeywordLanguage?, fallback: KeywordLanguage = .en) -> Wording {
        Self.wording(language, keywords: keywords, fallback: fallback)
    }

    /// The wording of a diagnostic of a file whose keywords are in `keywords` (see above).
    package static func wording(_ language: KeywordLanguage?, keywords: KeywordLanguage?, fallback: KeywordLanguage) -> Wording {
        let chosen = language ?? keywords ?? fallback
        return Wording(chosen, keywords: keywords ?? chosen)
    }
}

/// The help of the last few boxes of details a report met, as it writes them.
///
/// A rule's findings share one box of details (`DiagnosticDetails`), so their help is one
/// sentence: the 40,000 findings of a large journey have three, and their lines take turns
/// (a step without a follow-up, then one without a recommendation). Putting a help into
/// words (and escaping it) took a fifth of the short report's instructions; each report now
/// does it once for each box and wording, and copies the bytes for each finding after.
package struct HelpMemo {
    /// Each help as written.
    private var helps = TemplateCache()

    private final class Written {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    package init() {}

    /// Appends the help of `details` in the words `w`, as `write` writes it (it is given the
    /// help and appends to an empty buffer); nothing when the details have no help.
    package mutating func append(_ details: DiagnosticDetails, _ w: Wording, into out: inout [UInt8],
                                 write: (Message, inout [UInt8]) -> Void) {
        let written = helps.plan(of: details, w) {
            var bytes: [UInt8] = []
            if let help = details.help { write(help, &bytes) }
            return Written(bytes)
        }
        out.append(contentsOf: written.bytes)
    }
}

/// What a text or short report reuses from one diagnostic's lines to the next: a buffer for
/// a sentence to be escaped, the plans of its sentences, and the line ends and helps already
/// made.
package struct SentenceScratch {
    var words: [UInt8] = []
    /// The plans of the makers of the sentences written (`TemplateCache`).
    var templates = TemplateCache()
    private var helps = HelpMemo()
    /// The ends of short lines written (`appendShortEnd`), each with its code, box of
    /// details (held, as `TemplateCache` holds its objects) and wording.
    private var ends: [(code: String, details: DiagnosticDetails?, wording: Wording, bytes: [UInt8])] = []

    package init() {}

    /// Appends the end of `d`'s short line in the words `w`: ` [code]`, its help in brackets
    /// if it has one, and the line feed. Made once for each code and box of details (a
    /// report has a few, shared by thousands of findings), then copied.
    mutating func appendShortEnd(of d: Diagnostic, _ w: Wording, into out: inout [UInt8]) {
        let details = d.details?.help == nil ? nil : d.details
        let code = d.code.name
        for i in ends.indices where ends[i].details === details && ends[i].wording == w && ends[i].code == code {
            out.append(contentsOf: ends[i].bytes)
            return
        }
        var bytes: [UInt8] = []
        bytes.append(literal: " [")
        bytes.appendUTF8(code)
        bytes.append(UInt8(ascii: "]"))
        if let details {
            bytes.append(literal: " (")
            writeHelp(of: details, w, into: &bytes)
            bytes.append(UInt8(ascii: ")"))
        }
        bytes.append(0x0A)
        if ends.count < 16 { ends.append((code: code, details: details, wording: w, bytes: bytes)) }
        out.append(contentsOf: bytes)
    }

    /// Appends the help of `details` in the words `w`, as `Wording.writeShown` shows it.
    mutating func writeHelp(of details: DiagnosticDetails, _ w: Wording, into out: inout [UInt8]) {
        helps.append(details, w, into: &out) { help, shown in
            var words: [UInt8] = []
            w.write(help, into: &words)
            words.withUnsafeBufferPointer { Escaping.writeTerminal($0, into: &shown) }
        }
    }
}

extension Wording {
    /// The message in these words, as a terminal may be sent it (`Escaping.terminal`),
    /// appended to `out`; `scratch` holds the words before they are escaped, and is reused.
    func writeShown(_ message: Message, scratch: inout SentenceScratch, into out: inout [UInt8]) {
        // Written in place and looked over there; moved out and back, escaped, only when
        // something in it needs escaping (a control character quoted from the file).
        let start = out.count
        write(message, templates: &scratch.templates, into: &out)
        guard out.withUnsafeBufferPointer({ Escaping.mayNeedTerminalEscaping(UnsafeBufferPointer(rebasing: $0[start...])) })
        else { return }
        scratch.words.removeAll(keepingCapacity: true)
        scratch.words.append(contentsOf: out[start...])
        out.removeSubrange(start...)
        scratch.words.withUnsafeBufferPointer { Escaping.writeTerminal($0, into: &out) }
    }
}

extension Severity {
    /// The severity's word in a report.
    func word(_ w: Wording) -> String {
        switch self {
        case .error: w(Message(ReportMessage.error))
        case .warning: w(Message(ReportMessage.warning))
        case .info: w(Message(ReportMessage.info))
        }
    }
}

/// Terminal styles; all empty when colour is off.
struct Style {
    var bold = "", red = "", yellow = "", blue = "", cyan = "", reset = ""
    init(color: Bool) {
        if color {
            bold = "\u{1B}[1m"; red = "\u{1B}[1;31m"; yellow = "\u{1B}[1;33m"
            blue = "\u{1B}[1;34m"; cyan = "\u{1B}[1;36m"; reset = "\u{1B}[0m"
        }
    }
    func severity(_ s: Severity) -> String {
        switch s {
        case .error: red
        case .warning: yellow
        case .info: cyan
        }
    }
}

/// The rich form, for people: a header, the source lines with the exact columns underlined,
/// then notes and help.
///
///     error: there is no channel `emial` in this journey [unknown-channel]
///       --> trip.polku:12:10
///        |
///     12 |     via: emial
///        |          ^^^^^ unknown channel
///        |
///        = help: did you mean `email`?
package struct RichRenderer: Sendable {
    package var color: Bool
    /// The language asked for; nil: each file's own (see `FileDiagnostic.wording`).
    package var language: KeywordLanguage?
    /// The language for a file with no journey language of its own.
    package var fallback: KeywordLanguage = .en
    /// Excerpts of very long lines are cut to about this many characters around the mark.
    package var excerptWidth = 100

    package init(color: Bool = false, language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en) {
        self.color = color
        self.language = language
        self.fallback = fallback
    }

    package func render(_ item: FileDiagnostic) -> String {
        render(item, at: nil)
    }

    /// - Parameter at: the diagnostic's start, when the caller has counted it already (see
    ///   `LocationCursor`), so a long line is not counted again for each diagnostic on it.
    package func render(_ item: FileDiagnostic, at location: SourceLocation?) -> String {
        var out: [UInt8] = []
        var scratch = SentenceScratch()
        write(item, at: location, scratch: &scratch, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The diagnostic as `render` shows it, appended to `out` as UTF-8 bytes: a text report
    /// of 40,000 findings is written without a string made for each of its pieces.
    /// `scratch` is a buffer to reuse for the sentences before they are escaped.
    package func write(_ item: FileDiagnostic, at location: SourceLocation?, scratch: inout SentenceScratch, into out: inout [UInt8]) {
        let style = Style(color: color)
        let d = item.diagnostic
        let source = item.source
        let w = item.wording(language, fallback: fallback)
        // Journey text reaches messages, labels, notes and help (an unknown id is quoted):
        // every control character in them is shown, never sent to the terminal.
        func sentence(_ message: Message) { w.writeShown(message, scratch: &scratch, into: &out) }
        func shown(_ text: String) { out.appendUTF8(Escaping.terminal(text)) }
        func put(_ text: String) { if !text.isEmpty { out.appendUTF8(text) } }
        func spaces(_ count: Int) { for _ in 0..<max(0, count) { out.append(UInt8(ascii: " ")) } }
        /// The notes and help, each line after `pad` spaces: `= note: …`, `= help: …`.
        func closing(pad: Int) {
            func line(_ word: ReportMessage, _ text: () -> Void) {
                spaces(pad)
                put(style.blue); out.append(UInt8(ascii: "=")); put(style.reset); out.append(UInt8(ascii: " "))
                put(style.bold); w.write(Message(word), into: &out); put(style.reset)
                out.append(literal: ": ")
                text()
                out.append(0x0A)
            }
            for note in d.noteTexts { line(.note) { sentence(note) } }
            if let details = d.details, details.help != nil {
                line(.help) { scratch.writeHelp(of: details, w, into: &out) }
            }
        }
        let hasClosing = !d.noteTexts.isEmpty || d.helpText != nil

        put(style.severity(d.severity))
        out.appendUTF8(d.severity.word(w))
        put(style.reset)
        put(style.bold)
        out.append(literal: ": ")
        sentence(d.text)
        put(style.reset)
        out.append(literal: " [")
        out.appendUTF8(d.code.name)
        out.append(literal: "]\n")
        guard d.hasPosition else {
            out.append(literal: "  ")
            put(style.blue); out.append(literal: "-->"); put(style.reset)
            out.append(UInt8(ascii: " "))
            shown(source.name)
            out.append(0x0A)
            if hasClosing {
                out.append(literal: "   ")
                put(style.blue); out.append(UInt8(ascii: "|")); put(style.reset)
                out.append(0x0A)
            }
            closing(pad: 3)
            return
        }
        let start = location ?? source.location(of: d.range.start)

        var marks: [(line: Int, range: SourceRange, text: Message?, primary: Bool)] = [
            (start.line, d.range, d.labelText, true),
        ]
        for label in d.secondary {
            marks.append((source.line(of: label.range.start), label.range, label.text, false))
        }
        var lines = marks.map(\.line)
        if lines.count > 1 { lines = Set(lines).sorted() }
        let gutter = ByteOutput.decimalWidth(lines.last!)
        spaces(gutter)
        put(style.blue); out.append(literal: "-->"); put(style.reset)
        out.append(UInt8(ascii: " "))
        shown(source.name)
        out.append(UInt8(ascii: ":"))
        ByteOutput.appendDecimal(start.line, to: &out)
        out.append(UInt8(ascii: ":"))
        ByteOutput.appendDecimal(start.column, to: &out)
        out.append(0x0A)
        func bar() {
            spaces(gutter)
            out.append(UInt8(ascii: " "))
            put(style.blue); out.append(UInt8(ascii: "|")); put(style.reset)
        }
        bar()
        out.append(0x0A)
        var previous: Int?
        for line in lines {
            if let previous, line > previous + 1 {
                put(style.blue); out.append(literal: "..."); put(style.reset)
                out.append(0x0A)
            }
            previous = line
            let (excerpt, shownFrom, cut) = self.excerpt(source, line: line, around: marks.filter { $0.line == line }.map(\.range))
            put(style.blue)
            spaces(gutter - ByteOutput.decimalWidth(line))
            ByteOutput.appendDecimal(line, to: &out)
            out.append(literal: " |")
            put(style.reset)
            out.append(UInt8(ascii: " "))
            out.appendUTF8(excerpt)
            out.append(0x0A)
            for mark in marks where mark.line == line {
                let (from, width) = columns(source, line: line, range: mark.range, shownFrom: shownFrom, cut: cut)
                bar()
                out.append(UInt8(ascii: " "))
                spaces(from)
                put(mark.primary ? style.severity(d.severity) : style.blue)
                for _ in 0..<width { out.append(mark.primary ? UInt8(ascii: "^") : UInt8(ascii: "-")) }
                if let text = mark.text {
                    out.append(UInt8(ascii: " "))
                    sentence(text)
                }
                put(style.reset)
                out.append(0x0A)
            }
        }
        if hasClosing {
            bar()
            out.append(0x0A)
        }
        closing(pad: gutter + 1)
    }

    /// The shown line: tabs as single spaces, control characters as `�`, and cut around the
    /// marks when it is long. Returns the text, the offset where the shown part starts and
    /// whether the front was cut (shown as `…`).
    ///
    /// Only a window around the marks is looked at, never the whole of a long line: thirty
    /// thousand mistakes on one line cost thirty thousand windows, not thirty thousand lines.
    private func excerpt(_ source: SourceFile, line: Int, around ranges: [SourceRange]) -> (String, Int, Bool) {
        let lineRange = source.lineRange(line)
        let first = min(max(ranges.map(\.start).min() ?? lineRange.start, lineRange.start), lineRange.end)
        var startOffset = lineRange.start
        let lead = excerptWidth / 4
        if lineRange.count > excerptWidth * 4 {
            // A long line: start `lead` characters before the first mark.
            var i = first, scalars = 0
            while i > lineRange.start && scalars < lead {
                i -= 1
                while i > lineRange.start && (source.bytes[i] & 0xC0) == 0x80 { i -= 1 }
                scalars += 1
            }
            startOffset = i
        } else {
            let column = shownColumns(source, from: lineRange.start, to: first)
            if column >= excerptWidth {
                var chars = 0
                var i = lineRange.start
                while i < lineRange.end && chars < column - lead {
                    i += 1
                    while i < lineRange.end && (source.bytes[i] & 0xC0) == 0x80 { i += 1 }
                    chars += 1
                }
                startOffset = i
            }
        }
        let cut = startOffset > lineRange.start
        let slice = source.bytes[startOffset..<min(lineRange.end, startOffset + excerptWidth * 4 + 16)]
        var text = String(decoding: slice, as: UTF8.self)
        var truncated = startOffset + slice.count < lineRange.end
        if (Self.isPlain(slice) ? slice.count : text.count) > excerptWidth + 20 {
            text = String(text.prefix(excerptWidth + 20))
            truncated = true
        }
        text = Escaping.terminalExcerpt(text)
        return ((cut ? "…" : "") + text + (truncated ? "…" : ""), startOffset, cut)
    }

    /// Where to start the underline and how wide to make it, in shown characters, counted
    /// from where the shown part of the line starts.
    private func columns(_ source: SourceFile, line: Int, range: SourceRange, shownFrom: Int, cut: Bool) -> (Int, Int) {
        let lineRange = source.lineRange(line)
        let start = min(max(range.start, lineRange.start), lineRange.end)
        let end = min(max(range.end, start), lineRange.end, start + (excerptWidth + 20) * 4)
        let from = shownColumns(source, from: shownFrom, to: start) + (cut ? 1 : 0)
        let width = min(max(1, shownColumns(source, from: start, to: end)), excerptWidth + 20)
        return (from, width)
    }

    /// The characters (grapheme clusters) a terminal shows for bytes of one line.
    private func shownColumns(_ source: SourceFile, from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        let bytes = source.bytes[start..<end]
        return Self.isPlain(bytes) ? bytes.count : source.columns(from: start, to: end, in: .graphemeClusters)
    }

    /// ASCII with no carriage return: one character a byte, with no Unicode data to look up.
    /// (CR LF is the one pair of ASCII characters that makes one character.)
    static func isPlain(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var all: UInt8 = 0
            var cr = false
            for b in buffer {
                all |= b
                cr = cr || b == 0x0D
            }
            return all < 0x80 && !cr
        }
    }
}

/// The short form editors and CI problem matchers read: `file:line:col: error: message [code]`,
/// the column counted in Unicode scalars (`ColumnUnit.reports`). The severity stays the
/// English word those tools look for; the message and help are in the report's language.
package struct ShortRenderer: Sendable {
    package var language: KeywordLanguage?
    package var fallback: KeywordLanguage

    package init(language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en) {
        self.language = language
        self.fallback = fallback
    }

    package func render(_ item: FileDiagnostic, at location: SourceLocation? = nil) -> String {
        let d = item.diagnostic
        var out: [UInt8] = []
        var scratch = SentenceScratch()
        write(d, file: Array(Escaping.terminal(item.source.name).utf8), wording: item.wording(language, fallback: fallback),
              at: d.hasPosition ? location ?? item.source.location(of: d.range.start) : nil, scratch: &scratch, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One diagnostic's line, appended to `out` as bytes. `file` is the file's name as
    /// `Escaping.terminal` shows it; `at` the diagnostic's place, when it has one; `scratch`
    /// what is reused from one line to the next.
    package func write(_ d: Diagnostic, file: [UInt8], wording w: Wording, at location: SourceLocation?,
                       scratch: inout SentenceScratch, into out: inout [UInt8]) {
        func sentence(_ message: Message) { w.writeShown(message, scratch: &scratch, into: &out) }
        out.append(contentsOf: file)
        if let location {
            out.append(UInt8(ascii: ":"))
            ByteOutput.appendDecimal(location.line, to: &out)
            out.append(UInt8(ascii: ":"))
            ByteOutput.appendDecimal(location.column, to: &out)
        }
        switch d.severity {
        case .error: out.append(literal: ": error: ")
        case .warning: out.append(literal: ": warning: ")
        case .info: out.append(literal: ": info: ")
        }
        sentence(d.text)
        scratch.appendShortEnd(of: d, w, into: &out)
    }
}
