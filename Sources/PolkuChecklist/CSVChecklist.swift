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

    /// The CSV as UTF-8 bytes, written cell by cell. The cells a step's rows share (its
    /// number, id, phase, channel, roles and mood) are escaped once a step, and each kind's
    /// word once. With `send`, the bytes are handed to it a megabyte at a time as they are
    /// written, and the rest is returned.
    package static func bytes(_ c: Checklist, byteOrderMark: Bool = false, delimiter: Character? = nil,
                              send: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        let separator = (delimiter ?? Self.delimiter(for: c.language)).asciiValue ?? UInt8(ascii: ",")
        let pieces = Pieces(send: send)
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(pieces.capacity(whole: 3 * c.sizeHint + (1 << 16)))
        for (i, cell) in ChecklistTable.header(c).enumerated() {
            if i > 0 { out.append(separator) }
            Escaping.csvCell(cell, delimiter: separator, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])

        // A number or a rating ("4/5") has nothing to escape.
        func number(_ n: Int?, into out: inout [UInt8]) {
            if let n { ByteOutput.appendDecimal(n, to: &out) }
        }
        let kinds = Checklist.Item.Kind.allCases.map { kind in
            var bytes: [UInt8] = []
            Escaping.csvCell(c.kindLabel(kind), delimiter: separator, into: &bytes)
            return bytes
        }
        var group = 0
        // The step's cells before the kind (each followed by the separator), and its mood.
        var before: [UInt8] = [], mood: [UInt8] = []
        ChecklistTable.forEachRow(c) { row in
            if row.group != group {
                pieces.pass(&out)
                group = row.group
                before.removeAll(keepingCapacity: true)
                number(row.number, into: &before)
                for cell in [row.id, row.phase, row.channel, row.roles] {
                    before.append(separator)
                    Escaping.csvCell(cell, delimiter: separator, into: &before)
                }
                before.append(separator)
                mood.removeAll(keepingCapacity: true)
                if let m = row.mood {
                    number(m, into: &mood)
                    mood.append(contentsOf: "/5".utf8)
                }
            }
            out.append(contentsOf: before)
            out.append(contentsOf: kinds[row.kind.index])
            out.append(separator)
            Escaping.csvCell(row.text, delimiter: separator, into: &out)
            out.append(separator)
            out.append(contentsOf: mood)
            out.append(separator)
            Escaping.csvCell(row.rule, delimiter: separator, into: &out)
            out.append(separator)
            number(row.line, into: &out)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }
}
