import PolkuCheck
import PolkuModel
import PolkuSyntax
import Testing

/// The checker's sentences (`RuleMessage`) and the rules' documentation exist in English,
/// Finnish and Swedish, and a Finnish or Swedish journey's findings read in its own language,
/// quoting its own keywords.
@Suite struct RuleMessageTests {
    /// Names rather than sentences, which may be spelled the same in two languages.
    static let names: Set<RuleMessage> = [.channelChat, .commaPair]

    @Test(arguments: RuleMessage.allCases)
    func everySentenceHasThreeLanguagesWithTheSamePlaceholders(_ key: RuleMessage) {
        for language in KeywordLanguage.allCases {
            #expect(!key.template(language).isEmpty, "\(key) has no \(language)")
        }
        let placeholders = Message.placeholders(key.en)
        #expect(Message.placeholders(key.fi) == placeholders, "\(key): fi has other placeholders than en")
        #expect(Message.placeholders(key.sv) == placeholders, "\(key): sv has other placeholders than en")
        if !Self.names.contains(key) {
            #expect(key.fi != key.en, "\(key): fi is still English")
            #expect(key.sv != key.en, "\(key): sv is still English")
        }
    }

    @Test(arguments: RuleRegistry.names)
    func everyRuleIsDocumentedInThreeLanguages(_ name: String) throws {
        let info = try #require(RuleRegistry.info(named: name))
        for text in [info.summaryText, info.explanationText] {
            #expect(!text.fi.isEmpty && text.fi != text.en, "\(name): Finnish missing or English")
            #expect(!text.sv.isEmpty && text.sv != text.en, "\(name): Swedish missing or English")
            #expect(text.fi != text.sv, "\(name): Finnish and Swedish are the same")
        }
        #expect(info.summary == info.summaryText.en && info.explanation == info.explanationText.en)
        // The same parts in each language.
        let parts: [KeywordLanguage: [String]] = [
            .en: ["Why it matters:", "Example", "Fix:"],
            .fi: ["Miksi tällä on väliä:", "Esimerkki", "Korjaus:"],
            .sv: ["Varför det spelar roll:", "Exempel", "Åtgärd:"],
        ]
        for (language, words) in parts {
            for word in words {
                #expect(info.explanationText(language).contains(word), "\(name): the \(language) explanation has no \(word)")
            }
        }
    }

    /// The examples in an explanation are journey lines in that language's keywords, so
    /// `polku explain` in Finnish shows Finnish journey syntax.
    @Test(arguments: RuleRegistry.names)
    func examplesAreWrittenInTheirLanguagesKeywords(_ name: String) throws {
        let info = try #require(RuleRegistry.info(named: name))
        for language in KeywordLanguage.allCases {
            let lines = Self.exampleLines(info.explanationText(language))
            #expect(!lines.isEmpty, "\(name): no example lines in \(language)")
            for line in lines {
                #expect(Self.startsWithKeyword(line, language), "\(name), \(language): `\(line)` does not start with a \(language) keyword")
            }
        }
    }

    /// The indented lines of an explanation, less "..." and "(…)" remarks.
    static func exampleLines(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("    ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("...") && !$0.hasPrefix("(") }
    }

    static func startsWithKeyword(_ line: String, _ language: KeywordLanguage) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon].lowercased()
        func spelled(_ word: String, kinds: Set<String>) -> Bool {
            Keywords.bySpelling[word]?.contains { kinds.contains($0.meaning.kind) && $0.languages.contains(language) } ?? false
        }
        if spelled(key, kinds: ["phase", "attribute", "header"]) { return true }
        // `vaihe kysyy:`: a header and its id.
        let words = key.split(separator: " ")
        return words.count == 2 && spelled(String(words[0]), kinds: ["header"])
    }

    // MARK: Findings in the journey's language

    /// Journeys that between them have a finding of every rule.
    static let finnish = ["""
        palvelupolku: Kaikki havainnot
        kenelle: opiskelija
        salli: empty-phase koska tämä on testi
        asiakasprofiili opiskelija: Ensimmäisen vuoden opiskelija
          kanavat: chatti, kirjastoauto
        asiakasprofiili eläkeläinen: Eläkkeellä oleva opettaja
        kanava kirjastoauto: Kirjastoauto Kulkuri
        kanava puhelin:
          osaaminen: 2
          läsnäolo: 1
        ennen palvelua:
          vaihe haku: Etsii aukioloajat verkosta
            kautta: verkko
        palvelun aikana:
          vaihe soitto: Soittaa kirjastoon
            kautta: puhelin
            seuraava: odotus
          vaihe odotus: Odottaa, että kirjastosta soitetaan takaisin
            kautta: puhelin
            seuraava: soitto
        palvelun jälkeen:
          vaihe: Noutaa kirjan
            kautta: palvelupiste
        """, """
        palvelupolku: Puuttuvat vaiheet
        kautta: palvelupiste
        ennen palvelua:
        palvelun aikana:
          vaihe kysyy: Kysyy kirjaa
            palvelee: palveluneuvoja
            suosittele: uutuushylly
            jatko: kirja varataan, ja varausilmoitus tulee sähköpostiin
        """]

    static let swedish = ["""
        kundresa: Alla iakttagelser
        för: student
        tillåt: empty-phase eftersom det här är ett test
        kundprofil student: Förstaårsstudent
          kanaler: chatt, bokbuss
        kundprofil pensionär: Nybliven pensionär
        kanal bokbuss: Bokbussen
        kanal telefon:
          kompetens: 2
          närvaro: 1
        före tjänsten:
          steg sök: Söker öppettiderna på webben
            via: webb
        under tjänsten:
          steg ringer: Ringer biblioteket
            via: telefon
            nästa: väntar
          steg väntar: Väntar på att biblioteket ringer tillbaka
            via: telefon
            nästa: ringer
        efter tjänsten:
          steg: Hämtar boken
            via: disk
        """, """
        kundresa: Faser som saknas
        via: disk
        före tjänsten:
        under tjänsten:
          steg frågar: Frågar efter en bok
            roll: kundtjänstmedarbetare
            rekommendera: hyllan med nyheter
            uppföljning: boken reserveras och avhämtningsmeddelandet kommer per e-post
        """]

    /// Every finding of the journeys, by rule, as a reader of `language` sees it: the
    /// sentence, the label, the other labels and the help.
    static func findings(_ texts: [String], _ language: KeywordLanguage) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for text in texts {
            let check = Checker.check(Fixture.analyze(text))
            #expect(check.rulesRan, "the journey has errors: \(check.diagnostics.map(\.message))")
            for d in check.diagnostics where result[d.code.name] == nil {
                let messages = [d.text] + [d.labelText, d.helpText].compactMap { $0 } + d.secondary.map(\.text)
                result[d.code.name] = messages.map { $0.text(language, keywords: language) }
            }
        }
        return result
    }

    @Test(arguments: [(KeywordLanguage.fi, finnish), (.sv, swedish)])
    func everyRuleSpeaksTheJourneysLanguage(_ language: KeywordLanguage, _ texts: [String]) {
        let found = Self.findings(texts, language)
        let english = Self.findings(texts, .en)
        for rule in RuleRegistry.names {
            guard let texts = found[rule] else {
                Issue.record("no finding of \(rule) in the \(language) journeys")
                continue
            }
            for (text, en) in zip(texts, english[rule] ?? []) {
                #expect(!text.isEmpty && !text.contains("{"), "\(rule): `\(text)`")
                #expect(text != en, "\(rule): `\(text)` is English")
            }
        }
    }

    @Test func finnishFindingsReadInFinnish() {
        let found = Self.findings(Self.finnish, .fi)
        #expect(found["missing-recommendation"] == [
            "vaiheessa `haku` (Etsii aukioloajat verkosta) ei suositella mitään",
            "tässä ei suositella mitään",
            "Mitä voisimme suositella tässä? Lisää rivi `suosittele:`.",
        ])
        #expect(found["missing-follow-up"]?.first
            == "vaiheen `haku` (Etsii aukioloajat verkosta) jälkeen asiakas siirtyy kanavasta toiseen (verkko → puhelin), eikä mikään kerro, miten")
        #expect(found["low-rated-channel-without-note"] == [
            "palvelupolku nojaa heikoksi arvioituun kanavaan (puhelin: osaaminen 2 ja läsnäolo 1) ilman huomiota siitä, miten sitä kehitetään",
            "heikko arvio",
            "Miten tätä kanavaa kehitetään? Lisää kanavan alle rivi `huom:`.",
            "arvio 2", "arvio 1",
        ])
        #expect(found["missing-role"]?.last == "Kuka palvelee asiakasta tässä? Lisää rivi `palvelee:`, esimerkiksi `palvelee: palveluneuvoja`.")
        #expect(found["no-exit"]?.last == "Missä asiakas pääsee pois? Lisää kierteen johonkin `seuraava:`-riviin `loppu` tai reitti ulos.")
        #expect(found["unreachable-step"]?.first == "mikään reitti palvelupolun läpi ei johda vaiheeseen \"Noutaa kirjan\"")
        #expect(found["persona-channels-unused"]?.first
            == "yksikään palvelupolun vaihe ei tapahdu asiakasprofiilin `opiskelija` kanavissa (chat, Kirjastoauto Kulkuri)")
        #expect(found["empty-phase"]?.first == "otsikon `ennen palvelua:` alla ei ole yhtään vaihetta")
        #expect(found["missing-phase"]?.prefix(2) == ["palvelupolulla ei ole yhtään vaihetta palvelun jälkeen", "otsikko `palvelun jälkeen:` puuttuu"])
        #expect(found["unused-allow"]?.first == "`empty-phase` ei löydä tältä palvelupolulta mitään, joten tämä `salli:` ei hyväksy mitään")
    }

    @Test func swedishFindingsReadInSwedish() {
        let found = Self.findings(Self.swedish, .sv)
        #expect(found["missing-recommendation"] == [
            "steget `sök` (Söker öppettiderna på webben) saknar rekommendation",
            "inget rekommenderas här",
            "Vad kunde vi rekommendera här? Lägg till en rad `rekommendera:`.",
        ])
        #expect(found["missing-follow-up"]?.first
            == "efter steget `sök` (Söker öppettiderna på webben) går kunden över från webben till telefonen, och inget säger hur")
        #expect(found["low-rated-channel-without-note"]?.first
            == "kundresan bygger på telefonen, som har fått lågt betyg (kompetens 2 och närvaro 1), utan någon anteckning om hur det ska bli bättre")
        #expect(found["missing-role"]?.last == "Vem betjänar kunden här? Lägg till en rad `roll:`, till exempel `roll: kundtjänstmedarbetare`.")
        #expect(found["unreachable-step"]?.first == "ingen väg genom kundresan når steget \"Hämtar boken\"")
        #expect(found["persona-channels-unused"]?.first
            == "inget steg i kundresan sker i de kanaler som `student` använder (chatten, Bokbussen)")
        #expect(found["empty-phase"]?.first == "under rubriken `före tjänsten:` finns inga steg")
        #expect(found["unused-channel"]?.last == "Vilket steg sker i den här kanalen? Ge det `via: bokbuss`, eller ta bort definitionen.")
        #expect(found["unused-allow"]?.last == "ta bort `empty-phase` från `tillåt:`-raden")
    }

    /// The example journey's findings, in Finnish, with the title cut at 60 characters.
    @Test func theFinnishExampleReadsInFinnish() throws {
        let check = Checker.check(Fixture.analyze(try Fixture.read("Examples/kaukolaina-fi.polku")))
        let texts = check.diagnostics.map { [$0.text, $0.helpText].compactMap { $0?.text(.fi, keywords: .fi) } }
        #expect(texts.contains([
            "vaiheessa `ei-saatavilla` (Kuulee, ettei mikään kirjasto lainaa teosta kotiin) ei suositella mitään",
            "Mitä voisimme suositella tässä? Lisää rivi `suosittele:`.",
        ]))
        #expect(texts.contains([
            "vaiheen `saapunut` (Saa sähköpostiviestin, että kirja on noudettavissa kirjas…) jälkeen asiakas siirtyy kanavasta toiseen (sähköposti → Kirjastoauto Kulkuri, pysäkki kylän koululla tiistaisin), eikä mikään kerro, miten",
            "Mistä asiakas tietää, miten asiointi jatkuu uudessa kanavassa? Lisää rivi `jatko:`.",
        ]))
        // The English of the same findings is what it always was.
        #expect(check.diagnostics.first?.message
            == "step `ei-saatavilla` (Kuulee, ettei mikään kirjasto lainaa teosta kotiin) has no recommendation")
    }
}
