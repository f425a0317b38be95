import PolkuModel
import PolkuSyntax

/// Flags a channel whose `competence:` or `presence:` is rated 1 or 2, that steps of the
/// journey happen in, and that has no `note:` saying how to improve.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain low-rated-channel-without-note` prints it.
package enum LowRatedChannelWithoutNoteRule: Rule {
    package static let info = RuleInfo(
        name: "low-rated-channel-without-note", question: .questionLowRated, defaultSeverity: .warning,
        summary: "A channel rated 1 or 2 that the journey relies on, with no note on how to improve.",
        explanation: """
        Flags a channel whose `competence:` or `presence:` is rated 1 or 2, that steps of the
        journey happen in, and that has no `note:` saying how to improve.

        Why it matters: the channel self-assessment asks staff to rate their competence and
        presence in each channel and to note how to improve. A journey that relies on a channel the
        staff rate weak, with no plan, puts the customer where the service is least sure.

        Example:

            channel chat: Chat reference
              competence: 2
              presence: 3

        Fix: write down how the channel will improve:

            channel chat: Chat reference
              competence: 2
              presence: 3
              note: two more staff trained in chat reference by spring
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        journey.channels.indices.compactMap { index in
            let channel = journey.channels[index]
            guard channel.stepCount > 0, channel.notes.isEmpty, let declaration = channel.declaration else { return nil }
            var weak: [(String, Text)] = []
            if let c = channel.competence, let v = channel.competenceValue, v <= 2 { weak.append(("competence", c)) }
            if let p = channel.presence, let v = channel.presenceValue, v <= 2 { weak.append(("presence", p)) }
            guard !weak.isEmpty else { return nil }
            let what = weak.map { "\($0.0) \($0.1.value)" }.joined(separator: " and ")
            return Finding(.channel(index), channel.idRange ?? declaration,
                           "the journey relies on \(journey.channelPhrase(index)), rated \(what), with no note on how to improve",
                           label: "rated low",
                           secondary: weak.map { DiagnosticLabel($0.1.range, "rated \($0.1.value)") },
                           help: "How will this channel improve? Add a `note:` under the channel.")
        }
    }
}
