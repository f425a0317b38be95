import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuChecklist
import PolkuCLI
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// Runs one input through everything Polku can make of it; returns what it made, so tests
/// can compare two runs. Traps would crash the test run, which is the point.
func wholePipeline(_ bytes: [UInt8], render: Bool = false) throws -> [String] {
    let source = SourceFile(name: "in.polku", bytes: bytes)
    let result = Checker.check(Analysis(source))
    let items = result.diagnostics.map { FileDiagnostic(source, $0) }
    var outputs = items.prefix(200).map { RichRenderer().render($0) + ShortRenderer().render($0) }
    outputs.append(JSONReport.render(files: [source.name], items))
    outputs.append(SummaryReport.render(result))
    guard result.rulesRan else { return outputs }
    outputs.append(SwimlaneDiagram.dot(result))
    let checklist = Checklist(result)
    outputs += [MarkdownChecklist.render(checklist), HTMLChecklist.render(checklist), CSVChecklist.render(checklist)]
    if render {
        outputs.append(String(decoding: try draw(result, format: .svg, options: DiagramOptions()), as: UTF8.self))
    }
    return outputs
}

/// The hostile inputs of `Tests/PolkuTests/Hostile/` and the generated large ones, each with
/// what it must do.
@Suite struct HostileInputTests {
    func load(_ name: String) throws -> (SourceFile, CheckResult) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("Tests/PolkuTests/Hostile/\(name)"))))
        let source = SourceFile(name: name, bytes: bytes)
        return (source, Checker.check(Analysis(source)))
    }

    @Test func cyclesAndSelfLoops() throws {
        let (source, result) = try load("cycles.polku")
        #expect(result.diagnostics.map { "\($0.code)@\(source.location(of: $0.range.start).line)" } == ["no-exit@27", "no-exit@33"])
        _ = try wholePipeline(source.bytes, render: true)
    }

    @Test func invisibleCharactersInIdsAreErrorsButFineInTitles() throws {
        let (source, result) = try load("invisible.polku")
        #expect(result.diagnostics.map(\.code.name) == ["invalid-id", "invalid-id"])
        #expect(result.diagnostics.map { source.location(of: $0.range.start).line } == [8, 9])
        #expect(result.analysis.journey.steps[0].id == "café-é")
        // The excerpt shows the override as �, so it cannot reorder the terminal line.
        let shown = RichRenderer().render(FileDiagnostic(source, result.diagnostics[0]))
        #expect(!shown.contains("\u{202E}"))
        _ = try wholePipeline(source.bytes)
    }

    @Test func nulByteMeansBinary() throws {
        let (source, result) = try load("nul-byte.polku")
        #expect(result.diagnostics.map(\.code.name) == ["binary-file"])
        #expect(source.location(of: result.diagnostics[0].range.start) == PolkuSyntax.SourceLocation(line: 4, column: 12))
    }

    @Test func fileEndingInsideACharacter() throws {
        let (source, result) = try load("truncated-utf8.polku")
        #expect(result.diagnostics.map(\.code.name) == ["invalid-utf8"])
        #expect(result.diagnostics[0].range.start == source.bytes.count - 1)
    }

    @Test func textThatLooksLikeCodeStaysText() throws {
        let (source, result) = try load("looks-like-code.polku")
        #expect(!result.diagnostics.contains { $0.severity == .error })
        let outputs = try wholePipeline(source.bytes, render: true)
        let svg = try XMLDocument(data: Data(outputs.last!.utf8), options: [])
        #expect(try svg.nodes(forXPath: "//*[local-name()='script' or local-name()='image' or local-name()='a']").isEmpty)
        let html = HTMLChecklist.render(Checklist(result))
        let page = try XMLDocument(data: Data(html.utf8), options: [])
        #expect(try page.nodes(forXPath: "//img|//a").isEmpty)
        #expect(try onlyTheTickScript(page))
        #expect(page.rootElement()?.stringValue?.contains(#"<IMG SRC="file:///etc/passwd"> & &amp; &#92;N \N \G"#) == true)
        let csv = CSVChecklist.render(Checklist(result))
        #expect(csv.contains("'=cmd|' /C calc'!A0"))
        #expect(!csv.contains(",=cmd"))
    }

    @Test func oneHundredThousandSteps() throws {
        var text = "journey: Big\nvia: desk\nbefore:\n"
        text.reserveCapacity(9_000_000)
        for i in 0..<100_000 {
            text += "  step s\(i): Step \(i)\n    recommend: r\n"
            if i % 3 == 0 { text += "    follow-up: f\n" }
        }
        let result = Checker.check(Analysis(SourceFile(name: "big", text: text)))
        #expect(result.analysis.journey.steps.count == 100_000)
        let missing = result.diagnostics.filter { $0.code.name == "missing-follow-up" }.count
        #expect(missing == 100_000 - 33_334)
        // missing-phase twice (no during, no after) and missing-feedback is not raised without after steps.
        #expect(result.diagnostics.filter { $0.code.name == "missing-phase" }.count == 2)
    }

    @Test func aOneMegabyteLineThroughEveryOutput() throws {
        let long = String(repeating: "pitkä sana ", count: 95_000)
        let text = "journey: \(long)\nvia: desk\nbefore:\n  step a: \(long)\n    recommend: \(long)\n    follow-up: \(long)\n"
        #expect(text.utf8.count > 1_000_000)
        let outputs = try wholePipeline(Array(text.utf8), render: true)
        // Diagram labels are capped: the DOT stays small whatever the input.
        #expect(outputs.first { $0.hasPrefix("digraph") }!.utf8.count < 60_000)
    }

    @Test func tenThousandChannels() throws {
        var text = "journey: Many channels\nvia: desk\n"
        for i in 0..<10_000 { text += "channel c\(i): Channel \(i)\n" }
        text += "before:\n"
        for i in stride(from: 0, to: 10_000, by: 100) { text += "  step s\(i): Step\n    via: c\(i)\n    recommend: r\n    follow-up: f\n" }
        let result = Checker.check(Analysis(SourceFile(name: "channels", text: text)))
        #expect(!result.diagnostics.contains { $0.severity == .error })
        #expect(result.diagnostics.filter { $0.code.name == "unused-channel" }.count == 9_900)
        #expect(result.analysis.journey.channels.count == 10_001)
        let dot = SwimlaneDiagram.dot(result)
        #expect(dot.components(separatedBy: "lanelabel").count - 1 == 100)
    }
}

/// Every input the fuzzer ever found, through the whole pipeline.
@Suite struct FuzzRegressionTests {
    static var inputs: [String] {
        let dir = Fixture.path("Tests/PolkuTests/Fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".polku") }.sorted().map { "\(dir)/\($0)" }
    }

    @Test(arguments: inputs)
    func foundInputStillWorks(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        _ = try wholePipeline(bytes, render: true)
    }
}
