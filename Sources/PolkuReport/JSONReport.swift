import Foundation
import PolkuSyntax

/// Machine-readable diagnostics: one JSON document for a whole run, keys sorted so the
/// same input always gives the same bytes. Columns are counted in Unicode scalars, and the
/// document says so (`columnKind`, named as in SARIF).
package enum JSONReport {
    struct Position: Encodable {
        var line: Int
        var column: Int
    }
    struct Label: Encodable {
        var start: Position
        var end: Position
        var message: String
    }
    struct Item: Encodable {
        var file: String
        var start: Position
        var end: Position
        var severity: String
        var code: String
        var message: String
        var labels: [Label]
        var notes: [String]
        var help: String?
        /// The language of `message`, `labels`, `notes` and `help`: en, fi or sv.
        var language: String
    }
    struct Document: Encodable {
        var version = 1
        var columnKind = ColumnUnit.reports.sarifName!
        /// The language of the messages when one was asked for (`--lang`); each
        /// diagnostic also says its own.
        var files: [String]
        var diagnostics: [Item]
        var errors: Int
        var warnings: Int
        var infos: Int
    }

    /// Codes and rule names stay the English identifiers; the texts are in `language` (nil:
    /// each file's own, `fallback` for a file with none).
    package static func render(files: [String], _ items: [FileDiagnostic], language: KeywordLanguage? = nil,
                               fallback: KeywordLanguage = .en) -> String {
        // Diagnostics come file by file in position order: cursors count each line once.
        var starts: LocationCursor?
        var ends: LocationCursor?
        func position(_ cursor: inout LocationCursor?, _ source: SourceFile, _ offset: Int) -> Position {
            if cursor?.source.name != source.name || cursor?.source.bytes.count != source.bytes.count {
                cursor = LocationCursor(source)
            }
            let l = cursor!.location(of: offset)
            return Position(line: l.line, column: l.column)
        }
        func plain(_ source: SourceFile, _ offset: Int) -> Position {
            let l = source.location(of: offset)
            return Position(line: l.line, column: l.column)
        }
        let list = items.map { item -> Item in
            let d = item.diagnostic
            let s = item.source
            let w = item.wording(language, fallback: fallback)
            return Item(file: s.name, start: position(&starts, s, d.range.start), end: position(&ends, s, d.range.end),
                        severity: d.severity.rawValue, code: d.code.name, message: w(d.text),
                        labels: d.secondary.map { Label(start: plain(s, $0.range.start), end: plain(s, $0.range.end), message: w($0.text)) },
                        notes: d.noteTexts.map { w($0) }, help: d.helpText.map { w($0) }, language: w.language.rawValue)
        }
        let doc = Document(files: files, diagnostics: list,
                           errors: items.filter { $0.diagnostic.severity == .error }.count,
                           warnings: items.filter { $0.diagnostic.severity == .warning }.count,
                           infos: items.filter { $0.diagnostic.severity == .info }.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
