import Foundation
import PolkuCheck
import PolkuEscaping
import PolkuLanes
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// A large file is parsed on one thread while the resolver reads its chunks of declarations
/// on another (`Analysis.streamed`); a large journey's rules and report lines are made on
/// two threads (`Lanes`). Each must give what one thread gives, byte for byte, or give way
/// to one thread.
@Suite struct StreamingTests {
    /// Everything a user can see of an analysis: its diagnostics, its language, and the
    /// checked journey as the JSON export writes it (every step, channel, persona and finding).
    static func seen(_ analysis: Analysis) -> [String] {
        let checked = CheckedJourney(source: analysis.source, result: Checker.check(analysis))
        return analysis.diagnostics.map { "\($0.code.name) \($0.range.start)-\($0.range.end) \($0.message)" }
            + ["language \(analysis.tree.language) \(analysis.journey.language)",
               String(decoding: JourneyJSON.document(checked), as: UTF8.self)]
    }

    /// As `seen`, for a journey too large to check and export twice in a test: its
    /// diagnostics, language, and each step's id, title, channel, successors and texts.
    static func described(_ analysis: Analysis) -> [String] {
        let j = analysis.journey
        return analysis.diagnostics.map { "\($0.code.name) \($0.range.start)-\($0.range.end) \($0.message)" }
            + ["language \(analysis.tree.language) \(j.language)"]
            + j.steps.map { s in
                "\(s.id ?? "") \(s.title.value) \(j.channels[s.channel].id) \(s.phase) \(Array(s.flow.successors)) "
                    + "\(s.needs.map(\.value)) \(s.recommendations.map(\.value)) \(s.followUps.map(\.value))"
            } + j.channels.map { "\($0.id) \($0.competenceValue ?? 0)" } + j.personas.map { "\($0.id) \($0.channels)" }
    }

    /// Journeys of every kind: the examples, the hostile files, and ones written here with
    /// steps outside a phase, unknown names, a journey declared late or twice, and Finnish
    /// keywords.
    static func journeys() throws -> [(name: String, bytes: [UInt8])] {
        var all: [(String, [UInt8])] = []
        for path in Fixture.examples { all.append((path, Array(try Fixture.read(path).utf8))) }
        let hostile = Fixture.path("Tests/PolkuTests/Hostile")
        for name in try FileManager.default.contentsOfDirectory(atPath: hostile).sorted() where name.hasSuffix(".polku") {
            all.append((name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: hostile + "/" + name)))))
        }
        let written = [
            "steps before the journey": "before:\n  step a: A\n    via: desk\njourney: J\nvia: web\n  step b: B\n",
            "a step outside a phase": "journey: J\n  step a: A\n    via: nowhere\nduring:\n  step b: B\n    next: a, c\n",
            "two journeys": "journey: J\nvia: desk\njourney: K\nvia: chat\nafter:\n  step a: A\n  step a: Again\n",
            "Finnish": "palvelupolku: Kaukolaina\nkanava: tiski\naikana:\n  vaihe pyyntö: Asiakas pyytää\n"
                + "    suosittele: e-kirja\n    seuraavaksi: kerro saapumisesta\n  vaihe nouto: Nouto\n",
            "channels first": "journey: J\nchannel kiosk: Kiosk\npersona p: P\n  channels: kiosk, web\nduring:\n"
                + (0..<40).map { "  step s\($0): S\n    via: \($0 % 2 == 0 ? "kiosk" : "desk")\n    next: s\($0 + 1)\n" }.joined(),
        ]
        for (name, text) in written.sorted(by: { $0.key < $1.key }) { all.append((name, Array(text.utf8))) }
        return all
    }

    /// With chunks of one, two, three and sixteen declarations, each journey is either
    /// analysed the same as on one thread, or (when a chunk after the first declares a
    /// channel, a persona or the journey) handed back to one thread.
    @Test func streamedIsTheSameAsOneThread() throws {
        var fellBack: Set<String> = []
        var compared = 0
        for (name, bytes) in try Self.journeys() {
            let source = SourceFile(name: name, bytes: bytes)
            let one = Self.seen(Analysis(source, keepSyntax: false))
            for limit in [1, 2, 3, 16] {
                guard let streamed = Analysis.streamed(source, chunkLimit: limit) else {
                    fellBack.insert("\(name) \(limit)")
                    continue
                }
                #expect(Self.seen(streamed) == one, "\(name), chunks of \(limit)")
                compared += 1
                #expect(streamed.tree.declarations.isEmpty && streamed.tree.declarationChunks.isEmpty)
            }
        }
        #expect(compared > 50, "\(compared) compared")
        // Declared in the first chunk of sixteen, but not of one: streamed, then handed back.
        #expect(!fellBack.contains("channels first 16") && fellBack.contains("channels first 1"))
        #expect(fellBack.contains("steps before the journey 1") && fellBack.contains("steps before the journey 2"))
        // A file that declares nothing after its first declaration streams with any chunk.
        #expect(!fellBack.contains { $0.hasPrefix("a step outside a phase") })
        #expect(!fellBack.contains { $0.hasPrefix("nul-byte") })
    }

    #if os(Linux)
    /// Memory readied for the resolver on the parser's thread (`Pages.populate`) is in
    /// memory afterwards, holding what it held; asking for nothing, or for memory already
    /// there, changes nothing.
    @Test func populatedPagesAreThereAndUnchanged() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let count = 64
        let memory = try #require(mmap(nil, count * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(memory != MAP_FAILED)
        defer { munmap(memory, count * page) }
        func resident() -> [Bool] {
            var flags = [UInt8](repeating: 0, count: count)
            _ = mincore(memory, count * page, &flags)
            return flags.map { $0 & 1 == 1 }
        }
        memory.storeBytes(of: 0x5A, toByteOffset: 3 * page + 7, as: UInt8.self)
        #expect(resident().filter { $0 }.count == 1)
        Pages.populate(memory, bytes: 0)
        #expect(resident().filter { $0 }.count == 1)
        // From the middle of page 2 to the middle of page 40: pages 2 to 40, each whole.
        Pages.populate(memory + 2 * page + 100, bytes: 38 * page)
        #expect(resident() == (0..<count).map { $0 == 3 || (2...40).contains($0) })
        #expect(memory.load(fromByteOffset: 3 * page + 7, as: UInt8.self) == 0x5A)
        #expect(memory.load(fromByteOffset: 2 * page + 100, as: UInt8.self) == 0)
    }
    #endif

    /// A journey of thousands of steps, with branches, loops and ends, has the same facts for
    /// its rules read on one, two or three threads (`JourneyFacts(_:lanes:)`).
    @Test func journeyFactsOnLanesAreOneLanes() {
        var lines = ["journey: Facts\nvia: desk\nduring:\n"]
        for n in 0..<5000 {
            var step = "  step s\(n): Step \(n)\n"
            if n % 3 == 0 { step += "    recommend: r\n" }
            if n % 5 == 0 { step += "    follow-up: f\n" }
            if n % 11 == 0 { step += "    need: n\n    by: librarian\n" }
            if n % 13 == 0 { step += "    feedback: q\n" }
            if n % 17 == 0 { step += "    next: end\n" }
            else if n % 7 == 0 { step += "    next: s\((n * 31) % 5000), s\(max(0, n - 3))\n" }
            else if n % 29 == 0 { step += "    next: s\(n)\n" }
            step += n % 4 == 0 ? "    via: chat\n" : ""
            lines.append(step)
        }
        let analysis = Analysis(SourceFile(name: "facts.polku", text: lines.joined()), keepSyntax: false)
        #expect(!analysis.hasErrors && analysis.journey.steps.count == 5000)
        let one = JourneyFacts(analysis.journey, lanes: 1)
        #expect(one.reachableFromStart.contains(false) && one.canReachEnd.contains(false))
        #expect(one.reachableFromStart.contains(true) && one.canReachEnd.contains(true))
        #expect(JourneyFacts(analysis.journey, lanes: 2) == one)
        #expect(JourneyFacts(analysis.journey, lanes: 3) == one)
        #expect(JourneyFacts(analysis.journey) == one)
    }

    /// A file past `Analysis.streamingSize` is analysed on two threads, and gives what the
    /// full syntax gives; one whose channel is declared below its steps, far into the file,
    /// gives way to one thread and gives the same too.
    @Test func largeFilesStreamOrGiveWay() {
        func text(channelsFirst: Bool) -> String {
            let channel = "channel kiosk: Kiosk\n  competence: 3\npersona p: Reader\n  channels: kiosk, web\n"
            var lines = ["journey: Large\nvia: desk\n", channelsFirst ? channel : "", "during:\n"]
            var (n, size) = (0, 0)
            while size < Analysis.streamingSize + 4096 {
                lines.append("  step s\(n): Step \(n)\n    via: \(n % 3 == 0 ? "kiosk" : "chat")\n    need: a book \(n)\n"
                    + (n % 7 == 0 ? "    next: s\(n + 1), missing\(n)\n" : "    recommend: r \(n)\n    follow-up: f \(n)\n"))
                size += lines[lines.count - 1].utf8.count
                n += 1
            }
            lines.append(channelsFirst ? "" : channel)
            return lines.joined()
        }
        for channelsFirst in [true, false] {
            let source = SourceFile(name: "large.polku", text: text(channelsFirst: channelsFirst))
            #expect(source.bytes.count >= Analysis.streamingSize)
            #expect((Analysis.streamed(source) != nil) == channelsFirst)
            let lean = Analysis(source, keepSyntax: false)
            #expect(Self.described(lean) == Self.described(Analysis(source, keepSyntax: true)), "channels first: \(channelsFirst)")
            #expect(lean.diagnostics.count > 1000 && lean.journey.steps.count > 15_000)
        }
    }

    /// A journey of 2,600 steps with neither a recommendation nor a follow-up: 5,200
    /// findings, more than two blocks of report lines, and enough steps for two lanes of rules.
    static func manyFindings() -> CheckedJourney {
        var lines = ["journey: Many findings\nvia: desk\nduring:\n"]
        for n in 0..<2600 { lines.append("  step s\(n): Step \(n)\n    need: a book \(n)\n") }
        let analysis = Analysis(SourceFile(name: "many.polku", text: lines.joined()), keepSyntax: false)
        return CheckedJourney(source: analysis.source, result: Checker.check(analysis))
    }

    /// The rules of a large journey, run on two threads, find what each rule finds on its
    /// own, in file order.
    @Test func rulesOnTwoThreadsFindWhatEachFinds() {
        let checked = Self.manyFindings()
        let journey = checked.result.analysis.journey
        #expect(journey.steps.count >= 2600)
        let facts = JourneyFacts(journey)
        var expected: [(String, SourceRange)] = []
        for rule in RuleRegistry.all {
            expected += rule.check(journey, facts).map { (rule.info.name, $0.range) }
        }
        let found = checked.result.diagnostics.map { ($0.code.name, $0.range) }
        #expect(found.count == expected.count && found.count >= 5200)
        #expect(Set(found.map { "\($0.0) \($0.1.start)" }) == Set(expected.map { "\($0.0) \($0.1.start)" }))
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.1.start <= $1.1.start }, "in file order")
    }

    /// A report of more than two blocks of lines (`ReportBlocks.size`), made two blocks at
    /// a time on two threads, is the lines each finding renders to on its own, in order: in
    /// the short and the text formats, in English and Finnish.
    @Test func reportBlocksOnTwoThreadsAreTheLinesInOrder() {
        let checked = Self.manyFindings()
        #expect(checked.result.diagnostics.count > 2 * ReportBlocks.size)
        for language in [KeywordLanguage.en, .fi] {
            for format in [ReportFormat.short, .text] {
                var written: [UInt8] = []
                Reports.write(part: checked, format: format, language: language) { written += $0 }
                let expected = checked.items.map { item in
                    format == .short ? ShortRenderer(language: language).render(item)
                        : RichRenderer(language: language).render(item) + "\n"
                }.joined()
                #expect(String(decoding: written, as: UTF8.self) == expected, "\(format) \(language)")
            }
        }
    }

    /// The JSON report of many findings, its entries made two blocks at a time on two
    /// threads, is the report made in one block, in English and Finnish; and with blocks of
    /// one to four entries, of findings from two files, whichever block the list's first entry
    /// falls in and the comma before each other.
    @Test func jsonBlocksOnTwoThreadsAreTheReportInOneBlock() throws {
        let checked = Self.manyFindings()
        func json(_ items: [FileDiagnostic], blockSize: Int, language: KeywordLanguage? = nil) -> [UInt8] {
            var out = ByteOutput()
            JSONReport.write(files: Array(Set(items.map(\.source.name))).sorted(), items, language: language,
                             blockSize: blockSize, to: &out)
            return out.finish()
        }
        #expect(checked.items.count > 2 * ReportBlocks.size)
        for language in [nil, KeywordLanguage.fi] {
            let whole = json(checked.items, blockSize: .max, language: language)
            #expect(json(checked.items, blockSize: ReportBlocks.size, language: language) == whole)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any])
            #expect((parsed["diagnostics"] as? [Any])?.count == checked.items.count)
        }
        let (source, result) = try checkExample("Examples/article-delivery.polku")
        let other = result.diagnostics.map { FileDiagnostic(source, $0, keywords: .en) }
        #expect(!other.isEmpty)
        let mixed = Array(checked.items.prefix(5)) + other + Array(checked.items.suffix(2))
        for size in [1, 2, 3, 4, Int.max] {
            let report = json(mixed, blockSize: size)
            #expect(report == json(mixed, blockSize: .max), "blocks of \(size)")
            // Valid JSON with every finding, in order.
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(report)) as? [String: Any])
            let codes = (parsed["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == mixed.map(\.diagnostic.code.name), "blocks of \(size)")
        }
        #expect(json([], blockSize: 1) == json([], blockSize: .max))
    }

    /// The summary of many findings, its list made two blocks at a time on two threads, is
    /// the summary made in one block, in three languages; and with blocks of one to four
    /// findings, for journeys with findings about the whole journey and accepted findings
    /// (`allow:`) after the list. Its table keeps numbers of four digits apart.
    @Test func summaryBlocksOnTwoThreadsAreTheSummaryInOneBlock() throws {
        let checked = Self.manyFindings()
        #expect(checked.result.diagnostics.count > 2 * ReportBlocks.size)
        for language in [KeywordLanguage.en, .fi, .sv] {
            let whole = SummaryReport.render(checked.result, language: language, blockSize: .max)
            #expect(SummaryReport.render(checked.result, language: language) == whole, "\(language)")
            // Every finding listed once, numbered in order.
            let numbers = whole.split(separator: "\n").compactMap { line -> Int? in
                guard line.hasPrefix("  "), let dot = line.firstIndex(of: ".") else { return nil }
                return Int(line[line.index(line.startIndex, offsetBy: 2)..<dot])
            }
            #expect(numbers == Array(1...checked.result.diagnostics.count), "\(language)")
        }
        // 2,600 steps in one channel and phase: the table's numbers stay apart.
        let summary = SummaryReport.render(checked.result, language: .en)
        let all = try #require(summary.split(separator: "\n").first { $0.hasPrefix("All ") })
        let counts = all.split(separator: " ").dropFirst().compactMap { Int($0) }
        #expect(counts.count == 8 && counts[0] == 2600 && counts[4] == 2600, "\(all)")
        var accepted = 0
        for path in ["Examples/renew-by-phone.polku", "Examples/new-resident-year.polku", "Examples/kaukolaina-fi.polku"] {
            let (_, result) = try checkExample(path)
            #expect(!result.diagnostics.isEmpty)
            accepted += result.suppressed.count
            let whole = SummaryReport.render(result, blockSize: .max)
            for size in [1, 2, 3, 4] {
                #expect(SummaryReport.render(result, blockSize: size) == whole, "\(path), blocks of \(size)")
            }
        }
        #expect(accepted > 0)
    }

    /// The SARIF log of many findings, its results made two blocks at a time on two
    /// threads, is the log made in one block; and with blocks of one to four results, for
    /// files with findings, accepted findings (`allow:`) and none, whichever block the list's
    /// first result falls in and the comma before each other.
    @Test func sarifBlocksOnTwoThreadsAreTheLogInOneBlock() throws {
        let checked = Self.manyFindings()
        func sarif(_ results: [(SourceFile, CheckResult)], blockSize: Int, language: KeywordLanguage = .en) -> [UInt8] {
            var out = ByteOutput()
            SARIFReport.write(results, version: "1", language: language, blockSize: blockSize, to: &out)
            return out.finish()
        }
        let many = [(checked.source, checked.result)]
        #expect(checked.result.diagnostics.count > 2 * ReportBlocks.size)
        for language in [KeywordLanguage.en, .sv] {
            let whole = sarif(many, blockSize: .max, language: language)
            #expect(sarif(many, blockSize: ReportBlocks.size, language: language) == whole)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any])
            let runs = try #require(parsed["runs"] as? [[String: Any]])
            #expect((runs.first?["results"] as? [Any])?.count == checked.result.diagnostics.count)
        }
        let clean = Checker.check(Analysis(SourceFile(name: "clean.polku", text: """
            journey: Clean
            via: desk
            before:
              step a: Asks
                need: a book
                recommend: a book
                follow-up: a call
            during:
              step b: Borrows
                by: librarian
                recommend: a book
                follow-up: a call
            after:
              step c: Returns
                recommend: a book
                follow-up: a call
                feedback: a form

            """)))
        #expect(clean.diagnostics.isEmpty && clean.suppressed.isEmpty)
        let files = try ["Examples/renew-by-phone.polku", "Examples/article-delivery.polku"].map { try checkExample($0) }
        #expect(!files[0].1.suppressed.isEmpty)
        let mixed = [(clean.analysis.source, clean)] + files + [(clean.analysis.source, clean)]
        let results = mixed.reduce(0) { $0 + $1.1.diagnostics.count + $1.1.suppressed.count }
        for size in [1, 2, 3, 4, Int.max] {
            let log = sarif(mixed, blockSize: size)
            #expect(log == sarif(mixed, blockSize: .max), "blocks of \(size)")
            // Valid JSON with every result, whichever file the list starts in.
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(log)) as? [String: Any])
            let runs = try #require(parsed["runs"] as? [[String: Any]])
            #expect((runs.first?["results"] as? [Any])?.count == results, "blocks of \(size)")
        }
        #expect(sarif([(clean.analysis.source, clean)], blockSize: 1) == sarif([(clean.analysis.source, clean)], blockSize: .max))
    }
}
