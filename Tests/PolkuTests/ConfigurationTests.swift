import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// A temporary folder with files, removed afterwards.
final class TempFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("polku-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

let journeyWithGaps = """
journey: Renewing by phone
via: phone
before:
  step call: Calls the library
    need: to renew three books
    recommend: the e-library app
    follow-up: tell that renewals also work online
during:
  step renew: Renews the loans
    by: service advisor
    follow-up: read out the new due dates
after:
  step done: Hangs up
    recommend: the audiobook service
    follow-up: send the due dates by text message
    feedback: ask whether the call was helpful

"""

@Suite struct ConfigurationTests {
    @Test func severitiesFromTheNearestFileAbove() throws {
        let folder = try TempFolder()
        try folder.write("polku.toml", """
            # Team settings
            [rules]
            missing-recommendation = "error"
            """)
        let path = try folder.write("team/journeys/renew.polku", journeyWithGaps)
        let pipeline = Pipeline()
        let found = try #require(pipeline.configurationFile(forJourneyAt: JourneyPath(path)))
        #expect(URL(fileURLWithPath: found).lastPathComponent == "polku.toml")
        let config = try pipeline.configuration(forJourneyAt: JourneyPath(path)).get()
        let result = Checker.check(Analysis(SourceFile(name: path, text: journeyWithGaps)), configuration: config)
        #expect(result.diagnostics.map(\.code.name) == ["missing-recommendation"])
        #expect(result.diagnostics.map(\.severity) == [.error])
    }

    @Test func ruleOff() throws {
        var config = Configuration()
        let problems = config.apply(overrides: ["missing-recommendation=off"])
        #expect(problems.isEmpty)
        let result = Checker.check(Fixture.analyze(journeyWithGaps), configuration: config)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func ignorePatternsPerFile() throws {
        let folder = try TempFolder()
        let config = try folder.write("polku.toml", """
            [ignore]
            "drafts/*" = ["missing-recommendation"]
            """)
        let draft = try folder.write("drafts/a/renew.polku", journeyWithGaps)
        let final = try folder.write("final/renew.polku", journeyWithGaps)
        let loaded = try Pipeline(Pipeline.Settings(configuration: .file(config))).configuration(forJourneyAt: nil).get()
        #expect(Checker.check(Analysis(SourceFile(name: draft, text: journeyWithGaps)), configuration: loaded).diagnostics.isEmpty)
        #expect(Checker.check(Analysis(SourceFile(name: final, text: journeyWithGaps)), configuration: loaded)
            .diagnostics.map(\.code.name) == ["missing-recommendation"])
    }

    /// The first problem of a broken file, with its line and column.
    @Test(arguments: [
        ("[rules\nmissing-need = \"off\"\n", 1, 7, "not valid TOML"),
        ("[rules]\nmissing-need = \"loud\"\n", 2, 16, "must be one of"),
        ("[rules]\n\n\nmising-need = \"off\"\n", 4, 1, "did you mean `missing-need`?"),
        ("[colours]\nx = 1\n", 1, 2, "no section `[colours]`"),
        ("[ignore]\n\"*\" = \"missing-need\"\n", 2, 7, "must list rule names"),
    ])
    func brokenConfigurationsSayWhereAndWhat(_ text: String, _ line: Int, _ column: Int, _ words: String) throws {
        let source = SourceFile(name: "polku.toml", text: text)
        let first = try #require(Configuration.parse(source).1.first, "expected a problem in \(text)")
        let at = source.location(of: first.range.start)
        #expect(at.line == line, "\(first)")
        #expect(at.column == column, "\(first)")
        #expect((first.message + " " + (first.help ?? "")).contains(words), "\(first)")
    }

    @Test func badRuleOverrides() {
        for option in ["missing-need", "missing-need=", "missing-need=loud", "no-such-rule=off", "=off"] {
            var config = Configuration()
            let problems = config.apply(overrides: [option])
            #expect(problems.count == 1, "\(option)")
            #expect(config.settings.isEmpty)
        }
    }

    @Test func ignorePatternsMatchWithoutTheCLibrary() throws {
        var config = Configuration()
        config.path = "/team/polku.toml"
        config.ignores = [("drafts/*", ["missing-need"]), ("[0-9][0-9]-*.polku", ["missing-role"])]
        let need = try #require(RuleRegistry.info(named: "missing-need"))
        let role = try #require(RuleRegistry.info(named: "missing-role"))
        #expect(config.setting(for: need, file: "/team/drafts/a/b.polku") == .off)
        #expect(config.setting(for: need, file: "/team/final/drafts/b.polku") == RuleSetting(need.defaultSeverity))
        #expect(config.setting(for: role, file: "/team/07-renew.polku") == .off)
        #expect(config.setting(for: role, file: "/team/7-renew.polku") == RuleSetting(role.defaultSeverity))
    }
}

@Suite struct SuppressionTests {
    func check(_ text: String, _ config: Configuration = Configuration()) -> CheckResult {
        Checker.check(Fixture.analyze(text), configuration: config)
    }

    @Test func allowOnOneStepWithAReason() {
        let text = journeyWithGaps.replacingOccurrences(of: "    by: service advisor\n",
            with: "    by: service advisor\n    allow: missing-recommendation because the caller is in a hurry\n")
        let result = check(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.suppressed.map(\.diagnostic.code.name) == ["missing-recommendation"])
        #expect(result.suppressed.first?.reason == "the caller is in a hurry")
    }

    @Test func allowForTheWholeFileInFinnishAndSwedish() {
        for line in ["salli: missing-recommendation koska puhelu on lyhyt", "tillåt: missing-recommendation eftersom samtalet är kort",
                     "ALLOW: missing-recommendation, missing-need BECAUSE short call"] {
            let text = journeyWithGaps.replacingOccurrences(of: "via: phone\n", with: "via: phone\n\(line)\n")
            let result = check(text)
            #expect(result.diagnostics.map(\.code.name) == (line.contains("missing-need") ? ["unused-allow"] : []), "\(line)")
            #expect(result.suppressed.count == 1)
        }
    }

    @Test func allowOnAnotherStepDoesNotApply() {
        let text = journeyWithGaps.replacingOccurrences(of: "    need: to renew three books\n",
            with: "    need: to renew three books\n    allow: missing-recommendation because not here\n")
        let result = check(text)
        #expect(result.diagnostics.map(\.code.name).sorted() == ["missing-recommendation", "unused-allow"])
    }

    @Test func reasonIsRequiredAndRulesMustExist() {
        let noReason = journeyWithGaps.replacingOccurrences(of: "via: phone\n", with: "via: phone\nallow: missing-recommendation\n")
        #expect(check(noReason).diagnostics.map(\.code.name).contains("allow-without-reason"))
        let unknown = journeyWithGaps.replacingOccurrences(of: "via: phone\n", with: "via: phone\nallow: missing-recomendation because x\n")
        let d = check(unknown).diagnostics.first { $0.code.name == "unknown-rule" }
        #expect(d?.help == "did you mean `missing-recommendation`?")
        #expect(d?.severity == .error)
    }

    @Test func unusedAllowIsNotReportedForARuleThatIsOff() throws {
        let text = journeyWithGaps.replacingOccurrences(of: "via: phone\n", with: "via: phone\nallow: missing-need because x\n")
        #expect(check(text).diagnostics.map(\.code.name) == ["unused-allow", "missing-recommendation"])
        var config = Configuration()
        let problems = config.apply(overrides: ["missing-need=off"])
        #expect(problems.isEmpty)
        #expect(check(text, config).diagnostics.map(\.code.name) == ["missing-recommendation"])
    }

    @Test func rulesDoNotRunOnAFileWithErrors() {
        let result = check(journeyWithGaps.replacingOccurrences(of: "via: phone", with: "via: phoen"))
        #expect(!result.rulesRan)
        #expect(result.diagnostics.map(\.code.name) == ["unknown-channel"])
    }

    @Test func findingsDoNotDependOnLayout() {
        let plain = check(baselineExample).diagnostics.map { "\($0.code) \($0.message)" }
        let crlf = baselineExample.replacingOccurrences(of: "\n", with: "\r\n")
        let squashed = baselineExample.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n\n\t")
        #expect(check(crlf).diagnostics.map { "\($0.code) \($0.message)" } == plain)
        #expect(check(squashed).diagnostics.map { "\($0.code) \($0.message)" } == plain)
    }
}
