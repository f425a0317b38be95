import Foundation
import PolkuCheck
import PolkuCLI
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// Polku speaks Finnish and Swedish: every sentence in three languages with the same
/// placeholders, hints in the file's own keywords, the language chosen by `--lang`, the
/// journey, `POLKU_LANG` or the locale, and the mistakes Finnish and Swedish writers make.
@Suite struct LanguageTests {
    /// Every sentence of a catalogue: three non-empty templates, the same placeholders in
    /// all three, and Finnish and Swedish that are not English left untranslated.
    static func walk<T: MessageTemplates & RawRepresentable>(_ type: T.Type) -> [String] where T.RawValue == String {
        var problems: [String] = []
        for key in T.allCases {
            let en = key.template(.en), fi = key.template(.fi), sv = key.template(.sv)
            if en.isEmpty || fi.isEmpty || sv.isEmpty { problems.append("\(key.rawValue): a language is empty") }
            let p = Message.placeholders(en)
            if Message.placeholders(fi) != p { problems.append("\(key.rawValue): fi placeholders \(Message.placeholders(fi)) ≠ \(p)") }
            if Message.placeholders(sv) != p { problems.append("\(key.rawValue): sv placeholders \(Message.placeholders(sv)) ≠ \(p)") }
            // A template that is only placeholders and punctuation reads the same everywhere.
            let words = en.split(separator: " ").filter {
                !$0.contains("{") && !$0.contains("polku") && $0.unicodeScalars.contains { CharacterSet.letters.contains($0) }
            }.count
            if words >= 2 {
                if fi == en { problems.append("\(key.rawValue): fi is the English text") }
                if sv == en { problems.append("\(key.rawValue): sv is the English text") }
            }
        }
        return problems
    }

    @Test func everyCatalogueHasThreeLanguagesWithTheSamePlaceholders() {
        #expect(Self.walk(SyntaxMessage.self) == [])
        #expect(Self.walk(ReportMessage.self) == [])
        #expect(Self.walk(CLIMessage.self) == [])
        #expect(Self.walk(RuleMessage.self) == [])
        #expect(Self.walk(DiffMessage.self) == [])
    }

    /// A keyword placeholder names a keyword that exists.
    @Test func keywordPlaceholdersNameRealKeywords() {
        func check<T: MessageTemplates>(_ type: T.Type) {
            for key in T.allCases {
                for language in KeywordLanguage.allCases {
                    let text = Message(key).text(language, keywords: language)
                    #expect(!text.contains("{k:"), "\(key) \(language): \(text)")
                }
            }
        }
        check(SyntaxMessage.self)
        check(RuleMessage.self)
    }

    static func check(_ text: String, name: String = "t.polku") -> CheckedJourney {
        try! Pipeline().load(text: text, name: name).get()
    }

    static func rendered(_ journey: CheckedJourney, _ language: KeywordLanguage? = nil) -> String {
        Reports.render([journey], format: .text, version: "test", language: language)
    }

    /// A hint quotes keywords as the file spells them, whatever language the sentence is in.
    @Test func hintsQuoteTheFilesOwnKeywords() {
        let finnish = Self.check("palvelupolku: Testi\n\nennen palvelua:\n  vaihe a: Kysyy\n    kautta: puhelin\n  vaihe b: Lähtee\n    kautta: puhelin\n    seuraava: loppu\n    seuraava: a\n")
        let fi = Self.rendered(finnish)
        #expect(fi.contains("säilytä yksi `seuraava:`-rivi"), "\(fi)")
        let en = Self.rendered(finnish, .en)
        #expect(en.contains("keep one `seuraava:` line"), "\(en)")
        // Built-in channels are listed by the file's names.
        let unknown = Self.check("palvelupolku: Testi\n\nennen palvelua:\n  vaihe a: Kysyy\n    kautta: sähköpost\n")
        let text = Self.rendered(unknown)
        #expect(text.contains("valmiit kanavat: palvelupiste, tilat, puhelin, sähköposti"), "\(text)")
        #expect(text.contains("tarkoititko `sähköposti`?"))
    }

    @Test func aKeywordWithoutItsColonIsSaidSoAndAPhaseStillHoldsItsSteps() {
        let j = Self.check("kundresa: Test\nvia: disk\n\nkanal disk: Disken\n  närvaro 2\n\nunder tjänsten\n  steg a: Frågar\n    rekommendera: en bok\n    uppföljning: ett samtal\n")
        let codes = j.result.diagnostics.map(\.code.name)
        #expect(codes.filter { $0 == "missing-colon" }.count == 2, "\(codes)")
        #expect(!codes.contains("step-outside-phase"))
        #expect(j.result.diagnostics.contains { $0.helpText?.text(.sv, keywords: .sv) == "menade du `närvaro: 2`?" })
        #expect(j.result.diagnostics.contains { $0.helpText?.text(.sv, keywords: .sv) == "menade du `under tjänsten:`?" })
        #expect(j.result.analysis.journey.steps.first?.phase == .during)
    }

    /// A two-word slip (`follow up:`) is reported, and the lines after it are still read.
    @Test func aTwoWordSlipDoesNotHideTheLinesAfterIt() {
        let j = Self.check("journey: T\nvia: desk\n\nbefore:\n  step a: Asks\n    follow up: a call\n    via: emial\n    mood: 9\n")
        let codes = j.result.diagnostics.map(\.code.name)
        #expect(codes.contains("unknown-keyword"))
        #expect(codes.contains("unknown-channel"), "\(codes)")
        #expect(codes.contains("invalid-rating"), "\(codes)")
        #expect(j.result.diagnostics.contains { $0.help == "did you mean `follow-up:`?" })
    }

    @Test func builtinChannelsWithASpaceAndNearMisses() {
        let ok = Self.check("kundresa: T\n\nföre tjänsten:\n  steg a: Ser\n    via: sociala medier\n  steg b: Går\n    via: kirjaston tilat\n")
        #expect(!ok.result.diagnostics.contains { $0.code.name == "unknown-channel" })
        let near = Self.check("kundresa: T\n\nföre tjänsten:\n  steg a: Ser\n    via: webbsida\n")
        #expect(near.result.diagnostics.contains { $0.help == "did you mean `webbplats`?" })
    }

    @Test func aUTF16FileIsRecognised() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for b in "journey: Test\n".utf8 { bytes += [b, 0] }
        let j = try! Pipeline().load(text: String(decoding: bytes, as: UTF8.self), name: "u.polku").get()
        _ = j
        let tree = JourneyParser.parse(SourceFile(name: "u.polku", bytes: bytes))
        #expect(tree.diagnostics.count == 1)
        #expect(tree.diagnostics[0].message.contains("UTF-16"))
        #expect(tree.diagnostics[0].text.text(.fi, keywords: .fi).contains("UTF-16-muodossa"))
        // Without a byte order mark too.
        var plain: [UInt8] = []
        for b in "journey: Test\n".utf8 { plain += [b, 0] }
        #expect(JourneyParser.parse(SourceFile(name: "u.polku", bytes: plain)).diagnostics[0].message.contains("UTF-16"))
    }

    @Test func theLanguageComesFromLangThenTheJourneyThenTheEnvironment() throws {
        #expect(EnvironmentLanguage.language(of: "fi_FI.UTF-8") == .fi)
        #expect(EnvironmentLanguage.language(of: "sv_FI") == .sv)
        #expect(EnvironmentLanguage.language(of: "C.UTF-8") == nil)
        let finnish = "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku"
        #expect(try runPolku(["check", finnish]).stdout.contains("virhe:"))
        #expect(try runPolku(["check", "--lang", "sv", finnish]).stdout.contains("fel:"))
        // Without a journey: POLKU_LANG, then the locale.
        let rules = try runPolku(["rules"], environment: ["POLKU_LANG": "fi"])
        #expect(rules.stdout.contains("Säännön vakavuuden"))
        let locale = try runPolku(["rules"], environment: ["POLKU_LANG": "", "LC_ALL": "sv_SE.UTF-8"])
        #expect(locale.stdout.contains("allvarlighetsgrad"))
        let missing = try runPolku(["check", "no-such-file.polku"], environment: ["POLKU_LANG": "fi"])
        #expect(missing.stderr.contains("virhe"), "\(missing.stderr)")
    }

    /// JSON and SARIF keep codes as identifiers and carry the text in the chosen language;
    /// SARIF says which.
    @Test func jsonAndSarifCarryTheLanguage() throws {
        let finnish = "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku"
        let json = try runPolku(["check", "--format", "json", finnish]).stdout
        #expect(json.contains("\"language\" : \"fi\""))
        #expect(json.contains("\"code\" : \"unknown-channel\""))
        let sarif = try runPolku(["check", "--format", "sarif", "--lang", "sv", finnish]).stdout
        #expect(sarif.contains("\"language\" : \"sv\""))
        #expect(sarif.contains("det finns ingen kanal"))
    }

    /// The summary names channels as the journey does, in its language.
    @Test func theSummaryUsesTheJourneysNames() {
        let j = Self.check("palvelupolku: Testi\n\nkanava palvelupiste: Pääkirjaston neuvonta\n\nennen palvelua:\n  vaihe a: Kysyy\n    kautta: palvelupiste\n")
        let summary = Reports.render([j], format: .summary, version: "test")
        #expect(summary.contains("Pääkirjaston neuvonta"), "\(summary)")
        #expect(!summary.contains("Service desk"))
        #expect(summary.contains("Keskusteltavaa"))
    }
}
