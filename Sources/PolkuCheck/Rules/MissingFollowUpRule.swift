import PolkuModel
import PolkuSyntax

/// Flags a step with no `follow-up:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-follow-up` prints it.
package enum MissingFollowUpRule: Rule {
    package static let info = RuleInfo(
        name: "missing-follow-up", question: .questionFollowUp, defaultSeverity: .warning,
        summary: "A step with no `follow-up:`: the customer may not know what happens next.",
        explanation: """
        Flags a step with no `follow-up:` line.

        Why it matters: the golden rule of library customer service is that the customer leaves
        satisfied, and if they did not get what they needed, they at least know what to do next.
        A step with no follow-up leaves the customer without a next step. It matters most where
        the customer leaves the journey, and where they move to another channel: every move
        between channels is a place where customers get lost. The message says which of these
        the step is.

        Example:

            step notice: Notices the article is not licensed
              via: web
              recommend: the delivery service page

        Fix: say how the customer learns what happens next:

            step notice: Notices the article is not licensed
              via: web
              recommend: the delivery service page
              follow-up: the page explains that requests are answered by email within a day
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        for i in facts.steps.indices where !facts.steps[i].flags.contains(.followsUp) {
            let keyword = journey.steps[i].keyword
            let channel = journey.steps[i].channel
            let flow = journey.steps[i].flow
            if flow.ends {
                findings.append(Finding(.step(i), keyword, journey.stepPhrase(i, before: "the customer can leave the journey at ",
                                                                    after: " without knowing what happens next"),
                                        label: "the customer leaves here",
                                        help: "How does the customer know what happens next? Add a `follow-up:` line."))
            } else if let target = flow.successors.first(where: { journey.steps[$0].channel != channel }) {
                findings.append(Finding(.step(i), keyword,
                                        journey.stepPhrase(i, before: "the customer moves from \(journey.channelPhrase(channel)) to \(journey.channelPhrase(journey.steps[target].channel)) after ",
                                                           after: ", and nothing says how"),
                                        label: "channel changes after this step",
                                        help: "How does the customer know how to continue in the new channel? Add a `follow-up:` line."))
            } else {
                findings.append(Finding(.step(i), keyword, journey.stepPhrase(i, after: " has no follow-up"),
                                        label: "no follow-up here",
                                        help: "How does the customer know what happens next? Add a `follow-up:` line."))
            }
        }
        return findings
    }
}
