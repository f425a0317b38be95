import Foundation
import PolkuCheck
import PolkuCLI
import PolkuModel
import PolkuReport
import PolkuSyntax
import Testing

/// Checks a journey given by its path relative to the package root, named as a user types it.
func checkExample(_ relative: String, configuration: Configuration = Configuration()) throws -> (SourceFile, CheckResult) {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path(relative))))
    let source = SourceFile(name: relative, bytes: bytes)
    return (source, Checker.check(Analysis(source), configuration: configuration))
}

/// Golden files for every report format, for examples in all three keyword languages and
/// for a file with errors.
@Suite struct GoldenReportTests {
    static let inputs = [
        "Examples/article-delivery.polku", "Examples/chat-reference.polku", "Examples/kaukolaina-fi.polku",
        "Examples/lasecirkel-sv.polku", "Tests/PolkuTests/Golden/diagnostics/finnish-mistakes.polku",
    ]

    static func base(_ input: String) -> String {
        Fixture.path("Tests/PolkuTests/Golden/reports/" + URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent)
    }

    @Test(arguments: inputs)
    func everyFormat(_ input: String) throws {
        let (source, result) = try checkExample(input)
        let items = result.diagnostics.map { FileDiagnostic(source, $0) }
        Golden.check(items.map { RichRenderer().render($0) + "\n" }.joined(), against: Self.base(input) + ".text")
        Golden.check(items.map { ShortRenderer().render($0) }.joined(), against: Self.base(input) + ".short")
        Golden.check(JSONReport.render(files: [source.name], items), against: Self.base(input) + ".json")
        Golden.check(SARIFReport.render([(source, result)], version: "0.0.0-test"), against: Self.base(input) + ".sarif")
        Golden.check(SummaryReport.render(result), against: Self.base(input) + ".summary")
    }

    @Test func baselineGivesExactlyItsTwoFindings() throws {
        let (source, result) = try checkExample("Examples/article-delivery.polku")
        let found = result.diagnostics.map { "\($0.code)@\(source.location(of: $0.range.start).line)" }
        #expect(found == ["missing-follow-up@15", "missing-recommendation@27"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func examplesHaveNoErrorsButSomeFindings() throws {
        var findings = 0
        for path in Fixture.examples {
            let (_, result) = try checkExample(path)
            #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(path)")
            findings += result.diagnostics.count
        }
        #expect(findings >= 10)
    }
}

/// SARIF must validate against the official 2.1.0 schema, read from `../shared/data` beside
/// the project (never copied into it). A clone elsewhere has no such folder: there the
/// validation says it skipped; `.ci/run` sets POLKU_REQUIRE_SARIF_SCHEMA=1, which makes a
/// missing schema a failure.
@Suite struct SARIFTests {
    static let schema = Fixture.root.deletingLastPathComponent().appendingPathComponent("shared/data/sarif-schema-2.1.0.json").path
    static let schemaPresent = FileManager.default.fileExists(atPath: schema)
    static let schemaRequired = ProcessInfo.processInfo.environment["POLKU_REQUIRE_SARIF_SCHEMA"] == "1"
    static let skipped: Comment = "skipped: the SARIF schema is not at ../shared/data/sarif-schema-2.1.0.json beside this clone, so SARIF is not validated here (CI requires it)"

    func validate(_ sarif: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polku-\(UUID().uuidString).sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["POLKU_PYTHON"] ?? "python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            doc = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str)
            for e in errors[:5]: print(e.message, list(e.absolute_path))
            sys.exit(1 if errors else 0)
            """, Self.schema, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: schemaRequired, "runs where POLKU_REQUIRE_SARIF_SCHEMA=1, as in CI"))
    func schemaIsThere() {
        #expect(FileManager.default.fileExists(atPath: Self.schema), "the SARIF schema is read from \(Self.schema)")
    }

    @Test(.enabled(if: schemaPresent, skipped))
    func examplesAndErrorsValidate() throws {
        var results: [(SourceFile, CheckResult)] = []
        for path in Fixture.examples + ["Tests/PolkuTests/Golden/diagnostics/several-mistakes.polku"] {
            results.append(try checkExample(path))
        }
        let sarif = SARIFReport.render(results, version: "1.0.0")
        let (status, output) = try validate(sarif)
        #expect(status == 0, "SARIF does not validate: \(output)")
        // Every finding is there with its rule and position.
        let doc = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
        let run = (doc["runs"] as! [[String: Any]])[0]
        let sarifResults = run["results"] as! [[String: Any]]
        #expect(sarifResults.count == results.reduce(0) { $0 + $1.1.diagnostics.count + $1.1.suppressed.count })
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        for r in sarifResults {
            let index = r["ruleIndex"] as! Int
            #expect(rules[index]["id"] as? String == r["ruleId"] as? String)
        }
    }

    @Test(.enabled(if: schemaPresent, skipped))
    func anInvalidDocumentFailsValidation() throws {
        // The validator can fail: a result without a message is not SARIF.
        let (status, _) = try validate(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]}"#)
        #expect(status != 0)
    }

    @Test func columnsCountCodePoints() throws {
        let source = SourceFile(name: "ä ö.polku", text: "journey: T\nvia: desk\nbefore:\n  vaihe äö: Ääni\n")
        let result = Checker.check(Analysis(source))
        let sarif = SARIFReport.render([(source, result)], version: "1")
        #expect(sarif.contains("\"uri\" : \"%C3%A4%20%C3%B6.polku\""))
        #expect(sarif.contains("\"startColumn\" : 3"))
    }
}
