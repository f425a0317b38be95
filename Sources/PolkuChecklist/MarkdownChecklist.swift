import PolkuEscaping
import PolkuModel

/// The checklist as GitHub-flavoured Markdown: task lists (`- [ ]`) per phase and step,
/// then the channel, customer-profile and summary tables. Journey text is escaped so that it
/// is always shown as written, never read as Markdown.
package enum MarkdownChecklist {
    package static func render(_ c: Checklist) -> String { String(decoding: bytes(c), as: UTF8.self) }

    /// The checklist as UTF-8 bytes, written straight onto one buffer (a checklist of
    /// 100,000 steps has over half a million lines). With `send`, the bytes are handed to it
    /// a megabyte at a time as they are written, and the rest is returned.
    package static func bytes(_ c: Checklist, send: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        var w = Writer()
        let pieces = Pieces(send: send)
        w.out.reserveCapacity(pieces.capacity(whole: 2 * c.sizeHint + (1 << 16)))
        w.raw("# \(c.t(.checklistFor)): ")
        w.text(c.title)
        w.raw("\n\n")
        // The journey's notes, then each persona with its notes: what the team should keep
        // in mind before the steps.
        for note in c.journeyNotes {
            w.raw("**✱ ")
            w.text(c.t(.note))
            w.raw(":** ")
            w.text(note)
            w.raw("  \n")
        }
        for (i, line) in c.personaLines.enumerated() {
            w.raw("**\(c.t(.forWhom)):** ")
            w.text(line)
            w.raw("  \n")
            for note in c.personaNotes[i] {
                w.raw("**✱ ")
                w.text(c.t(.note))
                w.raw(" (")
                w.text(c.personaIds[i])
                w.raw("):** ")
                w.text(note)
                w.raw("  \n")
            }
        }
        if !c.personaLines.isEmpty || !c.journeyNotes.isEmpty { w.raw("\n") }
        w.raw("> ")
        w.text(c.t(.legendChecklist))
        w.raw("\n\n")
        if !c.journeyQuestions.isEmpty {
            w.heading(c.t(.wholeJourney))
            for q in c.journeyQuestions {
                w.raw("- [ ] ⚠ ")
                w.text(q.text)
                w.raw("\n")
            }
            w.raw("\n")
        }
        // Each kind's label, escaped once for the whole document.
        w.labels = Checklist.Item.Kind.allCases.map { kind in
            var bytes: [UInt8] = [], scratch: [UInt8] = []
            Escaping.markdown(c.kindLabel(kind), into: &bytes, scratch: &scratch)
            return bytes
        }
        let labels = w.labels, room = c.sizeHint
        c.writeSteps(&w, pieces) {
            var second = Writer()
            second.labels = labels
            second.out.reserveCapacity(room)
            return second
        }
        w.heading(c.t(.channelSelfAssessment))
        table([c.t(.channel), c.t(.competence), c.t(.presence), c.t(.notes)],
              c.channels.map { [$0.name, $0.competence, $0.presence, $0.notes] }, &w)
        if !c.personas.isEmpty {
            w.heading(c.t(.customerProfiles))
            table([c.t(.persona), c.t(.waysOfUsing), c.t(.channelsOffered), c.t(.deliveryEnsured)],
                  c.personas.map { [$0.name, $0.uses, $0.channels, $0.assurance] }, &w)
        }
        w.heading(c.t(.summary))
        table([c.t(.phase), c.t(.steps), c.t(.recommendations), c.t(.followUps), c.t(.openQuestions)],
              c.summary.map { [$0.heading, "\($0.steps)", "\($0.recommendations)", "\($0.followUps)", "\($0.questions)"] },
              numeric: true, &w)
        if !c.accepted.isEmpty {
            w.heading(c.t(.acceptedFindings))
            for a in c.accepted {
                w.raw("- ")
                w.text(a)
                w.raw("\n")
            }
            w.raw("\n")
        }
        return w.out
    }

    /// Bytes on their way into the document: Markdown as it is, or journey text escaped.
    struct Writer: StepsWriter {
        var out: [UInt8] = []
        private var scratch: [UInt8] = []
        /// Bytes gathered to be escaped as one text (`textBytes`).
        var bytes: [UInt8] = []
        /// The kinds' labels, escaped, by `Kind.index`.
        var labels: [[UInt8]] = []

        mutating func start(_ c: Checklist, _ s: Int) {
            heading(c.sections[s].heading)
            if c.sections[s].items.isEmpty {
                raw("*")
                text(c.t(.noSteps))
                raw("*\n\n")
            }
        }

        // By index: copying an item out of the array retains its strings and children.
        mutating func step(_ c: Checklist, _ s: Int, _ n: Int) {
            put("- [ ] **")
            text(c.sections[s].items[n].numberedText)
            put("** — ")
            bytes.removeAll(keepingCapacity: true)
            c.stepChannel(c.sections[s], n, into: &bytes)
            textBytes()
            put("\n")
            for k in c.sections[s].items[n].children.indices {
                put("  ")
                MarkdownChecklist.line(c.sections[s].items[n].children[k], labels, &self)
                put("\n")
            }
        }

        mutating func end(_ c: Checklist, _ s: Int) {
            if !c.sections[s].items.isEmpty { raw("\n") }
        }

        mutating func raw(_ markup: String) { out.append(contentsOf: markup.utf8) }
        /// Markup written in the code, copied in one go.
        @inline(__always)
        mutating func put(_ markup: StaticString) { markup.withUTF8Buffer { out.append(contentsOf: $0) } }
        mutating func text(_ text: String) { Escaping.markdown(text, into: &out, scratch: &scratch) }
        /// `bytes`, escaped as text.
        mutating func textBytes() {
            bytes.withUnsafeBufferPointer { Escaping.markdown(utf8: $0, into: &out, scratch: &scratch) }
        }

        mutating func heading(_ title: String) {
            raw("## ")
            text(title)
            raw("\n\n")
        }
    }

    /// A line under a step; `labels` are the kinds' labels, escaped, by `Kind.index`.
    static func line(_ item: Checklist.Item, _ labels: [[UInt8]], _ w: inout Writer) {
        // The item's mark and label, then its text.
        let labelled: Bool
        switch item.kind {
        case .need, .mood: w.put("- "); labelled = true
        case .recommend: w.put("- [ ] ★ "); labelled = true
        case .followUp: w.put("- [ ] ↪ "); labelled = true
        case .feedback: w.put("- [ ] ✎ "); labelled = true
        case .note: w.put("- ✱ **"); labelled = true
        case .question: w.put("- [ ] ⚠ "); labelled = false
        case .step: w.put("- [ ] "); labelled = false
        }
        if labelled {
            w.out.append(contentsOf: labels[item.kind.index])
            if item.kind == .note { w.put(":** ") } else { w.put(": ") }
        }
        w.text(item.kind == .step ? item.numberedText : item.text)
    }

    static func table(_ header: [String], _ rows: [[String]], numeric: Bool = false, _ w: inout Writer) {
        w.raw("| ")
        for (i, cell) in header.enumerated() {
            if i > 0 { w.raw(" | ") }
            w.text(cell)
        }
        w.raw(" |\n|")
        for i in header.indices { w.raw(numeric && i > 0 ? " ---: |" : " --- |") }
        w.raw("\n")
        for row in rows {
            w.raw("| ")
            for (i, cell) in row.enumerated() {
                if i > 0 { w.raw(" | ") }
                if cell.isEmpty { w.raw(" ") } else { w.text(cell) }
            }
            w.raw(" |\n")
        }
        w.raw("\n")
    }
}
