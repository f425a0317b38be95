import PolkuModel
import PolkuSyntax

/// Flags a journey that has no steps in one of the three phases: before, during or after the
/// service.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-phase` prints it.
package enum MissingPhaseRule: Rule {
    package static let info = RuleInfo(
        name: "missing-phase", question: .questionPhase, defaultSeverity: .warning,
        summary: "The journey has no steps before, during or after the service.",
        explanation: """
        Flags a journey that has no steps in one of the three phases: before, during or after the
        service.

        Why it matters: a service journey follows the customer before the service (what do they
        need, how do they prepare, which channel do they choose), during it (how it starts, what
        support they need) and after it (how it closes, what happens next). A journey without one
        of the phases misses the questions of that phase, and with them the chances to recommend
        and to follow up.

        Example: a journey with `before:` and `during:` steps but no `after:`.

        Fix: add the missing phase with at least one step, for example:

            after:
              step: Gets a reminder two days before the loan is due
                via: email
        """)

    /// The guiding questions of each phase, asked where a phase is missing.
    static let questions: [Phase: String] = [
        .before: "What is the customer's need, and how do they choose how to deal with the library?",
        .during: "What happens at the start of the service, and does the customer need support?",
        .after: "How is the service closed, and what happens after it?",
    ]

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        var present = Set<Phase>()
        for step in facts.steps { present.insert(step.phase) }
        for phase in Phase.allCases where !present.contains(phase) {
            // A phase header with no steps is `empty-phase`'s to report.
            if journey.sections.contains(where: { $0.phase == phase }) { continue }
            findings.append(Finding(.phase(phase), journey.keyword, "the journey has no steps \(phase.rawValue) the service",
                                    label: "no `\(phase.rawValue):` phase",
                                    help: Self.questions[phase]))
        }
        return findings
    }
}
