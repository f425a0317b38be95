import PolkuSyntax

/// What `polku import` says about the JSON or Mermaid file it reads, in English, Finnish and
/// Swedish. JSON member names and Mermaid words (`section`, `journey`) stay as they are
/// written in those files.
package enum ExchangeMessage: String, MessageTemplates {
    // JSON
    case notJSON, notJourneyJSON, newerVersion, unknownLanguage
    case atPath, expected, kindText, kindList, kindObject, kindNumber, kindTrueFalse
    case missingMember, joinedLines, unknownPhase, noSuchStep, stepHasNoId, stepHasNoIdHelp
    // Mermaid
    case notMermaidJourney, notMermaidJourneyHelp, noMermaidBlock
    case sectionGuessed, sectionGuessedLabel, sectionGuessedHelp, taskBeforeSection
    case badScore, noChannels, noChannelsHelp, lineLeftOut, commentNotRead
    case imported

    package var en: String {
        switch self {
        case .notJSON: "`{0}` is not valid JSON: {1}"
        case .notJourneyJSON: "`{0}` is not a Polku journey: a journey written by `polku export --to json` starts with \"format\": \"polku-journey\""
        case .newerVersion: "`{0}` is in version {1} of Polku's journey format, and this Polku reads version {2}: update Polku, or export the journey again with this one"
        case .unknownLanguage: "at `language`: `{0}` is not en, fi or sv"
        case .atPath: "at `{0}`: {1}"
        case .expected: "at `{0}`: {1} was expected here"
        case .kindText: "text"
        case .kindList: "a list in square brackets"
        case .kindObject: "an object in braces"
        case .kindNumber: "a whole number"
        case .kindTrueFalse: "true or false"
        case .missingMember: "at `{0}`: `{1}` is missing"
        case .joinedLines: "at `{0}`: the text has line breaks; it is joined into one line, since each text in a journey file is one line"
        case .unknownPhase: "at `{0}`: `{1}` is not a phase: use before, during or after"
        case .noSuchStep: "at `{0}`: there is no step {1}; the steps are numbered from 1 to {2}"
        case .stepHasNoId: "at `{0}`: step {1} is named here, but it has no `id` that a `{k:next}:` line could name it by"
        case .stepHasNoIdHelp: "give step {0} an `id`"
        case .notMermaidJourney: "this is not a Mermaid journey: its first line should be `journey`"
        case .notMermaidJourneyHelp: "Polku imports Mermaid's user journeys (`journey`, `title`, `section` and tasks such as `Asks at the desk: 4: Librarian`)"
        case .noMermaidBlock: "`{0}` has no ```mermaid block with a journey in it"
        case .sectionGuessed: "the section `{0}` does not say which phase it is; it is taken as `{1}`"
        case .sectionGuessedLabel: "taken as `{0}`"
        case .sectionGuessedHelp: "start the section's name with before, during or after (in Finnish ennen, aikana, jälkeen; in Swedish före, under, efter), or move its steps in the journey file"
        case .taskBeforeSection: "this task comes before any section; it is taken as `{0}`"
        case .badScore: "`{0}` is not a score from 1 to 5, so this step gets no `{k:mood}:` line"
        case .noChannels: "tasks that name no channel in brackets go in the channel `{0}`: {1} of them"
        case .noChannelsHelp: "name the channel at the end of the task, as in `Asks at the desk (desk): 4: Librarian`, or give each step a `{k:via}:` line in the journey file"
        case .lineLeftOut: "Polku cannot read this line of a Mermaid journey, so it is left out"
        case .commentNotRead: "this comment is not a line of a journey (`key: text`), so it is left out"
        case .imported: "imported from `{0}`"
        }
    }

    package var fi: String {
        switch self {
        case .notJSON: "`{0}` ei ole kelvollista JSONia: {1}"
        case .notJourneyJSON: "`{0}` ei ole Polun palvelupolku: komennon `polku export --to json` kirjoittama palvelupolku alkaa \"format\": \"polku-journey\""
        case .newerVersion: "`{0}` on Polun palvelupolkumuodon versiota {1}, ja tämä Polku lukee versiota {2}: päivitä Polku tai vie palvelupolku uudelleen tällä Polulla"
        case .unknownLanguage: "kohdassa `language`: `{0}` ei ole en, fi eikä sv"
        case .atPath: "kohdassa `{0}`: {1}"
        case .expected: "kohdassa `{0}`: tässä pitäisi olla {1}"
        case .kindText: "tekstiä"
        case .kindList: "hakasulkeissa oleva luettelo"
        case .kindObject: "aaltosulkeissa oleva olio"
        case .kindNumber: "kokonaisluku"
        case .kindTrueFalse: "true tai false"
        case .missingMember: "kohdassa `{0}`: `{1}` puuttuu"
        case .joinedLines: "kohdassa `{0}`: tekstissä on rivinvaihtoja; se yhdistetään yhdeksi riviksi, koska palvelupolkutiedostossa jokainen teksti on yhdellä rivillä"
        case .unknownPhase: "kohdassa `{0}`: `{1}` ei ole vaihe: käytä before, during tai after"
        case .noSuchStep: "kohdassa `{0}`: vaihetta {1} ei ole; vaiheet on numeroitu 1:stä {2}:een"
        case .stepHasNoId: "kohdassa `{0}`: tässä mainitaan vaihe {1}, mutta sillä ei ole tunnusta (`id`), jolla `{k:next}:`-rivi voisi viitata siihen"
        case .stepHasNoIdHelp: "anna vaiheelle {0} tunnus (`id`)"
        case .notMermaidJourney: "tämä ei ole Mermaidin asiakaspolku: sen ensimmäisen rivin pitäisi olla `journey`"
        case .notMermaidJourneyHelp: "Polku tuo Mermaidin asiakaspolkuja (`journey`, `title`, `section` ja tehtäviä kuten `Kysyy palvelupisteestä: 4: Kirjastovirkailija`)"
        case .noMermaidBlock: "tiedostossa `{0}` ei ole ```mermaid-lohkoa, jossa olisi asiakaspolku"
        case .sectionGuessed: "osio `{0}` ei kerro, mikä vaihe se on; se tulkitaan vaiheeksi `{1}`"
        case .sectionGuessedLabel: "tulkittu: `{0}`"
        case .sectionGuessedHelp: "aloita osion nimi sanalla ennen, aikana tai jälkeen (ruotsiksi före, under, efter; englanniksi before, during, after) tai siirrä sen vaiheet palvelupolkutiedostossa"
        case .taskBeforeSection: "tämä tehtävä on ennen ensimmäistä osiota; se tulkitaan vaiheeseen `{0}`"
        case .badScore: "`{0}` ei ole pistemäärä 1–5, joten tälle vaiheelle ei tule `{k:mood}:`-riviä"
        case .noChannels: "tehtävät, joiden lopussa ei ole kanavaa suluissa, tulevat kanavaan `{0}`: niitä on {1}"
        case .noChannelsHelp: "kirjoita kanava tehtävän loppuun sulkuihin, esimerkiksi `Kysyy palvelupisteestä (palvelupiste): 4: Kirjastovirkailija`, tai anna palvelupolkutiedostossa jokaiselle vaiheelle `{k:via}:`-rivi"
        case .lineLeftOut: "Polku ei osaa lukea tätä Mermaid-asiakaspolun riviä, joten se jätetään pois"
        case .commentNotRead: "tämä kommentti ei ole palvelupolun rivi (`avain: teksti`), joten se jätetään pois"
        case .imported: "tuotu tiedostosta `{0}`"
        }
    }

    package var sv: String {
        switch self {
        case .notJSON: "`{0}` är inte giltig JSON: {1}"
        case .notJourneyJSON: "`{0}` är ingen kundresa från Polku: en kundresa som skrivits av `polku export --to json` börjar med \"format\": \"polku-journey\""
        case .newerVersion: "`{0}` är i version {1} av Polkus kundreseformat, och den här Polku läser version {2}: uppdatera Polku, eller exportera kundresan igen med den här"
        case .unknownLanguage: "vid `language`: `{0}` är varken en, fi eller sv"
        case .atPath: "vid `{0}`: {1}"
        case .expected: "vid `{0}`: här förväntades {1}"
        case .kindText: "en text"
        case .kindList: "en lista inom hakparenteser"
        case .kindObject: "ett objekt inom klammerparenteser"
        case .kindNumber: "ett heltal"
        case .kindTrueFalse: "true eller false"
        case .missingMember: "vid `{0}`: `{1}` saknas"
        case .joinedLines: "vid `{0}`: texten har radbrytningar; den slås ihop till en rad, eftersom varje text i en kundresefil står på en rad"
        case .unknownPhase: "vid `{0}`: `{1}` är ingen fas: använd before, during eller after"
        case .noSuchStep: "vid `{0}`: det finns inget steg {1}; stegen är numrerade från 1 till {2}"
        case .stepHasNoId: "vid `{0}`: steg {1} nämns här, men det har inget `id` som en `{k:next}:`-rad kunde nämna det med"
        case .stepHasNoIdHelp: "ge steg {0} ett `id`"
        case .notMermaidJourney: "det här är ingen kundresa i Mermaid: dess första rad borde vara `journey`"
        case .notMermaidJourneyHelp: "Polku importerar kundresor från Mermaid (`journey`, `title`, `section` och uppgifter som `Frågar vid disken: 4: Bibliotekarie`)"
        case .noMermaidBlock: "`{0}` har inget ```mermaid-block med en kundresa"
        case .sectionGuessed: "avsnittet `{0}` säger inte vilken fas det är; det tolkas som `{1}`"
        case .sectionGuessedLabel: "tolkat som `{0}`"
        case .sectionGuessedHelp: "börja avsnittets namn med före, under eller efter (på finska ennen, aikana, jälkeen; på engelska before, during, after), eller flytta dess steg i kundresefilen"
        case .taskBeforeSection: "den här uppgiften kommer före första avsnittet; den tolkas som `{0}`"
        case .badScore: "`{0}` är inget betyg från 1 till 5, så det här steget får ingen `{k:mood}:`-rad"
        case .noChannels: "uppgifter som inte nämner någon kanal inom parentes hamnar i kanalen `{0}`: {1} stycken"
        case .noChannelsHelp: "skriv kanalen inom parentes i slutet av uppgiften, som i `Frågar vid disken (disk): 4: Bibliotekarie`, eller ge varje steg en `{k:via}:`-rad i kundresefilen"
        case .lineLeftOut: "Polku kan inte läsa den här raden i en kundresa i Mermaid, så den utelämnas"
        case .commentNotRead: "den här kommentaren är ingen rad i en kundresa (`nyckel: text`), så den utelämnas"
        case .imported: "importerad från `{0}`"
        }
    }
}
