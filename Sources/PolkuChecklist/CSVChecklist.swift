import PolkuEscaping
import PolkuModel

/// The checklist as CSV (RFC 4180): one row per checklist item, with the phase, step,
/// channel, kind, text and the checker rule behind a question. Notes and a step's mood
/// ("2/5") are rows of their own kind. UTF-8, CRLF line ends, an
/// optional byte order mark for spreadsheet programs. A cell that a spreadsheet would run as
/// a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with
/// `'` so it shows as text.
package enum CSVChecklist {
    package static func render(_ c: Checklist, byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        func row(_ cells: [String]) { out += cells.map(cell).joined(separator: ",") + "\r\n" }
        row([c.t(.phase), c.t(.step), c.t(.servedIn), c.t(.kind), c.t(.text), c.t(.finding)])
        // Notes about the whole journey, and the personas' (their text after the persona's id).
        for note in c.journeyNotes {
            row([c.t(.wholeJourney), "", "", c.kindLabel(.note), note, ""])
        }
        for (i, notes) in c.personaNotes.enumerated() {
            for note in notes { row([c.t(.wholeJourney), "", "", c.kindLabel(.note), "\(c.personaIds[i]): \(note)", ""]) }
        }
        for q in c.journeyQuestions {
            row([c.t(.wholeJourney), "", q.channel ?? "", c.kindLabel(.question), q.text, q.rule ?? ""])
        }
        for section in c.sections {
            for (n, item) in section.items.enumerated() {
                let step = section.stepTitles[n], channel = section.stepChannels[n]
                row([section.heading, step, channel, c.kindLabel(.step), item.numberedText, ""])
                for child in item.children {
                    row([section.heading, step, channel, c.kindLabel(child.kind), child.text, child.rule ?? ""])
                }
            }
        }
        return out
    }

    /// One field, neutralised for spreadsheets and quoted when it must be.
    static func cell(_ value: String) -> String { Escaping.csvCell(value) }
}
