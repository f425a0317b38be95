/// The checklist as one table, a row per checklist item, with a column for each thing a
/// spreadsheet filters by: the step's number and id, the phase, the channel, who serves, the
/// kind of line, its text, the step's mood, the checker rule behind a question and the line
/// of the journey file. A step's number, id, channel, role and mood stand on each of its rows.
/// Notes are rows of their own kind. CSV and XLSX are this table.
package enum ChecklistTable {
    package enum Cell: Equatable, Sendable {
        case text(String)
        /// A whole number, or an empty cell.
        case number(Int?)
        /// A rating from 1 to 5, shown as `4/5`, or an empty cell.
        case rating(Int?)

        /// The cell as text (an empty one as "").
        package var text: String {
            switch self {
            case .text(let s): s
            case .number(let n): n.map(String.init) ?? ""
            case .rating(let n): n.map { "\($0)/5" } ?? ""
            }
        }
    }

    package static func header(_ c: Checklist) -> [String] {
        [c.t(.stepNumber), c.t(.stepId), c.t(.phase), c.t(.servedIn), c.t(.servedBy), c.t(.kind), c.t(.text),
         c.t(.mood), c.t(.finding), c.t(.line)]
    }

    /// How wide each column is worth showing, in characters (for XLSX).
    static let widths: [Double] = [6, 12, 16, 22, 20, 14, 60, 10, 22, 6]

    package static func rows(_ c: Checklist) -> [[Cell]] {
        var rows: [[Cell]] = []
        forEachRow(c) { rows.append($0) }
        return rows
    }

    /// The rows one after another, none kept: a writer that streams them (CSV) holds one
    /// row at a time, not half a million.
    package static func forEachRow(_ c: Checklist, _ body: ([Cell]) -> Void) {
        let whole = Cell.text(c.t(.wholeJourney))
        let none = Cell.text("")
        // Notes about the whole journey, and the personas' (their text after the persona's id).
        for note in c.journeyNotes {
            body([.number(nil), none, whole, none, none, .text(c.kindLabel(.note)), .text(note), .rating(nil), none, .number(nil)])
        }
        for (i, notes) in c.personaNotes.enumerated() {
            for note in notes {
                body([.number(nil), none, whole, none, none, .text(c.kindLabel(.note)), .text("\(c.personaIds[i]): \(note)"),
                      .rating(nil), none, .number(nil)])
            }
        }
        for q in c.journeyQuestions {
            body([.number(nil), none, whole, .text(q.channel ?? ""), none, .text(c.kindLabel(.question)), .text(q.text),
                  .rating(nil), .text(q.rule ?? ""), .number(q.line)])
        }
        for section in c.sections {
            for (n, item) in section.items.enumerated() {
                let step = section.steps[n]
                func cells(_ kind: Checklist.Item.Kind, _ text: String, _ rule: String?, _ line: Int?) -> [Cell] {
                    [.number(step.number), .text(step.id), .text(section.heading), .text(step.channel), .text(step.roles),
                     .text(c.kindLabel(kind)), .text(text), .rating(step.moodValue), .text(rule ?? ""), .number(line)]
                }
                body(cells(.step, item.text, nil, item.line))
                // The mood is a column of its own.
                for child in item.children where child.kind != .mood {
                    body(cells(child.kind, child.text, child.rule, child.line))
                }
            }
        }
    }
}
