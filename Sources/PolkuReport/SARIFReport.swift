import Foundation
import PolkuCheck
import PolkuSyntax

/// SARIF 2.1.0, the format code-scanning tools read: one run, every rule and error name as a
/// reporting descriptor with its explanation, every finding as a result. Columns are counted
/// in Unicode code points (`columnKind`), so editors put the mark on the right character.
package enum SARIFReport {
    /// Rule and error ids stay the English identifiers; every text is in `language`, which
    /// the run states (`language`).
    package static func render(_ results: [(SourceFile, CheckResult)], version: String, language: KeywordLanguage = .en) -> String {
        var descriptors: [[String: Any]] = []
        var index: [String: Int] = [:]
        func level(_ s: Severity) -> String {
            switch s {
            case .error: "error"
            case .warning: "warning"
            case .info: "note"
            }
        }
        func describe(_ id: String, summary: String, explanation: String, severity: Severity, tag: String) {
            index[id] = descriptors.count
            descriptors.append([
                "id": id,
                "shortDescription": ["text": summary],
                "fullDescription": ["text": explanation],
                "help": ["text": explanation],
                "defaultConfiguration": ["level": level(severity)],
                "properties": ["tags": [tag]],
            ])
        }
        for info in RuleRegistry.infos {
            describe(info.name, summary: info.summaryText(language), explanation: info.explanationText(language),
                     severity: info.defaultSeverity, tag: "finding")
        }
        for code in ErrorCode.allCases where code.comesFromChecking {
            describe(code.rawValue, summary: code.explanationText(language), explanation: code.explanationText(language),
                     severity: .error, tag: "error")
        }

        var sarifResults: [[String: Any]] = []
        var artifacts: [[String: Any]] = []
        for (source, result) in results {
            let uri = Self.uri(source.name)
            artifacts.append(["location": ["uri": uri], "encoding": "utf-8"])
            // Results come in position order: cursors count each line once.
            var starts = LocationCursor(source)
            var ends = LocationCursor(source)
            func location(_ range: SourceRange, inOrder: Bool = false) -> [String: Any] {
                let start = inOrder ? starts.location(of: range.start) : source.location(of: range.start)
                let end = inOrder ? ends.location(of: max(range.end, range.start)) : source.location(of: max(range.end, range.start))
                var region: [String: Any] = ["startLine": start.line, "startColumn": start.column]
                if end.line == start.line { region["endColumn"] = max(end.column, start.column + 1) } else {
                    region["endLine"] = end.line
                    region["endColumn"] = end.column
                }
                return ["physicalLocation": ["artifactLocation": ["uri": uri], "region": region]]
            }
            let w = Wording(language, keywords: result.analysis.tree.language)
            func item(_ d: Diagnostic, suppression: String?) -> [String: Any] {
                var text = w(d.text)
                if let help = d.helpText { text += ". " + w(help) }
                var r: [String: Any] = [
                    "ruleId": d.code.name,
                    "level": level(d.severity),
                    "message": ["text": text],
                    "locations": [location(d.range, inOrder: true)],
                ]
                if let i = index[d.code.name] { r["ruleIndex"] = i }
                // The same finding keeps its fingerprint when lines are added above it.
                if FindingKey.isFinding(d) {
                    r["partialFingerprints"] = ["polkuFinding/v1": FindingKey.fingerprint(d, result.analysis.journey)]
                }
                if !d.secondary.isEmpty {
                    r["relatedLocations"] = d.secondary.enumerated().map { n, label -> [String: Any] in
                        var l = location(label.range)
                        l["id"] = n
                        l["message"] = ["text": w(label.text)]
                        return l
                    }
                }
                if let suppression {
                    r["suppressions"] = [["kind": "inSource", "justification": suppression]]
                }
                return r
            }
            for d in result.diagnostics { sarifResults.append(item(d, suppression: nil)) }
            for s in result.suppressed { sarifResults.append(item(s.diagnostic, suppression: s.reason)) }
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "polku",
                    "version": version,
                    "rules": descriptors,
                ]],
                "columnKind": ColumnUnit.reports.sarifName!,
                "language": language.rawValue,
                "artifacts": artifacts,
                "results": sarifResults,
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A relative URI reference for a path (spaces and other characters percent-encoded).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
