import PolkuModel
import PolkuSyntax

/// Flags a persona that is declared but not named in the journey's `for:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unused-persona` prints it.
package enum UnusedPersonaRule: Rule {
    package static let info = RuleInfo(
        name: "unused-persona", question: .questionUnusedPersona, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A declared persona the journey's `for:` does not name.",
            fi: "Määritelty asiakasprofiili, jota palvelupolun `kenelle:`-rivi ei mainitse.",
            sv: "En definierad kundprofil som kundresans `för:` inte nämner."),
        explanationText: Trilingual(en: """
        Flags a persona that is declared but not named in the journey's `for:` line.

        Why it matters: the journey is drawn for particular customers. A persona that the journey
        does not follow is either left over from another journey or missing from `for:`; either
        way the reader cannot tell whom the journey is for. (Without a `for:` line the journey is
        for every persona, and this rule says nothing.)

        Example:

            journey: Book-tipping evening
            for: reader
            persona reader: Retired teacher who reads crime novels
            persona student: Upper-secondary student

        Fix: add the persona to `for:` (`for: reader, student`), or remove it.
        """, fi: """
        Huomauttaa asiakasprofiilista, joka on määritelty mutta jota ei mainita palvelupolun
        `kenelle:`-rivillä.

        Miksi tällä on väliä: palvelupolku kuvataan tietyille asiakkaille. Asiakasprofiili, jota
        palvelupolku ei seuraa, on joko jäänyt jäljelle toisesta palvelupolusta tai puuttuu
        `kenelle:`-riviltä; kummassakin tapauksessa lukija ei tiedä, kenelle palvelupolku on tehty.
        (Ilman `kenelle:`-riviä palvelupolku on kaikille asiakasprofiileille, eikä tämä sääntö sano
        mitään.)

        Esimerkki:

            palvelupolku: Vinkkausilta
            kenelle: lukija
            asiakasprofiili lukija: Eläkkeellä oleva opettaja, joka lukee dekkareita
            asiakasprofiili lukiolainen: Lukion opiskelija

        Korjaus: lisää asiakasprofiili `kenelle:`-riville (`kenelle: lukija, lukiolainen`) tai poista
        se.
        """, sv: """
        Flaggar en kundprofil som är definierad men inte nämns på kundresans `för:`-rad.

        Varför det spelar roll: kundresan ritas för bestämda kunder. En kundprofil som kundresan inte
        följer är antingen kvar från en annan kundresa eller saknas på `för:`-raden; i båda fallen kan
        läsaren inte se vem kundresan är till för. (Utan `för:`-rad gäller kundresan alla kundprofiler,
        och den här regeln säger ingenting.)

        Exempel:

            kundresa: Boktipskväll
            för: läsare
            kundprofil läsare: Pensionerad lärare som läser deckare
            kundprofil gymnasist: Gymnasieelev

        Åtgärd: lägg till kundprofilen i `för:` (`för: läsare, gymnasist`), eller ta bort den.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        guard journey.forLine != nil else { return [] }
        return journey.personas.indices.filter { !journey.focus.contains($0) }.map { index in
            let id = MessageValue.text(journey.personas[index].id)
            return Finding(.persona(index), journey.personas[index].idRange, m(.unusedPersona, id),
                           label: m(.unusedPersonaLabel), help: m(.unusedPersonaHelp, id))
        }
    }
}
