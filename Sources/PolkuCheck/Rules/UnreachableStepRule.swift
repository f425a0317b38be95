import PolkuModel
import PolkuSyntax

/// Flags a step that the customer can never reach: no path of steps, starting from the first
/// step and following `next:` lines and the file order, leads to it.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unreachable-step` prints it.
package enum UnreachableStepRule: Rule {
    package static let info = RuleInfo(
        name: "unreachable-step", question: .questionUnreachable, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A step that no path from the first step reaches.",
            fi: "Vaihe, johon mikään reitti ensimmäisestä vaiheesta ei johda.",
            sv: "Ett steg som ingen väg från det första steget når."),
        explanationText: Trilingual(en: """
        Flags a step that the customer can never reach: no path of steps, starting from the first
        step and following `next:` lines and the file order, leads to it.

        Why it matters: an unreachable step is usually a `next:` that forgot a branch, so the
        diagram and the checklist show a step that no customer will ever take, and the branch that
        should lead to it is missing.

        Example:

            step ask: Asks for the book
              next: borrow
            step reserve: Reserves the book
            step borrow: Borrows the book

        Here `reserve` cannot be reached.

        Fix: add the step to the `next:` line that should lead to it (`next: borrow, reserve`), or
        remove the step.
        """, fi: """
        Huomauttaa vaiheesta, johon asiakas ei voi koskaan päätyä: mikään reitti, joka alkaa
        ensimmäisestä vaiheesta ja seuraa `seuraava:`-rivejä ja tiedoston järjestystä, ei johda siihen.

        Miksi tällä on väliä: vaihe, johon ei pääse, johtuu yleensä `seuraava:`-rivistä, josta on
        unohtunut haara. Kaavio ja tarkistuslista näyttävät silloin vaiheen, jota yksikään asiakas ei
        koskaan kulje, ja haara, jonka pitäisi johtaa siihen, puuttuu.

        Esimerkki:

            vaihe kysyy: Kysyy kirjaa
              seuraava: lainaa
            vaihe varaa: Varaa kirjan
            vaihe lainaa: Lainaa kirjan

        Tässä vaiheeseen `varaa` ei pääse.

        Korjaus: lisää vaihe sille `seuraava:`-riville, jonka pitäisi johtaa siihen
        (`seuraava: lainaa, varaa`), tai poista vaihe.
        """, sv: """
        Flaggar ett steg som kunden aldrig kan nå: ingen väg, som börjar i det första steget och följer
        `nästa:`-raderna och ordningen i filen, leder dit.

        Varför det spelar roll: ett steg som inte går att nå beror oftast på en `nästa:`-rad där en gren
        har glömts bort. Diagrammet och checklistan visar då ett steg som ingen kund någonsin tar, och
        grenen som borde leda dit saknas.

        Exempel:

            steg fråga: Frågar efter boken
              nästa: låna
            steg reservera: Reserverar boken
            steg låna: Lånar boken

        Här går det inte att nå `reservera`.

        Åtgärd: lägg till steget på den `nästa:`-rad som borde leda dit (`nästa: låna, reservera`), eller
        ta bort steget.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        let reachable = facts.reachableFromStart
        let message = StepMessages(journey, .unreachable)
        let details = DiagnosticDetails(label: m(.unreachableLabel), help: m(.unreachableHelp))
        return journey.steps.indices.filter { !reachable[$0] }.map { i in
            Finding(.step(i), journey.steps[i].keyword, message(i), details: details)
        }
    }
}
