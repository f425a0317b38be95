import PolkuModel
import PolkuSyntax

/// Flags a before phase in which no step has a `need:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-need` prints it.
package enum MissingNeedRule: Rule {
    package static let info = RuleInfo(
        name: "missing-need", question: .questionNeed, defaultSeverity: .info,
        summary: "No step before the service says what the customer needs.",
        explanation: """
        Flags a before phase in which no step has a `need:` line.

        Why it matters: the first guiding question of the journey is "what is the customer's
        need?". Without it the team cannot judge which recommendation or which channel fits.

        Example:

            before:
              step find: Finds the library's web page

        Fix: write the customer's need on the step where it arises:

            before:
              step find: Finds the library's web page
                need: a quiet place to study for an exam
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var first: Int?
        for i in facts.steps.indices where facts.steps[i].phase == .before {
            if facts.steps[i].flags.contains(.statesNeed) { return [] }
            if first == nil { first = i }
        }
        guard let first else { return [] }
        return [Finding(.step(first), journey.steps[first].keyword, "no step before the service says what the customer needs",
                        label: "first step before the service",
                        help: "What is the customer's need? Add a `need:` line.")]
    }
}
