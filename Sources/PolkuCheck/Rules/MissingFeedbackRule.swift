import PolkuModel
import PolkuSyntax

/// Flags an after phase in which no step has a `feedback:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-feedback` prints it.
package enum MissingFeedbackRule: Rule {
    package static let info = RuleInfo(
        name: "missing-feedback", question: .questionFeedback, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "The after phase has no `feedback:` point: complaints are a gift.",
            fi: "Palvelun jälkeen ei ole yhtään `palaute:`-kohtaa: valitus on lahja.",
            sv: "Efter tjänsten finns ingen `återkoppling:`: klagomålet är en gåva."),
        explanationText: Trilingual(en: """
        Flags an after phase in which no step has a `feedback:` line.

        Why it matters: complaints are a gift. Feedback is the chance to put right what went wrong
        and to turn customers into co-developers of the service. A journey should show where, after
        the service, the customer can say how it went.

        Example:

            after:
              step pickup: Collects the copy at the desk
                follow-up: ask how the delivery worked

        Fix: add where feedback is collected:

            after:
              step pickup: Collects the copy at the desk
                follow-up: ask how the delivery worked
                feedback: praise and complaint form at the desk
        """, fi: """
        Huomauttaa, kun yhdelläkään vaiheella palvelun jälkeen ei ole `palaute:`-riviä.

        Miksi tällä on väliä: valitus on lahja. Palaute on tilaisuus korjata se, mikä meni vikaan, ja
        tehdä asiakkaista palvelun kehittäjiä yhdessä henkilökunnan kanssa. Palvelupolun pitää näyttää,
        missä asiakas voi palvelun jälkeen kertoa, miten palvelu onnistui.

        Esimerkki:

            palvelun jälkeen:
              vaihe nouto: Noutaa kopion palvelupisteestä
                jatko: kysytään, miten toimitus onnistui

        Korjaus: lisää kohta, jossa palautetta kerätään:

            palvelun jälkeen:
              vaihe nouto: Noutaa kopion palvelupisteestä
                jatko: kysytään, miten toimitus onnistui
                palaute: kiitos- ja moitelomake palvelupisteessä
        """, sv: """
        Flaggar en fas efter tjänsten där inget steg har en `återkoppling:`-rad.

        Varför det spelar roll: klagomålet är en gåva. Återkoppling är chansen att rätta till det som
        blev fel och att göra kunderna till medskapare av tjänsten. En kundresa ska visa var kunden,
        efter tjänsten, kan berätta hur det gick.

        Exempel:

            efter tjänsten:
              steg hämtning: Hämtar kopian vid disken
                uppföljning: fråga hur leveransen fungerade

        Åtgärd: lägg till var återkopplingen samlas in:

            efter tjänsten:
              steg hämtning: Hämtar kopian vid disken
                uppföljning: fråga hur leveransen fungerade
                återkoppling: blankett för beröm och klagomål vid disken
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var afterSteps = 0
        for step in facts.steps where step.phase == .after {
            if step.flags.contains(.asksFeedback) { return [] }
            afterSteps += 1
        }
        guard afterSteps > 0 else { return [] }
        let header = journey.sections.first { $0.phase == .after && !$0.steps.isEmpty }!.header
        return [Finding(.phase(.after), header, m(.noFeedback), label: m(.noFeedbackLabel), help: m(.noFeedbackHelp))]
    }
}
