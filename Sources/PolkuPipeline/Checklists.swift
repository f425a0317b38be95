import PolkuCheck
import PolkuChecklist
import PolkuDiagram
import PolkuSyntax

/// Checklist output formats.
package enum ChecklistFormat: String, CaseIterable, Sendable {
    case md, html, csv, xlsx
}

/// The checklist of a checked journey, in any format.
package enum Checklists {
    /// - Parameters:
    ///   - language: nil for the journey's own.
    ///   - byteOrderMark: CSV only: start with a byte order mark for spreadsheet programs.
    ///   - delimiter: CSV only: the cell separator; nil for the language's (`;` in Finnish
    ///     and Swedish, `,` in English).
    ///   - diagram: HTML only: the diagram's pages as SVG (from `Diagrams` with a page setup),
    ///     each printed on a sheet of its own of `page`.
    ///   - keep: given the checklist's model once the bytes are made, for a process that
    ///     keeps what it made until it exits rather than freeing it line by line.
    /// - Throws: `.xlsx` only: the table has more rows than a sheet holds.
    package static func document(_ journey: CheckedJourney, format: ChecklistFormat, language: KeywordLanguage? = nil,
                                 byteOrderMark: Bool = false, delimiter: Character? = nil, diagram: [[UInt8]] = [],
                                 page: PageSetup = PageSetup(paper: .a4, landscape: true),
                                 keep: (Any) -> Void = { _ in }) throws(XLSXChecklist.TooLarge) -> [UInt8] {
        if let text = textDocument(journey, format: format, language: language, byteOrderMark: byteOrderMark,
                                   delimiter: delimiter, diagram: diagram, page: page, keep: keep) {
            return text
        }
        return try workbook(journey, language: language, keep: keep).bytes
    }

    /// The `.xlsx` checklist, and the rows of its sheet with a text cut short to fit a cell.
    /// - Throws: the table has more rows than a sheet holds.
    package static func workbook(_ journey: CheckedJourney, language: KeywordLanguage? = nil,
                                 keep: (Any) -> Void = { _ in }) throws(XLSXChecklist.TooLarge) -> XLSXChecklist.Workbook {
        let checklist = Checklist(journey.result, language: language)
        defer { keep(checklist) }
        return try XLSXChecklist.workbook(checklist)
    }

    /// `document` in the formats that are text (Markdown, CSV, HTML), which cannot fail;
    /// nil for `.xlsx`. With `send`, the bytes are handed to it a megabyte at a time as they
    /// are written (for a file written as it is made), and the rest is returned.
    package static func textDocument(_ journey: CheckedJourney, format: ChecklistFormat, language: KeywordLanguage? = nil,
                                     byteOrderMark: Bool = false, delimiter: Character? = nil, diagram: [[UInt8]] = [],
                                     page: PageSetup = PageSetup(paper: .a4, landscape: true),
                                     keep: (Any) -> Void = { _ in }, send: (([UInt8]) -> Void)? = nil) -> [UInt8]? {
        if format == .xlsx { return nil }
        let checklist = Checklist(journey.result, language: language)
        defer { keep(checklist) }
        switch format {
        case .xlsx: return nil
        case .csv: return CSVChecklist.bytes(checklist, byteOrderMark: byteOrderMark, delimiter: delimiter, send: send)
        case .md: return MarkdownChecklist.bytes(checklist, send: send)
        case .html: return HTMLChecklist.bytes(checklist, diagram: diagram.map { String(decoding: $0, as: UTF8.self) },
                                               paper: paper(page), send: send)
        }
    }

    /// A text format's checklist (Markdown, HTML, CSV) as text; `document` gives every
    /// format's bytes, `.xlsx` too (here an `.xlsx` too large for a sheet is empty).
    package static func render(_ journey: CheckedJourney, format: ChecklistFormat, language: KeywordLanguage? = nil,
                              byteOrderMark: Bool = false, delimiter: Character? = nil, diagram: [[UInt8]] = [],
                              page: PageSetup = PageSetup(paper: .a4, landscape: true)) -> String {
        let checklist = Checklist(journey.result, language: language)
        switch format {
        case .md: return MarkdownChecklist.render(checklist)
        case .csv: return CSVChecklist.render(checklist, byteOrderMark: byteOrderMark, delimiter: delimiter)
        case .xlsx: return String(decoding: (try? XLSXChecklist.render(checklist)) ?? [], as: UTF8.self)
        case .html: return HTMLChecklist.render(checklist, diagram: diagram.map { String(decoding: $0, as: UTF8.self) }, paper: paper(page))
        }
    }

    /// The paper of the HTML checklist's print stylesheet.
    private static func paper(_ page: PageSetup) -> HTMLChecklist.Paper {
        let sheet = page.size
        return HTMLChecklist.Paper(name: page.paper == .letter ? "letter" : page.paper.rawValue.uppercased(),
                                   sheetWidth: sheet.width / 72 * 25.4, sheetHeight: sheet.height / 72 * 25.4)
    }
}
