import PolkuEscaping
import PolkuSyntax

/// Machine-readable diagnostics: one JSON document for a whole run, keys sorted so the
/// same input always gives the same bytes. Columns are counted in Unicode scalars, and the
/// document says so (`columnKind`, named as in SARIF).
///
///     {
///       "columnKind" : "unicodeCodePoints",
///       "diagnostics" : [ { "code", "end", "file", "help"?, "labels", "language",
///                           "message", "notes", "severity", "start" } ],
///       "errors" : 0, "files" : [ … ], "infos" : 0, "version" : 1, "warnings" : 2
///     }
///
/// Each diagnostic's `language` is the language of its `message`, `labels`, `notes` and
/// `help` (en, fi or sv); a position is `{ "column", "line" }`, a label
/// `{ "end", "message", "start" }`.
package enum JSONReport {
    /// Codes and rule names stay the English identifiers; the texts are in `language` (nil:
    /// each file's own, `fallback` for a file with none).
    package static func render(files: [String], _ items: [FileDiagnostic], language: KeywordLanguage? = nil,
                               fallback: KeywordLanguage = .en) -> String {
        var out = ByteOutput(capacity: 1 << 16)
        write(files: files, items, language: language, fallback: fallback, to: &out)
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// Writes the document straight to bytes, diagnostic by diagnostic, handing them on as
    /// `out` fills. The keys are written in sorted order and the text laid out as
    /// `JSONEncoder` wrote it (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`;
    /// no `help` key when there is no help), so the bytes are the same as they were. The
    /// diagnostics are written in blocks (`ReportBlocks`), two at a time on two threads
    /// for a long report; `blockSize` is `ReportBlocks.size` but in tests.
    package static func write(files: [String], _ items: [FileDiagnostic], language: KeywordLanguage? = nil,
                              fallback: KeywordLanguage = .en, blockSize: Int = ReportBlocks.size, to out: inout ByteOutput) {
        var json = PrettyJSON(out)
        json.openObject()
        json.member("columnKind", ColumnUnit.reports.sarifName!)
        json.key("diagnostics")
        json.openArray()
        ReportBlocks.write(items.count, blockSize: blockSize, to: &json.out) { block, bytes in
            // The block's entries continue the list: after a comma, unless the first.
            var entries = Entries(language: language, fallback: fallback)
            entries.json = PrettyJSON(continuing: &bytes, depth: 2, empty: block.lowerBound == 0)
            for i in block { entries.write(items[i]) }
            bytes = entries.json.out.finish()
        }
        if !items.isEmpty { json.continued() }
        var errors = 0, warnings = 0, infos = 0
        for item in items {
            switch item.diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        json.closeArray()
        json.member("errors", errors)
        json.key("files")
        json.openArray()
        for file in files {
            json.element()
            json.string(file)
        }
        json.closeArray()
        json.member("infos", infos)
        json.member("version", 1)
        json.member("warnings", warnings)
        json.closeObject()
        json.out.append(0x0A)
        out = json.out
    }

    /// The entries of the list of diagnostics, one after another.
    private struct Entries {
        let language: KeywordLanguage?
        let fallback: KeywordLanguage
        var json = PrettyJSON(ByteOutput())
        // Diagnostics come file by file in position order: cursors count each line once.
        private var starts: LocationCursor?
        private var ends: LocationCursor?
        // Messages are filled on bytes and escaped from them, with no `String` between.
        private var scratch: [UInt8] = []
        private var templates = TemplateCache()
        private var helps = HelpMemo()

        init(language: KeywordLanguage?, fallback: KeywordLanguage) {
            self.language = language
            self.fallback = fallback
        }

        private static func located(_ cursor: inout LocationCursor?, _ source: SourceFile, _ offset: Int) -> SourceLocation {
            if cursor?.source.name != source.name || cursor?.source.bytes.count != source.bytes.count {
                cursor = LocationCursor(source)
            }
            return cursor!.location(of: offset)
        }

        private mutating func position(_ l: SourceLocation) {
            json.openObject()
            json.member("column", l.column)
            json.member("line", l.line)
            json.closeObject()
        }

        private mutating func message(_ name: StaticString, _ message: Message, _ w: Wording) {
            scratch.removeAll(keepingCapacity: true)
            w.write(message, templates: &templates, into: &scratch)
            json.member(name, utf8: scratch)
        }

        mutating func write(_ item: FileDiagnostic) {
            let d = item.diagnostic
            let s = item.source
            let w = item.wording(language, fallback: fallback)
            let start = Self.located(&starts, s, d.range.start)
            let end = Self.located(&ends, s, d.range.end)
            json.element()
            json.openObject()
            json.member("code", d.code.name)
            json.key("end")
            position(end)
            json.member("file", s.name)
            if let details = d.details, details.help != nil {
                scratch.removeAll(keepingCapacity: true)
                helps.append(details, w, into: &scratch) { help, words in w.write(help, into: &words) }
                json.member("help", utf8: scratch)
            }
            json.key("labels")
            json.openArray()
            for label in d.secondary {
                json.element()
                json.openObject()
                json.key("end")
                position(s.location(of: label.range.end))
                message("message", label.text, w)
                json.key("start")
                position(s.location(of: label.range.start))
                json.closeObject()
            }
            json.closeArray()
            json.member("language", w.language.rawValue)
            message("message", d.text, w)
            json.key("notes")
            json.openArray()
            for note in d.noteTexts {
                json.element()
                json.string(w(note))
            }
            json.closeArray()
            json.member("severity", d.severity.rawValue)
            json.key("start")
            position(start)
            json.closeObject()
        }
    }
}
