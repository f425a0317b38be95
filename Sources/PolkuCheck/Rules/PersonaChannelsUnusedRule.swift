import PolkuModel
import PolkuSyntax

/// Flags a persona the journey is for whose `channels:` line lists channels none of which any
/// step of the journey uses.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain persona-channels-unused` prints it.
package enum PersonaChannelsUnusedRule: Rule {
    package static let info = RuleInfo(
        name: "persona-channels-unused", question: .questionPersonaChannels, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A persona whose channels the journey never uses.",
            fi: "Asiakasprofiili, jonka kanavia palvelupolku ei käytä lainkaan.",
            sv: "En kundprofil vars kanaler kundresan aldrig använder."),
        explanationText: Trilingual(en: """
        Flags a persona the journey is for whose `channels:` line lists channels none of which any
        step of the journey uses.

        Why it matters: the persona's channels are where these customers are served. A journey
        that never meets them there is drawn in the library's channels rather than the customer's.

        Example:

            persona researcher: Doctoral researcher who rarely visits the library
              channels: email, chat
            ...
            (every step is `via: desk`)

        Fix: describe the journey in the channels the customer uses, or correct the persona's
        `channels:` line.
        """, fi: """
        Huomauttaa asiakasprofiilista, jolle palvelupolku on tehty ja jonka `kanavat:`-rivin
        kanavista yhdessäkään ei tapahdu mitään palvelupolun vaihetta.

        Miksi tällä on väliä: asiakasprofiilin kanavat ovat ne, joissa näitä asiakkaita palvellaan.
        Palvelupolku, joka ei koskaan kohtaa heitä siellä, on piirretty kirjaston kanaviin eikä
        asiakkaan omiin.

        Esimerkki:

            asiakasprofiili tutkija: Väitöskirjatutkija, joka käy kirjastossa harvoin
              kanavat: sähköposti, chatti
            ...
            (jokaisella vaiheella on `kautta: palvelupiste`)

        Korjaus: kuvaa palvelupolku niissä kanavissa, joita asiakas käyttää, tai korjaa asiakasprofiilin
        `kanavat:`-rivi.
        """, sv: """
        Flaggar en kundprofil som kundresan är till för, vars `kanaler:`-rad räknar upp kanaler där
        inget steg i kundresan sker.

        Varför det spelar roll: kundprofilens kanaler är där de här kunderna betjänas. En kundresa som
        aldrig möter dem där är ritad i bibliotekets kanaler i stället för i kundens.

        Exempel:

            kundprofil forskare: Doktorand som sällan besöker biblioteket
              kanaler: e-post, chatt
            ...
            (varje steg har `via: disk`)

        Åtgärd: beskriv kundresan i de kanaler som kunden använder, eller rätta kundprofilens
        `kanaler:`-rad.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        var used = Set<Int>()
        for step in facts.steps { used.insert(Int(step.channel)) }
        return journey.focus.compactMap { index in
            let persona = journey.personas[index]
            guard let line = persona.channelsAttribute, !persona.channels.isEmpty,
                  persona.channels.allSatisfy({ !used.contains($0) }) else { return nil }
            // Joined with commas only: "email, chat".
            let names = persona.channels.dropFirst().reduce(journey.channelReference(persona.channels[0])) {
                .message(m(.commaPair, $0, journey.channelReference($1)))
            }
            return Finding(.persona(index), persona.idRange, m(.personaChannelsUnused, .text(persona.id), names),
                           label: m(.personaChannelsUnusedLabel),
                           secondary: [DiagnosticLabel(line, m(.personaChannelsLabel))],
                           help: m(.personaChannelsUnusedHelp))
        }
    }
}
