import PolkuSyntax

/// The words of `polku diff` and of `polku render --compare`, in English, Finnish and
/// Swedish. Keywords (`{k:recommend}`) are spelled in the report's language.
package enum DiffMessage: String, MessageTemplates {
    // The report
    case heading, journeyTitle, noDifferences
    case sectionJourney, sectionAdded, sectionRemoved, sectionMoved, sectionChanged, sectionFixed, sectionIntroduced
    case movedFromTo, lineAdded, lineRemoved, valueChanged, none, title, id
    case journeyTitleChanged, defaultChannel, personaAdded, personaRemoved, channelAdded, channelRemoved
    case competence, presence, notRated, summary
    // The diagram
    case markNew, markChanged, markRemoved, movedFrom, comparedWith
    case legendNew, legendChanged, legendRemoved
    case describeNew, describeChanged, describeRemoved, describeSummary
    // The command line
    case compareOneJourney

    package var en: String {
        switch self {
        case .heading: "Changes from {0} to {1}"
        case .journeyTitle: "Journey: {0}"
        case .noDifferences: "No differences in meaning: the same steps, the same details and the same findings."
        case .sectionJourney: "The journey as a whole"
        case .sectionAdded: "Steps added ({0})"
        case .sectionRemoved: "Steps removed ({0})"
        case .sectionMoved: "Steps moved to another phase or channel ({0})"
        case .sectionChanged: "Steps changed ({0})"
        case .sectionFixed: "Findings fixed ({0})"
        case .sectionIntroduced: "New findings ({0})"
        case .movedFromTo: "moved from {0} to {1}"
        case .lineAdded: "new {0} line: {1}"
        case .lineRemoved: "{0} line removed: {1}"
        case .valueChanged: "{0} changed: {1} → {2}"
        case .none: "none"
        case .title: "title"
        case .id: "id"
        case .journeyTitleChanged: "Title changed: {0} → {1}"
        case .defaultChannel: "Default channel ({k:via}) changed: {0} → {1}"
        case .personaAdded: "Customer profile added: {0}"
        case .personaRemoved: "Customer profile removed: {0}"
        case .channelAdded: "Channel added: {0}"
        case .channelRemoved: "Channel removed: {0}"
        case .competence: "{0}: competence {1} → {2}"
        case .presence: "{0}: presence {1} → {2}"
        case .notRated: "not rated"
        case .summary: "Steps added: {0}, removed: {1}, moved: {2}, changed: {3}. Changes to the journey as a whole: {4}. Findings fixed: {5}, new: {6}."
        case .markNew: "NEW"
        case .markChanged: "CHANGED: {0}"
        case .markRemoved: "REMOVED"
        case .movedFrom: "moved from {0}"
        case .comparedWith: "Compared with {0}"
        case .legendNew: "NEW – a step added since {0}: double border"
        case .legendChanged: "CHANGED – a step changed since {0}: thick border"
        case .legendRemoved: "REMOVED – a step of {0} not in this version: dotted grey border"
        case .describeNew: "new"
        case .describeChanged: "changed: {0}"
        case .describeRemoved: "removed, was step {0}"
        case .describeSummary: "Compared with {0}: steps added: {1}, changed: {2}, removed: {3}."
        case .compareOneJourney: "polku: --compare draws one journey against an earlier version of it: give a journey file, not a folder"
        }
    }

    package var fi: String {
        switch self {
        case .heading: "Muutokset: {0} → {1}"
        case .journeyTitle: "Palvelupolku: {0}"
        case .noDifferences: "Ei eroja sisällössä: samat vaiheet, samat tiedot ja samat havainnot."
        case .sectionJourney: "Koko palvelupolku"
        case .sectionAdded: "Lisätyt vaiheet ({0})"
        case .sectionRemoved: "Poistetut vaiheet ({0})"
        case .sectionMoved: "Toiseen palvelun vaiheeseen tai kanavaan siirretyt vaiheet ({0})"
        case .sectionChanged: "Muutetut vaiheet ({0})"
        case .sectionFixed: "Korjatut havainnot ({0})"
        case .sectionIntroduced: "Uudet havainnot ({0})"
        case .movedFromTo: "siirretty: {0} → {1}"
        case .lineAdded: "uusi {0}-rivi: {1}"
        case .lineRemoved: "poistettu {0}-rivi: {1}"
        case .valueChanged: "{0} muuttui: {1} → {2}"
        case .none: "ei mitään"
        case .title: "otsikko"
        case .id: "tunnus"
        case .journeyTitleChanged: "Otsikko muuttui: {0} → {1}"
        case .defaultChannel: "Oletuskanava ({k:via}) muuttui: {0} → {1}"
        case .personaAdded: "Uusi asiakasprofiili: {0}"
        case .personaRemoved: "Poistettu asiakasprofiili: {0}"
        case .channelAdded: "Uusi kanava: {0}"
        case .channelRemoved: "Poistettu kanava: {0}"
        case .competence: "{0}: osaaminen {1} → {2}"
        case .presence: "{0}: läsnäolo {1} → {2}"
        case .notRated: "ei arvioitu"
        case .summary: "Vaiheita lisätty: {0}, poistettu: {1}, siirretty: {2}, muutettu: {3}. Koko palvelupolun muutoksia: {4}. Havaintoja korjattu: {5}, uusia: {6}."
        case .markNew: "UUSI"
        case .markChanged: "MUUTETTU: {0}"
        case .markRemoved: "POISTETTU"
        case .movedFrom: "siirretty, aiemmin {0}"
        case .comparedWith: "Verrattu versioon {0}"
        case .legendNew: "UUSI – vaihe, joka on lisätty versioon {0} verrattuna: kaksoisreunus"
        case .legendChanged: "MUUTETTU – vaihe, joka on muuttunut versioon {0} verrattuna: paksu reunus"
        case .legendRemoved: "POISTETTU – version {0} vaihe, jota tässä versiossa ei ole: harmaa pisteviivareunus"
        case .describeNew: "uusi"
        case .describeChanged: "muutettu: {0}"
        case .describeRemoved: "poistettu, oli vaihe {0}"
        case .describeSummary: "Verrattu versioon {0}: vaiheita lisätty: {1}, muutettu: {2}, poistettu: {3}."
        case .compareOneJourney: "polku: --compare piirtää yhden palvelupolun verrattuna sen aiempaan versioon: anna palvelupolkutiedosto, ei kansiota"
        }
    }

    package var sv: String {
        switch self {
        case .heading: "Ändringar från {0} till {1}"
        case .journeyTitle: "Kundresa: {0}"
        case .noDifferences: "Inga skillnader i innehållet: samma steg, samma uppgifter och samma iakttagelser."
        case .sectionJourney: "Kundresan som helhet"
        case .sectionAdded: "Tillagda steg ({0})"
        case .sectionRemoved: "Borttagna steg ({0})"
        case .sectionMoved: "Steg som flyttats till en annan fas eller kanal ({0})"
        case .sectionChanged: "Ändrade steg ({0})"
        case .sectionFixed: "Åtgärdade iakttagelser ({0})"
        case .sectionIntroduced: "Nya iakttagelser ({0})"
        case .movedFromTo: "flyttat från {0} till {1}"
        case .lineAdded: "ny {0}-rad: {1}"
        case .lineRemoved: "borttagen {0}-rad: {1}"
        case .valueChanged: "{0} ändrad: {1} → {2}"
        case .none: "ingen"
        case .title: "rubrik"
        case .id: "id"
        case .journeyTitleChanged: "Rubriken ändrad: {0} → {1}"
        case .defaultChannel: "Standardkanal ({k:via}) ändrad: {0} → {1}"
        case .personaAdded: "Ny kundprofil: {0}"
        case .personaRemoved: "Borttagen kundprofil: {0}"
        case .channelAdded: "Ny kanal: {0}"
        case .channelRemoved: "Borttagen kanal: {0}"
        case .competence: "{0}: kompetens {1} → {2}"
        case .presence: "{0}: närvaro {1} → {2}"
        case .notRated: "inte bedömd"
        case .summary: "Steg tillagda: {0}, borttagna: {1}, flyttade: {2}, ändrade: {3}. Ändringar i kundresan som helhet: {4}. Iakttagelser åtgärdade: {5}, nya: {6}."
        case .markNew: "NY"
        case .markChanged: "ÄNDRAD: {0}"
        case .markRemoved: "BORTTAGEN"
        case .movedFrom: "flyttad från {0}"
        case .comparedWith: "Jämförd med {0}"
        case .legendNew: "NY – ett steg som lagts till sedan {0}: dubbel kant"
        case .legendChanged: "ÄNDRAD – ett steg som ändrats sedan {0}: tjock kant"
        case .legendRemoved: "BORTTAGEN – ett steg i {0} som inte finns i den här versionen: grå prickad kant"
        case .describeNew: "nytt"
        case .describeChanged: "ändrat: {0}"
        case .describeRemoved: "borttaget, var steg {0}"
        case .describeSummary: "Jämförd med {0}: steg tillagda: {1}, ändrade: {2}, borttagna: {3}."
        case .compareOneJourney: "polku: --compare ritar en kundresa jämförd med en tidigare version av den: ange en kundresefil, inte en mapp"
        }
    }
}
