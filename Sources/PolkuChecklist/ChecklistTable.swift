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

    /// The columns whose texts repeat from row to row (phase, channel, who serves, kind,
    /// finding), which XLSX writes once each, as shared strings.
    package static let repeating: [Bool] = [false, false, true, true, true, true, false, false, true, false]

    /// One row, its cells as fields: no array is made a row. The rows of one step share
    /// their step's cells (number, id, phase, channel, roles, mood), and their `group`: a
    /// writer that sees the same group again can reuse what it wrote for those cells.
    package struct Row {
        /// The same for the rows of one step; each row about the whole journey has its own.
        package var group: Int
        package var number: Int?
        package var id: String
        package var phase: String
        package var channel: String
        package var roles: String
        package var kind: Checklist.Item.Kind
        package var text: String
        package var mood: Int?
        package var rule: String
        package var line: Int?

        /// The row's cells in column order, as `header` names them.
        package func cells(_ c: Checklist) -> [Cell] {
            var cells: [Cell] = []
            cells.reserveCapacity(10)
            forEachCell(c) { cells.append($1) }
            return cells
        }

        /// The row's cells in column order with their columns' indices, one after another: a
        /// writer that streams them makes no array a row.
        @inline(__always)
        package func forEachCell(_ c: Checklist, _ body: (Int, Cell) -> Void) {
            body(0, .number(number))
            body(1, .text(id))
            body(2, .text(phase))
            body(3, .text(channel))
            body(4, .text(roles))
            body(5, .text(c.kindLabel(kind)))
            body(6, .text(text))
            body(7, .rating(mood))
            body(8, .text(rule))
            body(9, .number(line))
        }
    }

    /// How many rows `forEachRow` gives: the journey's few rows as `forEachJourneyRow` counts
    /// them, and each step's counted without making them (going through 400,000 rows of a
    /// 100,000-step journey to count them took as long as making its items): its own and one
    /// a line under it that `isRow` keeps (`forEachStepRow`).
    package static func rowCount(_ c: Checklist) -> Int {
        var count = forEachJourneyRow(c) { _ in }
        for s in c.sections.indices {
            for n in c.sections[s].items.indices {
                count += 1
                for k in c.sections[s].items[n].children.indices where isRow(c.sections[s].items[n].children[k].kind) {
                    count += 1
                }
            }
        }
        return count
    }

    /// Whether a line under a step has a row of its own: all but the mood, which is a
    /// column of the step's row.
    @inline(__always)
    static func isRow(_ kind: Checklist.Item.Kind) -> Bool { kind != .mood }

    package static func rows(_ c: Checklist) -> [[Cell]] {
        var rows: [[Cell]] = []
        forEachRow(c) { rows.append($0.cells(c)) }
        return rows
    }

    /// The rows one after another, none kept: a writer that streams them (CSV, XLSX) holds
    /// one row at a time, not half a million. The rows of a step are one value changed in
    /// place, handed over without a copy.
    package static func forEachRow(_ c: Checklist, _ body: (Row) -> Void) {
        var group = forEachJourneyRow(c, body)
        for s in c.sections.indices {
            for n in c.sections[s].items.indices {
                group += 1
                forEachStepRow(c, s, n, group: group, body)
            }
        }
    }

    /// The rows about the whole journey, each its own group: the notes (a persona's after
    /// the persona's id), then the questions. Returns how many there are.
    @discardableResult
    package static func forEachJourneyRow(_ c: Checklist, _ body: (Row) -> Void) -> Int {
        let whole = c.t(.wholeJourney)
        var group = 0
        func journeyRow(_ kind: Checklist.Item.Kind, _ text: String, channel: String = "", rule: String = "", line: Int? = nil) {
            group += 1
            body(Row(group: group, number: nil, id: "", phase: whole, channel: channel, roles: "", kind: kind, text: text,
                     mood: nil, rule: rule, line: line))
        }
        for note in c.journeyNotes { journeyRow(.note, note) }
        for (i, notes) in c.personaNotes.enumerated() {
            for note in notes { journeyRow(.note, "\(c.personaIds[i]): \(note)") }
        }
        for q in c.journeyQuestions {
            journeyRow(.question, q.text, channel: q.channel ?? "", rule: q.rule ?? "", line: q.line)
        }
        return group
    }

    /// The rows of step `n` of section `s`, all in `group`: the step's, then one a line
    /// under it (the mood is a column of its own, not a row).
    @inline(__always)
    package static func forEachStepRow(_ c: Checklist, _ s: Int, _ n: Int, group: Int, _ body: (Row) -> Void) {
        // Read in place: copying a section or an item out would retain its arrays.
        let step = c.sections[s].steps[n]
        var row = Row(group: group, number: step.number, id: step.id, phase: c.sections[s].heading, channel: step.channel,
                      roles: step.roles, kind: .step, text: c.sections[s].items[n].text, mood: step.moodValue, rule: "",
                      line: c.sections[s].items[n].line)
        body(row)
        for k in c.sections[s].items[n].children.indices where isRow(c.sections[s].items[n].children[k].kind) {
            row.kind = c.sections[s].items[n].children[k].kind
            row.text = c.sections[s].items[n].children[k].text
            row.rule = c.sections[s].items[n].children[k].rule ?? ""
            row.line = c.sections[s].items[n].children[k].line
            body(row)
        }
    }
}
