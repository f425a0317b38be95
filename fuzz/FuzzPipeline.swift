// libFuzzer entry point: every input goes through the whole pipeline — parse, resolve,
// check, every report, the DOT diagram, the checklists — and small ones are rendered to SVG
// through libgvc. One input in sixteen also goes through the files: saved under a name made
// of its own bytes in a folder, found by the folder walk, read back, and its checklist
// written over each kind of target (a new file, a file, a link, a link to nothing). Anything
// that traps is a crash the fuzzer keeps. Built by fuzz/run with swiftc over the project's
// sources (SwiftPM cannot link a libFuzzer executable).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func polkuFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let sample = bytes.reduce(0, { $0 &+ Int($1) })
    if sample % 16 == 3 { throughFiles(bytes) }
    let source = SourceFile(name: "fuzz.polku", bytes: bytes)
    let analysis = Analysis(source)
    // The syntax tree keeps every line: printed back, it is the input.
    if analysis.tree.printed() != bytes { fatalError("the syntax tree does not print back the input") }
    let result = Checker.check(analysis)
    let items = result.diagnostics.map { FileDiagnostic(source, $0) }
    for item in items.prefix(50) {
        _ = RichRenderer().render(item)
        _ = ShortRenderer().render(item)
    }
    // The JSON writers spend most of their time in Foundation; one input in eight is enough.
    if sample % 8 == 1 {
        _ = JSONReport.render(files: [source.name], items)
        _ = SARIFReport.render([(source, result)], version: "fuzz")
    }
    _ = SummaryReport.render(result)
    // The formatter: idempotent, and its output means what the input did.
    let tree = JourneyParser.parse(SourceFile(name: "fuzz.polku", bytes: bytes))
    if let once = Formatter.format(tree) {
        let again = JourneyParser.parse(SourceFile(name: "fuzz.polku", bytes: once))
        if Formatter.format(again) != once { fatalError("formatting twice changes the file") }
        if again.declarations.count != tree.declarations.count { fatalError("the formatted file has other declarations") }
        if sample % 4 == 3, let translated = Formatter.format(again, to: .fi) {
            let back = JourneyParser.parse(SourceFile(name: "fuzz.polku", bytes: translated))
            if Formatter.format(back, to: again.language) != once { fatalError("translating and back changes the file") }
        }
    }
    guard result.rulesRan else { return 0 }

    let dot = SwimlaneDiagram.dot(result)
    // Both layouts, whatever the default would pick for this journey.
    for layout in [DiagramLayout.timeline, .compact] {
        _ = SwimlaneDiagram.dot(result, options: DiagramOptions(layout: layout))
    }
    // Cut into pages (one input in four: it lays the journey out several times).
    if sample % 4 == 2 {
        for layout in [DiagramLayout.timeline, .compact] {
            let paged = SwimlaneDiagram.pages(result, options: DiagramOptions(layout: layout), setup: PageSetup(paper: .a4))
            if paged.dots.isEmpty { fatalError("a diagram cut into no pages") }
        }
    }
    // Determinism: the same journey gives the same DOT.
    if dot != SwimlaneDiagram.dot(Checker.check(Analysis(SourceFile(name: "fuzz.polku", bytes: bytes)))) {
        fatalError("the DOT text differs between two runs on the same input")
    }
    for language in [nil, KeywordLanguage.fi, .sv] {
        let checklist = Checklist(result, language: language)
        _ = MarkdownChecklist.render(checklist)
        _ = HTMLChecklist.render(checklist)
        _ = CSVChecklist.render(checklist)
        // Only a table longer than a sheet is refused, which no input of the fuzzer's sizes makes.
        guard (try? XLSXChecklist.render(checklist)) != nil else { fatalError("a small journey's workbook was refused") }
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

/// The folder walk, the reader and the output writer on one input: what is read back must
/// be what was written, and every output must land whole where its target says.
func throughFiles(_ bytes: [UInt8]) {
    let folder = FilePath(NSTemporaryDirectory() + "polku-fuzz-\(getpid())")
    _ = folder.withCString { mkdir($0, 0o700) }
    defer { _ = folder.withCString { rmdir($0) } }
    // A name made of the input's bytes (no slash, no NUL), any encoding.
    var name = Array(bytes.prefix(40).filter { $0 != 0 && $0 != UInt8(ascii: "/") })
    if name.isEmpty || name == [0x2E] || name == [0x2E, 0x2E] { name = Array("x".utf8) }
    let journey = folder.appending(name + Array(".polku".utf8))
    let fd = journey.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
    guard fd >= 0 else { return }
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    defer { _ = journey.withCString { unlink($0) } }

    let (files, problems) = JourneyFiles.expand([folder.description], fileExtension: "polku")
    if files != [journey] || !problems.isEmpty { fatalError("the folder walk found \(files) and \(problems), not the one journey") }
    guard let read = try? FileReader.read(journey, instead: .journey(fileExtension: "polku")), read == bytes else {
        fatalError("the journey read back is not the journey written")
    }
    let output = Array(MarkdownChecklist.render(Checklist(Checker.check(Analysis(SourceFile(name: "f", bytes: bytes))))).utf8)
    let target = folder.appending(Array("out.md".utf8)), link = folder.appending(Array("link.md".utf8))
    defer { for f in [target, link] { _ = f.withCString { unlink($0) } } }
    for step in 0..<4 {
        switch step {
        case 2: _ = target.withCString { t in link.withCString { symlink(t, $0) } }
        case 3:
            _ = target.withCString { unlink($0) }
        default: break
        }
        let path = step >= 2 ? link : target
        do {
            try OutputFile.write(output, to: path.description)
        } catch {
            fatalError("writing an output failed: \(error)")
        }
        guard let written = try? FileReader.read(target, instead: .fileName), written == output else {
            fatalError("the output written is not whole (step \(step))")
        }
    }
}
