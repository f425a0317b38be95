import Foundation
import PolkuCheck
import PolkuEscaping
import PolkuSyntax

/// SARIF 2.1.0, the format code-scanning tools read: one run, every rule and error name as a
/// reporting descriptor with its explanation, every finding as a result. Columns are counted
/// in Unicode code points (`columnKind`), so editors put the mark on the right character.
package enum SARIFReport {
    /// Rule and error ids stay the English identifiers; every text is in `language`, which
    /// the run states (`language`).
    package static func render(_ results: [(SourceFile, CheckResult)], version: String, language: KeywordLanguage = .en) -> String {
        var out = ByteOutput(capacity: 1 << 16)
        write(results, version: version, language: language, to: &out)
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// Writes the document straight to bytes, result by result, handing them on as `out`
    /// fills: no object tree of the whole document is ever built. The keys are written in
    /// sorted order and the text laid out as `JSONSerialization` wrote it (`.prettyPrinted`,
    /// `.sortedKeys`, `.withoutEscapingSlashes`), so the bytes are the same as they were.
    /// The results are written in blocks (`ReportBlocks`); `blockSize` is
    /// `ReportBlocks.size` but in tests.
    package static func write(_ results: [(SourceFile, CheckResult)], version: String, language: KeywordLanguage = .en,
                              blockSize: Int = ReportBlocks.size, to out: inout ByteOutput) {
        // The reporting descriptors, every rule then every error; the texts are put into
        // words when the descriptors are written, after the results.
        let rules = RuleRegistry.infos
        let codes = ErrorCode.allCases.filter(\.comesFromChecking)
        var places: [String: Int] = [:]
        for (i, info) in rules.enumerated() { places[info.name] = i }
        for (i, code) in codes.enumerated() { places[code.rawValue] = rules.count + i }
        let index = places

        var json = PrettyJSON(out)
        json.openObject()
        json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.key("runs")
        json.openArray()
        json.element()
        json.openObject()

        json.key("artifacts")
        json.openArray()
        for (source, _) in results {
            json.element()
            json.openObject()
            json.member("encoding", "utf-8")
            json.key("location")
            json.openObject()
            json.member("uri", Self.uri(source.name))
            json.closeObject()
            json.closeObject()
            json.out.flushIfFull()
        }
        json.closeArray()
        json.member("columnKind", ColumnUnit.reports.sarifName!)
        json.member("language", language.rawValue)

        json.key("results")
        json.openArray()
        // The results of each file, in blocks (`ReportBlocks`), two at a time on two threads
        // for a long report; each block goes on inside the list (the runs, the run, the
        // results: four deep), after a comma unless it starts the list.
        var written = false
        for (source, result) in results {
            let count = result.diagnostics.count + result.suppressed.count
            let first = written
            ReportBlocks.write(count, blockSize: blockSize, to: &json.out) { block, bytes in
                var entries = Entries(source, result, language: language, index: index)
                entries.json = PrettyJSON(continuing: &bytes, depth: 4, empty: !first && block.lowerBound == 0)
                for i in block {
                    if i < result.diagnostics.count {
                        entries.write(result.diagnostics[i], suppression: nil)
                    } else {
                        let s = result.suppressed[i - result.diagnostics.count]
                        entries.write(s.diagnostic, suppression: s.reason)
                    }
                }
                bytes = entries.json.out.finish()
            }
            if count > 0 {
                json.continued()
                written = true
            }
        }
        json.closeArray()

        json.key("tool")
        json.openObject()
        json.key("driver")
        json.openObject()
        json.member("name", "polku")
        json.key("rules")
        json.openArray()
        func describe(_ id: String, summary: String, explanation: String, severity: Severity, tag: String) {
            json.element()
            json.openObject()
            json.key("defaultConfiguration")
            json.openObject()
            json.member("level", Entries.level(severity))
            json.closeObject()
            json.member("fullDescription", text: explanation)
            json.member("help", text: explanation)
            json.member("id", id)
            json.key("properties")
            json.openObject()
            json.key("tags")
            json.openArray()
            json.element()
            json.string(tag)
            json.closeArray()
            json.closeObject()
            json.member("shortDescription", text: summary)
            json.closeObject()
            json.out.flushIfFull()
        }
        for info in rules {
            describe(info.name, summary: info.summaryText(language), explanation: info.explanationText(language),
                     severity: info.defaultSeverity, tag: "finding")
        }
        for code in codes {
            describe(code.rawValue, summary: code.explanationText(language), explanation: code.explanationText(language),
                     severity: .error, tag: "error")
        }
        json.closeArray()
        json.member("version", version)
        json.closeObject()
        json.closeObject()

        json.closeObject()
        json.closeArray()
        json.member("version", "2.1.0")
        json.closeObject()
        json.out.append(0x0A)
        out = json.out
    }

    /// The results of one file, one after another.
    private struct Entries {
        let source: SourceFile
        let result: CheckResult
        let uri: String
        let index: [String: Int]
        let w: Wording
        var json = PrettyJSON(ByteOutput())
        // Results come in position order: cursors count each line once.
        private var starts: LocationCursor
        private var ends: LocationCursor
        private var text: [UInt8] = []
        private var helps = HelpMemo()
        private var templates = TemplateCache()

        init(_ source: SourceFile, _ result: CheckResult, language: KeywordLanguage, index: [String: Int]) {
            self.source = source
            self.result = result
            self.index = index
            uri = SARIFReport.uri(source.name)
            w = Wording(language, keywords: result.analysis.tree.language)
            starts = LocationCursor(source)
            ends = LocationCursor(source)
        }

        static func level(_ s: Severity) -> String {
            switch s {
            case .error: "error"
            case .warning: "warning"
            case .info: "note"
            }
        }

        private mutating func physicalLocation(_ range: SourceRange, inOrder: Bool) {
            let start = inOrder ? starts.location(of: range.start) : source.location(of: range.start)
            let end = inOrder ? ends.location(of: max(range.end, range.start)) : source.location(of: max(range.end, range.start))
            json.key("physicalLocation")
            json.openObject()
            json.key("artifactLocation")
            json.openObject()
            json.member("uri", uri)
            json.closeObject()
            json.key("region")
            json.openObject()
            if end.line == start.line {
                json.member("endColumn", max(end.column, start.column + 1))
            } else {
                json.member("endColumn", end.column)
                json.member("endLine", end.line)
            }
            json.member("startColumn", start.column)
            json.member("startLine", start.line)
            json.closeObject()
            json.closeObject()
        }

        mutating func write(_ d: Diagnostic, suppression: String?) {
            // The message and its help filled on bytes, with no `String` between.
            text.removeAll(keepingCapacity: true)
            w.write(d.text, templates: &templates, into: &text)
            if let details = d.details, details.help != nil {
                text.append(contentsOf: ". ".utf8)
                helps.append(details, w, into: &text) { [w] help, words in w.write(help, into: &words) }
            }
            json.element()
            json.openObject()
            json.member("level", Self.level(d.severity))
            json.key("locations")
            json.openArray()
            json.element()
            json.openObject()
            physicalLocation(d.range, inOrder: true)
            json.closeObject()
            json.closeArray()
            json.member("message", textUTF8: text)
            // The same finding keeps its fingerprint when lines are added above it.
            if FindingKey.isFinding(d) {
                json.key("partialFingerprints")
                json.openObject()
                json.member("polkuFinding/v1", FindingKey.fingerprint(d, result.analysis.journey))
                json.closeObject()
            }
            if !d.secondary.isEmpty {
                json.key("relatedLocations")
                json.openArray()
                for (n, label) in d.secondary.enumerated() {
                    json.element()
                    json.openObject()
                    json.member("id", n)
                    json.member("message", text: w(label.text))
                    physicalLocation(label.range, inOrder: false)
                    json.closeObject()
                }
                json.closeArray()
            }
            json.member("ruleId", d.code.name)
            if let i = index[d.code.name] { json.member("ruleIndex", i) }
            if let suppression {
                json.key("suppressions")
                json.openArray()
                json.element()
                json.openObject()
                json.member("justification", suppression)
                json.member("kind", "inSource")
                json.closeObject()
                json.closeArray()
            }
            json.closeObject()
        }
    }

    /// A relative URI reference for a path (spaces and other characters percent-encoded).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
