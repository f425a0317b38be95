import Foundation
import PolkuEscaping
import PolkuModel
import PolkuSyntax

/// The formats `polku diff` writes.
package enum DiffFormat: String, CaseIterable, Sendable {
    case text, markdown, json
}

/// A `JourneyDiff` put into words: text for a terminal, Markdown for a planning document,
/// JSON for programs. Text and Markdown are made from one outline (sections of items), so
/// they always say the same.
package enum DiffReports {
    package static func render(_ diff: JourneyDiff, format: DiffFormat, language: KeywordLanguage? = nil) -> String {
        let language = language ?? diff.language
        switch format {
        case .text: return text(outline(diff, language))
        case .markdown: return markdown(outline(diff, language))
        case .json: return json(diff, language)
        }
    }

    // MARK: - The outline

    /// One line of the report: a part to stand out (a step's number and name, a rule) and
    /// the rest, with lines under it.
    struct Item {
        var mark: String
        var lead: String
        var rest: String
        var details: [String] = []
    }

    struct Section {
        var heading: String
        var items: [Item]
    }

    struct Outline {
        var heading: String
        var journey: String
        var sections: [Section]
        /// The closing line: the counts, or that nothing differs.
        var summary: String
    }

    static func outline(_ diff: JourneyDiff, _ language: KeywordLanguage) -> Outline {
        func say(_ key: DiffMessage, _ values: MessageValue...) -> String {
            Message(key, values: values).text(language, keywords: language)
        }
        let heading = say(.heading, .text(diff.oldName), .text(diff.newName))
        let journey = say(.journeyTitle, .text(diff.newTitle))
        var sections: [Section] = []
        if !diff.journey.isEmpty {
            sections.append(Section(heading: say(.sectionJourney), items: diff.journey.map {
                Item(mark: "*", lead: "", rest: words($0, language))
            }))
        }
        func stepItem(_ step: JourneyDiff.Step, mark: String) -> Item {
            Item(mark: mark, lead: "\(step.number). \(step.name)",
                 rest: (step.id == nil ? "" : ": \(step.title)") + " (\(place(step, language)))")
        }
        func matchedItem(_ m: JourneyDiff.Matched, mark: String) -> Item {
            var item = stepItem(m.new, mark: mark)
            if m.moved { item.details.append(say(.movedFromTo, .text(place(m.old, language)), .text(place(m.new, language)))) }
            item.details += m.changes.flatMap { words($0, language) }
            return item
        }
        if !diff.added.isEmpty {
            sections.append(Section(heading: say(.sectionAdded, .number(diff.added.count)),
                                    items: diff.added.map { stepItem($0, mark: "+") }))
        }
        if !diff.removed.isEmpty {
            sections.append(Section(heading: say(.sectionRemoved, .number(diff.removed.count)),
                                    items: diff.removed.map { stepItem($0.step, mark: "−") }))
        }
        if !diff.moved.isEmpty {
            sections.append(Section(heading: say(.sectionMoved, .number(diff.moved.count)),
                                    items: diff.moved.map { matchedItem($0, mark: "→") }))
        }
        if !diff.changed.isEmpty {
            sections.append(Section(heading: say(.sectionChanged, .number(diff.changed.count)),
                                    items: diff.changed.map { matchedItem($0, mark: "~") }))
        }
        func findingItem(_ f: JourneyDiff.Finding, mark: String) -> Item {
            Item(mark: mark, lead: f.rule, rest: ": " + f.message.text(language, keywords: f.keywords))
        }
        if !diff.fixed.isEmpty {
            sections.append(Section(heading: say(.sectionFixed, .number(diff.fixed.count)),
                                    items: diff.fixed.map { findingItem($0, mark: "✓") }))
        }
        if !diff.introduced.isEmpty {
            sections.append(Section(heading: say(.sectionIntroduced, .number(diff.introduced.count)),
                                    items: diff.introduced.map { findingItem($0, mark: "⚠") }))
        }
        let summary = diff.isEqual ? say(.noDifferences)
            : say(.summary, .number(diff.added.count), .number(diff.removed.count), .number(diff.moved.count),
                  .number(diff.changed.count), .number(diff.journey.count), .number(diff.fixed.count),
                  .number(diff.introduced.count))
        return Outline(heading: heading, journey: journey, sections: sections, summary: summary)
    }

    /// A step's phase and channel in words: "During, Email".
    static func place(_ step: JourneyDiff.Step, _ language: KeywordLanguage) -> String {
        "\(Labels.phase(step.phase, language)), \(step.channel.name(language))"
    }

    /// An attribute's name: its keyword in `language`, or the word for a header's part.
    static func name(_ attribute: JourneyDiff.Attribute, _ language: KeywordLanguage) -> String {
        if let keyword = attribute.keyword { return Keywords.entry(for: .attribute(keyword)).preferred(language) }
        return Message(attribute == .id ? DiffMessage.id : DiffMessage.title).text(language, keywords: language)
    }

    /// A change of a step in words, a line each.
    static func words(_ change: JourneyDiff.Change, _ language: KeywordLanguage) -> [String] {
        func say(_ key: DiffMessage, _ values: MessageValue...) -> String {
            Message(key, values: values).text(language, keywords: language)
        }
        let none = say(.none)
        let attribute = name(change.attribute, language)
        switch change {
        case .value(_, let before, let after):
            return [say(.valueChanged, .text(attribute), .text(before ?? none), .text(after ?? none))]
        case .lines(_, let removed, let added):
            return removed.map { say(.lineRemoved, .text(attribute), .text($0)) } + added.map { say(.lineAdded, .text(attribute), .text($0)) }
        case .next(let before, let endsBefore, let after, let endsAfter):
            let end = Keywords.entry(for: .end).preferred(language)
            func list(_ names: [String], _ ends: Bool) -> String {
                let all = names + (ends ? [end] : [])
                return all.isEmpty ? none : all.joined(separator: ", ")
            }
            return [say(.valueChanged, .text(attribute), .text(list(before, endsBefore)), .text(list(after, endsAfter)))]
        }
    }

    /// A change of the journey as a whole in words.
    static func words(_ change: JourneyDiff.JourneyChange, _ language: KeywordLanguage) -> String {
        func say(_ key: DiffMessage, _ values: MessageValue...) -> String {
            Message(key, values: values).text(language, keywords: language)
        }
        func channel(_ c: JourneyDiff.Channel?) -> String { c?.name(language) ?? say(.none) }
        func rating(_ v: Int?) -> String { v.map { "\($0)/5" } ?? say(.notRated) }
        func persona(_ id: String, _ description: String) -> String { description.isEmpty ? id : "\(id) (\(description))" }
        switch change {
        case .title(let before, let after): return say(.journeyTitleChanged, .text(before), .text(after))
        case .defaultChannel(let before, let after): return say(.defaultChannel, .text(channel(before)), .text(channel(after)))
        case .personaAdded(let id, let description): return say(.personaAdded, .text(persona(id, description)))
        case .personaRemoved(let id, let description): return say(.personaRemoved, .text(persona(id, description)))
        case .channelAdded(let c): return say(.channelAdded, .text(channel(c)))
        case .channelRemoved(let c): return say(.channelRemoved, .text(channel(c)))
        case .rating(let c, let kind, let before, let after):
            return say(kind == .competence ? .competence : .presence, .text(channel(c)), .text(rating(before)), .text(rating(after)))
        }
    }

    // MARK: - Text and Markdown

    static func text(_ outline: Outline) -> String {
        var lines = [outline.heading, outline.journey]
        for section in outline.sections {
            lines += ["", section.heading]
            for item in section.items {
                lines.append("  \(item.mark) \(item.lead)\(item.rest)")
                lines += item.details.map { "      \($0)" }
            }
        }
        lines += ["", outline.summary]
        // Each line on its own: a line break or a control character in a journey's text
        // is shown, never sent to the terminal.
        return lines.map(Escaping.terminal).joined(separator: "\n") + "\n"
    }

    static func markdown(_ outline: Outline) -> String {
        func md(_ s: String) -> String { Escaping.markdown(s) }
        var out = "# \(md(outline.heading))\n\n\(md(outline.journey))\n"
        for section in outline.sections {
            out += "\n## \(md(section.heading))\n\n"
            for item in section.items {
                let lead = item.lead.isEmpty ? "" : "**\(md(item.lead))**"
                out += "- \(lead)\(md(item.rest))\n"
                for detail in item.details { out += "  - \(md(detail))\n" }
            }
        }
        out += "\n\(md(outline.summary))\n"
        return out
    }

    // MARK: - JSON

    struct JSONChannel: Encodable {
        var id: String
        var name: String
    }

    struct JSONStep: Encodable {
        var number: Int
        var id: String?
        var title: String
        var phase: String
        var phaseName: String
        var channel: JSONChannel
        /// A removed step: the number of the new journey's step it would follow.
        var after: Int?
    }

    struct JSONChange: Encodable {
        var attribute: String
        var before: String?
        var after: String?
        var added: [String]?
        var removed: [String]?
        var steps: JSONFlow?
    }

    struct JSONFlow: Encodable {
        var before: [String]
        var endsBefore: Bool
        var after: [String]
        var endsAfter: Bool
    }

    struct JSONMatched: Encodable {
        var old: JSONStep
        var new: JSONStep
        var matchedBy: String
        var moved: Bool
        var changes: [JSONChange]
    }

    struct JSONJourneyChange: Encodable {
        var change: String
        var before: String?
        var after: String?
        var channel: JSONChannel?
        var defaultBefore: JSONChannel?
        var defaultAfter: JSONChannel?
        var persona: JSONPersona?
        var ratingBefore: Int?
        var ratingAfter: Int?
    }

    struct JSONPersona: Encodable {
        var id: String
        var description: String
    }

    struct JSONFinding: Encodable {
        var rule: String
        var subject: String
        var message: String
        var step: JSONStep?
    }

    struct JSONFile: Encodable {
        var file: String
        var title: String
        var steps: Int
    }

    struct JSONSteps: Encodable {
        var added: [JSONStep]
        var removed: [JSONStep]
        var moved: [JSONMatched]
        var changed: [JSONMatched]
    }

    struct JSONFindings: Encodable {
        var fixed: [JSONFinding]
        var introduced: [JSONFinding]
    }

    struct JSONSummary: Encodable {
        var stepsAdded: Int
        var stepsRemoved: Int
        var stepsMoved: Int
        var stepsChanged: Int
        var journeyChanges: Int
        var findingsFixed: Int
        var findingsIntroduced: Int
    }

    struct JSONDocument: Encodable {
        var version = 1
        var language: String
        var equal: Bool
        var old: JSONFile
        var new: JSONFile
        var journey: [JSONJourneyChange]
        var steps: JSONSteps
        var findings: JSONFindings
        var summary: JSONSummary
    }

    static func json(_ diff: JourneyDiff, _ language: KeywordLanguage) -> String {
        func channel(_ c: JourneyDiff.Channel) -> JSONChannel { JSONChannel(id: c.id, name: c.name(language)) }
        func step(_ s: JourneyDiff.Step, after: Int? = nil) -> JSONStep {
            JSONStep(number: s.number, id: s.id, title: s.title, phase: s.phase.rawValue,
                     phaseName: Labels.phase(s.phase, language), channel: channel(s.channel), after: after)
        }
        func change(_ c: JourneyDiff.Change) -> JSONChange {
            switch c {
            case .value(let a, let before, let after): JSONChange(attribute: a.rawValue, before: before, after: after)
            case .lines(let a, let removed, let added): JSONChange(attribute: a.rawValue, added: added, removed: removed)
            case .next(let before, let endsBefore, let after, let endsAfter):
                JSONChange(attribute: "next", steps: JSONFlow(before: before, endsBefore: endsBefore, after: after, endsAfter: endsAfter))
            }
        }
        func matched(_ m: JourneyDiff.Matched) -> JSONMatched {
            JSONMatched(old: step(m.old), new: step(m.new), matchedBy: m.matchedBy.rawValue, moved: m.moved, changes: m.changes.map(change))
        }
        func journeyChange(_ c: JourneyDiff.JourneyChange) -> JSONJourneyChange {
            var j = JSONJourneyChange(change: "")
            switch c {
            case .title(let before, let after): j.change = "title"; j.before = before; j.after = after
            case .defaultChannel(let before, let after):
                j.change = "default-channel"; j.defaultBefore = before.map(channel); j.defaultAfter = after.map(channel)
            case .personaAdded(let id, let description): j.change = "persona-added"; j.persona = JSONPersona(id: id, description: description)
            case .personaRemoved(let id, let description): j.change = "persona-removed"; j.persona = JSONPersona(id: id, description: description)
            case .channelAdded(let c): j.change = "channel-added"; j.channel = channel(c)
            case .channelRemoved(let c): j.change = "channel-removed"; j.channel = channel(c)
            case .rating(let c, let kind, let before, let after):
                j.change = kind.rawValue; j.channel = channel(c); j.ratingBefore = before; j.ratingAfter = after
            }
            return j
        }
        func finding(_ f: JourneyDiff.Finding) -> JSONFinding {
            JSONFinding(rule: f.rule, subject: f.subject, message: f.message.text(language, keywords: f.keywords), step: f.step.map { step($0) })
        }
        let document = JSONDocument(
            language: language.rawValue, equal: diff.isEqual,
            old: JSONFile(file: diff.oldName, title: diff.oldTitle, steps: diff.newOfOld.count),
            new: JSONFile(file: diff.newName, title: diff.newTitle, steps: diff.oldOfNew.count),
            journey: diff.journey.map(journeyChange),
            steps: JSONSteps(added: diff.added.map { step($0) },
                             removed: diff.removed.map { step($0.step, after: $0.after.map { $0 + 1 }) },
                             moved: diff.moved.map(matched), changed: diff.changed.map(matched)),
            findings: JSONFindings(fixed: diff.fixed.map(finding), introduced: diff.introduced.map(finding)),
            summary: JSONSummary(stepsAdded: diff.added.count, stepsRemoved: diff.removed.count, stepsMoved: diff.moved.count,
                                 stepsChanged: diff.changed.count, journeyChanges: diff.journey.count,
                                 findingsFixed: diff.fixed.count, findingsIntroduced: diff.introduced.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
