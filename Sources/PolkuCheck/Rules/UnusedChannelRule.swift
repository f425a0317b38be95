import PolkuModel
import PolkuSyntax

/// Flags a new channel declared with `channel <id>: <label>` that no step uses. Built-in
/// channels declared only to rate them (`channel desk:` with `competence:` and `presence:`)
/// are a self-assessment, not a claim, and are not flagged.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unused-channel` prints it.
package enum UnusedChannelRule: Rule {
    package static let info = RuleInfo(
        name: "unused-channel", question: .questionUnusedChannel, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A declared channel that no step happens in.",
            fi: "Määritelty kanava, jossa ei tapahdu yhtään vaihetta.",
            sv: "En definierad kanal där inget steg sker."),
        explanationText: Trilingual(en: """
        Flags a new channel declared with `channel <id>: <label>` that no step uses. Built-in
        channels declared only to rate them (`channel desk:` with `competence:` and `presence:`)
        are a self-assessment, not a claim, and are not flagged.

        Why it matters: a declared channel says "we serve customers here". If no step of the
        journey happens there, either a step names the wrong channel, or the journey misses the part
        that happens in that channel.

        Example:

            channel homeservice: Home library service
            ...
            (no step has `via: homeservice`)

        Fix: give the steps that happen there `via: homeservice`, or remove the declaration.
        """, fi: """
        Huomauttaa uudesta kanavasta, joka on määritelty rivillä `kanava <tunnus>: <nimi>` mutta jota
        mikään vaihe ei käytä. Valmiita kanavia, jotka on määritelty vain niiden arvioimiseksi
        (`kanava palvelupiste:` ja sen alla `osaaminen:` ja `läsnäolo:`), ei merkitä: ne ovat
        itsearviointia, eivät lupaus.

        Miksi tällä on väliä: määritelty kanava sanoo ”palvelemme asiakkaita täällä”. Jos yksikään
        palvelupolun vaihe ei tapahdu siellä, joko jokin vaihe nimeää väärän kanavan tai palvelupolulta
        puuttuu se osa, joka tapahtuu tuossa kanavassa.

        Esimerkki:

            kanava kotipalvelu: Kirjaston kotipalvelu
            ...
            (millään vaiheella ei ole riviä `kautta: kotipalvelu`)

        Korjaus: lisää siellä tapahtuville vaiheille rivi `kautta: kotipalvelu` tai poista kanavan
        määrittely.
        """, sv: """
        Flaggar en ny kanal som definieras med `kanal <id>: <namn>` men som inget steg använder.
        Inbyggda kanaler som definieras bara för att bedöma dem (`kanal disk:` med `kompetens:` och
        `närvaro:`) är en självvärdering, inte ett löfte, och flaggas inte.

        Varför det spelar roll: en definierad kanal säger ”här betjänar vi kunder”. Om inget steg i
        kundresan sker där, anger antingen något steg fel kanal, eller så saknas den del av kundresan som
        sker i den kanalen.

        Exempel:

            kanal hemservice: Bibliotekets hemservice
            ...
            (inget steg har `via: hemservice`)

        Åtgärd: ge stegen som sker där `via: hemservice`, eller ta bort definitionen.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        journey.channels.indices.compactMap { index in
            let channel = journey.channels[index]
            guard let declaration = channel.declaration, channel.builtin == nil, channel.stepCount == 0 else { return nil }
            let name = MessageValue.text(journey.source.text(channel.idRange ?? declaration))
            return Finding(.channel(index), channel.idRange ?? declaration, m(.unusedChannel, name),
                           label: m(.unusedChannelLabel), help: m(.unusedChannelHelp, name))
        }
    }
}
