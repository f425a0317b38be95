import PolkuModel
import PolkuSyntax

/// Flags a step during the service, in a staffed channel (service desk, phone, email or chat),
/// with no `by:` line saying who serves the customer.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-role` prints it.
package enum MissingRoleRule: Rule {
    package static let info = RuleInfo(
        name: "missing-role", question: .questionRole, defaultSeverity: .info,
        summary: "A staffed step during the service with no `by:` saying who serves.",
        explanation: """
        Flags a step during the service, in a staffed channel (service desk, phone, email or chat),
        with no `by:` line saying who serves the customer.

        Why it matters: the same person acts in different roles: service advisor, collection
        keeper, information-literacy teacher, shelver. Naming the role says who greets the
        customer, who can recommend what, and who is responsible for the follow-up.

        Example:

            during:
              step ask: Asks for help at the desk
                via: desk

        Fix: say who serves:

            during:
              step ask: Asks for help at the desk
                via: desk
                by: service advisor
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        let staffed: Set<BuiltinChannel> = [.desk, .phone, .email, .chat]
        var findings: [Finding] = []
        for i in facts.steps.indices where facts.steps[i].phase == .during && !facts.steps[i].flags.contains(.namesRole) {
            guard let builtin = journey.channels[Int(facts.steps[i].channel)].builtin, staffed.contains(builtin) else { continue }
            findings.append(Finding(.step(i), journey.steps[i].keyword, journey.stepPhrase(i, after: " does not say who serves the customer"),
                                    label: "who serves?",
                                    help: "Who serves the customer here? Add a `by:` line, such as `by: service advisor`."))
        }
        return findings
    }
}
