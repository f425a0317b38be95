import PolkuSyntax

/// Every checker rule, in the order `polku rules` lists them. Adding a rule means adding its
/// file under `Rules/` and one line here.
package enum RuleRegistry {
    package static let all: [any Rule.Type] = [
        MissingRecommendationRule.self,
        MissingFollowUpRule.self,
        MissingPhaseRule.self,
        EmptyPhaseRule.self,
        UnreachableStepRule.self,
        NoExitRule.self,
        MissingFeedbackRule.self,
        MissingRoleRule.self,
        MissingNeedRule.self,
        UnusedChannelRule.self,
        UnusedPersonaRule.self,
        PersonaChannelsUnusedRule.self,
        LowRatedChannelWithoutNoteRule.self,
        UnusedAllowRule.self,
    ]

    package static let infos: [RuleInfo] = all.map { $0.info }

    package static func info(named name: String) -> RuleInfo? {
        infos.first { $0.name == name }
    }

    package static var names: [String] { infos.map(\.name) }
}
