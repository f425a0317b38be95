import Foundation
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// Golden files: each `Golden/<group>/<name>.polku` sits beside the output it must give.
/// Run the tests with `POLKU_ACCEPT=1` to write the current output as the new expectation,
/// then review the change in `git diff` like code.
enum Golden {
    static var accepting: Bool { ProcessInfo.processInfo.environment["POLKU_ACCEPT"] == "1" }

    static func inputs(_ group: String) -> [String] {
        let dir = Fixture.path("Tests/PolkuTests/Golden/\(group)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".polku") }.sorted().map { "\(dir)/\($0)" }
    }

    /// Compares `actual` with the file at `expectedPath`, or writes it when accepting.
    static func check(_ actual: String, against expectedPath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if accepting {
            try? actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
            Issue.record("missing golden file \(expectedPath); run the tests with POLKU_ACCEPT=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            Issue.record("""
                \(expectedPath) differs at line \(line + 1)
                expected: \(line < e.count ? String(e[line]) : "<end>")
                actual:   \(line < a.count ? String(a[line]) : "<end>")
                (run with POLKU_ACCEPT=1 to accept the new output)
                """, sourceLocation: sourceLocation)
        }
    }

    /// Loads a golden input with its short name (as diagnostics show it).
    static func source(_ path: String) throws -> SourceFile {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return SourceFile(name: URL(fileURLWithPath: path).lastPathComponent, bytes: bytes)
    }
}

@Suite struct GoldenDiagnosticsTests {
    @Test(arguments: Golden.inputs("diagnostics"))
    func richAndShortRendering(_ path: String) throws {
        let source = try Golden.source(path)
        let items = Analysis(source).diagnostics.map { FileDiagnostic(source, $0) }
        let rich = items.map { RichRenderer().render($0) }.joined(separator: "\n")
        let short = items.map { ShortRenderer().render($0) }.joined()
        let base = String(path.dropLast(".polku".count))
        Golden.check(rich, against: base + ".txt")
        Golden.check(short, against: base + ".short")
    }

    @Test func thereAreGoldenInputs() {
        #expect(Golden.inputs("diagnostics").count >= 8)
    }
}

/// A Finnish and a Swedish journey, with mistakes and with findings, as their writers see
/// them: rich text, short and summary output in the journey's own language, and the same
/// with `--lang en`.
@Suite struct LanguageGoldenTests {
    @Test(arguments: Golden.inputs("languages"))
    func ownLanguageAndEnglish(_ path: String) throws {
        let journey = try Pipeline().load(text: String(decoding: try Golden.source(path).bytes, as: UTF8.self),
                                          name: URL(fileURLWithPath: path).lastPathComponent).get()
        let base = String(path.dropLast(".polku".count))
        for (language, suffix) in [(KeywordLanguage?.none, ""), (.en, ".en")] {
            Golden.check(Reports.render([journey], format: .text, version: "test", language: language), against: base + suffix + ".txt")
            Golden.check(Reports.render([journey], format: .short, version: "test", language: language), against: base + suffix + ".short")
            Golden.check(Reports.render([journey], format: .summary, version: "test", language: language), against: base + suffix + ".summary")
        }
    }

    @Test func thereAreFinnishAndSwedishInputs() {
        let names = Golden.inputs("languages").map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names.contains("fi-mistakes.polku") && names.contains("sv-findings.polku"))
    }
}
