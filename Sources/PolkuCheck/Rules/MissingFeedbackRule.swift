import PolkuModel
import PolkuSyntax

/// Flags an after phase in which no step has a `feedback:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-feedback` prints it.
package enum MissingFeedbackRule: Rule {
    package static let info = RuleInfo(
        name: "missing-feedback", question: .questionFeedback, defaultSeverity: .warning,
        summary: "The after phase has no `feedback:` point: complaints are a gift.",
        explanation: """
        Flags an after phase in which no step has a `feedback:` line.

        Why it matters: complaints are a gift. Feedback is the chance to put right what went wrong
        and to turn customers into co-developers of the service. A journey should show where, after
        the service, the customer can say how it went.

        Example:

            after:
              step pickup: Collects the copy at the desk
                follow-up: ask how the delivery worked

        Fix: add where feedback is collected:

            after:
              step pickup: Collects the copy at the desk
                follow-up: ask how the delivery worked
                feedback: praise and complaint form at the desk
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var afterSteps = 0
        for step in facts.steps where step.phase == .after {
            if step.flags.contains(.asksFeedback) { return [] }
            afterSteps += 1
        }
        guard afterSteps > 0 else { return [] }
        let header = journey.sections.first { $0.phase == .after && !$0.steps.isEmpty }!.header
        return [Finding(.phase(.after), header, "no step after the service asks the customer for feedback",
                        label: "no `feedback:` in this phase",
                        help: "Where can the customer tell us how it went? Add a `feedback:` line to a step.")]
    }
}
