import PolkuModel
import PolkuSyntax

/// Flags a phase header (`before:`, `during:` or `after:`) with no steps under it.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain empty-phase` prints it.
package enum EmptyPhaseRule: Rule {
    package static let info = RuleInfo(
        name: "empty-phase", question: .questionEmptyPhase, defaultSeverity: .warning,
        summary: "A phase header with no steps under it.",
        explanation: """
        Flags a phase header (`before:`, `during:` or `after:`) with no steps under it.

        Why it matters: an empty phase usually means the team meant to describe that part of the
        journey and has not done it yet. In a workshop it is the place to ask the phase's guiding
        questions.

        Example:

            before:
            during:
              step ask: Asks for a book at the desk

        Fix: add the steps of that phase under the header, or remove the header.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        for section in journey.sections where section.steps.isEmpty {
            // Only when no other header of the same phase has steps; otherwise it is just a split.
            if journey.steps.contains(where: { $0.phase == section.phase }) { continue }
            findings.append(Finding(.phase(section.phase), section.header,
                                    "the `\(section.phase.rawValue):` phase has no steps",
                                    label: "empty phase", help: MissingPhaseRule.questions[section.phase]))
        }
        return findings
    }
}
