import PolkuModel
import PolkuSyntax

/// Flags a step with no `recommend:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-recommendation` prints it.
package enum MissingRecommendationRule: Rule {
    package static let info = RuleInfo(
        name: "missing-recommendation", question: .questionRecommend, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A step with no `recommend:`: a missed chance to recommend something.",
            fi: "Vaihe ilman `suosittele:`-riviä: menetetty tilaisuus suositella jotakin.",
            sv: "Ett steg utan `rekommendera:`: ett missat tillfälle att rekommendera något."),
        explanationText: Trilingual(en: """
        Flags a step with no `recommend:` line.

        Why it matters: the aim of the service journey is that at every step staff can recommend
        something: a book, an e-service, an event, a service package. A step with no
        recommendation is a missed chance to show the customer what the library offers.

        Example:

            step decline: Hears the article cannot be delivered
              follow-up: offer an interlibrary loan instead

        Fix: write what staff could recommend at this step:

            step decline: Hears the article cannot be delivered
              recommend: the e-journal alert service for the same field
              follow-up: offer an interlibrary loan instead

        If there is truly nothing to recommend, say why with
        `allow: missing-recommendation because <reason>` under the step.
        """, fi: """
        Huomauttaa vaiheesta, jolla ei ole `suosittele:`-riviä.

        Miksi tällä on väliä: palvelupolun tavoite on, että henkilökunta voi jokaisessa vaiheessa
        suositella jotakin: kirjaa, e-palvelua, tapahtumaa tai palvelupakettia. Vaihe ilman suositusta
        on menetetty tilaisuus näyttää asiakkaalle, mitä kirjasto tarjoaa.

        Esimerkki:

            vaihe hylkäys: Kuulee, ettei artikkelia voida toimittaa
              jatko: tarjotaan tilalle kaukolainaa

        Korjaus: kirjoita, mitä henkilökunta voisi suositella tässä vaiheessa:

            vaihe hylkäys: Kuulee, ettei artikkelia voida toimittaa
              suosittele: saman alan e-lehtien uutuushälytykset
              jatko: tarjotaan tilalle kaukolainaa

        Jos suositeltavaa ei todella ole, kerro miksi: kirjoita vaiheen alle
        `salli: missing-recommendation koska <syy>`.
        """, sv: """
        Flaggar ett steg utan `rekommendera:`-rad.

        Varför det spelar roll: målet med kundresan är att personalen i varje steg kan rekommendera
        något: en bok, en e-tjänst, ett evenemang, ett tjänstepaket. Ett steg utan rekommendation är ett
        missat tillfälle att visa kunden vad biblioteket erbjuder.

        Exempel:

            steg avslag: Får höra att artikeln inte kan levereras
              uppföljning: erbjud ett fjärrlån i stället

        Åtgärd: skriv vad personalen kunde rekommendera i det här steget:

            steg avslag: Får höra att artikeln inte kan levereras
              rekommendera: bevakning av nya nummer av e-tidskrifter inom samma ämne
              uppföljning: erbjud ett fjärrlån i stället

        Om det verkligen inte finns något att rekommendera, skriv varför med
        `tillåt: missing-recommendation eftersom <skäl>` under steget.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        // Sized once: grown by doubling, a large journey's array would be copied as it grows.
        findings.reserveCapacity(facts.count(without: .recommends))
        let details = DiagnosticDetails(label: m(.noRecommendationLabel), help: m(.noRecommendationHelp))
        let message = StepMessages(journey, .noRecommendation)
        for i in facts.steps.indices where !facts.steps[i].flags.contains(.recommends) {
            findings.append(Finding(.step(i), journey.steps[i].keyword, message(i), details: details))
        }
        return findings
    }
}
