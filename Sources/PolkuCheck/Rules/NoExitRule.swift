import PolkuModel
import PolkuSyntax

/// Flags a step from which no path leads to the end of the journey: the customer goes round in
/// a loop of `next:` lines forever.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain no-exit` prints it.
package enum NoExitRule: Rule {
    package static let info = RuleInfo(
        name: "no-exit", question: .questionNoExit, defaultSeverity: .warning,
        summary: "A step from which the customer can never leave the journey.",
        explanation: """
        Flags a step from which no path leads to the end of the journey: the customer goes round in
        a loop of `next:` lines forever.

        Why it matters: every journey has to end with the customer knowing where they stand. A
        loop with no way out means the journey, as written, never lets the customer go.

        Example:

            step ask: Asks again
              next: wait
            step wait: Waits for an answer
              next: ask

        Fix: give one of the steps in the loop a way out, for example `next: ask, end`.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        let canEnd = facts.canReachEnd
        let reachable = facts.reachableFromStart
        // Unreachable steps are `unreachable-step`'s to report.
        return journey.steps.indices.filter { !canEnd[$0] && reachable[$0] }.map { i in
            Finding(.step(i), journey.steps[i].keyword, "the customer can never leave the journey after \(journey.stepPhrase(i))",
                    label: "every path from here loops",
                    help: "Where can the customer leave? Add `end` or a way out to a `next:` line in the loop.")
        }
    }
}
