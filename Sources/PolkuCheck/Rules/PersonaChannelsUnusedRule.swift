import PolkuModel
import PolkuSyntax

/// Flags a persona the journey is for whose `channels:` line lists channels none of which any
/// step of the journey uses.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain persona-channels-unused` prints it.
package enum PersonaChannelsUnusedRule: Rule {
    package static let info = RuleInfo(
        name: "persona-channels-unused", question: .questionPersonaChannels, defaultSeverity: .warning,
        summary: "A persona whose channels the journey never uses.",
        explanation: """
        Flags a persona the journey is for whose `channels:` line lists channels none of which any
        step of the journey uses.

        Why it matters: the persona's channels are where these customers are served. A journey
        that never meets them there is drawn in the library's channels rather than the customer's.

        Example:

            persona researcher: Doctoral researcher who rarely visits the library
              channels: email, chat
            ...
            (every step is `via: desk`)

        Fix: describe the journey in the channels the customer uses, or correct the persona's
        `channels:` line.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var used = Set<Int>()
        for step in facts.steps { used.insert(Int(step.channel)) }
        return journey.focus.compactMap { index in
            let persona = journey.personas[index]
            guard let line = persona.channelsAttribute, !persona.channels.isEmpty,
                  persona.channels.allSatisfy({ !used.contains($0) }) else { return nil }
            let names = persona.channels.map { journey.channelPhrase($0) }.joined(separator: ", ")
            return Finding(.persona(index), persona.idRange, "no step of the journey happens in the channels of `\(persona.id)` (\(names))",
                           label: "channels never used",
                           secondary: [DiagnosticLabel(line, "the persona's channels")],
                           help: "Could these customers be served in their own channels? Add steps there, or correct `channels:`.")
        }
    }
}
