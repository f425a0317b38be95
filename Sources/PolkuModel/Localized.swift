import PolkuSyntax

/// Every fixed text Polku puts into a diagram or a checklist, in English, Finnish and
/// Swedish. Each language is one exhaustive `switch`, so a phrase missing from a language does
/// not compile; a test also checks that no text is empty and that translations differ.
package enum Phrase: String, CaseIterable, Sendable {
    case journey, persona, forWhom, channel, phase, step, steps
    case need, servedBy, recommend, followUp, feedback, mood, note
    case customerLeaves, flow, numbersShowOrder, lowestMood, moodScale, finding, findings, journeyFindings, legend
    case noSteps, summary, recommendations, followUps, openQuestions, total
    case channelSelfAssessment, competence, presence, notes
    case customerProfiles, waysOfUsing, channelsOffered, deliveryEnsured
    case checklist, kind, text, done
    case questionRecommend, questionFollowUp, questionFeedback, questionRole, questionNeed, questionGeneric
    case questionPhase, questionEmptyPhase, questionUnreachable, questionNoExit, questionUnusedChannel
    case questionUnusedPersona, questionPersonaChannels, questionLowRated, questionUnusedAllow
    case diagram, diagramOf, generatedBy
    case checklistFor, kindStep, kindQuestion, acceptedFindings, because, wholeJourney, servedIn
    case legendChecklist, notRated
    case continued, page
    case stepNumber, stepId, line
}

package enum Localized {
    package static func text(_ phrase: Phrase, _ language: KeywordLanguage) -> String {
        switch language {
        case .en: en(phrase)
        case .fi: fi(phrase)
        case .sv: sv(phrase)
        }
    }

    static func en(_ p: Phrase) -> String {
        switch p {
        case .continued: "continued"
        case .page: "Page"
        case .stepNumber: "No."
        case .stepId: "Step id"
        case .line: "Line"
        case .journey: "Journey"
        case .persona: "Customer profile"
        case .forWhom: "For"
        case .channel: "Channel"
        case .phase: "Phase"
        case .step: "Step"
        case .steps: "Steps"
        case .need: "Need"
        case .servedBy: "Served by"
        case .recommend: "Recommend"
        case .followUp: "Follow-up"
        case .feedback: "Feedback"
        case .mood: "Mood"
        case .note: "Note"
        case .customerLeaves: "The customer leaves here"
        case .flow: "Flow: the customer goes on to the next step"
        case .numbersShowOrder: "Numbers show the order of the steps"
        case .lowestMood: "The customer's lowest mood: look here first"
        case .moodScale: "1 low – 5 high"
        case .finding: "Finding"
        case .findings: "Findings"
        case .journeyFindings: "Findings about the whole journey"
        case .legend: "Legend"
        case .noSteps: "No steps"
        case .summary: "Summary"
        case .recommendations: "Recommendations"
        case .followUps: "Follow-ups"
        case .openQuestions: "Open questions"
        case .total: "Total"
        case .channelSelfAssessment: "Channel self-assessment"
        case .competence: "Competence"
        case .presence: "Presence"
        case .notes: "Notes"
        case .customerProfiles: "Customer profiles"
        case .waysOfUsing: "Ways of using the service"
        case .channelsOffered: "Channels the service is offered in"
        case .deliveryEnsured: "How delivery is ensured"
        case .checklist: "Checklist"
        case .kind: "Kind"
        case .text: "Text"
        case .done: "Done"
        case .questionRecommend: "What could we recommend here?"
        case .questionFollowUp: "How does the customer know what happens next?"
        case .questionFeedback: "Where can the customer tell us how it went?"
        case .questionRole: "Who serves the customer here?"
        case .questionNeed: "What is the customer's need?"
        case .questionGeneric: "What should we change here?"
        case .questionPhase: "What happens in this phase of the service?"
        case .questionEmptyPhase: "Which steps belong to this phase?"
        case .questionUnreachable: "Which step leads the customer here?"
        case .questionNoExit: "Where can the customer leave this loop?"
        case .questionUnusedChannel: "Which step happens in this channel?"
        case .questionUnusedPersona: "Is this journey for this customer too?"
        case .questionPersonaChannels: "Could we serve this customer in their own channels?"
        case .questionLowRated: "How will we get better in this channel?"
        case .questionUnusedAllow: "Is this accepted finding still needed?"
        case .diagram: "Diagram"
        case .diagramOf: "Service journey diagram"
        case .generatedBy: "Made with Polku"
        case .checklistFor: "Checklist"
        case .kindStep: "Step"
        case .kindQuestion: "Question"
        case .acceptedFindings: "Accepted on purpose"
        case .because: "because"
        case .wholeJourney: "The whole journey"
        case .servedIn: "Channel"
        case .legendChecklist: "Tick each item when it is in place. Questions (⚠) are for the team to discuss."
        case .notRated: "not rated"
        }
    }

    static func fi(_ p: Phrase) -> String {
        switch p {
        case .continued: "jatkuu"
        case .page: "Sivu"
        case .stepNumber: "Nro"
        case .stepId: "Vaiheen tunnus"
        case .line: "Rivi"
        case .journey: "Palvelupolku"
        case .persona: "Asiakasprofiili"
        case .forWhom: "Kenelle"
        case .channel: "Kanava"
        case .phase: "Palvelun vaihe"
        case .step: "Vaihe"
        case .steps: "Vaiheita"
        case .need: "Tarve"
        case .servedBy: "Palvelee"
        case .recommend: "Suosittele"
        case .followUp: "Jatko"
        case .feedback: "Palaute"
        case .mood: "Tunnelma"
        case .note: "Huomio"
        case .customerLeaves: "Asiakas poistuu tästä"
        case .flow: "Kulku: asiakas siirtyy seuraavaan vaiheeseen"
        case .numbersShowOrder: "Numerot kertovat vaiheiden järjestyksen"
        case .lowestMood: "Asiakkaan matalin tunnelma: katso tästä ensin"
        case .moodScale: "1 matala – 5 korkea"
        case .finding: "Havainto"
        case .findings: "Havainnot"
        case .journeyFindings: "Havainnot koko polusta"
        case .legend: "Selite"
        case .noSteps: "Ei vaiheita"
        case .summary: "Yhteenveto"
        case .recommendations: "Suositukset"
        case .followUps: "Jatkot"
        case .openQuestions: "Avoimet kysymykset"
        case .total: "Yhteensä"
        case .channelSelfAssessment: "Kanavien itsearviointi"
        case .competence: "Osaaminen"
        case .presence: "Läsnäolo"
        case .notes: "Huomiot"
        case .customerProfiles: "Asiakasprofiilit"
        case .waysOfUsing: "Palvelun käyttötavat"
        case .channelsOffered: "Palvelun tarjoamisen kanavat"
        case .deliveryEnsured: "Toteutumisen varmistaminen"
        case .checklist: "Tarkistuslista"
        case .kind: "Laji"
        case .text: "Teksti"
        case .done: "Tehty"
        case .questionRecommend: "Mitä voisimme suositella tässä?"
        case .questionFollowUp: "Mistä asiakas tietää, mitä seuraavaksi tapahtuu?"
        case .questionFeedback: "Missä asiakas voi kertoa, miten palvelu onnistui?"
        case .questionRole: "Kuka palvelee asiakasta tässä?"
        case .questionNeed: "Mikä on asiakkaan tarve?"
        case .questionGeneric: "Mitä meidän pitäisi muuttaa tässä?"
        case .questionPhase: "Mitä tässä palvelun vaiheessa tapahtuu?"
        case .questionEmptyPhase: "Mitkä vaiheet kuuluvat tähän?"
        case .questionUnreachable: "Mikä vaihe johtaa asiakkaan tänne?"
        case .questionNoExit: "Missä asiakas pääsee pois tästä kierteestä?"
        case .questionUnusedChannel: "Mikä vaihe tapahtuu tässä kanavassa?"
        case .questionUnusedPersona: "Onko tämä polku myös tälle asiakkaalle?"
        case .questionPersonaChannels: "Voisimmeko palvella tätä asiakasta hänen omissa kanavissaan?"
        case .questionLowRated: "Miten kehitämme osaamistamme tässä kanavassa?"
        case .questionUnusedAllow: "Tarvitaanko tätä hyväksyttyä havaintoa vielä?"
        case .diagram: "Kaavio"
        case .diagramOf: "Palvelupolun kaavio"
        case .generatedBy: "Tehty Polulla"
        case .checklistFor: "Tarkistuslista"
        case .kindStep: "Vaihe"
        case .kindQuestion: "Kysymys"
        case .acceptedFindings: "Tietoisesti hyväksytyt"
        case .because: "koska"
        case .wholeJourney: "Koko polku"
        case .servedIn: "Kanava"
        case .legendChecklist: "Rastita kohta, kun se on kunnossa. Kysymykset (⚠) ovat tiimin yhteiseen keskusteluun."
        case .notRated: "ei arvioitu"
        }
    }

    static func sv(_ p: Phrase) -> String {
        switch p {
        case .continued: "fortsätter"
        case .page: "Sida"
        case .stepNumber: "Nr"
        case .stepId: "Stegets id"
        case .line: "Rad"
        case .journey: "Kundresa"
        case .persona: "Kundprofil"
        case .forWhom: "För"
        case .channel: "Kanal"
        case .phase: "Fas"
        case .step: "Steg"
        case .steps: "Steg"
        case .need: "Behov"
        case .servedBy: "Betjänas av"
        case .recommend: "Rekommendera"
        case .followUp: "Uppföljning"
        case .feedback: "Återkoppling"
        case .mood: "Känsla"
        case .note: "Anteckning"
        case .customerLeaves: "Kunden lämnar här"
        case .flow: "Flöde: kunden går vidare till nästa steg"
        case .numbersShowOrder: "Siffrorna visar stegens ordning"
        case .lowestMood: "Kundens lägsta känsla: titta här först"
        case .moodScale: "1 låg – 5 hög"
        case .finding: "Iakttagelse"
        case .findings: "Iakttagelser"
        case .journeyFindings: "Iakttagelser om hela resan"
        case .legend: "Teckenförklaring"
        case .noSteps: "Inga steg"
        case .summary: "Sammanfattning"
        case .recommendations: "Rekommendationer"
        case .followUps: "Uppföljningar"
        case .openQuestions: "Öppna frågor"
        case .total: "Totalt"
        case .channelSelfAssessment: "Självvärdering av kanalerna"
        case .competence: "Kompetens"
        case .presence: "Närvaro"
        case .notes: "Anteckningar"
        case .customerProfiles: "Kundprofiler"
        case .waysOfUsing: "Sätt att använda tjänsten"
        case .channelsOffered: "Kanaler där tjänsten erbjuds"
        case .deliveryEnsured: "Hur genomförandet säkerställs"
        case .checklist: "Checklista"
        case .kind: "Typ"
        case .text: "Text"
        case .done: "Klart"
        case .questionRecommend: "Vad kunde vi rekommendera här?"
        case .questionFollowUp: "Hur vet kunden vad som händer härnäst?"
        case .questionFeedback: "Var kan kunden berätta hur det gick?"
        case .questionRole: "Vem betjänar kunden här?"
        case .questionNeed: "Vad är kundens behov?"
        case .questionGeneric: "Vad borde vi ändra här?"
        case .questionPhase: "Vad händer i den här fasen av tjänsten?"
        case .questionEmptyPhase: "Vilka steg hör till den här fasen?"
        case .questionUnreachable: "Vilket steg leder kunden hit?"
        case .questionNoExit: "Var kan kunden ta sig ur den här slingan?"
        case .questionUnusedChannel: "Vilket steg sker i den här kanalen?"
        case .questionUnusedPersona: "Är resan också för den här kunden?"
        case .questionPersonaChannels: "Kunde vi betjäna kunden i kundens egna kanaler?"
        case .questionLowRated: "Hur blir vi bättre i den här kanalen?"
        case .questionUnusedAllow: "Behövs den här godkända iakttagelsen fortfarande?"
        case .diagram: "Diagram"
        case .diagramOf: "Diagram över kundresan"
        case .generatedBy: "Gjord med Polku"
        case .checklistFor: "Checklista"
        case .kindStep: "Steg"
        case .kindQuestion: "Fråga"
        case .acceptedFindings: "Godkända med avsikt"
        case .because: "eftersom"
        case .wholeJourney: "Hela resan"
        case .servedIn: "Kanal"
        case .legendChecklist: "Bocka av varje punkt när den är på plats. Frågorna (⚠) är för teamet att diskutera."
        case .notRated: "inte bedömd"
        }
    }
}

extension Localized {
    /// "and 12 more", for a list cut short.
    package static func andMore(_ count: Int, _ language: KeywordLanguage) -> String {
        switch language {
        case .en: "… and \(count) more"
        case .fi: "… ja \(count) muuta"
        case .sv: "… och \(count) till"
        }
    }
}
