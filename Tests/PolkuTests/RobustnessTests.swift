import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuEscaping
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// Runs a shell script with `$POLKU` set to the binary and `$EXAMPLE` to an example journey,
/// in `folder` (or the package root); returns its status and output.
func shell(_ script: String, in folder: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = folder ?? Fixture.root
    var env = environment
    env["POLKU"] = Fixture.binary
    env["EXAMPLE"] = Fixture.path("Examples/article-delivery.polku")
    return try run(process, environment: env)
}

/// Whatever is at the output's place is treated as the user would expect (issue: outputs
/// replaced devices, links, FIFOs; lost modes and hard links).
@Suite struct OutputTargetTests {
    @Test func aDeviceIsWrittenIntoNotReplaced() throws {
        let r = try shell(#"$POLKU render "$EXAMPLE" -o /dev/null --format svg; echo "status $?"; stat -c %F /dev/null"#)
        #expect(r.stdout == "status 0\ncharacter special file\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func aFullDeviceIsAnError() throws {
        let r = try shell(#"$POLKU render "$EXAMPLE" -o /dev/full --format svg"#)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write `/dev/full`: no space left on device [cannot-write]"), "\(r.stderr)")
    }

    @Test func devStdoutWritesToStandardOutput() throws {
        let r = try shell(#"$POLKU checklist "$EXAMPLE" -o /dev/stdout --format md | head -c 12; ls -l /dev/stdout | cut -c1"#)
        #expect(r.stdout == "# Checklist:l\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let folder = try TempFolder()
        let r = try shell(#"echo old > real.svg; ln -s real.svg link.svg; $POLKU render "$EXAMPLE" -o link.svg && stat -c %F link.svg && head -c 5 real.svg"#, in: folder.url)
        #expect(r.stdout == "symbolic link\n<?xml", "\(r.stdout)\(r.stderr)")
    }

    @Test func aDanglingLinkMakesItsTarget() throws {
        let folder = try TempFolder()
        let r = try shell(#"ln -s made.svg link.svg; $POLKU render "$EXAMPLE" -o link.svg && stat -c %F link.svg made.svg"#, in: folder.url)
        #expect(r.stdout == "symbolic link\nregular file\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func aFIFOIsWrittenInto() throws {
        let folder = try TempFolder()
        let r = try shell(#"mkfifo pipe.svg; (wc -c < pipe.svg > count &); $POLKU render "$EXAMPLE" -o pipe.svg; sleep 0.3; stat -c %F pipe.svg; cat count"#, in: folder.url)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "fifo", "\(r.stdout)\(r.stderr)")
        #expect((Int(lines.last ?? "") ?? 0) > 1000)
    }

    @Test func permissionsAndHardLinksAreKept() throws {
        let folder = try TempFolder()
        let r = try shell(#"""
            echo old > private.svg; chmod 600 private.svg
            echo old > one.svg; ln one.svg two.svg
            $POLKU render "$EXAMPLE" -o private.svg && $POLKU render "$EXAMPLE" -o one.svg
            stat -c %a private.svg; stat -c %h one.svg; head -c 5 two.svg
            """#, in: folder.url)
        #expect(r.stdout == "600\n2\n<?xml", "\(r.stdout)\(r.stderr)")
    }

    /// A long checklist is written as it is made, a megabyte at a time, into a temporary
    /// file that is renamed at the end: into a new file, over a hard-linked one (copied in
    /// once it is safe on disk), to standard output, and to a full device (an error, and no
    /// temporary file left).
    @Test func aLongChecklistIsWrittenAsItIsMadeIntoEveryKindOfTarget() throws {
        let folder = try TempFolder()
        try folder.write("long.polku", Self.longJourney(steps: 6_000))
        let r = try shell(#"""
            $POLKU checklist long.polku -o - --format html > whole.html
            echo old > one.html; ln one.html two.html
            $POLKU checklist long.polku -o one.html; echo "status $?"
            stat -c %h one.html; cmp one.html whole.html && cmp two.html whole.html && echo same
            $POLKU checklist long.polku -o new.html && cmp new.html whole.html && echo new-same
            $POLKU checklist long.polku -o /dev/full --format html 2>/dev/null; echo "full $?"
            ls -A | grep -c '^\.polku-'
            wc -c < whole.html
            """#, in: folder.url)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(6) == ["status 0", "2", "same", "new-same", "full 2", "0"], "\(r.stdout)\(r.stderr)")
        #expect((Int(lines.last ?? "") ?? 0) > 2 << 20, "several pieces: \(r.stdout)")
    }

    /// A journey of `steps` steps, each with a recommendation and a follow-up, and text to escape.
    static func longJourney(steps: Int) -> String {
        var text = "journey: Long\nvia: desk\nbefore:\n"
        for i in 0..<steps {
            text += "  step s\(i): Customer takes step \(i) & <asks> \"why\"\n    recommend: a book about topic \(i)\n"
            text += "    follow-up: a call about *topic* \(i)\n"
        }
        return text
    }

    @Test func aLongLegalNameWorks() throws {
        let folder = try TempFolder()
        let name = String(repeating: "p", count: 246) + ".svg"
        #expect(name.utf8.count == 250)
        let r = try shell(#"$POLKU render "$EXAMPLE" -o \#(name) && ls"#, in: folder.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == name + "\n")
    }

    @Test func standardInputIsDrawnToStandardOutput() throws {
        let folder = try TempFolder()
        let r = try shell(#"$POLKU render - < "$EXAMPLE" | head -c 5; $POLKU checklist - < "$EXAMPLE" | head -c 11; ls"#, in: folder.url)
        #expect(r.stdout == "<?xml# Checklist", "\(r.stdout)\(r.stderr)")
    }

    @Test func anInterruptRemovesTheTemporaryFile() throws {
        let folder = try TempFolder()
        // POLKU_TEST_PAUSE_MS holds the temporary file open long enough to interrupt.
        // (A background job of a script ignores SIGINT, and Polku keeps it so: Ctrl-C at a
        // terminal is SIGINT to a foreground process, handled the same way as these.)
        for signal in ["TERM", "HUP"] {
            let r = try shell(#"""
                echo old > out.svg
                POLKU_TEST_PAUSE_MS=3000 $POLKU render "$EXAMPLE" -o out.svg & pid=$!
                for i in $(seq 100); do ls -A | grep -q '^\.polku-.*\.tmp$' && break; sleep 0.05; done
                ls -A | grep -c '^\.polku-' ; kill -\#(signal) $pid; wait $pid; echo "status $?"; ls -A; cat out.svg
                """#, in: folder.url)
            #expect(r.stdout == "1\nstatus \(signal == "TERM" ? 143 : 129)\nout.svg\nold\n", "\(signal): \(r.stdout)\(r.stderr)")
        }
    }
}

/// A failed write to standard output is an error; a reader that goes away is not.
@Suite struct StandardOutputTests {
    @Test func aFullDiskIsAnError() throws {
        for command in [#"check --format sarif "$EXAMPLE""#, #"render "$EXAMPLE" -o -"#, #"checklist "$EXAMPLE" -o -"#] {
            let r = try shell("$POLKU \(command) > /dev/full")
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("cannot write to standard output: no space left on device"), "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"))
        }
    }

    @Test func aClosedStreamIsAnError() throws {
        let r = try shell(#"$POLKU checklist "$EXAMPLE" -o - >&-"#)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write to standard output: it is closed"), "\(r.stderr)")
    }

    @Test func aClosedPipeEndsQuietly() throws {
        // 40,000 lines, far more than a pipe holds, of which head reads one.
        var text = "journey: Long\nvia: desk\nbefore:\n"
        for i in 0..<20_000 { text += "  step s\(i): Step\n" }
        let folder = try TempFolder()
        try folder.write("long.polku", text)
        let r = try shell(#"$POLKU check --strict --format short long.polku | head -1; echo "status ${PIPESTATUS[0]}""#, in: folder.url)
        // The status is the check's (warnings under --strict), not a crash or a write error.
        #expect(r.stdout.hasSuffix("status 1\n"), "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}

/// Folders are walked whole: odd names are checked, unreadable parts are reported.
@Suite struct FolderWalkTests {
    @Test func aNameThatIsNotUTF8IsChecked() throws {
        let folder = try TempFolder()
        let r = try shell(#"mkdir j; printf 'journey: T\nvia: emial\nbefore:\n  step a: A\n' > "j/$(printf 'k\xe4ytt\xe4j\xe4.polku')"; $POLKU check j --format short"#, in: folder.url)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("unknown-channel"))
    }

    @Test func anUnreadableFolderIsReported() throws {
        guard getuid() != 0 else {
            // root reads every folder; a folder that cannot be listed is made another way:
            // a file where the walker expects to list (covered by the unit below).
            let folder = try TempFolder()
            let r = try shell(#"mkdir -p j/sub; cp "$EXAMPLE" j/; chmod 000 j/sub; $POLKU check j --format short; echo "status $?""#, in: folder.url)
            #expect(r.stdout.contains("status"))
            return
        }
        let folder = try TempFolder()
        let r = try shell(#"mkdir -p j/sub; cp "$EXAMPLE" j/sub/; chmod 000 j/sub; $POLKU check j; echo "status $?""#, in: folder.url)
        #expect(r.stdout.contains("status 2"))
        #expect(r.stderr.contains("this folder cannot be read"), "\(r.stderr)")
    }

    @Test func specialFilesAreRefusedNotRead() throws {
        let folder = try TempFolder()
        let r = try shell(#"""
            mkdir j; cp "$EXAMPLE" j/good.polku; mkfifo j/pipe.polku; ln -s /dev/zero j/zero.polku
            timeout 20 $POLKU check j --format short; echo "status $?"
            timeout 20 $POLKU check /dev/zero; echo "status $?"
            """#, in: folder.url)
        #expect(r.stdout.contains("good.polku:15:3: warning"), "\(r.stdout)")
        #expect(r.stdout.components(separatedBy: "status 2").count == 3, "\(r.stdout)")
        #expect(r.stderr.contains("cannot read `j/pipe.polku`: it is not a regular file"))
        #expect(r.stderr.contains("cannot read `j/zero.polku`: it is not a regular file"))
        #expect(r.stderr.contains("cannot read `/dev/zero`: it is not a regular file"))
    }

    @Test func standardInputHasASizeLimit() throws {
        let r = try shell(#"head -c 120000000 /dev/zero | $POLKU check -; echo "status $?""#)
        #expect(r.stdout.contains("status 2"))
        #expect(r.stderr.contains("it is larger than 100 MB"), "\(r.stderr)")
    }

    @Test func outDirKeepsTheFolderStructure() throws {
        let folder = try TempFolder()
        let r = try shell(#"mkdir -p j/a j/b; cp "$EXAMPLE" j/a/x.polku; cp "$EXAMPLE" j/b/x.polku; $POLKU render j --out-dir out && find out -type f | sort"#, in: folder.url)
        #expect(r.stdout == "out/a/x.svg\nout/b/x.svg\n", "\(r.stdout)\(r.stderr)")
    }
}

/// The configuration search stops at the repository or the home folder.
@Suite struct ConfigurationSearchTests {
    @Test func aConfigurationAboveTheRepositoryIsNotUsed() throws {
        let folder = try TempFolder()
        let r = try shell(#"""
            printf '[rules]\nmissing-follow-up = "off"\n' > polku.toml
            mkdir -p repo/.git repo/journeys; cp "$EXAMPLE" repo/journeys/j.polku
            $POLKU check repo/journeys/j.polku --format short --verbose
            """#, in: folder.url)
        #expect(r.stdout.contains("missing-follow-up"), "the polku.toml above the repository was used: \(r.stdout)")
        #expect(r.stderr.contains("no configuration file"), "\(r.stderr)")
    }

    @Test func theHomeFolderEndsTheSearch() throws {
        let folder = try TempFolder()
        let r = try shell(#"""
            printf '[rules]\nmissing-follow-up = "off"\n' > polku.toml
            mkdir -p home/me/journeys; cp "$EXAMPLE" home/me/journeys/j.polku
            HOME="$PWD/home/me" $POLKU check home/me/journeys/j.polku --format short
            """#, in: folder.url)
        #expect(r.stdout.contains("missing-follow-up"), "\(r.stdout)")
    }

    @Test func verboseNamesTheFileUsed() throws {
        let folder = try TempFolder()
        let r = try shell(#"""
            mkdir -p repo/.git; printf '[rules]\nmissing-follow-up = "off"\n' > repo/polku.toml; cp "$EXAMPLE" repo/j.polku
            $POLKU check repo/j.polku --format short --verbose
            """#, in: folder.url)
        #expect(!r.stdout.contains("missing-follow-up"))
        #expect(r.stderr.contains("polku: repo/j.polku: `"), "\(r.stderr)")
        #expect(r.stderr.contains("/repo/polku.toml`"), "\(r.stderr)")
    }
}

/// Corners where time or size grew faster than the input: each is now bounded, and says so.
@Suite struct BoundedOutputTests {
    static func checked(_ text: String) -> CheckedJourney {
        let source = SourceFile(name: "t.polku", text: text)
        return CheckedJourney(source: source, result: Checker.check(Analysis(source)))
    }

    @Test func combiningMarksCountTowardTheLabelCap() throws {
        // One character, 100,001 scalars: the cap counts scalars, so the label stays small
        // and `dot` itself accepts the DOT written.
        let title = "a" + String(repeating: "\u{301}", count: 100_000)
        let journey = Self.checked("journey: T\nvia: desk\nbefore:\n  step a: \(title)\n    recommend: r\n    follow-up: f\n")
        let dot = try Diagrams.drawBlocking(journey, format: .dot, options: DiagramOptions()).bytes
        #expect(dot.count < 60_000)
        let folder = try TempFolder()
        let file = try folder.write("t.dot", String(decoding: dot, as: UTF8.self))
        let r = try shell("dot -Tsvg \(file) > /dev/null")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func aCardShowsAFewOfEachKindAndHowManyMore() throws {
        var text = "journey: T\nvia: desk\nbefore:\n  step a: A\n    follow-up: f\n"
        for i in 0..<1_100 { text += "    recommend: book \(i)\n" }
        let journey = Self.checked(text)
        let dot = String(decoding: try Diagrams.drawBlocking(journey, format: .dot, options: DiagramOptions()).bytes, as: UTF8.self)
        #expect(dot.contains("… and 1092 more"))
        #expect(!dot.contains("book 8<"))
        #expect(dot.utf8.count < 20_000)
    }

    @Test func aStepLeadingEverywhereDrawsAFewArrows() throws {
        var text = "journey: T\nvia: desk\nbefore:\n"
        let ids = (0..<60).map { "s\($0)" }
        for id in ids { text += "  step \(id): \(id)\n    next: \(ids.joined(separator: ", ")), end\n" }
        let journey = Self.checked(text)
        let dot = String(decoding: try Diagrams.drawBlocking(journey, format: .dot, options: DiagramOptions(layout: .timeline)).bytes, as: UTF8.self)
        #expect(dot.components(separatedBy: " -> ").count - 1 == 60 * 12)
        #expect(dot.contains("… and 48 more"))
    }

    @Test func aLongChannelLabelDoesNotPadTheSummary() throws {
        let label = String(repeating: "x", count: 100_000)
        let journey = Self.checked("journey: T\nvia: c\nchannel c: \(label)\nbefore:\n  step a: A\n    recommend: r\n    follow-up: f\n")
        let summary = Reports.render([journey], format: .summary, version: "test")
        #expect(summary.utf8.count < 3_000)
        #expect(summary.split(separator: "\n").allSatisfy { $0.count < 200 })
    }

    @Test func anUnknownChannelDoesNotListThousandsOfChannels() throws {
        var text = "journey: T\n"
        for i in 0..<2_000 { text += "channel c\(i): C\n" }
        text += "before:\n  step a: A\n    via: nowhere\n"
        let journey = Self.checked(text)
        let d = try #require(journey.result.diagnostics.first { $0.code == ErrorCode.unknownChannel.code })
        #expect(d.notes.joined().utf8.count < 400)
        #expect(d.notes.joined().contains("and 1988 more"))
    }

    @Test func aPictureTooLargeForPNGIsRefusedWithAReason() throws {
        var text = "journey: T\nvia: desk\nbefore:\n"
        for i in 0..<5_000 { text += "  step s\(i): S\n    recommend: r\n    follow-up: f\n" }
        let journey = Self.checked(text)
        #expect(throws: Problems.self) { try Diagrams.drawBlocking(journey, format: .png, options: DiagramOptions(dpi: 150)) }
        do {
            _ = try Diagrams.drawBlocking(journey, format: .png, options: DiagramOptions(dpi: 150))
        } catch {
            #expect(error.items.first?.diagnostic.code == ErrorCode.diagramTooLarge.code)
        }
    }

    @Test func noncharactersInATitleStillRender() throws {
        let journey = Self.checked("journey: A\u{FFFE}B\u{FFFF}C\nvia: desk\nbefore:\n  step a: x\u{FFFF}y\n    recommend: r\n    follow-up: f\n")
        #expect(!journey.hasErrors)
        let svg = String(decoding: try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions()).bytes, as: UTF8.self)
        #expect(svg.contains("ABC"))
    }
}

/// Small slips that gave the wrong answer.
@Suite struct SmallSlipTests {
    static func codes(_ text: String) -> [String] {
        Checker.check(Analysis(SourceFile(name: "t.polku", text: text))).diagnostics.map(\.code.name)
    }

    static let journey = "journey: T\nvia: desk\nbefore:\n  step a: A\n    follow-up: f\n"

    @Test func aNoBreakSpaceBeforeBecauseIsABlank() {
        for line in ["    allow: missing-recommendation\u{A0}because it is quick\n", "    allow: missing-recommendation because\u{A0}it is quick\n"] {
            let codes = Self.codes(Self.journey + line)
            #expect(!codes.contains("allow-without-reason") && !codes.contains("unknown-rule"), "\(codes)")
            #expect(!codes.contains("missing-recommendation") && !codes.contains("unused-allow"), "\(codes)")
        }
    }

    @Test func aMissingRuleNameIsSaidToBeMissing() throws {
        let result = Checker.check(Analysis(SourceFile(name: "t.polku", text: Self.journey + "    allow: because it is quick\n")))
        let d = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(d.message == "this `allow:` does not name a rule")
    }

    @Test func classicMacLineEndsAreLineEnds() {
        let lf = baselineExample
        let findings = { (text: String) in
            Checker.check(Analysis(SourceFile(name: "t", text: text))).diagnostics.map { "\($0.code)@\(SourceFile(name: "t", text: text).location(of: $0.range.start))" }
        }
        let cr = lf.replacingOccurrences(of: "\n", with: "\r")
        #expect(findings(cr) == findings(lf))
        #expect(findings(cr) == ["missing-follow-up@15:3", "missing-recommendation@27:3"])
    }

    @Test func markdownKeepsMentionsAndAddressesAsText() {
        let md = Escaping.markdown("ask @kirjasto or see https://example.org and www.example.org")
        #expect(!md.contains("@kirjasto"))
        #expect(md.contains("@\u{2060}kirjasto"))
        #expect(!md.contains("https://") && !md.contains("www."))
        #expect(md.replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\\", with: "")
                == "ask @kirjasto or see https://example.org and www.example.org")
    }

    @Test func invisibleAndFullWidthFormulaSignsAreNeutralised() {
        for cell in ["\u{0B}=1+1", "\u{1B}=1+1", "\u{200B}=1+1", "\u{FF1D}1+1", "\u{FEFF}=1"] {
            let written = Escaping.csvCell(cell)
            #expect(written.hasPrefix("'"), "\(cell.debugDescription) → \(written.debugDescription)")
        }
        #expect(Escaping.csvCell("plain text") == "plain text")
    }
}
