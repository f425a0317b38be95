import PolkuCheck
import PolkuChecklist
import PolkuDiagram
import PolkuSyntax

/// Checklist output formats.
package enum ChecklistFormat: String, CaseIterable, Sendable {
    case md, html, csv
}

/// The checklist of a checked journey, in any format.
package enum Checklists {
    /// - Parameters:
    ///   - language: nil for the journey's own.
    ///   - byteOrderMark: CSV only: start with a byte order mark for spreadsheet programs.
    ///   - diagram: HTML only: an SVG to put in the page (from `Diagrams`).
    package static func render(_ journey: CheckedJourney, format: ChecklistFormat, language: KeywordLanguage? = nil,
                              byteOrderMark: Bool = false, diagram: [UInt8]? = nil) -> String {
        let checklist = Checklist(journey.result, language: language)
        switch format {
        case .md: return MarkdownChecklist.render(checklist)
        case .csv: return CSVChecklist.render(checklist, byteOrderMark: byteOrderMark)
        case .html: return HTMLChecklist.render(checklist, diagram: diagram.map { String(decoding: $0, as: UTF8.self) })
        }
    }
}
