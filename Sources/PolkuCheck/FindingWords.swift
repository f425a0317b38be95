import PolkuModel
import PolkuSyntax

/// How a finding is put into words for people, decided here once for the diagram, the
/// checklists and the workshop summary: the team's question for the rule behind it ("What
/// could we recommend here?"), and the finding's own sentence where that says more.
package enum FindingWords {
    /// The rules by code, for looking up a finding's question.
    private static let rules: [DiagnosticCode: RuleInfo] = Dictionary(
        uniqueKeysWithValues: RuleRegistry.infos.map { ($0.code, $0) })

    /// The question a finding puts to the team, in `language`. A diagnostic that no rule
    /// made (an error) is shown as its own sentence.
    package static func question(_ d: Diagnostic, _ language: KeywordLanguage) -> String {
        if let rule = rules[d.code] { return Localized.text(rule.question, language) }
        return TextForms.sentence(d.label ?? d.message)
    }

    /// The question of a rule by its code, if the code is a rule's.
    package static func question(forRule code: DiagnosticCode, _ language: KeywordLanguage) -> String? {
        rules[code].map { Localized.text($0.question, language) }
    }

    /// The finding's own sentence, which names the part of the journey it is about, when
    /// it can be shown in `language` (messages are written in English), else nil. Used where
    /// a finding is about the whole journey and a question alone would not say which part.
    package static func detail(_ d: Diagnostic, _ language: KeywordLanguage) -> String? {
        language == .en ? TextForms.sentence(d.message) : nil
    }

    /// The step a diagnostic is about, if it is about one.
    package static func step(of d: Diagnostic) -> Int? {
        if case .step(let i)? = d.subject { return i }
        return nil
    }
}
