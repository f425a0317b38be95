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
        let kinds = Checklist.Item.Kind.allCases.map { kind in
            var bytes: [UInt8] = []
            Escaping.csvCell(c.kindLabel(kind), delimiter: separator, into: &bytes)
            return bytes
        }
        var w = Writer(separator: separator, kinds: kinds)
        if byteOrderMark { w.out = [0xEF, 0xBB, 0xBF] }
        w.out.reserveCapacity(pieces.capacity(whole: 3 * c.sizeHint + (1 << 16)))
        for (i, cell) in ChecklistTable.header(c).enumerated() {
            if i > 0 { w.out.append(separator) }
            Escaping.csvCell(cell, delimiter: separator, into: &w.out)
        }
        w.out.append(contentsOf: [0x0D, 0x0A])
        ChecklistTable.forEachJourneyRow(c) {
            w.row($0, first: true)
            pieces.pass(&w.out)
        }
        let room = 2 * c.sizeHint
        c.writeSteps(&w, pieces) {
            var second = Writer(separator: separator, kinds: kinds)
            second.out.reserveCapacity(room)
            return second
        }
        return w.out
    }

    /// The rows as CSV, a step's rows at a time.
    struct Writer: StepsWriter {
        var out: [UInt8] = []
        let separator: UInt8
        /// Each kind's word, escaped, by `Kind.index`.
        let kinds: [[UInt8]]
        /// The step's cells before the kind (each followed by the separator), and its mood:
        /// escaped once, at a step's first row.
        private var before: [UInt8] = [], mood: [UInt8] = []

        init(separator: UInt8, kinds: [[UInt8]]) {
            self.separator = separator
            self.kinds = kinds
        }

        func start(_ c: Checklist, _ s: Int) {}
        func end(_ c: Checklist, _ s: Int) {}

        mutating func step(_ c: Checklist, _ s: Int, _ n: Int) {
            var first = true
            ChecklistTable.forEachStepRow(c, s, n, group: 0) { row in
                self.row(row, first: first)
                first = false
            }
        }

        // A number or a rating ("4/5") has nothing to escape.
        private static func number(_ n: Int?, into out: inout [UInt8]) {
            if let n { ByteOutput.appendDecimal(n, to: &out) }
        }

        /// A row; `first` when it is the first of its group, whose shared cells it escapes.
        mutating func row(_ row: ChecklistTable.Row, first: Bool) {
            if first {
                before.removeAll(keepingCapacity: true)
                Self.number(row.number, into: &before)
                for cell in [row.id, row.phase, row.channel, row.roles] {
                    before.append(separator)
                    Escaping.csvCell(cell, delimiter: separator, into: &before)
                }
                before.append(separator)
                mood.removeAll(keepingCapacity: true)
                if let m = row.mood {
                    Self.number(m, into: &mood)
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
            Self.number(row.line, into: &out)
            out.append(contentsOf: [0x0D, 0x0A])
        }
    }
}
