import PolkuModel
import PolkuSyntax

/// `polku export --to mermaid`: the journey as a Mermaid user journey, which GitHub, GitLab
/// and many wikis draw without a plug-in. Phases become sections, steps tasks, with the
/// step's mood as the score (3 where it has none) and who serves as the actors; the channel
/// is in brackets at the end of the task (`Sends a request (email)`).
///
/// What a Mermaid journey cannot show (ids, needs, recommendations, follow-ups, feedback,
/// branches, notes, customer profiles, channel ratings) is kept in `%%` comment lines, as
/// the journey file's own lines in its language, under the task or at the top: Mermaid skips
/// them and `polku import` reads them back.
package enum MermaidExport {
    /// Mermaid's journey syntax ends a name at `:`, `;` and `#`, so those are written as
    /// look-alikes; `polku import` turns them back.
    static let lookAlikes: [(Character, Character)] = [(":", "\u{A789}"), (";", "\u{FE54}"), ("#", "\u{FF03}")]

    /// Words that start a statement in Mermaid's journey syntax, whatever follows them: a
    /// name that starts with one gets a zero-width space in front.
    static let statementWords = ["journey", "title", "section", "acc"]
    static let guardCharacter: Character = "\u{200B}"

    static func mermaidText(_ text: String) -> String {
        var out = ""
        let lowered = text.prefix(8).lowercased()
        if statementWords.contains(where: lowered.hasPrefix) { out.append(guardCharacter) }
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if let pair = lookAlikes.first(where: { $0.0 == c }) { out.append(pair.1) } else { out.append(c) }
        }
        return out
    }

    /// The comment line that starts every export; `polku import` skips it.
    static let marker = "polku:"

    /// - Parameters:
    ///   - language: the language of the section names and the comment lines' keywords
    ///     (nil: the journey's own).
    ///   - markdown: a Markdown page with the diagram in a ```mermaid block, as GitHub and
    ///     GitLab draw it.
    package static func text(_ checked: CheckedJourney, language asked: KeywordLanguage? = nil, markdown: Bool = false) -> String {
        let journey = checked.result.analysis.journey
        let language = asked ?? checked.language
        func k(_ meaning: KeywordMeaning) -> String { Keywords.entry(for: meaning).preferred(language) }
        func a(_ kind: AttributeKind) -> String { k(.attribute(kind)) }
        func channelName(_ i: Int) -> String {
            let c = journey.channels[i]
            return c.builtin.map { k(.channel($0)) } ?? c.id
        }
        var out = "journey\n"
        out += "    title \(mermaidText(journey.title.value))\n"
        func comment(_ line: String, _ indent: String = "    ") { out += "\(indent)%% \(line)\n" }
        comment("\(marker) \(MermaidWords.intro(language))")

        // The journey's own lines.
        if let d = journey.defaultChannel { comment("\(a(.via)): \(channelName(d))") }
        if journey.focus != Array(journey.personas.indices) {
            comment("\(a(.for)): \(journey.focus.map { journey.personas[$0].id }.joined(separator: ", "))")
        }
        for n in journey.notes { comment("\(a(.note)): \(n.value)") }
        for n in journey.allows { comment("\(a(.allow)): \(n.value)") }
        let mustDeclare = journey.channels.map { c in
            c.builtin == nil || c.label != nil || c.competence != nil || c.presence != nil || !c.notes.isEmpty
        }
        let plan = ChannelDeclarations.plan(
            order: journey.channels.map(\.id), journeyChannel: journey.defaultChannel.map { journey.channels[$0].id },
            personaChannels: journey.personas.map { $0.channels.map { journey.channels[$0].id } },
            mustDeclare: mustDeclare, stepChannels: journey.steps.map { journey.channels[$0.channel].id })
        func channels() {
            for (i, c) in journey.channels.enumerated() where plan.declare[i] {
                comment("\(k(.header(.channel))) \(channelName(i)):" + (c.label.map { " \($0.value)" } ?? ""))
                if let v = c.competenceValue { comment("  \(a(.competence)): \(v)") }
                if let v = c.presenceValue { comment("  \(a(.presence)): \(v)") }
                for n in c.notes { comment("  \(a(.note)): \(n.value)") }
            }
        }
        if plan.beforeProfiles { channels() }
        for p in journey.personas {
            comment("\(k(.header(.persona))) \(p.id): \(p.description.value)")
            for u in p.uses { comment("  \(a(.uses)): \(u.value)") }
            if !p.channels.isEmpty { comment("  \(a(.channels)): \(p.channels.map(channelName).joined(separator: ", "))") }
            for x in p.assurance { comment("  \(a(.assurance)): \(x.value)") }
            for n in p.notes { comment("  \(a(.note)): \(n.value)") }
        }
        if !plan.beforeProfiles { channels() }

        // Sections and tasks.
        for section in journey.sections {
            out += "    section \(mermaidText(Labels.phaseHeading(section.phase, language)))\n"
            for i in section.steps {
                let s = journey.steps[i]
                let actors = s.by.map { mermaidText($0.value).replacingOccurrences(of: ",", with: " ") }
                let score = s.moodValue ?? 3
                out += "      \(mermaidText(s.title.value)) (\(mermaidText(channelName(s.channel)))): \(score)"
                out += actors.isEmpty ? "\n" : ": \(actors.joined(separator: ", "))\n"
                let indent = "      "
                if let id = s.id { comment("id: \(id)", indent) }
                if s.by.contains(where: { $0.value.contains(",") }) {
                    for b in s.by { comment("\(a(.by)): \(b.value)", indent) }
                }
                for t in s.needs { comment("\(a(.need)): \(t.value)", indent) }
                for t in s.recommendations { comment("\(a(.recommend)): \(t.value)", indent) }
                for t in s.followUps { comment("\(a(.followUp)): \(t.value)", indent) }
                for t in s.feedback { comment("\(a(.feedback)): \(t.value)", indent) }
                if !s.flow.isFollowing(i, count: journey.steps.count) {
                    let items = s.flow.successors.map { journey.steps[$0].id ?? journey.steps[$0].title.value } + (s.flow.ends ? [k(.end)] : [])
                    comment("\(a(.next)): \(items.joined(separator: ", "))", indent)
                }
                for t in s.notes { comment("\(a(.note)): \(t.value)", indent) }
                for t in s.allows { comment("\(a(.allow)): \(t.value)", indent) }
                if s.moodValue == nil { comment(MermaidImport.noMood(language), indent) }
            }
        }
        guard markdown else { return out }
        return "# \(journey.title.value)\n\n```mermaid\n" + out + "```\n"
    }
}

/// The few words the Mermaid export writes itself.
enum MermaidWords {
    static func intro(_ language: KeywordLanguage) -> String {
        switch language {
        case .en: "a service journey from Polku. Mermaid skips the lines starting with %%; `polku import` reads them back."
        case .fi: "Polun palvelupolku. Mermaid ohittaa %%-merkeillä alkavat rivit; `polku import` lukee ne takaisin."
        case .sv: "en kundresa från Polku. Mermaid hoppar över raderna som börjar med %%; `polku import` läser in dem igen."
        }
    }
}
