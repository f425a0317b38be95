import PolkuModel
import PolkuSyntax

/// Flags a journey that has no steps in one of the three phases: before, during or after the
/// service.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-phase` prints it.
package enum MissingPhaseRule: Rule {
    package static let info = RuleInfo(
        name: "missing-phase", question: .questionPhase, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "The journey has no steps before, during or after the service.",
            fi: "Palvelupolulla ei ole vaiheita ennen palvelua, palvelun aikana tai palvelun jälkeen.",
            sv: "Kundresan har inga steg före, under eller efter tjänsten."),
        explanationText: Trilingual(en: """
        Flags a journey that has no steps in one of the three phases: before, during or after the
        service.

        Why it matters: a service journey follows the customer before the service (what do they
        need, how do they prepare, which channel do they choose), during it (how it starts, what
        support they need) and after it (how it closes, what happens next). A journey without one
        of the phases misses the questions of that phase, and with them the chances to recommend
        and to follow up.

        Example: a journey with `before:` and `during:` steps but no `after:`.

        Fix: add the missing phase with at least one step, for example:

            after:
              step: Gets a reminder two days before the loan is due
                via: email
        """, fi: """
        Huomauttaa palvelupolusta, jolla ei ole yhtään vaihetta jossakin kolmesta palvelun vaiheesta:
        ennen palvelua, palvelun aikana tai palvelun jälkeen.

        Miksi tällä on väliä: palvelupolku seuraa asiakasta ennen palvelua (mikä on tarve, miten asiakas
        valmistautuu, minkä kanavan hän valitsee), palvelun aikana (miten palvelu alkaa, mitä tukea asiakas
        tarvitsee) ja palvelun jälkeen (miten palvelutilanne päätetään, mitä sen jälkeen tapahtuu). Jos
        yksi palvelun vaiheista puuttuu, sen kysymykset jäävät kysymättä, ja samalla jäävät käyttämättä
        tilaisuudet suositella ja huolehtia jatkosta.

        Esimerkki: palvelupolulla on vaiheita otsikoiden `ennen palvelua:` ja `palvelun aikana:` alla,
        mutta otsikkoa `palvelun jälkeen:` ei ole.

        Korjaus: lisää puuttuva palvelun vaihe ja sen alle vähintään yksi vaihe, esimerkiksi:

            palvelun jälkeen:
              vaihe: Saa muistutuksen kaksi päivää ennen laina-ajan päättymistä
                kautta: sähköposti
        """, sv: """
        Flaggar en kundresa som saknar steg i någon av de tre faserna: före, under eller efter
        tjänsten.

        Varför det spelar roll: en kundresa följer kunden före tjänsten (vad behöver kunden, hur
        förbereder sig kunden, vilken kanal väljer kunden), under den (hur den börjar, vilket stöd kunden
        behöver) och efter den (hur den avslutas, vad som händer sedan). En kundresa utan en av faserna
        missar den fasens frågor, och med dem tillfällena att rekommendera och att följa upp.

        Exempel: en kundresa med steg under `före tjänsten:` och `under tjänsten:` men ingen
        `efter tjänsten:`.

        Åtgärd: lägg till den fas som saknas, med minst ett steg, till exempel:

            efter tjänsten:
              steg: Får en påminnelse två dagar innan lånet ska lämnas tillbaka
                via: e-post
        """))

    /// The guiding questions of each phase, asked where a phase is missing.
    static func questions(_ phase: Phase) -> Message {
        switch phase {
        case .before: m(.beforeQuestions)
        case .during: m(.duringQuestions)
        case .after: m(.afterQuestions)
        }
    }

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        // By the phases' order; the walk stops once all three are seen (in a large journey,
        // within its first steps), and reads each step's phase in place.
        var present = [false, false, false]
        var seen = 0
        for i in facts.steps.indices where seen < 3 {
            let n = facts.steps[i].phase.order
            if !present[n] { (present[n], seen) = (true, seen + 1) }
        }
        for phase in Phase.allCases where !present[phase.order] {
            // A phase header with no steps is `empty-phase`'s to report.
            if journey.sections.contains(where: { $0.phase == phase }) { continue }
            let message: RuleMessage = switch phase {
            case .before: .noStepsBefore
            case .during: .noStepsDuring
            case .after: .noStepsAfter
            }
            findings.append(Finding(.phase(phase), journey.keyword, m(message),
                                    label: m(.noPhaseLabel, .keyword(.phase(phase))), help: questions(phase)))
        }
        return findings
    }
}
