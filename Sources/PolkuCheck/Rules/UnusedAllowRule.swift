import PolkuModel
import PolkuSyntax

/// Flags an `allow:` line (or one rule named in it) that matches no finding.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unused-allow` prints it.
package enum UnusedAllowRule: Rule {
    package static let info = RuleInfo(
        name: "unused-allow", question: .questionUnusedAllow, defaultSeverity: .warning,
        summary: "An `allow:` line that suppresses nothing.",
        explanation: """
        Flags an `allow:` line (or one rule named in it) that matches no finding.

        Why it matters: an `allow:` records a decision, with its reason, to accept a finding. When
        the journey changes and the finding goes away, the old `allow:` stays behind and would hide
        the same finding if it came back for another reason. (A rule that is switched off, or
        ignored for this file in `polku.toml`, is not reported here.)

        Example:

            step pay: Pays the fee at the kiosk
              recommend: the e-book collection
              allow: missing-recommendation because the customer is in a hurry

        Fix: remove the `allow:` line, or the rule's name from it.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        // The checker reports this rule itself, since only it knows which allowances were used.
        []
    }
}
