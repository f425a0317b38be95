import PolkuCheck
import PolkuReport
import PolkuSyntax

/// The output formats of `polku check`.
package enum ReportFormat: String, CaseIterable, Sendable {
    case text, short, json, sarif, summary
}

/// The report of a check of one or more journeys, as text.
package enum Reports {
    /// - Parameters:
    ///   - color: terminal colours (text format only).
    ///   - version: Polku's version, for SARIF.
    ///   - language: the language of the messages; nil: each journey's own.
    ///   - fallback: the language for what belongs to no journey (the closing line of a
    ///     folder of journeys in different languages): `POLKU_LANG` or the locale.
    package static func render(_ checked: [CheckedJourney], format: ReportFormat, color: Bool = false,
                              version: String, language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en) -> String {
        // The language of the run as a whole: the one asked for, else the journeys' own if
        // they share one, else the fallback.
        let languages = Set(checked.map(\.language))
        let overall = language ?? (languages.count == 1 ? languages.first! : fallback)
        switch format {
        case .json:
            return JSONReport.render(files: checked.map(\.source.name), checked.flatMap(\.items), language: language, fallback: overall)
        case .sarif:
            return SARIFReport.render(checked.map { ($0.source, $0.result) }, version: version, language: overall)
        case .short:
            let renderer = ShortRenderer(language: language, fallback: fallback)
            var out = ""
            for c in checked {
                var cursor = LocationCursor(c.source)
                for item in c.items {
                    let d = item.diagnostic
                    out += renderer.render(item, at: d.hasPosition ? cursor.location(of: d.range.start) : nil)
                }
            }
            return out
        case .summary:
            return checked.map { SummaryReport.render($0.result, language: language ?? $0.language) }.joined(separator: "\n")
        case .text:
            let renderer = RichRenderer(color: color, language: language, fallback: fallback)
            var out = ""
            for c in checked {
                var cursor = LocationCursor(c.source)
                for item in c.items {
                    let d = item.diagnostic
                    out += renderer.render(item, at: d.hasPosition ? cursor.location(of: d.range.start) : nil) + "\n"
                }
            }
            if !checked.isEmpty {
                let w = Wording(overall, keywords: overall)
                out += closingLine(files: checked.count, checked.flatMap(\.items), w) + "\n"
                let skipped = checked.filter { !$0.result.rulesRan }.count
                if skipped > 0 {
                    out += w(Message(ReportMessage.rulesDidNotRun, .message(ReportMessage.count(skipped, one: .oneFile, many: .files)))) + "\n"
                }
            }
            return out
        }
    }

    /// One closing line a person reads first: how many files, errors and warnings.
    static func closingLine(files: Int, _ items: [FileDiagnostic], _ w: Wording) -> String {
        let errors = items.filter { $0.diagnostic.severity == .error }.count
        let warnings = items.filter { $0.diagnostic.severity == .warning }.count
        let infos = items.filter { $0.diagnostic.severity == .info }.count
        let fileWord = MessageValue.message(ReportMessage.count(files, one: .oneFile, many: .files))
        if errors + warnings + infos == 0 { return w(Message(ReportMessage.checkedNoProblems, fileWord)) }
        var parts: [String] = []
        if errors > 0 { parts.append(w(ReportMessage.count(errors, one: .oneError, many: .errors))) }
        if warnings > 0 { parts.append(w(ReportMessage.count(warnings, one: .oneWarning, many: .warnings))) }
        if infos > 0 { parts.append(w(ReportMessage.count(infos, one: .oneNote, many: .notes))) }
        return w(Message(ReportMessage.checked, fileWord, .text(parts.joined(separator: ", "))))
    }

    /// Diagnostics rendered for a person, one after another (for problems and errors shown
    /// on standard error).
    package static func rich(_ items: [FileDiagnostic], color: Bool = false, language: KeywordLanguage? = nil,
                             fallback: KeywordLanguage = .en) -> String {
        let renderer = RichRenderer(color: color, language: language, fallback: fallback)
        return items.map { renderer.render($0) }.joined(separator: "\n")
    }
}
