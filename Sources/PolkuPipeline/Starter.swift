import PolkuSyntax

/// A starter journey, after the workbook's own exercise: a journey, a customer profile with
/// its ways of using the library, channels and assurance, and the three phases, each with
/// the workbook's guiding questions as comments above an example step. It checks with no
/// errors; its findings point at what is still to be written. Keywords and built-in channel
/// names are the keyword table's preferred spellings in the chosen language.
package enum Starter {
    /// - Parameters:
    ///   - channels: the channels the journey moves through, in order (built-in names in
    ///     any language, or ids of the library's own, which get a `channel` line); empty:
    ///     the service desk and the web.
    ///   - persona: the customer profile's id.
    /// - Returns: the journey text, or the channel names that are not valid ids.
    package static func journey(language: KeywordLanguage, channels: [String] = [], persona: String? = nil)
        -> Result<String, StarterProblem> {
        func k(_ meaning: KeywordMeaning) -> String { Keywords.entry(for: meaning).preferred(language) }
        func a(_ kind: AttributeKind) -> String { k(.attribute(kind)) }
        let words = StarterWords(language)

        // Channels: built-in ones by their name in this language, others declared.
        var names: [String] = []
        var declared: [String] = []
        for raw in channels {
            let name = raw.trimmingBlanks()
            guard !name.isEmpty else { continue }
            if let builtin = Keywords.builtinChannel(named: name) {
                names.append(k(.channel(builtin)))
            } else if JourneyParser.isValidId(name) {
                names.append(name)
                declared.append(name)
            } else {
                return .failure(.invalidChannel(name))
            }
        }
        if names.isEmpty { names = [k(.channel(.desk)), k(.channel(.web))] }
        let id = persona?.trimmingBlanks() ?? words.personaId
        guard JourneyParser.isValidId(id) else {
            return .failure(.invalidPersona(id))
        }
        func channel(_ n: Int) -> String { names[min(n, names.count - 1)] }

        var out = words.intro.map { "# \($0)\n" }.joined()
        out += "\(k(.header(.journey))): \(words.title)\n"
        out += "\(a(.via)): \(channel(0))\n"
        out += "\(a(.for)): \(id)\n\n"
        out += "\(k(.header(.persona))) \(id): \(words.personaDescription)\n"
        out += "  \(a(.uses)): \(words.uses)\n"
        out += "  \(a(.channels)): \(names.joined(separator: ", "))\n"
        out += "  \(a(.assurance)): \(words.assurance)\n"
        for name in declared {
            out += "\n\(k(.header(.channel))) \(name): \(words.channelLabel)\n"
            out += "  \(a(.competence)): 3\n  \(a(.presence)): 3\n"
        }
        /// A phase with its guiding questions and one step and its attribute lines.
        func phase(_ p: Phase, _ questions: [String], _ id: String, _ title: String, _ lines: [(AttributeKind, String)]) {
            out += "\n\(k(.phase(p))):\n" + questions.map { "  # \($0)\n" }.joined()
            out += "  \(k(.header(.step))) \(id): \(title)\n" + lines.map { "    \(a($0.0)): \($0.1)\n" }.joined()
        }
        phase(.before, words.beforeQuestions, words.firstStepId, words.firstStep,
              [(.via, channel(names.count > 1 ? 1 : 0)), (.need, words.need), (.recommend, words.recommend)])
        phase(.during, words.duringQuestions, words.secondStepId, words.secondStep,
              [(.via, channel(0)), (.by, words.role), (.recommend, words.recommendDuring), (.followUp, words.followUp)])
        phase(.after, words.afterQuestions, words.thirdStepId, words.thirdStep,
              [(.via, channel(2)), (.followUp, words.followUpAfter), (.feedback, words.feedback)])
        return .success(out)
    }
}

/// Why a starter could not be written.
package enum StarterProblem: Error, Sendable, Equatable {
    case invalidChannel(String)
    case invalidPersona(String)
}

/// The starter's texts in one language: the workbook's guiding questions (seed 003,
/// section C) and placeholders that say what to write.
struct StarterWords {
    var intro: [String]
    var title, personaId, personaDescription, uses, assurance, channelLabel: String
    var beforeQuestions, duringQuestions, afterQuestions: [String]
    var firstStepId, firstStep, need, recommend: String
    var secondStepId, secondStep, role, recommendDuring, followUp: String
    var thirdStepId, thirdStep, followUpAfter, feedback: String

    init(_ language: KeywordLanguage) {
        switch language {
        case .en:
            intro = ["A new service journey. Lines starting with # are notes for you: Polku skips them.",
                     "Replace each text after a colon with your own, add steps, then run `polku check` on this file:",
                     "its findings say where the customer could get a recommendation or might not know what happens next."]
            title = "What the customer wants to get done"
            personaId = "customer"
            personaDescription = "Who the customer is, in one sentence"
            uses = "how they use the library today"
            assurance = "how we make sure that every colleague can serve them"
            channelLabel = "The channel's name as customers know it"
            beforeQuestions = ["What is the customer's need?",
                               "How does the customer prepare to use the library's services?",
                               "How do they choose how to deal with the library?"]
            firstStepId = "notice"
            firstStep = "Notices that they need the library"
            need = "what the customer needs"
            recommend = "a service or content we could point them to already here"
            duringQuestions = ["What happens at the start of the service?",
                               "Does the customer need support during the service?"]
            secondStepId = "ask"
            secondStep = "Asks for help"
            role = "who serves the customer"
            recommendDuring = "what we recommend while serving them"
            followUp = "how the customer knows what happens next"
            afterQuestions = ["How is the service ended?", "What happens after the service?"]
            thirdStepId = "after"
            thirdStep = "Leaves with what they came for"
            followUpAfter = "how we keep in touch afterwards"
            feedback = "where the customer can tell us how it went"
        case .fi:
            intro = ["Uusi palvelupolku. Risuaidalla (#) alkavat rivit ovat muistiinpanoja sinulle: Polku ohittaa ne.",
                     "Korvaa kunkin kaksoispisteen jälkeinen teksti omallasi, lisää vaiheita ja aja sitten tälle tiedostolle `polku check`:",
                     "sen havainnot kertovat, missä asiakkaalle voisi suositella jotakin tai missä hän ei ehkä tiedä, mitä seuraavaksi tapahtuu."]
            title = "Mitä asiakas haluaa saada hoidettua"
            personaId = "asiakas"
            personaDescription = "Kuka asiakas on, yhdellä lauseella"
            uses = "miten hän käyttää kirjastoa nyt"
            assurance = "miten varmistamme, että jokainen kollega osaa palvella häntä"
            channelLabel = "Kanavan nimi sellaisena kuin asiakkaat sen tuntevat"
            beforeQuestions = ["Mikä on asiakkaan palvelun tarve?",
                               "Kuinka asiakas valmistautuu käyttämään kirjaston palveluja?",
                               "Kuinka asiakas valitsee tapansa asioida kirjastossa?"]
            firstStepId = "tarve"
            firstStep = "Huomaa tarvitsevansa kirjastoa"
            need = "mitä asiakas tarvitsee"
            recommend = "palvelu tai sisältö, jota voisimme suositella jo tässä"
            duringQuestions = ["Mitä tapahtuu palvelun aluksi?",
                               "Tarvitseeko asiakas tukea palvelutilanteen aikana?"]
            secondStepId = "kysyy"
            secondStep = "Pyytää apua"
            role = "kuka palvelee asiakasta"
            recommendDuring = "mitä suosittelemme palvelun aikana"
            followUp = "mistä asiakas tietää, mitä seuraavaksi tapahtuu"
            afterQuestions = ["Kuinka palvelutilanne päätetään?", "Mitä tapahtuu palvelutilanteen jälkeen?"]
            thirdStepId = "jalkeen"
            thirdStep = "Lähtee mukanaan se, mitä tuli hakemaan"
            followUpAfter = "miten pidämme yhteyttä jälkeenpäin"
            feedback = "missä asiakas voi kertoa, miten palvelu onnistui"
        case .sv:
            intro = ["En ny kundresa. Rader som börjar med # är anteckningar för dig: Polku hoppar över dem.",
                     "Ersätt texten efter varje kolon med din egen, lägg till steg och kör sedan `polku check` på filen:",
                     "dess iakttagelser visar var kunden kunde få en rekommendation eller kanske inte vet vad som händer sedan."]
            title = "Vad kunden vill få gjort"
            personaId = "kund"
            personaDescription = "Vem kunden är, i en mening"
            uses = "hur kunden använder biblioteket i dag"
            assurance = "hur vi säkerställer att varje kollega kan betjäna kunden"
            channelLabel = "Kanalens namn så som kunderna känner den"
            beforeQuestions = ["Vilket är kundens behov?",
                               "Hur förbereder sig kunden för att använda bibliotekets tjänster?",
                               "Hur väljer kunden sitt sätt att ha kontakt med biblioteket?"]
            firstStepId = "behov"
            firstStep = "Märker att hen behöver biblioteket"
            need = "vad kunden behöver"
            recommend = "en tjänst eller ett innehåll vi kunde tipsa om redan här"
            duringQuestions = ["Vad händer i början av tjänsten?",
                               "Behöver kunden stöd under servicesituationen?"]
            secondStepId = "fragar"
            secondStep = "Ber om hjälp"
            role = "vem som betjänar kunden"
            recommendDuring = "vad vi rekommenderar under tjänsten"
            followUp = "hur kunden vet vad som händer sedan"
            afterQuestions = ["Hur avslutas servicesituationen?", "Vad händer efter servicesituationen?"]
            thirdStepId = "efter"
            thirdStep = "Går därifrån med det hen kom för"
            followUpAfter = "hur vi håller kontakten efteråt"
            feedback = "var kunden kan berätta hur det gick"
        }
    }
}

extension String {
    /// Without blanks (space, tab, no-break space) at either end.
    func trimmingBlanks() -> String {
        var s = Substring(self)
        func blank(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{00A0}" }
        while let f = s.first, blank(f) { s = s.dropFirst() }
        while let l = s.last, blank(l) { s = s.dropLast() }
        return String(s)
    }
}
