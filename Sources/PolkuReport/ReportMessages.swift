import PolkuSyntax

/// The words of the reports themselves, in English, Finnish and Swedish: the severity and
/// the `note` / `help` marks of the rich form, the closing line of `polku check`, and the
/// workshop summary.
package enum ReportMessage: String, MessageTemplates {
    case error, warning, info, note, help
    case oneFile, files, oneError, errors, oneWarning, warnings, oneNote, notes
    case checkedNoProblems, checked, rulesDidNotRun
    // The workshop summary
    case mustFixFirstOne, mustFixFirst, line, lineIn
    case tableIntro, all, tableKey, moreAboutJourney, nothingToTalkAbout, whatToTalkAbout
    case acceptedOnPurpose, acceptedBecause
    case columnSteps, columnRecommendations, columnFollowUps

    package var en: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "info"
        case .note: "note"
        case .help: "help"
        case .oneFile: "1 file"
        case .files: "{0} files"
        case .oneError: "1 error"
        case .errors: "{0} errors"
        case .oneWarning: "1 warning"
        case .warnings: "{0} warnings"
        case .oneNote: "1 note"
        case .notes: "{0} notes"
        case .checkedNoProblems: "Checked {0}: no problems found."
        case .checked: "Checked {0}: {1}."
        case .rulesDidNotRun: "The checker's rules did not run on {0} with errors: fix the errors first."
        case .mustFixFirstOne: "This file has 1 error to fix before it can be checked:"
        case .mustFixFirst: "This file has {0} errors to fix before it can be checked:"
        case .line: "Line {0}"
        case .lineIn: "Line {0} ({1}, {2})"
        case .tableIntro: "Steps, recommendations, follow-ups and findings in each channel and phase:"
        case .all: "All"
        case .tableKey: "st = steps, rec = recommendations, fu = follow-ups, ! = findings"
        case .moreAboutJourney: " ({0} more about the journey as a whole)"
        case .nothingToTalkAbout: "Nothing to talk about: every rule is satisfied."
        case .whatToTalkAbout: "What to talk about ({0}):"
        case .acceptedOnPurpose: "Accepted on purpose ({0}):"
        case .acceptedBecause: "{0}, because {1}"
        case .columnSteps: "st"
        case .columnRecommendations: "rec"
        case .columnFollowUps: "fu"
        }
    }

    package var fi: String {
        switch self {
        case .error: "virhe"
        case .warning: "varoitus"
        case .info: "huomio"
        case .note: "huom"
        case .help: "ohje"
        case .oneFile: "1 tiedosto"
        case .files: "{0} tiedostoa"
        case .oneError: "1 virhe"
        case .errors: "{0} virhettä"
        case .oneWarning: "1 varoitus"
        case .warnings: "{0} varoitusta"
        case .oneNote: "1 huomio"
        case .notes: "{0} huomiota"
        case .checkedNoProblems: "Tarkistettu {0}: ei ongelmia."
        case .checked: "Tarkistettu {0}: {1}."
        case .rulesDidNotRun: "Virheellisiä tiedostoja ({0}) ei tarkistettu säännöillä: korjaa virheet ensin."
        case .mustFixFirstOne: "Tässä tiedostossa on 1 virhe, joka pitää korjata ennen tarkistusta:"
        case .mustFixFirst: "Tässä tiedostossa on {0} virhettä, jotka pitää korjata ennen tarkistusta:"
        case .line: "Rivi {0}"
        case .lineIn: "Rivi {0} ({1}, {2})"
        case .tableIntro: "Vaiheet, suositukset, jatkot ja havainnot kanavittain ja palvelun vaiheittain:"
        case .all: "Yht."
        case .tableKey: "va = vaiheet, suo = suositukset, ja = jatkot, ! = havainnot"
        case .moreAboutJourney: " (lisäksi {0} koko palvelupolusta)"
        case .nothingToTalkAbout: "Ei keskusteltavaa: kaikki säännöt täyttyvät."
        case .whatToTalkAbout: "Keskusteltavaa ({0}):"
        case .acceptedOnPurpose: "Tietoisesti hyväksytyt ({0}):"
        case .acceptedBecause: "{0}, koska {1}"
        case .columnSteps: "va"
        case .columnRecommendations: "suo"
        case .columnFollowUps: "ja"
        }
    }

    package var sv: String {
        switch self {
        case .error: "fel"
        case .warning: "varning"
        case .info: "info"
        case .note: "obs"
        case .help: "hjälp"
        case .oneFile: "1 fil"
        case .files: "{0} filer"
        case .oneError: "1 fel"
        case .errors: "{0} fel"
        case .oneWarning: "1 varning"
        case .warnings: "{0} varningar"
        case .oneNote: "1 anmärkning"
        case .notes: "{0} anmärkningar"
        case .checkedNoProblems: "Granskade {0}: inga problem hittades."
        case .checked: "Granskade {0}: {1}."
        case .rulesDidNotRun: "Granskningsreglerna kördes inte på {0} med fel: rätta felen först."
        case .mustFixFirstOne: "Den här filen har 1 fel som måste rättas innan den kan granskas:"
        case .mustFixFirst: "Den här filen har {0} fel som måste rättas innan den kan granskas:"
        case .line: "Rad {0}"
        case .lineIn: "Rad {0} ({1}, {2})"
        case .tableIntro: "Steg, rekommendationer, uppföljningar och iakttagelser per kanal och fas:"
        case .all: "Alla"
        case .tableKey: "st = steg, rek = rekommendationer, uf = uppföljningar, ! = iakttagelser"
        case .moreAboutJourney: " ({0} till om kundresan som helhet)"
        case .nothingToTalkAbout: "Inget att diskutera: alla regler är uppfyllda."
        case .whatToTalkAbout: "Att diskutera ({0}):"
        case .acceptedOnPurpose: "Godtagna med avsikt ({0}):"
        case .acceptedBecause: "{0}, eftersom {1}"
        case .columnSteps: "st"
        case .columnRecommendations: "rek"
        case .columnFollowUps: "uf"
        }
    }

    /// "1 file" / "3 files", in a language.
    package static func count(_ n: Int, one: ReportMessage, many: ReportMessage) -> Message {
        n == 1 ? Message(one) : Message(many, .number(n))
    }
}
