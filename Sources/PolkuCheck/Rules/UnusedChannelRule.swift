import PolkuModel
import PolkuSyntax

/// Flags a new channel declared with `channel <id>: <label>` that no step uses. Built-in
/// channels declared only to rate them (`channel desk:` with `competence:` and `presence:`)
/// are a self-assessment, not a claim, and are not flagged.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unused-channel` prints it.
package enum UnusedChannelRule: Rule {
    package static let info = RuleInfo(
        name: "unused-channel", question: .questionUnusedChannel, defaultSeverity: .warning,
        summary: "A declared channel that no step happens in.",
        explanation: """
        Flags a new channel declared with `channel <id>: <label>` that no step uses. Built-in
        channels declared only to rate them (`channel desk:` with `competence:` and `presence:`)
        are a self-assessment, not a claim, and are not flagged.

        Why it matters: a declared channel says "we serve customers here". If no step of the
        journey happens there, either a step names the wrong channel, or the journey misses the part
        that happens in that channel.

        Example:

            channel homeservice: Home library service
            ...
            (no step has `via: homeservice`)

        Fix: give the steps that happen there `via: homeservice`, or remove the declaration.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        journey.channels.indices.compactMap { index in
            let channel = journey.channels[index]
            guard let declaration = channel.declaration, channel.builtin == nil, channel.stepCount == 0 else { return nil }
            let name = journey.source.text(channel.idRange ?? declaration)
            return Finding(.channel(index), channel.idRange ?? declaration, "the channel `\(name)` is declared but no step happens in it",
                           label: "not used by any step",
                           help: "Which step happens in this channel? Give it `via: \(name)`, or remove the declaration.")
        }
    }
}
