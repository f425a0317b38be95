import Foundation
import PolkuCheck
import PolkuReport
import PolkuSyntax
import Testing

/// `polku.toml` and `--rule` problems as diagnostics: every problem, each at its own key or value.
@Suite struct ConfigurationDiagnosticsTests {
    func parse(_ text: String) -> (Configuration, [Diagnostic], SourceFile) {
        let source = SourceFile(name: "polku.toml", text: text)
        let (config, diagnostics) = Configuration.parse(source)
        return (config, diagnostics, source)
    }

    /// Line, code and the text under the caret of each diagnostic.
    func summary(_ diagnostics: [Diagnostic], _ source: SourceFile) -> [String] {
        diagnostics.map { "\(source.location(of: $0.range.start).line) \($0.code) \(source.text($0.range))" }
    }

    @Test func aCommentThatNamesTheRuleDoesNotGetTheBlame() {
        let (_, diagnostics, source) = parse("""
            # missing-need = "sometimes" was a mistake; mising-need too
            [rules]
            # missing-need: see the minutes of the meeting
            missing-need = "sometimes"
            mising-need = "off"
            """)
        #expect(summary(diagnostics, source) == [
            "4 config-invalid \"sometimes\"",
            "5 config-unknown-rule mising-need",
        ])
    }

    @Test func everyProblemOnItsOwnLineWithItsCode() {
        let (config, diagnostics, source) = parse("""
            [rules]
            missing-need = "loud"
            mising-follow-up = "off"
            missing-feedback = "off"

            [colours]
            background = "blue"
            """)
        #expect(summary(diagnostics, source) == [
            "2 config-invalid \"loud\"",
            "3 config-unknown-rule mising-follow-up",
            "6 config-invalid colours",
        ])
        #expect(diagnostics[1].help == "did you mean `missing-follow-up`?")
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.hasPosition })
        // The valid line is still read.
        #expect(config.settings == ["missing-feedback": .off])
    }

    @Test func theValidPartsOfAFileWithProblemsAreRead() {
        let (config, diagnostics, _) = parse("""
            [rules]
            missing-need = "off"
            missing-role = "sometimes"
            no-such-rule = "off"

            [ignore]
            "drafts/*" = ["missing-recommendation", "no-such-rule", 7]
            "old/*" = "missing-need"
            """)
        #expect(diagnostics.count == 5)
        // A bad severity leaves the rule at its default; unknown names are dropped from a list;
        // a pattern without a list is left out.
        #expect(config.settings == ["missing-need": .off])
        #expect(config.ignores.map(\.pattern) == ["drafts/*"])
        #expect(config.ignores.first?.rules == ["missing-recommendation"])
        #expect(config.path == "polku.toml")
    }

    @Test func syntaxErrorsPointWhereTheTOMLReaderStopped() {
        let cases: [(String, line: Int, column: Int, under: String)] = [
            ("[rules]\nmissing-need = off\n", 2, 16, "o"),
            ("[rules\nmissing-need = \"off\"\n", 1, 7, ""),
            // Columns count characters, not bytes.
            ("[rules]\n# ääkköset\nmissing-need = \"öö\" \"off\"\n", 3, 21, "\""),
            ("\u{FEFF}[rules]\r\nmissing-need = \"off\" x\r\n", 2, 22, "x"),
            ("[rules]\nmissing-need = \"off\"\nmissing-need = \"info\"\n", 3, 16, "\""),
        ]
        for (text, line, column, under) in cases {
            let (config, diagnostics, source) = parse(text)
            #expect(diagnostics.count == 1, "\(text)")
            guard let d = diagnostics.first else { continue }
            #expect(d.code == ErrorCode.configSyntax.code)
            #expect(d.message.contains("not valid TOML"))
            #expect(d.notes.first?.hasPrefix("the TOML reader says: Error while parsing") == true)
            #expect(source.location(of: d.range.start) == SourceLocation(line: line, column: column), "\(text)")
            #expect(source.text(d.range) == under, "\(text)")
            #expect(config.settings.isEmpty)
        }
        #expect(parse("[rules]\nmissing-need = off\n").1.first?.help == "put the value in quotes, for example `missing-need = \"off\"`")
    }

    @Test func aNULByteIsReportedAndNothingIsUsed() {
        let text = "[rules]\nmissing-need = \"off\"\n\0\nmissing-role = \"off\"\n"
        let (config, diagnostics, source) = parse(text)
        #expect(summary(diagnostics, source) == ["3 config-syntax \0"])
        #expect(diagnostics.first?.message.contains("NUL byte") == true)
        #expect(diagnostics.first?.message.contains("not a text file") == true)
        #expect(config.settings.isEmpty)
    }

    @Test func bytesThatAreNotUTF8AreReported() {
        let source = SourceFile(name: "polku.toml", bytes: Array("[rules]\n# caf".utf8) + [0xE9] + Array("\nmissing-need = \"off\"\n".utf8))
        let (config, diagnostics) = Configuration.parse(source)
        #expect(diagnostics.map(\.code) == [ErrorCode.configSyntax.code])
        #expect(diagnostics.first?.range == SourceRange(13, 14))
        #expect(diagnostics.first?.message.contains("0xE9") == true)
        #expect(config.settings.isEmpty)
    }

    @Test func quotedKeysInIgnore() {
        let (config, diagnostics, source) = parse(#"""
            [ignore]
            "drafts/*" = ["missing-need", "mising-follow-up"]
            'old/[0-9]*' = ['missing-feedback']
            "tab\there" = ["missing-role"]
            "say \"hi\"" = "missing-need"
            plain = [
              "missing-need",  # a comment with a ] and "quotes"
              42,
            ]
            """#)
        #expect(summary(diagnostics, source) == [
            "2 config-unknown-rule \"mising-follow-up\"",
            "5 config-invalid \"missing-need\"",
            "8 config-invalid 42",
        ])
        #expect(diagnostics[1].message == "`say \"hi\"` must list rule names in brackets")
        let ignores = Dictionary(uniqueKeysWithValues: config.ignores.map { ($0.pattern, $0.rules) })
        #expect(ignores == ["drafts/*": ["missing-need"], "old/[0-9]*": ["missing-feedback"],
                            "tab\there": ["missing-role"], "plain": ["missing-need"]])
    }

    @Test func unknownSectionsAndLinesOutsideSections() {
        let (_, diagnostics, source) = parse("""
            missing-need = "off"
            [rule]
            missing-role = "off"
            [ignore.more]
            """)
        #expect(summary(diagnostics, source) == [
            "1 config-invalid missing-need",
            "2 config-invalid rule",
            "4 config-invalid ignore.more",
        ])
        #expect(diagnostics[0].help == "put `[rules]` on a line of its own above it")
        #expect(diagnostics[1].message == "the configuration has no section `[rule]`")
        #expect(diagnostics[1].help == "did you mean `[rules]`?")
        // `[ignore.more]` makes `more` a table in `[ignore]`, not a list.
        let nested = parse("[ignore.more]\n").1
        #expect(nested.map(\.code) == [ErrorCode.configInvalid.code])
        #expect(nested.first?.range == SourceRange(1, 12))
    }

    @Test func sectionsWrittenAsValues() {
        let (_, diagnostics, source) = parse("""
            rules = "missing-need"
            [[ignore]]
            """)
        #expect(summary(diagnostics, source) == ["1 config-invalid rules", "2 config-invalid ignore"])
        #expect(diagnostics[0].message == "`rules` must be a section, written `[rules]`")
    }

    @Test func inlineTablesAndDottedKeysPointAtTheirOwnKeys() {
        let (config, diagnostics, source) = parse("""
            rules = { missing-need = "off", mising-role = "off" }
            ignore.drafts = ["missing-feedbak"]
            """)
        #expect(summary(diagnostics, source) == [
            "1 config-unknown-rule mising-role",
            "2 config-unknown-rule \"missing-feedbak\"",
        ])
        #expect(config.settings == ["missing-need": .off])
    }

    @Test func severityHelpSaysWhatToWrite() {
        let (_, diagnostics, _) = parse("""
            [rules]
            missing-need = false
            missing-role = "Warning"
            missing-feedback = 2
            """)
        #expect(diagnostics.map(\.help) == [
            "to switch the rule off, write `missing-need = \"off\"`",
            "write it in lower case: `missing-role = \"warning\"`",
            "write the severity in quotes, for example `missing-feedback = \"warning\"`",
        ])
    }

    @Test func ruleOptionProblemsAreFileLevelDiagnostics() {
        var config = Configuration()
        let problems = config.apply(overrides: [
            "missing-need=off", "missing-nedd=off", "missing-role=loud", "missing-feedback", "mising-feedback=sometimes", "=off",
        ])
        #expect(problems.map(\.code) == [
            ErrorCode.configUnknownRule.code, ErrorCode.configInvalid.code, ErrorCode.configInvalid.code,
            ErrorCode.configUnknownRule.code, ErrorCode.configInvalid.code, ErrorCode.configInvalid.code,
        ])
        #expect(problems.allSatisfy { !$0.hasPosition && $0.severity == .error })
        #expect(problems[0].help == "did you mean `missing-need`?")
        // Only the option without a problem is applied.
        #expect(config.settings == ["missing-need": .off])
        #expect(Configuration.problems(inOverride: "missing-need=INFO").isEmpty)

        let option = "missing-nedd=off"
        let rendered = Configuration.problems(inOverride: option).map {
            RichRenderer().render(FileDiagnostic(SourceFile(name: "--rule \(option)", text: ""), $0))
        }
        #expect(rendered == ["""
            error: there is no checker rule `missing-nedd` [config-unknown-rule]
              --> --rule missing-nedd=off
               |
               = help: did you mean `missing-need`?

            """])
    }

    @Test func theRichRendererPutsTheCaretUnderTheBadValue() {
        let (_, diagnostics, source) = parse("""
            # Team settings; missing-need stays on
            [rules]
            missing-need   =   "sometimes"   # was "off"
            """)
        let rendered = diagnostics.map { RichRenderer().render(FileDiagnostic(source, $0)) }
        #expect(rendered == [#"""
            error: `missing-need` must be one of "error", "warning", "info" or "off" [config-invalid]
             --> polku.toml:3:20
              |
            3 | missing-need   =   "sometimes"   # was "off"
              |                    ^^^^^^^^^^^ `sometimes` is not a severity
              |
              = help: write, for example, `missing-need = "warning"`

            """#])
    }

    /// Each `Golden/configuration/<name>.toml` beside its rich rendering, `<name>.txt`.
    @Test func goldenRenderings() throws {
        let dir = Fixture.path("Tests/PolkuTests/Golden/configuration")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let source = try Golden.source("\(dir)/\(name)")
            let rendered = Configuration.parse(source).1.map { RichRenderer().render(FileDiagnostic(source, $0)) }
            Golden.check(rendered.joined(separator: "\n"), against: "\(dir)/\(name.dropLast(".toml".count)).txt")
        }
    }

    @Test func theFirstProblemHasItsOwnLineAndColumn() throws {
        let source = SourceFile(name: "polku.toml", text: "# mising-need\n[rules]\nmising-need = \"of\"\n")
        let problem = try #require(Configuration.parse(source).1.first)
        #expect(source.location(of: problem.range.start) == SourceLocation(line: 3, column: 1))
        #expect(problem.message == "there is no checker rule `mising-need`")
        #expect(problem.help == "did you mean `missing-need`?")
    }

    /// Mistakes that TOMLKit's reader (toml++ 3.4) would stop the program on, in a debug
    /// build, are found first and reported without asking it.
    @Test(arguments: [
        ("[\nmissing-need = \"off\"\n", 1, 2, "section name missing"),
        ("[rules]\n[ = ]\n", 2, 3, "section name missing"),
        ("[[\t[rules]]\n", 1, 4, "section name missing"),
        ("[ignore]\n\"*\" = [\n  \"missing-need\",\n  }\n", 4, 3, "a value is missing here"),
        ("[ignore]\n\"*\" = [\u{2028}]\n", 2, 8, "a value is missing here"),
        ("[rules]\nmissing-need = 1979-05-27T-7:32:00Z\n", 2, 27, "this does not continue a date and time"),
        ("x = [1979-05-27 0]\n", 1, 17, "this does not continue a date and time"),
    ])
    func mistakesTheTOMLReaderCannotTakeAreFoundFirst(_ text: String, _ line: Int, _ column: Int, _ label: String) {
        let (config, diagnostics, source) = parse(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == ErrorCode.configSyntax.code)
        #expect(diagnostics.first?.label == label)
        #expect(diagnostics.first.map { source.location(of: $0.range.start) } == SourceLocation(line: line, column: column))
        #expect(config.settings.isEmpty && config.ignores.isEmpty)
    }

    @Test func aMistakeAboveSuchAPlaceIsStillTheOneReported() {
        let (_, diagnostics, source) = parse("[rules]\nmissing-need = off\n[\n")
        #expect(summary(diagnostics, source) == ["2 config-syntax o"])
        #expect(diagnostics.first?.label == "could not determine value type")
    }

    /// Random text, and a valid file with a few characters changed: the reader finishes, and
    /// every range is inside the file.
    @Test func randomTextNeverCrashesTheReader() {
        var random = SplitMix64(seed: 7)
        let pieces = ["[rules]", "[ignore]", "\n", " = ", "=", "\"", "'", "[", "]", "{", "}", ",", "#", "\"\"\"", "'''", "\\",
                      "missing-need", "\"off\"", "drafts/*", ".", "\r\n", "\t", "ä", "\u{FEFF}", "1979-05-27 07:32:00Z",
                      "\n[", "[[", "]]", " ", "x.y", "\\u00E4", "+", "-", "inf", "0x1F", "1e5", "_", "true", "07:32:00",
                      "1979-05-27T", "\u{A0}", "\r", "\u{1}", "\u{2028}", "\u{85}", "\u{B}", "x = [", "= [1, ", "1", "0"]
        let valid = Array(#"""
            # comment [x]
            [rules]
            missing-need = "off"   # c
            "missing-role" = 'warning'
            [ignore]
            "drafts/*" = ["missing-need", 'missing-role',
              # inside
              "x", ]
            plain.dotted = { a = [1, 2.5, true, -0x1F, +1e5], b = """
            multi
            """ }
            [[arr.of]]
            t = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00.5+01:00, 07:32:00, 1979-05-27]
            """#.unicodeScalars)
        let changes: [Unicode.Scalar] = ["[", "]", "{", "}", ",", "\"", "'", "#", "=", ".", " ", "\n", "\r", "\t", "\\",
                                         "\u{2028}", "\u{A0}", "a", "0", "_", "+", "-", ":", "T", "e", "x", "Z"]
        var texts: [String] = []
        for _ in 0..<1500 {
            texts.append((0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
            var text = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.insert(changes.randomElement(using: &random)!, at: at)
                case 1: text.remove(at: at)
                default: text[at] = changes.randomElement(using: &random)!
                }
            }
            texts.append(String(String.UnicodeScalarView(text)))
        }
        for text in texts {
            let source = SourceFile(name: "polku.toml", text: text)
            let (_, diagnostics) = Configuration.parse(source)
            for d in diagnostics {
                #expect(d.range.start >= 0 && d.range.end <= source.bytes.count, "\(text.debugDescription)")
            }
            for entry in TOMLLayout(source).entries {
                #expect(entry.keyRange.end <= source.bytes.count && entry.valueRange.end <= source.bytes.count)
            }
        }
    }
}

@Suite struct TOMLLayoutTests {
    @Test func tablesKeysAndValues() {
        let source = SourceFile(name: "t.toml", text: #"""
            top = 1 # comment
            [ rules ]
              "quoted key" = 'literal'
            a . "b.c" = { x = [1, 2], y = "}" }
            [[list.'of']]
            text = """
            [not-a-header]
            not = "a key"
            """
            arr = [ # why
              "one", 'two' ,
              [3, 4], # ] not the end
            ]
            last = true
            """#)
        let layout = TOMLLayout(source)
        #expect(layout.headers.map(\.path) == [["rules"], ["list", "of"]])
        #expect(layout.headers.map { source.text($0.range) } == ["rules", "list.'of'"])
        #expect(layout.headers.map(\.isArrayOfTables) == [false, true])
        let entries = layout.entries.map { "\($0.path.joined(separator: "/")) | \(source.text($0.keyRange)) | \(source.text($0.valueRange))" }
        #expect(entries == [
            "top | top | 1",
            #"rules/quoted key | "quoted key" | 'literal'"#,
            "rules/a/b.c/x | x | [1, 2]",
            #"rules/a/b.c/y | y | "}""#,
            #"rules/a/b.c | a . "b.c" | { x = [1, 2], y = "}" }"#,
            "list/of/text | text | \"\"\"\n[not-a-header]\nnot = \"a key\"\n\"\"\"",
            "list/of/arr | arr | [ # why\n  \"one\", 'two' ,\n  [3, 4], # ] not the end\n]",
            "list/of/last | last | true",
        ])
        #expect(layout.entry(at: ["list", "of", "arr"])?.items.map { source.text($0) } == [#""one""#, "'two'", "[3, 4]"])
        #expect(layout.entry(at: ["rules", "a", "b.c", "x"])?.items.count == 2)
        // A table made by dotted keys points at the first key that makes it.
        #expect(layout.keyRange(of: ["rules", "a"]).map { source.text($0) } == #"a . "b.c""#)
        #expect(layout.keyRange(of: ["nowhere"]) == nil)
    }

    @Test func escapesInQuotedKeysAreDecoded() {
        let source = SourceFile(name: "t.toml", text: #""a\"b\u00E4\\" = 1"#)
        #expect(TOMLLayout(source).entries.map(\.key) == [["a\"bä\\"]])
    }

    @Test func deepNestingIsSkippedNotFollowed() {
        let text = "x = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\ny = 2\n"
        let layout = TOMLLayout(SourceFile(name: "t.toml", text: text))
        #expect(layout.entries.map(\.key).last == ["y"])
    }
}
