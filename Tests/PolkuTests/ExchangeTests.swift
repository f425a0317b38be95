import Foundation
import PolkuEscaping
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// `polku export` and `polku import`: JSON and Mermaid journeys.
@Suite struct ExchangeTests {
    static let pipeline = Pipeline(Pipeline.Settings(configuration: .none))

    static func checked(_ text: String, name: String = "test.polku") throws -> CheckedJourney {
        let loaded = try pipeline.load(text: text, name: name).get()
        if loaded.hasErrors { throw TestFailure(message: "\(name) has errors: \(loaded.errors.map(\.message))") }
        return loaded
    }

    static func example(_ path: String) throws -> CheckedJourney {
        try checked(try Fixture.read(path), name: path)
    }

    static func importJSON(_ bytes: [UInt8], language: KeywordLanguage? = nil) -> Result<ImportedJourney, Problems> {
        JSONImport.journey(from: SourceFile(name: "in.json", bytes: bytes), language: language)
    }

    static func importMermaid(_ text: String, language: KeywordLanguage? = nil) -> Result<ImportedJourney, Problems> {
        MermaidImport.journey(from: SourceFile(name: "in.mmd", text: text), language: language, fallback: .en)
    }

    static func messages(_ problems: Problems) -> [String] {
        problems.items.map { $0.diagnostic.message }
    }

    // MARK: - JSON

    /// JSON → Polku → JSON gives the same bytes, for every example; the journey written is
    /// already laid out as `polku fmt` would.
    @Test(arguments: Fixture.examples)
    func jsonRoundTripsExactly(_ path: String) throws {
        let original = try Self.example(path)
        let json = JourneyJSON.document(original)
        let imported = try Self.importJSON(json).get()
        #expect(imported.warnings.isEmpty)
        #expect(imported.language == original.language)
        let text = String(decoding: imported.text, as: UTF8.self)
        let again = try Self.checked(text, name: "again.polku")
        let second = JourneyJSON.document(again)
        #expect(second == json, "\(path): the JSON differs after import: \(firstDifference(json, second))")
        #expect(Formatter.format(JourneyParser.parse(SourceFile(name: "x", text: text))) == imported.text)
    }

    /// Every example's export is valid against `Grammar/journey.schema.json`, read by a
    /// real JSON Schema validator.
    @Test func everyExampleValidatesAgainstTheSchema() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for path in Fixture.examples {
            let file = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent + ".json")
            try Data(JourneyJSON.document(try Self.example(path))).write(to: file)
            files.append(file.path)
        }
        // A document that breaks the schema must be caught, or the check proves nothing.
        let broken = folder.appendingPathComponent("broken.json")
        var bad = try JSONSerialization.jsonObject(with: Data(JourneyJSON.document(try Self.example("Examples/article-delivery.polku")))) as! [String: Any]
        bad["version"] = 2
        try JSONSerialization.data(withJSONObject: bad).write(to: broken)

        let (status, output) = try validateSchema(files + [broken.path])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasSuffix(": valid") }.count == files.count, "\(output)")
        #expect(lines.contains { $0.hasPrefix(broken.path + ": invalid") }, "\(output)")
    }

    /// Runs Python's `jsonschema` on each file: prints `FILE: valid` or `FILE: invalid …`.
    func validateSchema(_ files: [String]) throws -> (Int32, String) {
        let python = ProcessInfo.processInfo.environment["POLKU_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("Python's jsonschema is missing: run scripts/test, which installs it, or pip install jsonschema")
                sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                errors = sorted(validator.iter_errors(json.load(open(path))), key=str)
                print(path + (": valid" if not errors else ": invalid " + "; ".join(e.message for e in errors[:3])))
            """, Fixture.path("Grammar/journey.schema.json")] + files
        let result = try run(process)
        return (result.status, result.stdout + result.stderr)
    }

    /// The exports of two examples, kept as golden files (they are also the README's
    /// examples of both formats).
    @Test(arguments: ["article-delivery", "kaukolaina-fi"])
    func exportsMatchTheirGoldenFiles(_ name: String) throws {
        let journey = try Self.example("Examples/\(name).polku")
        let base = Fixture.path("Tests/PolkuTests/Golden/exchange/\(name)")
        Golden.check(String(decoding: JourneyJSON.document(journey), as: UTF8.self), against: base + ".json")
        Golden.check(MermaidExport.text(journey), against: base + ".mmd")
    }

    @Test func jsonKeepsWhatTheJourneyMeansNotHowItIsWritten() throws {
        let english = try Self.checked("""
            journey: Renewing
            via: phone
            before:
              step ask: Calls to renew
                recommend: the app
                follow-up: a text message
            """)
        let finnish = try Self.checked("""
            # a comment, and Finnish keywords, and other indentation
            palvelupolku: Renewing
            kautta: puhelin
            ennen:
            vaihe ask: Calls to renew
            suosittele: the app
            jatko: a text message
            """)
        let a = try JSONSerialization.jsonObject(with: Data(JourneyJSON.document(english, language: .en))) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(JourneyJSON.document(finnish, language: .en))) as! [String: Any]
        #expect(a["language"] as? String == "en" && b["language"] as? String == "fi")
        for key in ["title", "via", "phases", "channels"] {
            #expect(NSDictionary(dictionary: a).value(forKey: key) as? NSObject == NSDictionary(dictionary: b).value(forKey: key) as? NSObject, "\(key)")
        }
        // The same findings; their texts quote keywords as each file spells them.
        func findings(_ doc: [String: Any]) -> [String] { (doc["findings"] as! [[String: Any]]).map { "\($0["rule"]!) \($0["subject"]!)" } }
        #expect(!findings(a).isEmpty && findings(a) == findings(b))
    }

    @Test func findingsCarryTheirRuleSubjectAndStep() throws {
        let journey = try Self.example("Examples/article-delivery.polku")
        let doc = try JSONSerialization.jsonObject(with: Data(JourneyJSON.document(journey))) as! [String: Any]
        let findings = doc["findings"] as! [[String: Any]]
        let pairs = findings.map { "\($0["rule"]!) \($0["subject"]!) \($0["step"]!)" }
        #expect(pairs.contains("missing-follow-up step:notice 1"))
        #expect(pairs.contains("missing-recommendation step:decline 3"))
        #expect(findings.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
    }

    @Test func importWritesTheChosenLanguage() throws {
        let json = JourneyJSON.document(try Self.example("Examples/article-delivery.polku"))
        let swedish = String(decoding: try Self.importJSON(json, language: .sv).get().text, as: UTF8.self)
        #expect(swedish.hasPrefix("kundresa: Article delivery to a researcher's desk\nvia: e-post\n"))
        #expect(swedish.contains("\nföre tjänsten:\n"))
        #expect(swedish.contains("    nästa: pickup, decline\n"))
        #expect(swedish.contains("    nästa: slut\n"))
        // The same journey, in other words.
        let back = try Self.checked(swedish)
        #expect(JourneyJSON.document(back, language: .en).count > 0)
        let a = try JSONSerialization.jsonObject(with: Data(JourneyJSON.document(back))) as! [String: Any]
        #expect(a["language"] as? String == "sv")
        #expect((a["phases"] as! [Any]).count == 3)
    }

    @Test func badJSONSaysWhereAndWhat() throws {
        func problems(_ text: String) -> [String] {
            switch Self.importJSON(Array(text.utf8)) {
            case .success: ["imported"]
            case .failure(let p): Self.messages(p)
            }
        }
        #expect(problems("{\"a\":")[0].hasPrefix("`in.json` is not valid JSON: "))
        #expect(problems("[1, 2]") == ["`in.json` is not a Polku journey: a journey written by `polku export --to json` starts with \"format\": \"polku-journey\""])
        #expect(problems(#"{"format": "polku-journey", "version": 7, "title": "T"}"#)
            == ["`in.json` is in version 7 of Polku's journey format, and this Polku reads version 1: update Polku, or export the journey again with this one"])
        let found = problems(#"""
            {"format": "polku-journey", "version": 1, "title": "T", "via": "web", "personas": {},
             "phases": [{"phase": "midway", "steps": []},
                        {"phase": "before", "steps": [{"title": "A", "mood": 7, "next": [9]},
                                                      {"title": "B", "channel": "faxx", "needs": "x"},
                                                      {"id": "c", "title": "C", "next": [2]}]}]}
            """#)
        #expect(found.contains("at `personas`: a list in square brackets was expected here"))
        #expect(found.contains("at `phases[0].phase`: `midway` is not a phase: use before, during or after"))
        #expect(found.contains("at `phases[1].steps[0].next[0]`: there is no step 9; the steps are numbered from 1 to 3"))
        #expect(found.contains("at `phases[1].steps[0].mood`: `mood:` is a rating from 1 to 5, but this is 7"))
        #expect(found.contains("at `phases[1].steps[1].channel`: there is no channel `faxx` in this journey"))
        #expect(found.contains("at `phases[1].steps[1].needs`: a list in square brackets was expected here"))
        #expect(found.contains("at `phases[1].steps[2].next`: step 2 is named here, but it has no `id` that a `next:` line could name it by"))
    }

    @Test func textWithLineBreaksIsJoinedWithAWarning() throws {
        let imported = try Self.importJSON(Array(#"""
            {"format": "polku-journey", "version": 1, "language": "en", "title": "Two\nlines", "via": "desk",
             "phases": [{"phase": "during", "steps": [{"title": "Asks", "recommendations": ["a\r\n b"]}]}]}
            """#.utf8)).get()
        let text = String(decoding: imported.text, as: UTF8.self)
        #expect(text == "journey: Two lines\nvia: desk\n\nduring:\n  step: Asks\n    recommend: a b\n")
        #expect(imported.warnings.map(\.diagnostic.message) == [
            "at `title`: the text has line breaks; it is joined into one line, since each text in a journey file is one line",
            "at `phases[0].steps[0].recommendations[0]`: the text has line breaks; it is joined into one line, since each text in a journey file is one line",
        ])
    }

    /// Channels come back in the same order even when the journey names them in an order
    /// that profiles-then-declarations would not give.
    @Test func channelOrderIsKept() throws {
        let journey = try Self.checked("""
            journey: Order
            via: email
            channel desk: The desk
            persona p: Someone
              channels: chat, desk
            during:
              step a: A
                via: web
                recommend: x
                follow-up: y
            """)
        let json = JourneyJSON.document(journey)
        let imported = try Self.importJSON(json).get()
        let text = String(decoding: imported.text, as: UTF8.self)
        #expect(text.contains("channel desk: The desk\n\nchannel chat:\n"), "\(text)")
        #expect(JourneyJSON.document(try Self.checked(text)) == json)
        // And a mermaid export keeps it too.
        let mermaid = MermaidExport.text(journey)
        let back = try Self.importMermaid(mermaid).get()
        #expect(JourneyJSON.document(try Self.checked(String(decoding: back.text, as: UTF8.self))) == json)
    }

    // MARK: - Mermaid

    /// Polku → Mermaid → Polku keeps everything the JSON holds, for every example.
    @Test(arguments: Fixture.examples)
    func mermaidRoundTripKeepsTheJourney(_ path: String) throws {
        let original = try Self.example(path)
        let mermaid = MermaidExport.text(original)
        let imported = try Self.importMermaid(mermaid).get()
        #expect(imported.warnings.isEmpty, "\(imported.warnings.map(\.diagnostic.message))")
        #expect(imported.language == original.language)
        let again = try Self.checked(String(decoding: imported.text, as: UTF8.self))
        let a = JourneyJSON.document(original), b = JourneyJSON.document(again)
        #expect(a == b, "\(path): \(firstDifference(a, b))")
        #expect(mermaidLinesAreValid(mermaid), "\(mermaid)")
    }

    /// Each line of a Mermaid journey, as Mermaid's own lexer for journeys reads it: `journey`,
    /// `title`, `section` (no `:`), a task `name: score[: actors]` (no `#` or `;` anywhere),
    /// or a `%%` comment.
    func mermaidLinesAreValid(_ text: String) -> Bool {
        // Blanks as JavaScript's `\s` has them: not the zero-width space the export uses.
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) }
        guard lines.first == "journey" else { return false }
        lines.removeFirst()
        for line in lines where !line.hasPrefix("%%") {
            if line.contains("#") || line.contains(";") { return false }
            let lowered = line.lowercased()
            if lowered.hasPrefix("title ") { continue }
            if lowered.hasPrefix("section ") { if line.contains(":") { return false }; continue }
            if lowered.hasPrefix("journey") || lowered.hasPrefix("acc") { return false }
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, let score = Int(parts[1].trimmingCharacters(in: .whitespaces)),
                  (1...5).contains(score) else { return false }
        }
        return true
    }

    @Test func namesMermaidCannotHoldComeBackAsWritten() throws {
        let journey = try Self.checked("""
            journey: Room #3; the quiet room: booking
            via: web
            during:
              step a: Section of the library: reads the sign #2; then books
                by: advisor, trainee
                by: host
                recommend: x
                follow-up: y
              step b: Title search at the catalogue
                recommend: x
                follow-up: y
                mood: 4
              step c: Journey planner shows the library
                recommend: x
                follow-up: y
            """)
        let mermaid = MermaidExport.text(journey)
        #expect(mermaidLinesAreValid(mermaid), "\(mermaid)")
        #expect(mermaid.contains("      Section of the library\u{A789} reads the sign \u{FF03}2\u{FE54} then books (web): 3: advisor  trainee, host\n".replacingOccurrences(of: "      Section", with: "      \u{200B}Section")))
        let back = try Self.importMermaid(mermaid).get()
        let again = try Self.checked(String(decoding: back.text, as: UTF8.self))
        #expect(JourneyJSON.document(again) == JourneyJSON.document(journey))
    }

    @Test func aMermaidJourneyFromElsewhere() throws {
        let imported = try Self.importMermaid("""
            journey
                title My working day
                section Go to work
                  Make tea: 5: Me
                  Go upstairs: 3: Me
                  Do work: 1: Me, Cat
                section Go home
                  Go downstairs: 5: Me
                  Sit down: 5: Me
            """).get()
        #expect(String(decoding: imported.text, as: UTF8.self) == """
            journey: My working day
            via: other

            before:
              step: Make tea
                by: Me
                mood: 5

              step: Go upstairs
                by: Me
                mood: 3

              step: Do work
                by: Me
                by: Cat
                mood: 1

            after:
              step: Go downstairs
                by: Me
                mood: 5

              step: Sit down
                by: Me
                mood: 5

            """)
        let warnings = imported.warnings.map { ($0.source.location(of: $0.diagnostic.range.start).line, $0.diagnostic.message) }
        #expect(warnings.map(\.0) == [3, 4, 7])
        #expect(warnings.map(\.1) == [
            "the section `Go to work` does not say which phase it is; it is taken as `before`",
            "tasks that name no channel in brackets go in the channel `other`: 5 of them",
            "the section `Go home` does not say which phase it is; it is taken as `after`",
        ])
        #expect(imported.warnings.allSatisfy { $0.diagnostic.severity == .warning && $0.diagnostic.code.name == "import-guessed" })
    }

    @Test func sectionsArePlacedByTheStatedRule() throws {
        func phases(_ sections: [String]) throws -> [String] {
            let text = "journey\n  title T\n" + sections.map { "  section \($0)\n    Task (desk): 3\n" }.joined()
            let imported = try Self.importMermaid(text, language: .en).get()
            let journey = try Self.checked(String(decoding: imported.text, as: UTF8.self))
            return journey.result.analysis.journey.steps.map(\.phase.rawValue)
        }
        #expect(try phases(["Everything"]) == ["during"])
        #expect(try phases(["Arrive", "Leave"]) == ["before", "after"])
        #expect(try phases(["Arrive", "Browse", "Borrow", "Leave"]) == ["before", "during", "during", "after"])
        // A phase word anywhere in the name, in any language; then later sections follow it.
        #expect(try phases(["Kotona ennen käyntiä", "Palvelun aikana", "Lainaus", "Efter besöket"]) == ["before", "during", "during", "after"])
        #expect(try phases(["Arrive", "During the visit", "Borrow"]) == ["before", "during", "during"])
    }

    @Test func mermaidLanguageComesFromItsComments() throws {
        let mermaid = MermaidExport.text(try Self.example("Examples/kaukolaina-fi.polku"))
        #expect(mermaid.contains("    section Ennen palvelua\n"))
        #expect(mermaid.contains("      %% suosittele: "))
        let imported = try Self.importMermaid(mermaid).get()
        #expect(imported.language == .fi)
        #expect(String(decoding: imported.text, as: UTF8.self).hasPrefix("palvelupolku: Kaukolaina kotiseutuharrastajalle\n"))
        let english = try Self.importMermaid(mermaid, language: .en).get()
        #expect(String(decoding: english.text, as: UTF8.self).hasPrefix("journey: Kaukolaina kotiseutuharrastajalle\n"))
    }

    @Test func mermaidMistakesAreShownOnTheirLines() throws {
        guard case .failure(let notJourney) = Self.importMermaid("%% hello\nflowchart LR\n  a --> b\n") else {
            throw TestFailure(message: "a flowchart was imported")
        }
        #expect(notJourney.items.map { $0.source.location(of: $0.diagnostic.range.start).line } == [2])
        #expect(Self.messages(notJourney) == ["this is not a Mermaid journey: its first line should be `journey`"])

        guard case .failure(let bad) = Self.importMermaid("""
            journey
              title T
              %% via: faxx
              section Before
                Asks (desk): 4
                %% mood: 9
            """) else { throw TestFailure(message: "imported") }
        let lines = bad.items.map { ($0.source.location(of: $0.diagnostic.range.start).line, $0.diagnostic.code.name) }
        #expect(lines.map(\.0) == [3, 6], "\(lines)")
        #expect(lines.map(\.1) == ["unknown-channel", "invalid-rating"])

        let warned = try Self.importMermaid("""
            journey
              title T
              %% just a remark
              section Before
                Asks (desk): lots
                %% recommend: the app
                something odd
            """).get()
        #expect(warned.warnings.map { $0.source.location(of: $0.diagnostic.range.start).line } == [3, 5, 7])
        #expect(String(decoding: warned.text, as: UTF8.self) == "journey: T\n\nbefore:\n  step: Asks\n    via: desk\n    recommend: the app\n")
    }

    @Test func aMarkdownPageWithAMermaidBlock() throws {
        let page = MermaidExport.text(try Self.example("Examples/article-delivery.polku"), markdown: true)
        #expect(page.hasPrefix("# Article delivery to a researcher's desk\n\n```mermaid\njourney\n"))
        #expect(page.hasSuffix("```\n"))
        let framed = "Some notes.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n" + page
        let imported = try Self.importMermaid(framed).get()
        #expect(JourneyJSON.document(try Self.checked(String(decoding: imported.text, as: UTF8.self)))
            == JourneyJSON.document(try Self.example("Examples/article-delivery.polku")))
    }

    // MARK: - The commands

    @Test func exportAndImportFromTheCommandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-exchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("journey.json").path
        let mmd = folder.appendingPathComponent("journey.md").path
        let polku = folder.appendingPathComponent("journey.polku").path

        var r = try runPolku(["export", "Examples/article-delivery.polku", "-o", json])
        #expect(r.status == 0, "\(r.stderr)")
        r = try runPolku(["export", "Examples/article-delivery.polku", "-o", mmd])
        let page = try String(contentsOfFile: mmd, encoding: .utf8)
        #expect(r.status == 0 && page.contains("```mermaid\njourney\n"))
        r = try runPolku(["export", "Examples/article-delivery.polku", "--to", "json", "-o", mmd])
        #expect(r.status == 2 && r.stderr.contains("--format is json"), "\(r.stderr)")
        r = try runPolku(["export", "Examples/article-delivery.polku"], environment: ["POLKU_LANG": "en"])
        #expect(r.status == 2 && r.stderr.contains("--to mermaid or --to json"))
        r = try runPolku(["export", "Examples/article-delivery.polku", "--to", "json", "-o", "-"])
        #expect(r.status == 0 && r.stdout.hasPrefix("{\n  \"format\": \"polku-journey\",\n  \"version\": 1,\n"))

        r = try runPolku(["import", json, "-o", polku], environment: ["POLKU_LANG": "en"])
        #expect(r.status == 0 && r.stderr == "Wrote `\(polku)`. Next: run `polku check \(polku)`.\n", "\(r.stderr)")
        let written = try String(contentsOfFile: polku, encoding: .utf8)
        r = try runPolku(["import", mmd, "-o", polku], environment: ["POLKU_LANG": "en"])
        #expect(r.status == 2 && r.stderr.contains("exists already"), "\(r.stderr)")
        #expect(try String(contentsOfFile: polku, encoding: .utf8) == written)
        r = try runPolku(["import", mmd, "-o", polku, "--force", "--lang", "fi"])
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: polku, encoding: .utf8).hasPrefix("palvelupolku: "))
        r = try runPolku(["import", "-", "--from", "json", "-o", "-"], stdin: Data("{\"format\": 1}".utf8))
        #expect(r.status == 1 && r.stdout.isEmpty && r.stderr.contains("import-invalid"))
        r = try runPolku(["import", "Examples/article-delivery.polku"], environment: ["POLKU_LANG": "en"])
        #expect(r.status == 2 && r.stderr.contains("name it .json"))
        r = try runPolku(["check", polku, "--format", "short"])
        #expect(r.stdout.contains("missing-follow-up"))
    }
}

/// Where two documents first differ, for a failure message.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard let i = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
        return x.count == y.count ? "same" : "lengths \(x.count) and \(y.count)"
    }
    return "line \(i + 1): \(x[i]) | \(y[i])"
}

/// Importers read files from elsewhere: whatever their bytes, they import or say why, and
/// never crash.
@Suite struct ImportRobustnessTests {
    static func mutations(of text: String, seed: UInt64, count: Int) -> [String] {
        var random = SplitMix64(seed: seed)
        let pieces: [String] = ["\n", ":", "%%", "#", ";", "(", ")", "section ", "title ", "```mermaid\n", "\"", "{", "}",
                                "[", "]", ",", "null", "7", "-1", "ä", "\u{200B}", "\r\n", "journey", "via: ", "next: ", "\u{0}"]
        return (0..<count).map { _ in
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<(1 + random.below(6)) {
                guard !scalars.isEmpty else { break }
                let at = random.below(scalars.count)
                switch random.below(3) {
                case 0: scalars.removeSubrange(at..<min(scalars.count, at + 1 + random.below(40)))
                case 1: scalars.insert(contentsOf: random.pick(pieces).unicodeScalars, at: at)
                default:
                    let from = random.below(scalars.count)
                    scalars.insert(contentsOf: scalars[from..<min(scalars.count, from + random.below(60))], at: at)
                }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars)
            return String(s)
        }
    }

    /// Imports each input: a journey with no errors, or at least one reason why not.
    /// Returns how many were imported.
    static func imports(_ inputs: [String], _ importer: (SourceFile) -> Result<ImportedJourney, Problems>) -> Int {
        var imported = 0
        for (i, input) in inputs.enumerated() {
            switch importer(SourceFile(name: "input\(i)", text: input)) {
            case .success(let made):
                imported += 1
                #expect(!Analysis(SourceFile(name: "x", bytes: made.text)).hasErrors)
            case .failure(let problems):
                #expect(!problems.items.isEmpty)
            }
        }
        return imported
    }

    @Test func mangledMermaidNeverCrashes() throws {
        let text = try Fixture.read("Tests/PolkuTests/Golden/exchange/kaukolaina-fi.mmd")
        let imported = Self.imports(Self.mutations(of: text, seed: 15, count: 400)) {
            MermaidImport.journey(from: $0, language: nil, fallback: .en)
        }
        #expect(imported > 0)
    }

    @Test func mangledJSONNeverCrashes() throws {
        let text = try Fixture.read("Tests/PolkuTests/Golden/exchange/article-delivery.json")
        let imported = Self.imports(Self.mutations(of: text, seed: 16, count: 400)) { JSONImport.journey(from: $0, language: nil) }
        #expect(imported > 0)
    }
}
