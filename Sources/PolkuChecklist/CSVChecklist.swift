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
        String(decoding: bytes(c, byteOrderMark: byteOrderMark, delimiter: delimiter), as: UTF8.self)
    }

    /// The CSV as UTF-8 bytes, written cell by cell.
    package static func bytes(_ c: Checklist, byteOrderMark: Bool = false, delimiter: Character? = nil) -> [UInt8] {
        let separator = (delimiter ?? Self.delimiter(for: c.language)).asciiValue ?? UInt8(ascii: ",")
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(3 * c.sizeHint + (1 << 16))
        func row(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(separator) }
                Escaping.csvCell(cell, delimiter: separator, into: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        row(ChecklistTable.header(c))
        ChecklistTable.forEachRow(c) { cells in row(cells.map(\.text)) }
        return out
    }
}
