import Foundation
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// Every kind of bad input gets one clear error with a position, never a crash.
@Suite struct BadInputTests {
    @Test func emptyFile() {
        let a = Analysis(SourceFile(name: "e", bytes: []))
        #expect(a.diagnostics.map(\.code.name) == ["missing-journey"])
        #expect(a.diagnostics[0].message == "the file has no journey in it")
    }

    @Test func onlyCommentsAndBlanks() {
        #expect(Fixture.codes("# one\n\n  # two\n\t\n") == ["missing-journey"])
    }

    @Test func onlyABOM() {
        #expect(Analysis(SourceFile(name: "b", bytes: [0xEF, 0xBB, 0xBF])).diagnostics.map(\.code.name) == ["missing-journey"])
    }

    @Test func binaryDataIsOneError() {
        var bytes: [UInt8] = Array("journey: T\n".utf8)
        var seed: UInt64 = 42
        for _ in 0..<4096 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        bytes.append(0)
        let a = Analysis(SourceFile(name: "bin", bytes: bytes))
        #expect(a.diagnostics.map(\.code.name) == ["binary-file"])
    }

    @Test func invalidUTF8GivesThePositionOfTheFirstBadByte() {
        // "journey: Pää" in Latin-1: the first bad byte is the ä at column 11.
        let bytes: [UInt8] = Array("journey: P".utf8) + [0xE4, 0xE4] + Array("\nvia: desk\n".utf8)
        let source = SourceFile(name: "l1", bytes: bytes)
        let a = Analysis(source)
        #expect(a.diagnostics.map(\.code.name) == ["invalid-utf8"])
        #expect(source.location(of: a.diagnostics[0].range.start) == PolkuSyntax.SourceLocation(line: 1, column: 11))
        // The rest is still read.
        #expect(a.journey.title.value == "P\u{FFFD}\u{FFFD}")
    }

    @Test(arguments: [
        ([0xC3] as [UInt8], 0), ([0xE2, 0x82] as [UInt8], 0), ([0xED, 0xA0, 0x80] as [UInt8], 0),
        ([0xF4, 0x90, 0x80, 0x80] as [UInt8], 0), ([0x41, 0x80] as [UInt8], 1), ([0xC0, 0xAF] as [UInt8], 0),
    ])
    func utf8Validator(_ bytes: [UInt8], _ expected: Int) {
        let source = SourceFile(name: "u", bytes: Array("journey: ".utf8) + bytes)
        let d = Analysis(source).diagnostics.first { $0.code.name == "invalid-utf8" }
        #expect(d?.range.start == 9 + expected)
    }

    @Test func fileEndingInsideAUTF8Sequence() {
        let bytes = Array("journey: Pää".utf8).dropLast()
        let a = Analysis(SourceFile(name: "cut", bytes: Array(bytes)))
        #expect(a.diagnostics.map(\.code.name) == ["invalid-utf8"])
    }

    @Test func validUTF8IsNotFlagged() {
        #expect(Fixture.codes("journey: Ääni 🎧 ∑ 你好\n") == [])
    }

    @Test func aOneMegabyteLine() {
        let long = String(repeating: "sana ", count: 200_000)
        let text = "journey: T\nvia: desk\nbefore:\n  step a: \(long)\n    folow-up: \(long)\n"
        let a = Fixture.analyze(text)
        #expect(a.diagnostics.map(\.code.name) == ["unknown-keyword"])
        #expect(a.journey.steps[0].title.value.utf8.count == long.utf8.count - 1)
        // The excerpt shown is cut, not a megabyte.
        let rendered = RichRenderer().render(FileDiagnostic(a.source, a.diagnostics[0]))
        #expect(rendered.utf8.count < 2_000)
        #expect(rendered.contains("did you mean `follow-up:`?"))
    }

    @Test func aLongLineWithTheMistakeFarRight() {
        let text = "journey: T\nvia: desk\nbefore:\n  step a: A\n    next: \(String(repeating: "b, ", count: 10_000))nowhere\n  step b: B\n"
        let a = Fixture.analyze(text)
        #expect(a.diagnostics.map(\.code.name) == ["unknown-step"])
        let rendered = RichRenderer().render(FileDiagnostic(a.source, a.diagnostics[0]))
        #expect(rendered.contains("nowhere"))
        #expect(rendered.utf8.count < 2_000)
    }

    /// Ten thousand mistakes: the first thousand are shown, then how many more there are.
    @Test func errorsPastTheLimitAreCounted() {
        let text = "journey: T\nvia: desk\nbefore:\n  step a: A\n    next: \(String(repeating: "b, ", count: 10_000))nowhere\n"
        let a = Fixture.analyze(text)
        #expect(a.diagnostics.count == Catalog.errorLimit + 1)
        let last = a.diagnostics.last!
        #expect(last.code == ErrorCode.tooManyErrors.code)
        #expect(last.message == "and 9001 more errors that are not shown")
        // The same for the parser: a file of lines that are all mistakes.
        let lines = Fixture.analyze(String(repeating: "x\n", count: 50_000))
        #expect(lines.diagnostics.count == Catalog.errorLimit + 1)
        #expect(lines.diagnostics.last?.message == "and \(50_000 + 1 - Catalog.errorLimit) more errors that are not shown")
    }

    @Test func fiftyMegabytes() throws {
        // About 50 MB: parsing must finish and find the one mistake at the end.
        var text = "journey: Big\nvia: desk\nbefore:\n"
        let step = "  step: A step with a reasonably long title to fill the file\n    recommend: something to read next time\n    follow-up: tell what happens next\n"
        text.reserveCapacity(52_000_000)
        while text.utf8.count < 50_000_000 { text += step }
        text += "    mood: 9\n"
        let a = Analysis(SourceFile(name: "big", text: text))
        #expect(a.diagnostics.map(\.code.name) == ["invalid-rating"])
        #expect(a.journey.steps.count > 300_000)
    }

    /// The problem of reading a path, as the pipeline reports it.
    func readProblem(_ path: String) -> Diagnostic? {
        guard case .failure(let problems) = Pipeline().read(path) else { return nil }
        return problems.items.first?.diagnostic
    }

    @Test func aFolderGivenWhereAFileIsExpected() throws {
        let d = try #require(readProblem(Fixture.path("Examples")))
        #expect(d.code == ErrorCode.cannotRead.code)
        #expect(!d.hasPosition)
        #expect(d.message.contains("it is a folder"))
    }

    @Test func missingAndUnreadableFiles() throws {
        let missing = try #require(readProblem("/nonexistent/journey.polku"))
        #expect(missing.code == ErrorCode.cannotRead.code)
        #expect(missing.message == "cannot read `/nonexistent/journey.polku`: no such file or directory")
        // A dangling link cannot be read either (root can read any permission, so use a link).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("gone.polku").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("nothing").path)
        #expect(readProblem(link)?.code == ErrorCode.cannotRead.code)
        // A file without read permission, when not running as root.
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked.polku").path
            _ = FileManager.default.createFile(atPath: locked, contents: Data("journey: T\n".utf8), attributes: [.posixPermissions: 0o000])
            #expect(readProblem(locked)?.code == ErrorCode.cannotRead.code)
        }
    }

    @Test func folderWithNoJourneys() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (files, problems) = Pipeline().journeyFiles([dir.path])
        #expect(files.isEmpty)
        #expect(problems.first?.diagnostic.code == ErrorCode.noJourneys.code)
        #expect(problems.first?.diagnostic.message.contains("no journey files") == true)
    }
}
