import PolkuModel
import PolkuSyntax

/// Flags a before phase in which no step has a `need:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-need` prints it.
package enum MissingNeedRule: Rule {
    package static let info = RuleInfo(
        name: "missing-need", question: .questionNeed, defaultSeverity: .info,
        summaryText: Trilingual(
            en: "No step before the service says what the customer needs.",
            fi: "Mikään vaihe ennen palvelua ei kerro, mitä asiakas tarvitsee.",
            sv: "Inget steg före tjänsten säger vad kunden behöver."),
        explanationText: Trilingual(en: """
        Flags a before phase in which no step has a `need:` line.

        Why it matters: the first guiding question of the journey is "what is the customer's
        need?". Without it the team cannot judge which recommendation or which channel fits.

        Example:

            before:
              step find: Finds the library's web page

        Fix: write the customer's need on the step where it arises:

            before:
              step find: Finds the library's web page
                need: a quiet place to study for an exam
        """, fi: """
        Huomauttaa, kun yhdelläkään vaiheella ennen palvelua ei ole `tarve:`-riviä.

        Miksi tällä on väliä: palvelupolun ensimmäinen ohjaava kysymys on ”mikä on asiakkaan palvelun
        tarve?”. Ilman sitä tiimi ei voi arvioida, mikä suositus tai mikä kanava sopii.

        Esimerkki:

            ennen palvelua:
              vaihe löytää: Löytää kirjaston verkkosivut

        Korjaus: kirjoita asiakkaan tarve sen vaiheen alle, jossa tarve syntyy:

            ennen palvelua:
              vaihe löytää: Löytää kirjaston verkkosivut
                tarve: rauhallinen paikka lukea tenttiin
        """, sv: """
        Flaggar en fas före tjänsten där inget steg har en `behov:`-rad.

        Varför det spelar roll: kundresans första vägledande fråga är ”vad är kundens behov?”. Utan den
        kan teamet inte bedöma vilken rekommendation eller vilken kanal som passar.

        Exempel:

            före tjänsten:
              steg hitta: Hittar bibliotekets webbplats

        Åtgärd: skriv kundens behov på det steg där behovet uppstår:

            före tjänsten:
              steg hitta: Hittar bibliotekets webbplats
                behov: en lugn plats att plugga inför en tenta
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var first: Int?
        for i in facts.steps.indices where facts.steps[i].phase == .before {
            if facts.steps[i].flags.contains(.statesNeed) { return [] }
            if first == nil { first = i }
        }
        guard let first else { return [] }
        return [Finding(.step(first), journey.steps[first].keyword, m(.noNeed), label: m(.noNeedLabel), help: m(.noNeedHelp))]
    }
}
