import PolkuModel
import PolkuSyntax

/// Flags an `allow:` line (or one rule named in it) that matches no finding.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unused-allow` prints it.
package enum UnusedAllowRule: Rule {
    package static let info = RuleInfo(
        name: "unused-allow", question: .questionUnusedAllow, defaultSeverity: .warning,
        summaryText: Trilingual(
            en: "An `allow:` line that suppresses nothing.",
            fi: "`salli:`-rivi, joka ei hyväksy mitään.",
            sv: "En `tillåt:`-rad som inte godtar något."),
        explanationText: Trilingual(en: """
        Flags an `allow:` line (or one rule named in it) that matches no finding.

        Why it matters: an `allow:` records a decision, with its reason, to accept a finding. When
        the journey changes and the finding goes away, the old `allow:` stays behind and would hide
        the same finding if it came back for another reason. (A rule that is switched off, or
        ignored for this file in `polku.toml`, is not reported here.)

        Example:

            step pay: Pays the fee at the kiosk
              recommend: the e-book collection
              allow: missing-recommendation because the customer is in a hurry

        Fix: remove the `allow:` line, or the rule's name from it.
        """, fi: """
        Huomauttaa `salli:`-rivistä (tai yhdestä sillä nimetystä säännöstä), joka ei vastaa yhtään
        havaintoa.

        Miksi tällä on väliä: `salli:` kirjaa perusteluineen päätöksen hyväksyä havainto. Kun
        palvelupolku muuttuu ja havainto katoaa, vanha `salli:` jää paikalleen ja piilottaisi saman
        havainnon, jos se palaisi jostain muusta syystä. (Sääntöä, joka on kytketty pois päältä tai
        jätetty tältä tiedostolta huomiotta tiedostossa `polku.toml`, ei ilmoiteta tässä.)

        Esimerkki:

            vaihe maksu: Maksaa maksun automaatilla
              suosittele: e-kirjakokoelma
              salli: missing-recommendation koska asiakkaalla on kiire

        Korjaus: poista `salli:`-rivi tai säännön nimi siitä.
        """, sv: """
        Flaggar en `tillåt:`-rad (eller en regel som nämns på den) som inte motsvarar någon
        iakttagelse.

        Varför det spelar roll: en `tillåt:` dokumenterar ett beslut, med skäl, att godta en
        iakttagelse. När kundresan ändras och iakttagelsen försvinner, blir den gamla `tillåt:` kvar och
        skulle dölja samma iakttagelse om den kom tillbaka av ett annat skäl. (En regel som är avstängd,
        eller som ignoreras för den här filen i `polku.toml`, rapporteras inte här.)

        Exempel:

            steg betala: Betalar avgiften i automaten
              rekommendera: e-bokssamlingen
              tillåt: missing-recommendation eftersom kunden har bråttom

        Åtgärd: ta bort `tillåt:`-raden, eller regelns namn från den.
        """))

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        // The checker reports this rule itself, since only it knows which allowances were used.
        []
    }
}
