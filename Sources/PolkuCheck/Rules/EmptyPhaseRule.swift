import PolkuModel
import PolkuSyntax

/// Flags a phase header (`before:`, `during:` or `after:`) with no steps under it.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain empty-phase` prints it.
package enum EmptyPhaseRule: Rule {
    package static let info = RuleInfo(
        name: "empty-phase", question: .questionEmptyPhase, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A phase header with no steps under it.",
            fi: "Palvelun vaiheen otsikko, jonka alla ei ole yhtään vaihetta.",
            sv: "En fasrubrik utan några steg under sig."),
        explanationText: Trilingual(en: """
        Flags a phase header (`before:`, `during:` or `after:`) with no steps under it.

        Why it matters: an empty phase usually means the team meant to describe that part of the
        journey and has not done it yet. In a workshop it is the place to ask the phase's guiding
        questions.

        Example:

            before:
            during:
              step ask: Asks for a book at the desk

        Fix: add the steps of that phase under the header, or remove the header.
        """, fi: """
        Huomauttaa palvelun vaiheen otsikosta (`ennen palvelua:`, `palvelun aikana:` tai
        `palvelun jälkeen:`), jonka alla ei ole yhtään vaihetta.

        Miksi tällä on väliä: tyhjä palvelun vaihe tarkoittaa yleensä, että tiimi aikoi kuvata tämän
        osan palvelupolusta mutta ei ole vielä tehnyt sitä. Työpajassa se on oikea kohta kysyä tämän
        palvelun vaiheen ohjaavat kysymykset.

        Esimerkki:

            ennen palvelua:
            palvelun aikana:
              vaihe kysyy: Kysyy kirjaa palvelupisteessä

        Korjaus: lisää otsikon alle tämän palvelun vaiheen vaiheet tai poista otsikko.
        """, sv: """
        Flaggar en fasrubrik (`före tjänsten:`, `under tjänsten:` eller `efter tjänsten:`) utan några
        steg under sig.

        Varför det spelar roll: en tom fas betyder oftast att teamet har tänkt beskriva den delen av
        kundresan men inte gjort det ännu. I en workshop är det stället att ställa fasens vägledande
        frågor.

        Exempel:

            före tjänsten:
            under tjänsten:
              steg fråga: Frågar efter en bok vid disken

        Åtgärd: skriv fasens steg under rubriken, eller ta bort rubriken.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var findings: [Finding] = []
        for section in journey.sections where section.steps.isEmpty {
            // Only when no other header of the same phase has steps; otherwise it is just a split.
            if journey.steps.contains(where: { $0.phase == section.phase }) { continue }
            findings.append(Finding(.phase(section.phase), section.header, m(.emptyPhase, .keyword(.phase(section.phase))),
                                    label: m(.emptyPhaseLabel), help: MissingPhaseRule.questions(section.phase)))
        }
        return findings
    }
}
