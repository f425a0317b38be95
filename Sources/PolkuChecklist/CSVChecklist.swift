import PolkuEscaping
import PolkuModel
import PolkuSyntax

/// The checklist as CSV (RFC 4180): `ChecklistTable`, a row per checklist item.
///
/// UTF-8, CRLF line ends, an optional byte order mark for spreadsheet programs, and a chosen
/// delimiter: `;` is what Excel expects in Finnish and Swedish (where `,` is the decimal
/// comma). A cell that a spreadsheet would run as a formula is prefixed with `'` so it shows as
/// text (`Escaping.csvCell`).
package enum CSVChecklist {
    /// The delimiter Excel expects for a checklist's language: `;` for Finnish and Swedish,
    /// `,` for English.
    package static func delimiter(for language: KeywordLanguage) -> Character {
        language == .en ? "," : ";"
    }

    package static func render(_ c: Checklist, byteOrderMark: Bool = false, delimiter: Character? = nil) -> String {
        let separator = delimiter ?? Self.delimiter(for: c.language)
        var out = byteOrderMark ? "\u{FEFF}" : ""
        func row(_ cells: [String]) {
            out += cells.map { Escaping.csvCell($0, delimiter: separator) }.joined(separator: String(separator)) + "\r\n"
        }
        row(ChecklistTable.header(c))
        for cells in ChecklistTable.rows(c) { row(cells.map(\.text)) }
        return out
    }
}
