import PolkuModel
import PolkuSyntax

/// Flags a step from which no path leads to the end of the journey: the customer goes round in
/// a loop of `next:` lines forever.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain no-exit` prints it.
package enum NoExitRule: Rule {
    package static let info = RuleInfo(
        name: "no-exit", question: .questionNoExit, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A step from which the customer can never leave the journey.",
            fi: "Vaihe, josta asiakas ei pääse koskaan pois palvelupolulta.",
            sv: "Ett steg som kunden aldrig kan lämna kundresan från."),
        explanationText: Trilingual(en: """
        Flags a step from which no path leads to the end of the journey: the customer goes round in
        a loop of `next:` lines forever.

        Why it matters: every journey has to end with the customer knowing where they stand. A
        loop with no way out means the journey, as written, never lets the customer go.

        Example:

            step ask: Asks again
              next: wait
            step wait: Waits for an answer
              next: ask

        Fix: give one of the steps in the loop a way out, for example `next: ask, end`.
        """, fi: """
        Huomauttaa vaiheesta, josta mikään reitti ei johda palvelupolun loppuun: asiakas kiertää
        `seuraava:`-rivien kehää loputtomiin.

        Miksi tällä on väliä: jokaisen palvelupolun pitää päättyä niin, että asiakas tietää, mitä hänen
        asialleen tapahtuu. Kierre, josta ei pääse pois, tarkoittaa, että kirjoitettu palvelupolku ei
        koskaan päästä asiakasta lähtemään.

        Esimerkki:

            vaihe kysyy: Kysyy uudelleen
              seuraava: odottaa
            vaihe odottaa: Odottaa vastausta
              seuraava: kysyy

        Korjaus: anna jollekin kierteen vaiheelle tie ulos, esimerkiksi `seuraava: kysyy, loppu`.
        """, sv: """
        Flaggar ett steg som ingen väg leder från till slutet av kundresan: kunden går runt i en slinga
        av `nästa:`-rader för alltid.

        Varför det spelar roll: varje kundresa måste sluta med att kunden vet var hen står. En slinga
        utan väg ut betyder att kundresan, så som den är skriven, aldrig släpper iväg kunden.

        Exempel:

            steg fråga: Frågar igen
              nästa: vänta
            steg vänta: Väntar på svar
              nästa: fråga

        Åtgärd: ge ett av stegen i slingan en väg ut, till exempel `nästa: fråga, slut`.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        let canEnd = facts.canReachEnd
        let reachable = facts.reachableFromStart
        let message = StepMessages(journey, .noExit)
        let details = DiagnosticDetails(label: m(.noExitLabel), help: m(.noExitHelp))
        // Unreachable steps are `unreachable-step`'s to report.
        return journey.steps.indices.filter { !canEnd[$0] && reachable[$0] }.map { i in
            Finding(.step(i), journey.steps[i].keyword, message(i), details: details)
        }
    }
}
