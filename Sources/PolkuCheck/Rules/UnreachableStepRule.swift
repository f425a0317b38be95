import PolkuModel
import PolkuSyntax

/// Flags a step that the customer can never reach: no path of steps, starting from the first
/// step and following `next:` lines and the file order, leads to it.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unreachable-step` prints it.
package enum UnreachableStepRule: Rule {
    package static let info = RuleInfo(
        name: "unreachable-step", question: .questionUnreachable, defaultSeverity: .warning,
        summary: "A step that no path from the first step reaches.",
        explanation: """
        Flags a step that the customer can never reach: no path of steps, starting from the first
        step and following `next:` lines and the file order, leads to it.

        Why it matters: an unreachable step is usually a `next:` that forgot a branch, so the
        diagram and the checklist show a step that no customer will ever take, and the branch that
        should lead to it is missing.

        Example:

            step ask: Asks for the book
              next: borrow
            step reserve: Reserves the book
            step borrow: Borrows the book

        Here `reserve` cannot be reached.

        Fix: add the step to the `next:` line that should lead to it (`next: borrow, reserve`), or
        remove the step.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        let reachable = facts.reachableFromStart
        return journey.steps.indices.filter { !reachable[$0] }.map { i in
            Finding(.step(i), journey.steps[i].keyword, "no path through the journey reaches \(journey.stepPhrase(i))",
                    label: "unreachable", help: "Which step leads here? Name this step in its `next:` line.")
        }
    }
}
