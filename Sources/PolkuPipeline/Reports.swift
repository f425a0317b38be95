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
    package static func render(_ checked: [CheckedJourney], format: ReportFormat, color: Bool = false,
                              version: String) -> String {
        let items = checked.flatMap { c in c.result.diagnostics.map { FileDiagnostic(c.source, $0) } }
        switch format {
        case .json:
            return JSONReport.render(files: checked.map(\.source.name), items)
        case .sarif:
            return SARIFReport.render(checked.map { ($0.source, $0.result) }, version: version)
        case .short:
            let renderer = ShortRenderer()
            var out = ""
            for c in checked {
                var cursor = LocationCursor(c.source)
                for d in c.result.diagnostics {
                    out += renderer.render(FileDiagnostic(c.source, d), at: d.hasPosition ? cursor.location(of: d.range.start) : nil)
                }
            }
            return out
        case .summary:
            return checked.map { SummaryReport.render($0.result) }.joined(separator: "\n")
        case .text:
            let renderer = RichRenderer(color: color)
            var out = ""
            for c in checked {
                var cursor = LocationCursor(c.source)
                for d in c.result.diagnostics {
                    out += renderer.render(FileDiagnostic(c.source, d), at: d.hasPosition ? cursor.location(of: d.range.start) : nil) + "\n"
                }
            }
            if !checked.isEmpty {
                out += closingLine(files: checked.count, items) + "\n"
                let skipped = checked.filter { !$0.result.rulesRan }.count
                if skipped > 0 {
                    out += "The checker's rules did not run on \(skipped == 1 ? "1 file" : "\(skipped) files") with errors: fix the errors first.\n"
                }
            }
            return out
        }
    }

    /// One closing line a person reads first: how many files, errors and warnings.
    static func closingLine(files: Int, _ items: [FileDiagnostic]) -> String {
        let errors = items.filter { $0.diagnostic.severity == .error }.count
        let warnings = items.filter { $0.diagnostic.severity == .warning }.count
        let infos = items.filter { $0.diagnostic.severity == .info }.count
        let fileWord = files == 1 ? "1 file" : "\(files) files"
        if errors + warnings + infos == 0 { return "Checked \(fileWord): no problems found." }
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        if infos > 0 { parts.append(infos == 1 ? "1 note" : "\(infos) notes") }
        return "Checked \(fileWord): \(parts.joined(separator: ", "))."
    }

    /// Diagnostics rendered for a person, one after another (for problems and errors shown
    /// on standard error).
    package static func rich(_ items: [FileDiagnostic], color: Bool = false) -> String {
        let renderer = RichRenderer(color: color)
        return items.map { renderer.render($0) }.joined(separator: "\n")
    }
}
