import PolkuCheck
import PolkuEscaping
import PolkuModel
import PolkuReport
import PolkuSyntax

/// Polku's journey exchange format (`polku export --to json`, `polku import x.json`): the
/// whole resolved journey, every id looked up and every step's channel and flow worked out,
/// with its findings. The schema is `Grammar/journey.schema.json`; the README documents it.
///
/// It holds what the journey means, not how the file was written: no line numbers, no
/// comments, no keyword spellings. So JSON → `polku import` → `polku export` gives the same
/// bytes, and two files that mean the same give the same JSON.
package enum JourneyJSON {
    /// The `format` member every document starts with.
    package static let format = "polku-journey"
    /// The version this Polku writes and reads. A change that an older reader would
    /// misread gets a new version.
    package static let version = 1

    /// The journey as a JSON document, its findings' texts in `language` (nil: the
    /// journey's own).
    package static func document(_ checked: CheckedJourney, language: KeywordLanguage? = nil) -> [UInt8] {
        value(checked, language: language).rendered()
    }

    package static func value(_ checked: CheckedJourney, language: KeywordLanguage? = nil) -> JSONValue {
        let journey = checked.result.analysis.journey
        let spoken = language ?? checked.language
        func channelId(_ i: Int) -> String { journey.channels[i].id }
        func texts(_ list: some Collection<Text>) -> JSONValue { .strings(list.map(\.value)) }

        let personas: [JSONValue] = journey.personas.map { p in
            .object([
                ("id", .string(p.id)),
                ("description", .string(p.description.value)),
                ("uses", texts(p.uses)),
                ("channels", .strings(p.channels.map(channelId))),
                ("assurance", texts(p.assurance)),
                ("notes", texts(p.notes)),
            ])
        }
        let channels: [JSONValue] = journey.channels.map { c in
            let name = c.label?.value ?? c.builtin.map { Labels.channel($0, spoken) } ?? c.id
            return .object([
                ("id", .string(c.id)),
                ("builtin", .bool(c.builtin != nil)),
                ("name", .string(name)),
                ("label", .string(c.label?.value)),
                ("competence", .int(c.competenceValue)),
                ("presence", .int(c.presenceValue)),
                ("notes", texts(c.notes)),
            ])
        }
        func step(_ s: Step) -> JSONValue {
            .object([
                ("number", .int(s.index + 1)),
                ("id", .string(s.id)),
                ("title", .string(s.title.value)),
                ("channel", .string(channelId(s.channel))),
                ("needs", texts(s.needs)),
                ("by", texts(s.by)),
                ("recommendations", texts(s.recommendations)),
                ("followUps", texts(s.followUps)),
                ("feedback", texts(s.feedback)),
                ("notes", texts(s.notes)),
                ("allows", texts(s.allows)),
                ("mood", .int(s.moodValue)),
                ("next", .array(s.flow.successors.map { .int($0 + 1) })),
                ("ends", .bool(s.flow.ends)),
            ])
        }
        let phases: [JSONValue] = journey.sections.map { section in
            .object([
                ("phase", .string(section.phase.rawValue)),
                ("steps", .array(section.steps.map { step(journey.steps[$0]) })),
            ])
        }
        return .object([
            ("format", .string(format)),
            ("version", .int(version)),
            ("language", .string(checked.language.rawValue)),
            ("title", .string(journey.title.value)),
            ("via", .string(journey.defaultChannel.map(channelId))),
            ("for", .strings(journey.focus.map { journey.personas[$0].id })),
            ("notes", texts(journey.notes)),
            ("allows", texts(journey.allows)),
            ("personas", .array(personas)),
            ("channels", .array(channels)),
            ("phases", .array(phases)),
            ("findings", .array(findings(checked, language: spoken))),
        ])
    }

    /// The checker's findings (not the ones an `allow:` line accepts), journey-wide ones
    /// first, then by phase, customer profile, channel and step, each in the journey's order:
    /// an order that does not depend on where the file's lines stand.
    static func findings(_ checked: CheckedJourney, language: KeywordLanguage) -> [JSONValue] {
        let journey = checked.result.analysis.journey
        func rank(_ d: Diagnostic) -> (Int, Int) {
            switch d.subject {
            case .phase(let p)?: (1, Phase.allCases.firstIndex(of: p) ?? 0)
            case .persona(let i)?: (2, i)
            case .channel(let i)?: (3, i)
            case .step(let i)?: (4, i)
            case .journey?, nil: (0, 0)
            }
        }
        let found = checked.result.diagnostics.enumerated().filter { FindingKey.isFinding($0.element) }
        let ordered = found.sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }
        return ordered.map { _, d in
            let words = FileDiagnostic(checked.source, d, keywords: checked.language).wording(language)
            var step: JSONValue = .null
            if case .step(let i)? = d.subject { step = .int(i + 1) }
            return .object([
                ("rule", .string(d.code.name)),
                ("severity", .string(d.severity.rawValue)),
                ("subject", .string(FindingKey.subject(d, journey))),
                ("step", step),
                ("message", .string(words(d.text))),
                ("help", .string(d.helpText.map { words($0) })),
            ])
        }
    }
}
