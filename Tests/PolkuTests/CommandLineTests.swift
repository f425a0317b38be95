import Foundation
import Testing

/// The real binary, as a user runs it.
@Suite struct CommandLineTests {
    @Test func examplesCheckCleanWithExitZero() throws {
        let r = try runPolku(["check", "Examples/"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("no problems found"))
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
        let version = try runPolku(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
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
        #expect(coloured.stdout.contains("\u{1B}[1;31merror"))
    }

    @Test func outputIsDeterministic() throws {
        let a = try runPolku(["check", "--format", "json", "Examples/", "Tests/PolkuTests/Golden/diagnostics/"])
        let b = try runPolku(["check", "--format", "json", "Examples/", "Tests/PolkuTests/Golden/diagnostics/"])
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }
}
