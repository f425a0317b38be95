import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuChecklist
import PolkuEscaping
import PolkuCLI
import PolkuModel
import PolkuSyntax
import Testing

@Suite struct ChecklistTests {
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
            #expect(try document.nodes(forXPath: "//script|//link|//img|//iframe|//*[@src]").isEmpty)
            // One checkbox for every step, recommendation, follow-up and feedback point and question.
            let boxes = try document.nodes(forXPath: "//input[@type='checkbox']").count
            let c = Checklist(result, language: language)
            let expected = c.journeyQuestions.count + c.sections.reduce(0) { $0 + $1.items.reduce(0) { $0 + 1 + $1.children.filter { $0.kind != .need }.count } }
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
        #expect(try document.nodes(forXPath: "//script").isEmpty)
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
        #expect(rows[0] == ["Phase", "Step", "Channel", "Kind", "Text", "Finding"])
        #expect(rows.allSatisfy { $0.count == 6 })
        let texts = rows.map { $0[4] }
        #expect(texts.contains(Self.hostile))
        #expect(texts.contains("'=1+2"))
        #expect(texts.contains("'@SUM(A1:A3)"))
        // No cell a spreadsheet would run.
        for row in rows { for cell in row { #expect(!"=+-@".contains(cell.first ?? " "), "\(cell)") } }
    }
}

@Suite struct ChecklistCommandTests {
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
}
