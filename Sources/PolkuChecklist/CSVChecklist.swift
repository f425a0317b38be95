import PolkuEscaping
import PolkuModel
import PolkuSyntax

/// The checklist as CSV (RFC 4180), one row per checklist item, with a column for each thing a
/// spreadsheet filters by: the step's number and id, the phase, the channel, who serves, the
/// kind of line, its text, the step's mood, the checker rule behind a question and the line
/// of the journey file. A step's number, id, channel, role and mood stand on each of its rows.
/// Notes are rows of their own kind.
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
        func number(_ n: Int?) -> String { n.map(String.init) ?? "" }
        row([c.t(.stepNumber), c.t(.stepId), c.t(.phase), c.t(.servedIn), c.t(.servedBy), c.t(.kind), c.t(.text),
             c.t(.mood), c.t(.finding), c.t(.line)])
        let whole = c.t(.wholeJourney)
        // Notes about the whole journey, and the personas' (their text after the persona's id).
        for note in c.journeyNotes {
            row(["", "", whole, "", "", c.kindLabel(.note), note, "", "", ""])
        }
        for (i, notes) in c.personaNotes.enumerated() {
            for note in notes { row(["", "", whole, "", "", c.kindLabel(.note), "\(c.personaIds[i]): \(note)", "", "", ""]) }
        }
        for q in c.journeyQuestions {
            row(["", "", whole, q.channel ?? "", "", c.kindLabel(.question), q.text, "", q.rule ?? "", number(q.line)])
        }
        for section in c.sections {
            for (n, item) in section.items.enumerated() {
                let step = section.steps[n]
                func cells(_ kind: Checklist.Item.Kind, _ text: String, _ rule: String?, _ line: Int?) -> [String] {
                    [String(step.number), step.id, section.heading, step.channel, step.roles, c.kindLabel(kind), text,
                     step.mood, rule ?? "", number(line)]
                }
                row(cells(.step, item.text, nil, item.line))
                // The mood is a column of its own.
                for child in item.children where child.kind != .mood {
                    row(cells(child.kind, child.text, child.rule, child.line))
                }
            }
        }
        return out
    }
}
