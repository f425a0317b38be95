import PolkuSyntax

/// The sentences of the checker's findings, in English, Finnish and Swedish, in the
/// workbook's own words (*suositella*, *jatko*, *palaute*; *rekommendera*, *uppföljning*,
/// *återkoppling*). Keywords are quoted as `{k:name}`, in the file's own spelling.
package enum RuleMessage: String, MessageTemplates {
    case allowsNothingInJourney, allowsNothingAtStep, nothingToAllow, removeFromAllow

    package var en: String {
        switch self {
        case .allowsNothingInJourney: "`{0}` finds nothing in this journey, so this `{k:allow}:` accepts nothing"
        case .allowsNothingAtStep: "`{0}` finds nothing at this step, so this `{k:allow}:` accepts nothing"
        case .nothingToAllow: "nothing to allow"
        case .removeFromAllow: "remove `{0}` from the `{k:allow}:` line"
        }
    }

    package var fi: String {
        switch self {
        case .allowsNothingInJourney: "`{0}` ei löydä tältä palvelupolulta mitään, joten tämä `{k:allow}:` ei hyväksy mitään"
        case .allowsNothingAtStep: "`{0}` ei löydä tästä vaiheesta mitään, joten tämä `{k:allow}:` ei hyväksy mitään"
        case .nothingToAllow: "ei mitään hyväksyttävää"
        case .removeFromAllow: "poista `{0}` `{k:allow}:`-riviltä"
        }
    }

    package var sv: String {
        switch self {
        case .allowsNothingInJourney: "`{0}` hittar inget i den här kundresan, så den här `{k:allow}:` godtar inget"
        case .allowsNothingAtStep: "`{0}` hittar inget i det här steget, så den här `{k:allow}:` godtar inget"
        case .nothingToAllow: "inget att godta"
        case .removeFromAllow: "ta bort `{0}` från `{k:allow}:`-raden"
        }
    }
}
