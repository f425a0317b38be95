import PolkuModel
import PolkuSyntax

/// Flags a step with no `recommend:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-recommendation` prints it.
package enum MissingRecommendationRule: Rule {
    package static let info = RuleInfo(
        name: "missing-recommendation", question: .questionRecommend, defaultSeverity: .warning,
        summary: "A step with no `recommend:`: a missed chance to recommend something.",
        explanation: """
        Flags a step with no `recommend:` line.

        Why it matters: the aim of the service journey is that at every step staff can recommend
        something: a book, an e-service, an event, a service package. A step with no
        recommendation is a missed chance to show the customer what the library offers.

        Example:

            step decline: Hears the article cannot be delivered
              follow-up: offer an interlibrary loan instead

        Fix: write what staff could recommend at this step:

            step decline: Hears the article cannot be delivered
              recommend: the e-journal alert service for the same field
              follow-up: offer an interlibrary loan instead

        If there is truly nothing to recommend, say why with
        `allow: missing-recommendation because <reason>` under the step.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        for i in facts.steps.indices where !facts.steps[i].flags.contains(.recommends) {
            findings.append(Finding(.step(i), journey.steps[i].keyword, journey.stepPhrase(i, after: " has no recommendation"),
                                    label: "nothing recommended here",
                                    help: "What could we recommend here? Add a `recommend:` line."))
        }
        return findings
    }
}
