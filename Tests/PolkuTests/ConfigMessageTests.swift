import Foundation
import PolkuCheck
import PolkuIO
import PolkuPipeline
import PolkuReport
import PolkuServe
import PolkuSyntax
import Testing

/// The configuration's, the files' and Graphviz's messages, and `polku explain`, in English,
/// Finnish and Swedish.
@Suite struct ConfigMessageTests {
    /// Every sentence has all three languages, translated, with the same placeholders.
    func checkCatalogue<T: MessageTemplates & RawRepresentable>(_ type: T.Type) where T.RawValue == String {
        for key in T.allCases {
            let name = "\(T.self).\(key.rawValue)"
            for language in KeywordLanguage.allCases {
                #expect(!key.template(language).trimmingCharacters(in: .whitespaces).isEmpty, "\(name) has no \(language)")
            }
            #expect(key.fi != key.en, "\(name) is not translated into Finnish")
            #expect(key.sv != key.en, "\(name) is not translated into Swedish")
            #expect(Message.placeholders(key.fi) == Message.placeholders(key.en), "\(name): Finnish placeholders differ")
            #expect(Message.placeholders(key.sv) == Message.placeholders(key.en), "\(name): Swedish placeholders differ")
        }
    }

    @Test func everyConfigurationMessageInThreeLanguages() {
        #expect(!ConfigMessage.allCases.isEmpty)
        checkCatalogue(ConfigMessage.self)
    }

    @Test func everyFileAndGraphvizMessageInThreeLanguages() {
        #expect(!PipelineMessage.allCases.isEmpty)
        checkCatalogue(PipelineMessage.self)
    }

    @Test func everyImportMessageInThreeLanguages() {
        #expect(!ExchangeMessage.allCases.isEmpty)
        checkCatalogue(ExchangeMessage.self)
    }

    @Test func everyWorkshopMessageInThreeLanguages() {
        #expect(!ServeMessage.allCases.isEmpty)
        checkCatalogue(ServeMessage.self)
    }

    @Test func everyErrorIsExplainedInThreeLanguages() {
        for code in ErrorCode.allCases {
            let text = code.explanationText
            #expect(code.explanation == text.en)
            for language in KeywordLanguage.allCases {
                #expect(text(language).count > 40, "\(code.rawValue) has no \(language) explanation")
            }
            #expect(text.fi != text.en, "\(code.rawValue) is not explained in Finnish")
            #expect(text.sv != text.en, "\(code.rawValue) is not explained in Swedish")
        }
    }

    /// A Finnish or Swedish explanation quotes keywords as a file in that language writes
    /// them (`suosittele:`, `rekommendera:`), not in English; only the one about the first
    /// line names the other languages' spellings on purpose.
    @Test func explanationsQuoteKeywordsInTheirOwnLanguage() {
        let meanings: [KeywordMeaning] = HeaderKind.allCases.map { .header($0) } + Phase.allCases.map { .phase($0) }
            + AttributeKind.allCases.map { .attribute($0) }
        for code in ErrorCode.allCases where code != .missingJourney {
            for language in [KeywordLanguage.fi, .sv] {
                let text = code.explanationText(language)
                for meaning in meanings {
                    let entry = Keywords.entry(for: meaning)
                    let english = entry.preferred(.en)
                    if entry.spellings(language).contains(english) { continue }
                    #expect(!text.contains("`\(english):") && !text.contains("`\(english) "),
                            "\(code.rawValue) in \(language) quotes `\(english)` in English")
                }
            }
        }
        #expect(ErrorCode.missingChannel.explanationText.fi.contains("`kautta:` `palvelupolku:`-rivin alle"))
        #expect(ErrorCode.stepOutsidePhase.explanationText.sv.contains("`före tjänsten:`"))
    }

    /// Polku's own words for the usual system errors are used only where the English is the
    /// C library's own (so English output is the system's words, byte for byte).
    @Test func systemErrorsInEnglishAreTheSystemsWords() {
        for code in [ENOENT, EACCES, EPERM, ENOSPC, EROFS, ENOTDIR, EISDIR, ENAMETOOLONG, ELOOP, EDQUOT, EIO, EBUSY] {
            let message = Pipeline.systemError(code)
            #expect(message.english == SystemError.describe(code))
        }
        #expect(Pipeline.systemError(ENOSPC).text(.fi, keywords: .fi) == "levyllä ei ole tilaa")
        #expect(Pipeline.systemError(EACCES).text(.sv, keywords: .sv) == "åtkomst nekad")
    }

    // MARK: Real diagnostics, as a Finnish or Swedish user reads them

    /// The message, label, notes and help, one a line, in `language`.
    func words(_ d: Diagnostic, _ language: KeywordLanguage) -> [String] {
        let say = Wording(language, keywords: language)
        var lines = [say(d.text)]
        if let label = d.labelText { lines.append(say(label)) }
        lines += d.noteTexts.map { say($0) }
        if let help = d.helpText { lines.append(say(help)) }
        return lines
    }

    func configuration(_ text: String) -> [Diagnostic] {
        Configuration.parse(SourceFile(name: "polku.toml", text: text)).1
    }

    @Test func aBadSeverityInPolkuToml() throws {
        let d = try #require(configuration("[rules]\nmissing-need = \"loud\"\n").first)
        #expect(words(d, .fi) == [
            "`missing-need` voi olla vain \"error\", \"warning\", \"info\" tai \"off\"",
            "`loud` ei ole vakavuustaso",
            "kirjoita esimerkiksi `missing-need = \"warning\"`",
        ])
        #expect(words(d, .sv) == [
            "`missing-need` måste vara \"error\", \"warning\", \"info\" eller \"off\"",
            "`loud` är ingen allvarlighetsgrad",
            "skriv till exempel `missing-need = \"warning\"`",
        ])
        // The English is as it was.
        #expect(words(d, .en)[0] == "`missing-need` must be one of \"error\", \"warning\", \"info\" or \"off\"")
    }

    @Test func anUnknownSectionAndAnUnquotedValue() throws {
        let section = try #require(configuration("[rule]\nmissing-need = \"off\"\n").first)
        #expect(words(section, .fi).first == "asetuksissa ei ole osiota `[rule]`")
        #expect(words(section, .fi).last == "tarkoititko `[rules]`?")
        #expect(words(section, .sv).first == "inställningarna har inget avsnitt `[rule]`")
        #expect(words(section, .sv).last == "menade du `[rules]`?")

        let unquoted = try #require(configuration("[rules]\nmissing-need = off\n").first)
        let fi = words(unquoted, .fi), sv = words(unquoted, .sv)
        #expect(fi.first == "tämä asetustiedosto ei ole kelvollista TOML-muotoa, joten sen asetuksista ei käytetä mitään")
        #expect(fi.last == "kirjoita arvo lainausmerkkeihin, esimerkiksi `missing-need = \"off\"`")
        #expect(sv.last == "skriv värdet inom citattecken, till exempel `missing-need = \"off\"`")
        // The TOML reader's own words are quoted as it said them, in every language.
        #expect(fi.contains { $0.hasPrefix("TOML-lukijan ilmoitus: Error while parsing value") })
        #expect(sv.contains { $0.hasPrefix("TOML-läsaren säger: Error while parsing value") })
    }

    @Test func aMistypedRuleOption() throws {
        let problems = Configuration.problems(inOverride: "mising-need=of")
        #expect(problems.map { words($0, .fi) } == [
            ["tarkistimessa ei ole sääntöä `mising-need`", "tarkoititko `missing-need`?"],
            ["`of` ei ole vakavuustaso", "kirjoita --rule mising-need=TASO, jossa TASO on error, warning, info tai off"],
        ])
        #expect(words(problems[1], .sv) == ["`of` är ingen allvarlighetsgrad",
                                            "skriv --rule mising-need=NIVÅ, där NIVÅ är error, warning, info eller off"])
    }

    @Test func aMissingFileAndAFolderWithoutJourneys() throws {
        guard case .failure(let problems) = Pipeline().read("/nonexistent/journey.polku") else {
            Issue.record("read a file that does not exist")
            return
        }
        let missing = try #require(problems.items.first?.diagnostic)
        #expect(missing.code == ErrorCode.cannotRead.code)
        #expect(words(missing, .en) == ["cannot read `/nonexistent/journey.polku`: no such file or directory"])
        #expect(words(missing, .fi) == ["`/nonexistent/journey.polku` ei ole luettavissa: tiedostoa tai kansiota ei ole"])
        #expect(words(missing, .sv) == ["det går inte att läsa `/nonexistent/journey.polku`: filen eller mappen finns inte"])

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try #require(Pipeline().journeyFiles([dir.path]).problems.first?.diagnostic)
        #expect(empty.code == ErrorCode.noJourneys.code)
        #expect(words(empty, .fi) == ["`\(dir.path)`: tässä kansiossa ei ole palvelupolkutiedostoja (*.polku)"])
        #expect(words(empty, .sv) == ["`\(dir.path)`: den här mappen innehåller inga kundresefiler (*.polku)"])
    }

    @Test func anOutputOverTheJourneyItself() throws {
        let d = Pipeline.writeProblem("polku.polku", .theJourneyItself).diagnostic
        #expect(d.code == ErrorCode.cannotWrite.code)
        #expect(words(d, .fi) == ["tiedostoon `polku.polku` ei voi kirjoittaa: se on itse palvelupolkutiedosto (Polku ei kirjoita sen päälle); valitse toinen -o"])
        #expect(words(d, .sv) == ["det går inte att skriva `polku.polku`: det är själva kundresefilen (Polku skriver inte över den); välj en annan -o"])
    }
}
