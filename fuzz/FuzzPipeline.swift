// libFuzzer entry point: every input goes through the whole pipeline — parse, resolve,
// check, every report, the DOT diagram, the checklists — and small ones are rendered to SVG
// through libgvc. Anything that traps is a crash the fuzzer keeps. Built by fuzz/run with
// swiftc over the project's sources (SwiftPM cannot link a libFuzzer executable).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func polkuFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceFile(name: "fuzz.polku", bytes: bytes)
    let analysis = Analysis(source)
    let result = Checker.check(analysis)
    let items = result.diagnostics.map { FileDiagnostic(source, $0) }
    for item in items.prefix(50) {
        _ = RichRenderer().render(item)
        _ = ShortRenderer().render(item)
    }
    // The JSON writers spend most of their time in Foundation; one input in eight is enough.
    let sample = bytes.reduce(0, { $0 &+ Int($1) })
    if sample % 8 == 1 {
        _ = JSONReport.render(files: [source.name], items)
        _ = SARIFReport.render([(source, result)], version: "fuzz")
    }
    _ = SummaryReport.render(result)
    guard result.rulesRan else { return 0 }

    let dot = SwimlaneDiagram.dot(result)
    // Determinism: the same journey gives the same DOT.
    if dot != SwimlaneDiagram.dot(Checker.check(Analysis(SourceFile(name: "fuzz.polku", bytes: bytes)))) {
        fatalError("the DOT text differs between two runs on the same input")
    }
    for language in [nil, KeywordLanguage.fi, .sv] {
        let checklist = Checklist(result, language: language)
        _ = MarkdownChecklist.render(checklist)
        _ = HTMLChecklist.render(checklist)
        _ = CSVChecklist.render(checklist)
    }
    // Graphviz is slow next to the rest (it takes most of the time of a run); render one
    // small journey in four, chosen by the input's bytes so a crash repeats.
    if size < 3_000 && sample % 4 == 0 {
        do {
            _ = try Graphviz.shared.renderBlocking(dot: dot, format: .svg)
        } catch {
            fatalError("Graphviz refused a diagram Polku wrote: \(error)")
        }
    }
    return 0
}
