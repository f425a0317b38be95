import PolkuModel
import PolkuSyntax

/// Flags a channel whose `competence:` or `presence:` is rated 1 or 2, that steps of the
/// journey happen in, and that has no `note:` saying how to improve.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain low-rated-channel-without-note` prints it.
package enum LowRatedChannelWithoutNoteRule: Rule {
    package static let info = RuleInfo(
        name: "low-rated-channel-without-note", question: .questionLowRated, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "A channel rated 1 or 2 that the journey relies on, with no note on how to improve.",
            fi: "Heikosti (1 tai 2) arvioitu kanava, jota palvelupolku käyttää, ilman huomiota sen kehittämisestä.",
            sv: "En kanal med betyget 1 eller 2 som kundresan bygger på, utan anteckning om hur den ska bli bättre."),
        explanationText: Trilingual(en: """
        Flags a channel whose `competence:` or `presence:` is rated 1 or 2, that steps of the
        journey happen in, and that has no `note:` saying how to improve.

        Why it matters: the channel self-assessment asks staff to rate their competence and
        presence in each channel and to note how to improve. A journey that relies on a channel the
        staff rate weak, with no plan, puts the customer where the service is least sure.

        Example:

            channel chat: Chat reference
              competence: 2
              presence: 3

        Fix: write down how the channel will improve:

            channel chat: Chat reference
              competence: 2
              presence: 3
              note: two more staff trained in chat reference by spring
        """, fi: """
        Huomauttaa kanavasta, jonka `osaaminen:` tai `läsnäolo:` on arvioitu 1:ksi tai 2:ksi, jossa
        palvelupolun vaiheita tapahtuu ja jolla ei ole `huom:`-riviä siitä, miten kanavaa kehitetään.

        Miksi tällä on väliä: kanavien itsearvioinnissa henkilökunta arvioi osaamisensa ja läsnäolonsa
        kussakin kanavassa ja kirjaa, miten niitä voi kehittää. Palvelupolku, joka ilman suunnitelmaa
        nojaa kanavaan, jonka henkilökunta arvioi heikoksi, vie asiakkaan sinne, missä palvelu on
        epävarminta.

        Esimerkki:

            kanava chatti: Chat-tietopalvelu
              osaaminen: 2
              läsnäolo: 3

        Korjaus: kirjoita, miten kanavaa kehitetään:

            kanava chatti: Chat-tietopalvelu
              osaaminen: 2
              läsnäolo: 3
              huom: kaksi työntekijää lisää koulutetaan chat-tietopalveluun kevääseen mennessä
        """, sv: """
        Flaggar en kanal vars `kompetens:` eller `närvaro:` har betyget 1 eller 2, där steg i kundresan
        sker och som saknar en `anteckning:`-rad om hur den ska bli bättre.

        Varför det spelar roll: i självvärderingen av kanalerna bedömer personalen sin kompetens och
        närvaro i varje kanal och antecknar hur de kan bli bättre. En kundresa som utan plan bygger på en
        kanal som personalen bedömer som svag, för kunden dit där tjänsten är som osäkrast.

        Exempel:

            kanal chatt: Chattjänsten
              kompetens: 2
              närvaro: 3

        Åtgärd: skriv ner hur kanalen ska bli bättre:

            kanal chatt: Chattjänsten
              kompetens: 2
              närvaro: 3
              anteckning: två medarbetare till utbildas i chattjänsten före våren
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        journey.channels.indices.compactMap { index in
            let channel = journey.channels[index]
            guard channel.stepCount > 0, channel.notes.isEmpty, let declaration = channel.declaration else { return nil }
            var weak: [(RuleMessage, Text)] = []
            if let c = channel.competence, let v = channel.competenceValue, v <= 2 { weak.append((.ratedCompetence, c)) }
            if let p = channel.presence, let v = channel.presenceValue, v <= 2 { weak.append((.ratedPresence, p)) }
            guard !weak.isEmpty else { return nil }
            let what = MessageValue.list(weak.map { .message(m($0.0, .text($0.1.value))) }, .and)
            return Finding(.channel(index), channel.idRange ?? declaration,
                           m(.lowRated, journey.channelReference(index), what),
                           label: m(.lowRatedLabel),
                           secondary: weak.map { DiagnosticLabel($0.1.range, m(.ratedValue, .text($0.1.value))) },
                           help: m(.lowRatedHelp))
        }
    }
}
