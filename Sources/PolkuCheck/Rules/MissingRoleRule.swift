import PolkuModel
import PolkuSyntax

/// Flags a step during the service, in a staffed channel (service desk, phone, email or chat),
/// with no `by:` line saying who serves the customer.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain missing-role` prints it.
package enum MissingRoleRule: Rule {
    package static let info = RuleInfo(
        name: "missing-role", question: .questionRole, defaultSeverity: .info,
        summaryText: Trilingual(
            en: "A staffed step during the service with no `by:` saying who serves.",
            fi: "Henkilökunnan palvelema vaihe palvelun aikana ilman `palvelee:`-riviä.",
            sv: "Ett bemannat steg under tjänsten utan `roll:` som säger vem som betjänar."),
        explanationText: Trilingual(en: """
        Flags a step during the service, in a staffed channel (service desk, phone, email or chat),
        with no `by:` line saying who serves the customer.

        Why it matters: the same person acts in different roles: service advisor, collection
        keeper, information-literacy teacher, shelver. Naming the role says who greets the
        customer, who can recommend what, and who is responsible for the follow-up.

        Example:

            during:
              step ask: Asks for help at the desk
                via: desk

        Fix: say who serves:

            during:
              step ask: Asks for help at the desk
                via: desk
                by: service advisor
        """, fi: """
        Huomauttaa vaiheesta palvelun aikana henkilökunnan kanavassa (palvelupiste, puhelin,
        sähköposti tai chat), jolla ei ole `palvelee:`-riviä, joka kertoisi, kuka asiakasta palvelee.

        Miksi tällä on väliä: sama ihminen toimii eri rooleissa: palveluneuvojana, kokoelmien hoitajana,
        informaatiolukutaidon opettajana, hyllyttäjänä. Kun rooli on nimetty, tiedetään, kuka ottaa
        asiakkaan vastaan, kuka voi suositella mitäkin ja kuka vastaa jatkosta.

        Esimerkki:

            palvelun aikana:
              vaihe kysyy: Kysyy apua palvelupisteessä
                kautta: palvelupiste

        Korjaus: kerro, kuka palvelee:

            palvelun aikana:
              vaihe kysyy: Kysyy apua palvelupisteessä
                kautta: palvelupiste
                palvelee: palveluneuvoja
        """, sv: """
        Flaggar ett steg under tjänsten, i en bemannad kanal (informationsdisk, telefon, e-post eller
        chatt), utan `roll:`-rad som säger vem som betjänar kunden.

        Varför det spelar roll: samma person har olika roller: kundtjänstmedarbetare, ansvarig för
        samlingarna, lärare i informationskompetens, den som ställer upp böckerna på hyllorna. När rollen
        är utskriven framgår vem som tar emot kunden, vem som kan rekommendera vad och vem som ansvarar
        för uppföljningen.

        Exempel:

            under tjänsten:
              steg fråga: Ber om hjälp vid disken
                via: disk

        Åtgärd: skriv vem som betjänar:

            under tjänsten:
              steg fråga: Ber om hjälp vid disken
                via: disk
                roll: kundtjänstmedarbetare
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        let staffed: Set<BuiltinChannel> = [.desk, .phone, .email, .chat]
        var findings: [Finding] = []
        let details = DiagnosticDetails(label: m(.noRoleLabel), help: m(.noRoleHelp))
        let message = StepMessages(journey, .noRole)
        for i in facts.steps.indices where facts.steps[i].phase == .during && !facts.steps[i].flags.contains(.namesRole) {
            guard let builtin = journey.channels[Int(facts.steps[i].channel)].builtin, staffed.contains(builtin) else { continue }
            findings.append(Finding(.step(i), journey.steps[i].keyword, message(i), details: details))
        }
        return findings
    }
}
