import Foundation
import PolkuModel
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
