import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// The pipeline every front door calls: a journey from a path or from text, its
/// configuration found by path or given as text, and each output as a value. The command
/// line is a thin layer over it: what it prints is what the pipeline makes.
@Suite struct PipelineTests {
    @Test func loadsFromAPath() throws {
        let journey = try Pipeline().load(Fixture.path("Examples/article-delivery.polku")).get()
        #expect(journey.result.diagnostics.map(\.code.name) == ["missing-follow-up", "missing-recommendation"])
        #expect(journey.path?.description == Fixture.path("Examples/article-delivery.polku"))
    }

    @Test func loadsTextWithItsConfigurationGivenAsText() throws {
        let off = Pipeline(Pipeline.Settings(configuration: .text(name: "polku.toml", text: "[rules]\nmissing-recommendation = \"off\"\n")))
        let journey = try off.load(text: baselineExample, name: "in-memory.polku").get()
        #expect(journey.source.name == "in-memory.polku")
        #expect(journey.result.diagnostics.map(\.code.name) == ["missing-follow-up"])
        // Without configuration, both findings.
        let plain = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: baselineExample, name: "x.polku").get()
        #expect(plain.result.diagnostics.count == 2)
    }

    @Test func findsTheNearestConfigurationByPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("journeys"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[rules]\nmissing-follow-up = \"error\"\n".write(to: dir.appendingPathComponent("polku.toml"), atomically: true, encoding: .utf8)
        // Text in memory, configured as if it were saved in journeys/.
        let journey = try Pipeline().load(text: baselineExample, name: "draft",
                                          path: dir.appendingPathComponent("journeys/draft.polku").path).get()
        #expect(journey.result.diagnostics.first { $0.code.name == "missing-follow-up" }?.severity == .error)
    }

    @Test func aConfigurationIsReadOncePerFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let toml = dir.appendingPathComponent("polku.toml")
        try "[rules]\nmissing-need = \"off\"\n".write(to: toml, atomically: true, encoding: .utf8)
        let pipeline = Pipeline()
        _ = try pipeline.configuration(forJourneyAt: JourneyPath(dir.appendingPathComponent("a.polku").path)).get()
        // A broken file now would fail, if it were read again.
        try "[rules\n".write(to: toml, atomically: true, encoding: .utf8)
        let again = try pipeline.configuration(forJourneyAt: JourneyPath(dir.appendingPathComponent("b.polku").path)).get()
        #expect(again.settings["missing-need"] == .off)
        // A new pipeline reads it anew and reports the problem as a diagnostic with a code.
        guard case .failure(let problems) = Pipeline().configuration(forJourneyAt: JourneyPath(dir.appendingPathComponent("c.polku").path)) else {
            Issue.record("a broken polku.toml was accepted")
            return
        }
        #expect(problems.items.map(\.diagnostic.code) == [ErrorCode.configSyntax.code])
    }

    @Test func everyOutputIsAValue() throws {
        let journey = try Pipeline().load(Fixture.path("Examples/kaukolaina-fi.polku")).get()
        for format in ReportFormat.allCases {
            #expect(!Reports.render([journey], format: format, version: "test").isEmpty)
        }
        let svg = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions()).bytes
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        let dot = try Diagrams.drawBlocking(journey, format: .dot, options: DiagramOptions()).bytes
        #expect(String(decoding: dot, as: UTF8.self).hasPrefix("digraph"))
        for format in ChecklistFormat.allCases {
            #expect(!Checklists.render(journey, format: format).isEmpty)
        }
    }

    @Test func drawingFromAsyncCodeGivesTheSameBytes() async throws {
        let journey = try Pipeline().load(Fixture.path("Examples/chat-reference.polku")).get()
        let blocking = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions()).bytes
        let awaited = try await Diagrams.draw(journey, format: .svg, options: DiagramOptions()).bytes
        #expect(blocking == awaited)
    }

    /// The command line prints exactly what the pipeline makes.
    @Test func theCommandLineIsAThinLayer() throws {
        let path = "Examples/article-delivery.polku"
        let pipeline = Pipeline()
        let journey = try pipeline.load(Fixture.path(path)).get()
        // The command line names the file as the user typed it.
        let named = try pipeline.check(SourceFile(name: path, bytes: journey.source.bytes), path: JourneyPath(Fixture.path(path))).get()
        for format in [ReportFormat.short, .json, .summary] {
            let r = try runPolku(["check", "--format", format.rawValue, path])
            #expect(r.stdout == Reports.render([named], format: format, version: "test"), "\(format)")
        }
        let r = try runPolku(["render", path, "-o", "-", "--format", "svg"])
        let svg = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions(dpi: 150)).bytes
        #expect(r.stdout == String(decoding: svg, as: UTF8.self))
        // The process starts Graphviz, pango and fontconfig on another thread while it reads
        // its arguments (`Diagrams.startGraphvizEarly`): its pictures are still the same bytes.
        let folder = try TempFolder()
        for format in [DiagramFormat.png, .pdf] {
            let out = folder.url.appendingPathComponent("a.\(format.rawValue)").path
            #expect(try runPolku(["render", path, "-o", out]).status == 0)
            let drawn = try Diagrams.drawBlocking(journey, format: format, options: DiagramOptions(dpi: 150)).bytes
            #expect(try Array(Data(contentsOf: URL(fileURLWithPath: out))) == drawn, "\(format)")
        }
    }
}
