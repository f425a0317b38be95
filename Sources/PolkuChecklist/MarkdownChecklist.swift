import PolkuEscaping
import PolkuModel

/// The checklist as GitHub-flavoured Markdown: task lists (`- [ ]`) per phase and step,
/// then the channel, customer-profile and summary tables. Journey text is escaped so that it
/// is always shown as written, never read as Markdown.
package enum MarkdownChecklist {
    package static func render(_ c: Checklist) -> String {
        var out = "# \(c.t(.checklistFor)): \(escape(c.title))\n\n"
        // The journey's notes, then each persona with its notes: what the team should keep
        // in mind before the steps.
        for note in c.journeyNotes { out += "**✱ \(escape(c.t(.note))):** \(escape(note))  \n" }
        for (i, line) in c.personaLines.enumerated() {
            out += "**\(c.t(.forWhom)):** \(escape(line))  \n"
            for note in c.personaNotes[i] {
                out += "**✱ \(escape(c.t(.note))) (\(escape(c.personaIds[i]))):** \(escape(note))  \n"
            }
        }
        if !c.personaLines.isEmpty || !c.journeyNotes.isEmpty { out += "\n" }
        out += "> \(escape(c.t(.legendChecklist)))\n\n"
        if !c.journeyQuestions.isEmpty {
            out += "## \(escape(c.t(.wholeJourney)))\n\n"
            for q in c.journeyQuestions { out += "- [ ] ⚠ \(escape(q.text))\n" }
            out += "\n"
        }
        for section in c.sections {
            out += "## \(escape(section.heading))\n\n"
            if section.items.isEmpty {
                out += "*\(escape(c.t(.noSteps)))*\n\n"
                continue
            }
            for (n, item) in section.items.enumerated() {
                out += "- [ ] **\(escape(item.numberedText))** — \(escape(section.stepChannels[n]))\n"
                for child in item.children { out += "  " + line(child, c) + "\n" }
            }
            out += "\n"
        }
        out += "## \(escape(c.t(.channelSelfAssessment)))\n\n"
        out += table([c.t(.channel), c.t(.competence), c.t(.presence), c.t(.notes)],
                     c.channels.map { [$0.name, $0.competence, $0.presence, $0.notes] })
        if !c.personas.isEmpty {
            out += "## \(escape(c.t(.customerProfiles)))\n\n"
            out += table([c.t(.persona), c.t(.waysOfUsing), c.t(.channelsOffered), c.t(.deliveryEnsured)],
                         c.personas.map { [$0.name, $0.uses, $0.channels, $0.assurance] })
        }
        out += "## \(escape(c.t(.summary)))\n\n"
        out += table([c.t(.phase), c.t(.steps), c.t(.recommendations), c.t(.followUps), c.t(.openQuestions)],
                     c.summary.map { [$0.heading, "\($0.steps)", "\($0.recommendations)", "\($0.followUps)", "\($0.questions)"] },
                     numeric: true)
        if !c.accepted.isEmpty {
            out += "## \(escape(c.t(.acceptedFindings)))\n\n"
            for a in c.accepted { out += "- \(escape(a))\n" }
            out += "\n"
        }
        return out
    }

    static func line(_ item: Checklist.Item, _ c: Checklist) -> String {
        switch item.kind {
        case .need: "- \(escape(c.t(.need))): \(escape(item.text))"
        case .recommend: "- [ ] ★ \(escape(c.t(.recommend))): \(escape(item.text))"
        case .followUp: "- [ ] ↪ \(escape(c.t(.followUp))): \(escape(item.text))"
        case .feedback: "- [ ] ✎ \(escape(c.t(.feedback))): \(escape(item.text))"
        case .note: "- ✱ **\(escape(c.t(.note))):** \(escape(item.text))"
        case .mood: "- \(escape(c.t(.mood))): \(escape(item.text))"
        case .question: "- [ ] ⚠ \(escape(item.text))"
        case .step: "- [ ] \(escape(item.numberedText))"
        }
    }

    static func table(_ header: [String], _ rows: [[String]], numeric: Bool = false) -> String {
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { i in numeric && i > 0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { $0.isEmpty ? " " : escape($0) }.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    /// Journey text as Markdown text, never markup.
    static func escape(_ text: String) -> String { Escaping.markdown(text) }
}
