import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuChecklist
import PolkuEscaping
import PolkuCLI
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

@Suite struct ChecklistTests {
    /// Handed on in pieces as they are written, a checklist is the same bytes as whole: for
    /// each text format, pieces of about a megabyte, each ending after a step.
    @Test(arguments: [ChecklistFormat.md, .csv, .html])
    func piecesMakeTheWholeChecklist(_ format: ChecklistFormat) throws {
        let journey = try Pipeline().check(SourceFile(name: "long.polku", text: OutputTargetTests.longJourney(steps: 20_000)), path: nil).get()
        let whole = try #require(Checklists.textDocument(journey, format: format))
        var pieces: [[UInt8]] = []
        let rest = try #require(Checklists.textDocument(journey, format: format, send: { pieces.append($0) }))
        #expect(pieces.count >= 2, "\(whole.count) bytes")
        #expect(pieces.allSatisfy { $0.count >= 1 << 20 && $0.count < (1 << 20) + (1 << 16) })
        #expect(pieces.joined() + rest == whole)
        #expect(Checklists.textDocument(journey, format: .xlsx) == nil)
    }

    /// A journey whose phases are written out of order (after, before, during) with `counts`
    /// steps each (before, during, after), with needs, recommendations, notes, moods and
    /// steps missing a follow-up or a recommendation (questions).
    static func phasedJourney(_ counts: (Int, Int, Int)) -> String {
        var text = "journey: Phases & <order>\nvia: desk\n"
        var i = 0
        for (phase, count) in [("after", counts.2), ("before", counts.0), ("during", counts.1)] where count > 0 {
            text += "\(phase):\n"
            for _ in 0..<count {
                text += "  step s\(i): Step *\(i)* of \(phase)\n    via: \(["desk", "phone", "chat"][i % 3])\n"
                if i % 2 == 0 { text += "    need: a book about topic \(i)\n    recommend: the e-books on topic \(i)\n" }
                if i % 3 != 1 { text += "    follow-up: a call about #\(i)\n" }
                if i % 4 == 3 { text += "    note: ask at the desk\n    mood: \(i % 5 + 1)\n" }
                i += 1
            }
        }
        return text
    }

    /// Made and written on two threads, a checklist is the bytes of one made and written on
    /// one: with two threads from one step on, the second thread's half starts in every
    /// phase, at a phase's first step and within it, after phases with no steps and before.
    @Test func twoThreadsMakeTheChecklistOfOne() throws {
        let counts = [(0, 0, 1), (1, 0, 0), (0, 1, 0), (1, 0, 1), (2, 0, 2), (0, 3, 0), (3, 1, 0), (1, 1, 1), (2, 3, 4),
                      (4, 0, 3), (5, 2, 0), (0, 0, 0), (1, 2, 0), (0, 2, 5)]
        for count in counts {
            let source = SourceFile(name: "phases.polku", text: Self.phasedJourney(count))
            let result = Checker.check(Analysis(source))
            #expect(!result.diagnostics.contains { $0.severity == .error }, "\(count)")
            let one = Checklist(result, parallelFrom: .max), two = Checklist(result, parallelFrom: 1)
            #expect(one.sections.map(\.items.count) == [count.0, count.1, count.2])
            #expect(MarkdownChecklist.bytes(two) == MarkdownChecklist.bytes(one), "\(count)")
            #expect(HTMLChecklist.bytes(two) == HTMLChecklist.bytes(one), "\(count)")
            #expect(CSVChecklist.bytes(two) == CSVChecklist.bytes(one), "\(count)")
            #expect(try XLSXChecklist.render(two) == XLSXChecklist.render(one), "\(count)")
            // The steps in each phase in file order, as the one-thread checklist has them.
            #expect(two.sections.map { $0.steps.map(\.number) } == one.sections.map { $0.steps.map(\.number) })
        }
    }

    /// A checklist past the two-thread threshold, handed on in pieces, is the bytes of one
    /// made and written on one thread.
    @Test(arguments: [ChecklistFormat.md, .csv, .html])
    func aLargeChecklistOnTwoThreadsIsTheOneOfOne(_ format: ChecklistFormat) throws {
        let steps = Checklist.parallelSteps + 1000
        let journey = try Pipeline().check(SourceFile(name: "long.polku", text: OutputTargetTests.longJourney(steps: steps)), path: nil).get()
        var pieces: [[UInt8]] = []
        let rest = try #require(Checklists.textDocument(journey, format: format, send: { pieces.append($0) }))
        let one = Checklist(journey.result, parallelFrom: .max)
        let whole = switch format {
        case .md: MarkdownChecklist.bytes(one)
        case .csv: CSVChecklist.bytes(one)
        default: HTMLChecklist.bytes(one)
        }
        #expect(pieces.joined() + rest == whole)
    }

    static let cases: [(String, KeywordLanguage?)] = [
        ("Examples/article-delivery.polku", nil), ("Examples/article-delivery.polku", .fi),
        ("Examples/kaukolaina-fi.polku", nil), ("Examples/lasecirkel-sv.polku", nil),
        ("Examples/renew-by-phone.polku", .sv), ("Examples/accessible-visit.polku", nil),
    ]

    @Test(arguments: cases)
    func goldenInEveryFormat(_ path: String, _ language: KeywordLanguage?) throws {
        let (_, result) = try checkExample(path)
        let checklist = Checklist(result, language: language)
        let base = Fixture.path("Tests/PolkuTests/Golden/checklists") + "/" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            + "." + (language?.rawValue ?? "default")
        Golden.check(MarkdownChecklist.render(checklist), against: base + ".md")
        Golden.check(HTMLChecklist.render(checklist), against: base + ".html")
        Golden.check(CSVChecklist.render(checklist), against: base + ".csv")
    }

    @Test(arguments: Fixture.examples)
    func htmlIsWellFormedWithLanguageAndHeadingsInOrder(_ path: String) throws {
        let (_, result) = try checkExample(path)
        for language in KeywordLanguage.allCases {
            let html = HTMLChecklist.render(Checklist(result, language: language))
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            let document = try XMLDocument(data: Data(html.utf8), options: [])
            let headings = try document.nodes(forXPath: "//h1|//h2|//h3").compactMap(\.name)
            #expect(headings.first == "h1" && headings.filter { $0 == "h1" }.count == 1)
            #expect(!headings.contains("h3") || headings.contains("h2"))
            // Self-contained: nothing loaded from elsewhere.
            #expect(try document.nodes(forXPath: "//link|//img|//iframe|//*[@src]").isEmpty)
            #expect(try onlyTheTickScript(document))
            // One checkbox for every step, recommendation, follow-up and feedback point and
            // question; needs, notes and mood are there to read.
            let boxes = try document.nodes(forXPath: "//input[@type='checkbox']").count
            let c = Checklist(result, language: language)
            let unticked: Set<Checklist.Item.Kind> = [.need, .note, .mood]
            let expected = c.journeyQuestions.count + c.sections.reduce(0) { $0 + $1.items.reduce(0) { $0 + 1 + $1.children.filter { !unticked.contains($0.kind) }.count } }
            #expect(boxes == expected)
        }
    }

    @Test func everyFindingBecomesAQuestion() throws {
        let (_, result) = try checkExample("Examples/article-delivery.polku")
        let c = Checklist(result)
        let questions = c.sections.flatMap { $0.items.flatMap(\.children) }.filter { $0.kind == .question }
        #expect(questions.map(\.text) == ["How does the customer know what happens next?", "What could we recommend here?"])
        #expect(questions.map(\.rule) == ["missing-follow-up", "missing-recommendation"])
        let fi = Checklist(result, language: .fi)
        #expect(fi.sections.map(\.heading) == ["Ennen palvelua", "Palvelun aikana", "Palvelun jälkeen"])
        let sv = Checklist(result, language: .sv)
        #expect(sv.sections.map(\.heading) == ["Före tjänsten", "Under tjänsten", "Efter tjänsten"])
    }

    static let notesJourney = """
    journey: Notes
    via: desk
    note: the whole journey note
    persona p: Reader
      note: the persona note
    before:
      step a: Asks at the desk
        recommend: a book
        follow-up: a call
        note: the step note
        mood: 2
    """

    @Test(arguments: KeywordLanguage.allCases)
    func notesAndMoodInEveryFormat(_ language: KeywordLanguage) throws {
        let c = Checklist(Checker.check(Fixture.analyze(Self.notesJourney)), language: language)
        let note = Localized.text(.note, language), mood = Localized.text(.mood, language)
        let heading = c.sections[0].heading, channel = c.stepChannel(c.sections[0], 0)

        // Markdown: the journey's and persona's notes before the first phase, the step's
        // note and mood under the step (not to tick).
        let md = MarkdownChecklist.render(c)
        let firstPhase = try #require(md.range(of: "## \(heading)"))
        for line in ["**✱ \(note):** the whole journey note  \n", "**✱ \(note) (p):** the persona note  \n"] {
            let found = try #require(md.range(of: line), "no `\(line)` in \(md)")
            #expect(found.lowerBound < firstPhase.lowerBound)
        }
        // The step numbered as on the diagram's cards: its place in the journey.
        #expect(md.contains("- [ ] **1. Asks at the desk** — \(channel)\n"))
        #expect(md.contains("\n  - ✱ **\(note):** the step note\n  - \(mood): 2/5\n"))

        // HTML: the same, as paragraphs and list items without checkboxes.
        let document = try XMLDocument(data: Data(HTMLChecklist.render(c).utf8), options: [])
        let top = try document.nodes(forXPath: "//main/p[@class='note']").compactMap(\.stringValue)
        #expect(top == ["✱ \(note): the whole journey note", "✱ \(note) (p): the persona note"])
        let stepNote = try document.nodes(forXPath: "//li[@class='step']/ul/li[@class='note']")
        #expect(stepNote.map(\.stringValue) == ["✱ \(note): the step note"])
        #expect(try document.nodes(forXPath: "//li[@class='note']//input").isEmpty)
        #expect(try document.nodes(forXPath: "//li[@class='step']/ul/li[@class='mood']").map(\.stringValue) == ["\(mood): 2/5"])
        #expect(try document.nodes(forXPath: "//li[@class='step']/label/strong").map(\.stringValue) == ["1. Asks at the desk"])

        // CSV: notes are rows of their own kind; the mood is a column on each of the step's
        // rows; every row has the ten columns; `;` in Finnish and Swedish.
        let separator: Character = language == .en ? "," : ";"
        let rows = CSVChecklist.render(c).split(separator: "\r\n").map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 10 })
        let whole = c.t(.wholeJourney), stepChannel = c.sections[0].steps[0].channel
        #expect(rows[0] == [c.t(.stepNumber), c.t(.stepId), c.t(.phase), c.t(.servedIn), c.t(.servedBy), c.t(.kind), c.t(.text),
                            mood, c.t(.finding), c.t(.line)])
        #expect(rows.contains(["", "", whole, "", "", note, "the whole journey note", "", "", ""]))
        #expect(rows.contains(["", "", whole, "", "", note, "p: the persona note", "", "", ""]))
        #expect(rows.contains(["1", "a", heading, stepChannel, "", c.kindLabel(.step), "Asks at the desk", "2/5", "", "7"]))
        #expect(rows.contains(["1", "a", heading, stepChannel, "", c.kindLabel(.recommend), "a book", "2/5", "", "8"]))
        #expect(rows.contains(["1", "a", heading, stepChannel, "", note, "the step note", "2/5", "", "10"]))
        #expect(!rows.contains { $0[5] == mood }, "no rows of the kind mood any more")
    }

    /// Writers keep each kind's label in an array read by `Kind.index`: the index is the
    /// kind's place among all kinds, each kind its own.
    @Test func everyKindHasItsOwnIndex() {
        #expect(Checklist.Item.Kind.allCases.map(\.index) == Array(Checklist.Item.Kind.allCases.indices))
    }

    @Test func csvCellsAreQuotedForTheirDelimiterAndDashesStayText() {
        #expect(Escaping.csvCell("a;b", delimiter: ";") == "\"a;b\"")
        #expect(Escaping.csvCell("a,b", delimiter: ";") == "a,b")
        #expect(Escaping.csvCell("a\tb", delimiter: "\t") == "\"a\tb\"")
        // A list item's dash is text; what a spreadsheet could run is not.
        #expect(Escaping.csvCell("- ask at the desk") == "- ask at the desk")
        #expect(Escaping.csvCell("- kysy neuvontapisteestä") == "- kysy neuvontapisteestä")
        #expect(Escaping.csvCell("-2+3") == "'-2+3")
        #expect(Escaping.csvCell("-abc") == "'-abc")
        #expect(Escaping.csvCell("- cmd|' /C calc'!A0") == "'- cmd|' /C calc'!A0")
        #expect(Escaping.csvCell("- SUM(A1:A3)") == "'- SUM(A1:A3)")
        #expect(Escaping.csvCell("=1+2") == "'=1+2")
    }

    @Test func theKaukolainaPainPointIsInTheChecklist() throws {
        let (_, result) = try checkExample("Examples/kaukolaina-fi.polku")
        let md = MarkdownChecklist.render(Checklist(result))
        #expect(md.contains("  - ✱ **Huomio:** viestissä ei kerrota kirjastoauton aikataulua eikä noutoaikaa\n"))
        #expect(md.contains("**✱ Huomio (harrastaja):** ei aja autoa, joten pääkirjastoon on pitkä matka"))
    }

    static let hostile = "<script>alert('x')</script> & \"q\" *bold* _it_ [link](http://x) | pipe `code` # =cmd|' /C calc'!A0"

    func hostileResult() -> CheckResult {
        Checker.check(Fixture.analyze("""
        journey: \(Self.hostile)
        via: desk
        persona p: \(Self.hostile)
        before:
          step a: \(Self.hostile)
            recommend: \(Self.hostile)
            follow-up: =1+2
            feedback: @SUM(A1:A3)
        """))
    }

    @Test func hostileTextIsEscapedInHTML() throws {
        let html = HTMLChecklist.render(Checklist(hostileResult()))
        let document = try XMLDocument(data: Data(html.utf8), options: [])
        #expect(try onlyTheTickScript(document))
        let text = document.rootElement()?.stringValue ?? ""
        #expect(text.contains(Self.hostile))
    }

    @Test func hostileTextIsEscapedInMarkdown() {
        let md = MarkdownChecklist.render(Checklist(hostileResult()))
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>"))
        #expect(md.contains("\\*bold\\*"))
        #expect(md.contains("\\[link\\]"))
        #expect(Escaping.markdown("- item") == "\\- item")
    }

    @Test func csvReadsBackToTheSameCellsWithFormulasNeutralised() throws {
        let csv = CSVChecklist.render(Checklist(hostileResult()), byteOrderMark: true)
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("\r\n"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polku-\(UUID().uuidString).csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let rows = try JSONSerialization.jsonObject(with: data) as! [[String]]
        #expect(rows[0] == ["No.", "Step id", "Phase", "Channel", "Served by", "Kind", "Text", "Mood", "Finding", "Line"])
        #expect(rows.allSatisfy { $0.count == 10 })
        let texts = rows.map { $0[6] }
        #expect(texts.contains(Self.hostile))
        #expect(texts.contains("'=1+2"))
        #expect(texts.contains("'@SUM(A1:A3)"))
        // No cell a spreadsheet would run.
        for row in rows { for cell in row { #expect(!"=+-@".contains(cell.first ?? " "), "\(cell)") } }
    }
}

@Suite struct ChecklistCommandTests {
    @Test func csvSeparatesCellsAsExcelExpectsInTheLanguage() throws {
        let folder = try TempFolder()
        func header(_ arguments: [String]) throws -> String {
            let out = folder.url.appendingPathComponent("c-\(UUID().uuidString).csv").path
            let r = try runPolku(["checklist", "Examples/kaukolaina-fi.polku", "-o", out] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "\r\n")[0]
        }
        #expect(try header([]) == "Nro;Vaiheen tunnus;Palvelun vaihe;Kanava;Palvelee;Laji;Teksti;Tunnelma;Havainto;Rivi")
        #expect(try header(["--lang", "en"]) == "No.,Step id,Phase,Channel,Served by,Kind,Text,Mood,Finding,Line")
        #expect(try header(["--lang", "sv", "--delimiter", ","]).hasPrefix("Nr,Stegets id,"))
        #expect(try header(["--delimiter", "tab"]).hasPrefix("Nro\tVaiheen tunnus\t"))
        let wrong = try runPolku(["checklist", "Examples/kaukolaina-fi.polku", "-o", "-", "--format", "csv", "--delimiter", "x"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--delimiter"))
    }

    @Test func writesEachFormatInEachLanguage() throws {
        let folder = try TempFolder()
        for ext in ["md", "html", "csv"] {
            for lang in ["en", "fi", "sv"] {
                let out = folder.url.appendingPathComponent("c-\(lang).\(ext)").path
                let r = try runPolku(["checklist", "Examples/kaukolaina-fi.polku", "--lang", lang, "-o", out])
                #expect(r.status == 0, "\(r.stderr)")
                #expect(FileManager.default.fileExists(atPath: out))
            }
        }
        let md = try String(contentsOfFile: folder.url.appendingPathComponent("c-fi.md").path, encoding: .utf8)
        #expect(md.hasPrefix("# Tarkistuslista: "))
        #expect(md.contains("- [ ] "))
    }

    @Test func withDiagramPutsTheSVGInline() throws {
        let r = try runPolku(["checklist", "Examples/chat-reference.polku", "--format", "html", "--with-diagram", "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("<svg"))
        #expect(!r.stdout.contains("<?xml"))
        #expect(r.stdout.contains("<desc id=\"polku-desc\">"))
    }

    @Test func defaultsAndRefusals() throws {
        let r = try runPolku(["checklist", "Examples/article-delivery.polku", "-o", "-"])
        #expect(r.stdout.hasPrefix("# Checklist: Article delivery"))
        let folder = try TempFolder()
        let journey = try folder.write("j.polku", baselineExample)
        let same = try runPolku(["checklist", journey, "-o", journey, "--format", "md"])
        #expect(same.status == 2)
        #expect(try String(contentsOfFile: journey, encoding: .utf8) == baselineExample)
        let bad = try runPolku(["checklist", "Examples/article-delivery.polku", "-o", "x.docx"])
        #expect(bad.status == 2)
    }

    @Test func aFormatTheFileNameContradictsIsRefused() throws {
        let folder = try TempFolder()
        let out = folder.url.appendingPathComponent("x.md").path
        let r = try runPolku(["checklist", "Examples/article-delivery.polku", "--format", "csv", "-o", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is named as a .md file, but --format is csv"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try runPolku(["checklist", "Examples/article-delivery.polku", "--format", "md", "-o", out]).status == 0)
        let markdown = folder.url.appendingPathComponent("x.markdown").path
        #expect(try runPolku(["checklist", "Examples/article-delivery.polku", "--format", "md", "-o", markdown]).status == 0)
        #expect(try runPolku(["checklist", "Examples/article-delivery.polku", "--format", "html", "-o", folder.url.appendingPathComponent("x.svg").path]).status == 2)
    }
}
