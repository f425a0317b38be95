import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuChecklist
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// Paths and helpers shared by the tests.
enum Fixture {
    /// The package root, found from this file's place in `Tests/PolkuTests/`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Every example journey, sorted.
    static var examples: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("Examples"))) ?? []
        return names.filter { $0.hasSuffix(".polku") }.sorted().map { "Examples/\($0)" }
    }

    /// The `polku` binary built beside the test bundle.
    static var binary: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("polku").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/polku").path
    }

    /// Analyses a journey given as text.
    static func analyze(_ text: String, name: String = "test.polku") -> Analysis {
        Analysis(SourceFile(name: name, text: text))
    }

    static func codes(_ text: String) -> [String] { analyze(text).diagnostics.map(\.code.name) }
}

/// SplitMix64: a tiny deterministic generator, so every seed gives the same sentence or input
/// on every machine (grammar sentences, property tests).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (the modulo bias is irrelevant here).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// The result of running the real `polku` binary.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `polku` with arguments, from the package root, with optional standard input.
func runPolku(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Fixture.binary)
    process.arguments = arguments
    process.currentDirectoryURL = Fixture.root
    return try run(process, stdin: stdin, environment: environment)
}

/// Runs a process with `NO_COLOR` set, feeding it `stdin`, and collects what it writes.
func run(_ process: Process, stdin: Data? = nil, environment: [String: String] = [:]) throws -> RunResult {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    // What belongs to no journey is said in English, whatever the machine's locale.
    env["POLKU_LANG"] = "en"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes while the process runs, so a large output cannot block it.
    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        outBox.data = out.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let outData = outBox.data
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// The baseline example of `language.md`, as written there.
let baselineExample = """
# Article delivery for a researcher
journey: Article delivery to a researcher's desk
via: email

persona researcher: Doctoral researcher who rarely visits the library
  uses: e-journals from home
  channels: email, chat
  assurance: every service advisor knows the delivery form

channel desk: Main library service desk
  competence: 4
  presence: 3

before:
  step notice: Notices the article is not licensed
    via: web
    need: full text of a 1998 conference paper
    recommend: the delivery service page, linked from the e-journal portal

during:
  step request: Sends a delivery request
    by: service advisor
    recommend: reference-manager workshop next week
    follow-up: confirm receipt within one working day
    next: pickup, decline

  step decline: Hears the article cannot be delivered
    by: service advisor
    follow-up: offer an interlibrary loan instead
    mood: 2
    next: end

after:
  step pickup: Collects the copy at the desk
    via: desk
    recommend: new e-books in the same field
    follow-up: ask how the delivery worked
    feedback: praise and complaint form at the desk
    mood: 5

"""

/// Draws a checked journey through the pipeline, as `polku render` does.
func draw(_ result: CheckResult, format: DiagramFormat = .svg, options: DiagramOptions = DiagramOptions()) throws -> [UInt8] {
    let journey = CheckedJourney(source: result.analysis.source, result: result)
    do {
        return try Diagrams.drawBlocking(journey, format: format, options: options).bytes
    } catch {
        throw DrawingFailed(message: error.items.map { "\($0.diagnostic.message) \($0.diagnostic.notes)" }.joined(separator: "\n"))
    }
}

struct DrawingFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Something a test's helper could not do.
struct TestFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Whether the HTML checklist's only script is Polku's own, which keeps the ticks (and no
/// journey text made it into a script).
func onlyTheTickScript(_ document: XMLDocument) throws -> Bool {
    let scripts = try document.nodes(forXPath: "//script")
    guard scripts.count == 1, let script = scripts.first as? XMLElement else { return false }
    return script.attribute(forName: "src") == nil
        && script.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) == HTMLChecklist.tickScript.trimmingCharacters(in: .whitespacesAndNewlines)
}
