import PolkuModel
import PolkuSyntax

/// Flags a step with no `follow-up:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-follow-up` prints it.
package enum MissingFollowUpRule: Rule {
    package static let info = RuleInfo(
        name: "missing-follow-up", question: .questionFollowUp, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A step with no `follow-up:`: the customer may not know what happens next.",
            fi: "Vaihe ilman `jatko:`-riviä: asiakas ei ehkä tiedä, mitä seuraavaksi tapahtuu.",
            sv: "Ett steg utan `uppföljning:`: kunden vet kanske inte vad som händer härnäst."),
        explanationText: Trilingual(en: """
        Flags a step with no `follow-up:` line.

        Why it matters: the golden rule of library customer service is that the customer leaves
        satisfied, and if they did not get what they needed, they at least know what to do next.
        A step with no follow-up leaves the customer without a next step. It matters most where
        the customer leaves the journey, and where they move to another channel: every move
        between channels is a place where customers get lost. The message says which of these
        the step is.

        Example:

            step notice: Notices the article is not licensed
              via: web
              recommend: the delivery service page

        Fix: say how the customer learns what happens next:

            step notice: Notices the article is not licensed
              via: web
              recommend: the delivery service page
              follow-up: the page explains that requests are answered by email within a day
        """, fi: """
        Huomauttaa vaiheesta, jolla ei ole `jatko:`-riviä.

        Miksi tällä on väliä: kirjaston asiakaspalvelun kultainen sääntö on, että asiakas lähtee
        tyytyväisenä, ja jos hän ei saanut tarvitsemaansa, hän ainakin tietää, mitä tehdä seuraavaksi.
        Vaihe ilman jatkoa jättää asiakkaan tietämättä seuraavasta askeleesta. Tämä painaa eniten siellä,
        missä asiakas poistuu palvelupolulta, ja siellä, missä hän siirtyy toiseen kanavaan: jokainen
        kanavan vaihto on kohta, jossa asiakkaita katoaa. Havainto kertoo, onko vaihe jompikumpi näistä.

        Esimerkki:

            vaihe huomaa: Huomaa, ettei artikkeliin ole lisenssiä
              kautta: verkko
              suosittele: toimituspalvelun verkkosivu

        Korjaus: kerro, mistä asiakas saa tietää, mitä seuraavaksi tapahtuu:

            vaihe huomaa: Huomaa, ettei artikkeliin ole lisenssiä
              kautta: verkko
              suosittele: toimituspalvelun verkkosivu
              jatko: sivulla kerrotaan, että pyyntöihin vastataan sähköpostilla vuorokauden kuluessa
        """, sv: """
        Flaggar ett steg utan `uppföljning:`-rad.

        Varför det spelar roll: den gyllene regeln i bibliotekets kundtjänst är att kunden går nöjd
        därifrån, och om kunden inte fick det som behövdes, vet kunden åtminstone vad nästa steg är. Ett
        steg utan uppföljning lämnar kunden utan ett nästa steg. Det spelar störst roll där kunden lämnar
        kundresan och där kunden går över till en annan kanal: varje byte mellan kanaler är ett ställe
        där kunder går vilse. Meddelandet säger om steget är något av dessa.

        Exempel:

            steg märker: Märker att artikeln inte ingår i bibliotekets licenser
              via: webb
              rekommendera: sidan om leveranstjänsten

        Åtgärd: berätta hur kunden får veta vad som händer härnäst:

            steg märker: Märker att artikeln inte ingår i bibliotekets licenser
              via: webb
              rekommendera: sidan om leveranstjänsten
              uppföljning: sidan berättar att beställningar besvaras per e-post inom ett dygn
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        // Sized once: grown by doubling, a large journey's array would be copied as it grows.
        findings.reserveCapacity(facts.count(without: .followsUp))
        // One box of label and help for each kind of finding, shared by all of its findings.
        let help = m(.followUpHelp)
        let leaves = DiagnosticDetails(label: m(.leavesLabel), help: help)
        let moves = DiagnosticDetails(label: m(.movesLabel), help: m(.movesHelp))
        let none = DiagnosticDetails(label: m(.noFollowUpLabel), help: help)
        // The sentences are made when a report shows them.
        let leavesMessage = StepMessages(journey, .leavesWithoutFollowUp)
        let movesMessage = StepMessages(journey, .movesWithoutFollowUp) { journey, i in
            (journey.steps[i].channel, journey.steps[movesTo(journey, i)!].channel)
        }
        let noneMessage = StepMessages(journey, .noFollowUp)
        for i in facts.steps.indices where !facts.steps[i].flags.contains(.followsUp) {
            let keyword = journey.steps[i].keyword
            if journey.steps[i].flow.ends {
                findings.append(Finding(.step(i), keyword, leavesMessage(i), details: leaves))
            } else if movesTo(journey, i) != nil {
                findings.append(Finding(.step(i), keyword, movesMessage(i), details: moves))
            } else {
                findings.append(Finding(.step(i), keyword, noneMessage(i), details: none))
            }
        }
        return findings
    }

    /// The first step after the step at `i` that is in another channel, if any.
    private static func movesTo(_ journey: Journey, _ i: Int) -> Int? {
        let channel = journey.steps[i].channel
        return journey.steps[i].flow.successors.first { journey.steps[$0].channel != channel }
    }
}
