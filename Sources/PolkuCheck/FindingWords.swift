import PolkuModel
import PolkuSyntax

/// How a finding is put into words for people, decided here once for the diagram, the
/// checklists and the workshop summary: the team's question for the rule behind it ("What
/// could we recommend here?"), and the finding's own sentence where that says more.
package enum FindingWords {
    /// The rules by code, for looking up a finding's question.
    private static let rules: [DiagnosticCode: RuleInfo] = Dictionary(
        uniqueKeysWithValues: RuleRegistry.infos.map { ($0.code, $0) })

    /// The question a finding puts to the team, in `language`; a question about a channel
    /// names it ("How will we get better in Instagram?"). A diagnostic that no rule made (an
    /// error) is shown as its own sentence.
    package static func question(_ d: Diagnostic, _ language: KeywordLanguage, journey: Journey) -> String {
        if d.code == LowRatedChannelWithoutNoteRule.info.code, case .channel(let c)? = d.subject, c < journey.channels.count {
            return Message(RuleMessage.lowRatedQuestion, .text(journey.channelName(c, language))).text(language, keywords: journey.language)
        }
        if let rule = rules[d.code] { return Localized.text(rule.question, language) }
        return TextForms.sentence((d.labelText ?? d.text).text(language, keywords: journey.language))
    }

    /// The channel a finding is about, by the journey's name for it, if it is about one.
    package static func channel(of d: Diagnostic, _ language: KeywordLanguage, journey: Journey) -> String? {
        guard case .channel(let c)? = d.subject, c < journey.channels.count else { return nil }
        return journey.channelName(c, language)
    }

    /// The question of a rule by its code, if the code is a rule's.
    package static func question(forRule code: DiagnosticCode, _ language: KeywordLanguage) -> String? {
        rules[code].map { Localized.text($0.question, language) }
    }

    /// The finding's own sentence, which names the part of the journey it is about, in
    /// `language`, keywords spelled as the journey spells them. Used where a finding is
    /// about the whole journey and a question alone would not say which part.
    package static func detail(_ d: Diagnostic, _ language: KeywordLanguage, journey: Journey) -> String? {
        TextForms.sentence(d.text.text(language, keywords: journey.language))
    }

    /// The step a diagnostic is about, if it is about one.
    package static func step(of d: Diagnostic) -> Int? {
        if case .step(let i)? = d.subject { return i }
        return nil
    }
}
