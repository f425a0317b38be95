import Foundation
import PolkuCLI
import PolkuPipeline
import PolkuSyntax
import Testing

/// The real binary, as a user runs it.
@Suite struct CommandLineTests {
    @Test func examplesCheckCleanWithExitZero() throws {
        let r = try runPolku(["check", "Examples/"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Checked \(Fixture.examples.count) files:"))
        #expect(!r.stdout.contains("error"))
    }

    @Test func errorsGiveExitOne() throws {
        let r = try runPolku(["check", "Tests/PolkuTests/Golden/diagnostics/several-mistakes.polku"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error: there is no channel `chta` in this journey [unknown-channel]"))
        #expect(r.stdout.contains("--> Tests/PolkuTests/Golden/diagnostics/several-mistakes.polku:3:6"))
        #expect(r.stdout.contains("Checked 1 file: 10 errors."))
    }

    @Test func shortFormat() throws {
        let r = try runPolku(["check", "--format", "short", "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku:3:9: error: "))
    }

    @Test func jsonFormatIsValidJSON() throws {
        let r = try runPolku(["check", "--format", "json", "Tests/PolkuTests/Golden/diagnostics/several-mistakes.polku", "Examples/"])
        #expect(r.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 10)
        let items = object?["diagnostics"] as? [[String: Any]]
        #expect(items?.first?["code"] as? String == "unknown-channel")
        #expect((items?.first?["start"] as? [String: Int])?["line"] == 3)
        #expect((object?["files"] as? [String])?.count == 1 + Fixture.examples.count)
    }

    @Test func usageMistakesGiveExitTwo() throws {
        #expect(try runPolku(["check"]).status == 2)
        #expect(try runPolku(["check", "--format", "yaml", "Examples/"]).status == 2)
        #expect(try runPolku(["frobnicate"]).status == 2)
        let missing = try runPolku(["check", "no-such-file.polku"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read `no-such-file.polku`: there is no such file or folder"))
    }

    @Test func helpAndVersion() throws {
        let help = try runPolku(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        // Every command's help reads as prose: no stray backslash from a line continuation.
        for command in [[], ["check"], ["render"], ["checklist"], ["rules"], ["explain"]] {
            let r = try runPolku(command + ["--help"])
            #expect(r.status == 0)
            #expect(!r.stdout.contains("\\"), "\(command): \(r.stdout)")
        }
        let version = try runPolku(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    /// An option's words (`WordArgument`) are offered by their raw values: in the message for
    /// a word that is none of them, and in the shell's completions.
    @Test func anOptionsWordsAreItsRawValues() throws {
        let lang = try runPolku(["check", "x.polku", "--lang", "de"])
        #expect(lang.status == 2)
        #expect(lang.stderr.contains("Please provide one of 'en', 'fi' or 'sv'."), "\(lang.stderr)")
        let layout = try runPolku(["render", "x.polku", "--layout", "sideways"])
        #expect(layout.stderr.contains("'timeline', 'compact' or 'auto'"), "\(layout.stderr)")
        let bash = try runPolku(["--generate-completion-script", "bash"])
        #expect(bash.stdout.contains(#"-W 'md'$'\n''html'$'\n''csv'$'\n''xlsx'"#), "checklist formats in the completions")
        #expect(ReportFormat.allValueDescriptions.isEmpty && KeywordLanguage.allValueStrings == ["en", "fi", "sv"])
    }

    /// The command has a super-command only while it is parsed (`Polku.parse`): help and
    /// errors name it as typed, and a completion script is still given when asked for.
    @Test func parsingLeavesUsageAndCompletionsAsTheyAre() throws {
        let help = try runPolku(["check", "--help"])
        #expect(help.stdout.contains("USAGE: polku check "), "\(help.stdout)")
        let error = try runPolku(["check", "--bogus"])
        #expect(error.status == 2)
        #expect(error.stderr.contains("Usage: polku check "), "\(error.stderr)")
        #expect(!error.stderr.contains("  polku"), "\(error.stderr)")
        for arguments in [["--generate-completion-script", "fish"], ["--generate-completion-script=fish"]] {
            let fish = try runPolku(arguments)
            #expect(fish.status == 0 && fish.stdout.contains("complete -c 'polku' -f"), "\(arguments): \(fish.stdout.prefix(200))")
        }
        let auto = try runPolku(["--generate-completion-script"], environment: ["SHELL": "/bin/bash"])
        #expect(auto.status == 0 && auto.stdout.contains("-F _polku polku"), "\(auto.stdout.prefix(200))")
        // In-process, where other tests parse at the same time, the setting stays in its task.
        let command = try Polku.parse(["check", "x.polku"])
        #expect(type(of: command)._commandName == "check")
        #expect(Polku.configuration._superCommandName == nil)
    }

    /// `polku check` with paths alone is made without ArgumentParser
    /// (`CheckCommand.withPathsOnly`): the command must be, property by property, the one
    /// ArgumentParser makes from the same paths (after `--`, so that it parses them), and
    /// every line with an option, `-` or no path must still go to ArgumentParser.
    @Test func checkWithPathsAloneIsTheCommandArgumentParserMakes() throws {
        func described(_ command: Any) -> String {
            var text = ""
            dump(command, to: &text)
            return text
        }
        for paths in [["a.polku"], ["Examples/", "b.polku", "help", "check"], [""], ["x y.polku", "ä=1.polku"]] {
            let fast = try #require(Polku.checkWithPathsOnly(["check"] + paths), "\(paths)")
            let parsed = try Polku.parseAsRoot(["check", "--"] + paths)
            #expect(described(fast) == described(parsed), "\(paths)")
            #expect(described(fast).contains("\(paths)"), "\(described(fast))")
            #expect(type(of: try Polku.parse(["check"] + paths)) == type(of: fast))
        }
        for line in [[], ["check"], ["check", "-"], ["check", "a.polku", "--format", "json"], ["check", "--", "a.polku"],
                     ["check", "a.polku", "-h"], ["check", "--strict", "a.polku"], ["render", "a.polku"], ["a.polku"]] {
            #expect(Polku.checkWithPathsOnly(line) == nil, "\(line)")
        }
        // The same output and status either way, for journeys, a folder and a missing file.
        let paths = ["Examples/article-delivery.polku", "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku", "Examples/", "missing.polku"]
        let fast = try runPolku(["check"] + paths)
        let parsed = try runPolku(["check", "--"] + paths)
        #expect(fast.status == 2 && fast.stdout.contains("Checked "), "\(fast.status) \(fast.stdout)")
        #expect(fast.stderr.contains("missing.polku"), "\(fast.stderr)")
        #expect(fast.stdout == parsed.stdout && fast.stderr == parsed.stderr && fast.status == parsed.status)
    }

    /// Graphviz starts early only for the commands that draw, and not for their help.
    @Test func onlyCommandsThatDrawStartGraphvizEarly() {
        #expect(Polku.willDraw(["render", "a.polku"]))
        #expect(Polku.willDraw(["checklist", "a.polku", "-o", "a.html", "--with-diagram"]))
        #expect(Polku.willDraw(["serve", "--render-worker"]))
        #expect(!Polku.willDraw(["checklist", "a.polku", "-o", "a.html"]))
        #expect(!Polku.willDraw(["check", "render.polku"]))
        #expect(!Polku.willDraw(["serve", "a.polku"]))
        #expect(!Polku.willDraw(["render", "--help"]))
        #expect(!Polku.willDraw(["render", "a.polku", "-h"]))
        #expect(!Polku.willDraw([]))
    }

    @Test func standardInput() throws {
        let r = try runPolku(["check", "--format", "short", "-"], stdin: Data("journey: T\nvia: dsk\n".utf8))
        #expect(r.status == 1)
        #expect(r.stdout == "<stdin>:2:6: error: there is no channel `dsk` in this journey [unknown-channel] (did you mean `desk`?)\n")
    }

    @Test func colourOnlyWhenAsked() throws {
        let plain = try runPolku(["check", "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let coloured = try runPolku(["check", "--color", "always", "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku"])
        // A Finnish journey's report speaks Finnish: `virhe`, not `error`.
        #expect(coloured.stdout.contains("\u{1B}[1;31mvirhe"))
        let english = try runPolku(["check", "--color", "always", "--lang", "en", "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku"])
        #expect(english.stdout.contains("\u{1B}[1;31merror"))
    }

    @Test func outputIsDeterministic() throws {
        let a = try runPolku(["check", "--format", "json", "Examples/", "Tests/PolkuTests/Golden/diagnostics/"])
        let b = try runPolku(["check", "--format", "json", "Examples/", "Tests/PolkuTests/Golden/diagnostics/"])
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }
}

/// The checker from the command line: severities, strictness, formats, rules and explain.
@Suite struct CheckerCommandLineTests {
    let baseline = "Examples/article-delivery.polku"

    @Test func warningsPassUnlessStrict() throws {
        #expect(try runPolku(["check", baseline]).status == 0)
        let strict = try runPolku(["check", "--strict", baseline])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("Checked 1 file: 2 warnings."))
    }

    @Test func raiseARuleToError() throws {
        let r = try runPolku(["check", "--rule", "missing-recommendation=error", "--format", "short", baseline])
        #expect(r.status == 1)
        #expect(r.stdout.contains("article-delivery.polku:27:3: error: step `decline`"))
    }

    @Test func switchARuleOff() throws {
        let r = try runPolku(["check", "--rule", "missing-recommendation=off", "--rule", "missing-follow-up=off", "--strict", baseline])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("no problems found"))
    }

    @Test func aBrokenRuleArgumentIsAUsageError() throws {
        let r = try runPolku(["check", "--rule", "missing-recomendation=off", baseline])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean `missing-recommendation`?"))
    }

    @Test func aBrokenConfigurationNamesItsLine() throws {
        let folder = try TempFolder()
        try folder.write("polku.toml", "[rules]\nmissing-need = \"sometimes\"\n")
        let journey = try folder.write("j.polku", journeyWithGaps)
        let r = try runPolku(["check", journey])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: `missing-need` must be one of"), "\(r.stderr)")
        #expect(r.stderr.contains("[config-invalid]"))
        #expect(r.stderr.contains("polku.toml:2:16"), "\(r.stderr)")
        // The bad value is shown and marked, as errors in a journey are.
        #expect(r.stderr.contains("2 | missing-need = \"sometimes\""), "\(r.stderr)")
    }

    @Test func summaryAndSarifFormats() throws {
        let summary = try runPolku(["check", "--format", "summary", baseline])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("What to talk about (2):"))
        let sarif = try runPolku(["check", "--format", "sarif", "Examples/"])
        #expect(sarif.status == 0)
        #expect(sarif.stdout.contains("\"version\" : \"2.1.0\""))
    }

    @Test func rulesAndExplain() throws {
        let rules = try runPolku(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("missing-recommendation"))
        #expect(rules.stdout.split(separator: "\n").filter { $0.contains("warning") || $0.contains("info") }.count >= 12)
        let explain = try runPolku(["explain", "missing-follow-up"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("golden rule"))
        let error = try runPolku(["explain", "unknown-channel"])
        #expect(error.status == 0)
        let typo = try runPolku(["explain", "missing-folow-up"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean `missing-follow-up`?"))
    }
}
