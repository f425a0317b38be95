import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// The same hostile texts through every output Polku makes: the terminal reports, JSON,
/// SARIF, DOT and the SVG Graphviz draws from it, and the Markdown, HTML and CSV checklists.
/// Each output has one reader, and each reader must get the text as text: never a control
/// sequence for the terminal, markup for a browser or a Markdown viewer, a formula for a
/// spreadsheet, or an escape for Graphviz.
@Suite struct HostileTextTests {
    /// Texts that mean something to one of the readers. None has a comma (it would split a
    /// `channels:` list) or a line break (a line ends a statement).
    static let texts: [String] = [
        "title \u{1B}]0;pwned\u{07}\u{1B}[2J cleared",         // retitles and clears a terminal
        "right \u{202E}reversed\u{202C} left \u{2066}iso\u{2069}", // reorders a terminal line
        "C1 \u{9B}2J and \u{85} next line",                      // 8-bit CSI and NEL
        "<script>alert(1)</script> & \"q\" 'a' ]]> <!-- c -->",     // markup
        #"\N \G \L \E C:\temp ] [ {x} |y|"#,                     // Graphviz escapes
        "*bold* _it_ [link](javascript:alert) # head `code` @all", // Markdown
        "=HYPERLINK(\"http://x\") +1 -2 @SUM(A1)",                 // spreadsheet formulas
        "noncharacters a\u{FFFE}b\u{FFFF}c and DEL \u{7F}",        // forbidden in XML
    ]

    /// A journey with no errors, each hostile text in the places journey text goes: titles,
    /// persona, channel label, recommendation, notes (of the journey, the persona and steps,
    /// which the diagram and the checklists show), need. Findings quote step titles.
    static func cleanJourney(_ hostile: String) -> String {
        """
        journey: \(hostile)
        via: desk
        note: \(hostile)
        persona p: \(hostile)
          uses: \(hostile)
          note: \(hostile)
        channel kiosk: \(hostile)
          competence: 2
          presence: 2
        before:
          step a: \(hostile)
            need: \(hostile)
            note: \(hostile)
            via: kiosk
        during:
          step b: \(hostile)
            recommend: \(hostile)
        after:
          step c: \(hostile)
            recommend: \(hostile)
            follow-up: \(hostile)
            feedback: \(hostile)
            note: \(hostile)
        """
    }

    /// A journey whose errors quote the hostile text (as an unknown id and an unknown
    /// keyword), for the reports of a broken file.
    static func brokenJourney(_ hostile: String) -> String {
        let word = hostile.replacingOccurrences(of: " ", with: "")
        return """
        journey: Broken
        via: \(word)
        \(word): text
        before:
          step a: A
            mood: \(word)
        """
    }

    /// No scalar a terminal would act on: C0 controls but line feed, DEL, C1 controls,
    /// bidirectional controls, noncharacters.
    static func terminalSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            let v = s.value
            if v == 0x0A { return true }
            if v < 0x20 || (0x7F..<0xA0).contains(v) || v == 0xFFFE || v == 0xFFFF { return false }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F { return false }
            return true
        }
    }

    static func check(_ text: String) -> CheckedJourney {
        let source = SourceFile(name: "hostile.polku", text: text)
        return CheckedJourney(source: source, result: Checker.check(Analysis(source)))
    }

    @Test(arguments: texts)
    func terminalReportsShowControlsInsteadOfSendingThem(_ hostile: String) {
        for journey in [Self.check(Self.cleanJourney(hostile)), Self.check(Self.brokenJourney(hostile))] {
            #expect(!journey.result.diagnostics.isEmpty)
            for format in [ReportFormat.text, .short, .summary] {
                let out = Reports.render([journey], format: format, version: "test")
                #expect(Self.terminalSafe(out), "\(format) sends a control character: \(out.debugDescription)")
            }
            let stderr = Reports.rich(journey.result.diagnostics.map { FileDiagnostic(journey.source, $0) })
            #expect(Self.terminalSafe(stderr))
        }
        // A control sequence is shown, so the reader knows it is there.
        if hostile.contains("\u{1B}") {
            let out = Reports.render([Self.check(Self.brokenJourney(hostile))], format: .short, version: "test")
            #expect(out.contains("<U+001B>"))
        }
    }

    @Test(arguments: texts)
    func jsonAndSARIFCarryTheTextExactly(_ hostile: String) throws {
        let journey = Self.check(Self.cleanJourney(hostile))
        let json = Reports.render([journey], format: .json, version: "test")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let messages = (parsed["diagnostics"] as! [[String: Any]]).compactMap { $0["message"] as? String }
        // Findings quote a step's title (cut at 60 characters): what JSON carries is the text.
        let quoted = String(hostile.prefix(57))
        #expect(messages.contains { $0.contains(quoted) }, "no message quotes the title: \(messages)")
        let sarif = Reports.render([journey], format: .sarif, version: "test")
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(sarif.utf8)) }
    }

    /// `polku render` measures the labels' texts on a second thread while Graphviz reads and
    /// lays out the picture (`Graphviz.startEarly`), reading them from the DOT text as Graphviz
    /// does; here Graphviz measures each itself. Markup characters, entities and escapes in
    /// bold, italic and plain lines: the same picture, byte for byte.
    @Test(arguments: texts)
    func theCommandsPictureWithTextsMeasuredAheadIsTheSame(_ hostile: String) throws {
        let folder = try TempFolder()
        let path = try folder.write("hostile.polku", Self.cleanJourney(hostile))
        let out = folder.url.appendingPathComponent("hostile.svg").path
        let run = try runPolku(["render", path, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let here = try Diagrams.drawBlocking(Self.check(Self.cleanJourney(hostile)), format: .svg, options: DiagramOptions()).bytes
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(here))
    }

    @Test(arguments: texts)
    func diagramAndChecklistsKeepTextAsText(_ hostile: String) throws {
        let journey = Self.check(Self.cleanJourney(hostile))
        #expect(!journey.hasErrors, "\(journey.errors)")
        // The readable part of the text, as each reader must show it.
        let visible = String(String.UnicodeScalarView(hostile.unicodeScalars.filter { s in
            !(s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s.value == 0xFFFE || s.value == 0xFFFF)
        }))

        // DOT goes through Graphviz without a complaint, and the SVG is XML with no markup
        // from the journey in it.
        let svg = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions()).bytes
        // Both layouts: the timeline, and the compact one (the checklist gets the default).
        for layout in [DiagramLayout.timeline, .compact] {
            let drawing = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions(layout: layout)).bytes
            let svgDocument = try XMLDocument(data: Data(drawing), options: [])
            #expect(try svgDocument.nodes(forXPath: "//*[local-name()='script' or local-name()='a' or local-name()='image']").isEmpty)
            let title = try #require(try svgDocument.nodes(forXPath: "//*[local-name()='title']").first?.stringValue)
            #expect(title.hasSuffix(visible), "the SVG's title is \(title.debugDescription)")
            // A pointer on a card shows its step's title, as text.
            let hover = try svgDocument.nodes(forXPath: "//*[local-name()='g']/*[local-name()='title']").compactMap(\.stringValue)
            #expect(hover.contains(visible), "no card is titled \(visible.debugDescription)")
            // The notes reach the drawing (through Graphviz, as text).
            let drawn = try svgDocument.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue).joined(separator: " ")
            #expect(drawn.contains("✱"))
        }

        // HTML: well-formed, no markup from the journey, the text shown as written.
        let html = Checklists.render(journey, format: .html, diagram: [svg])
        let page = try XMLDocument(data: Data(html.utf8), options: [])
        #expect(try page.nodes(forXPath: "//a|//img|//iframe").isEmpty)
        #expect(try onlyTheTickScript(page))
        #expect(page.rootElement()?.stringValue?.contains(visible) == true)

        // Markdown: every markup character escaped, nothing a viewer acts on.
        let markdown = Checklists.render(journey, format: .md)
        #expect(markdown.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" }, "a control character in Markdown")
        #expect(!markdown.unicodeScalars.contains { (0x7F..<0xA0).contains($0.value) || $0.value == 0xFFFE || $0.value == 0xFFFF })
        for mark in ["*", "_", "[", "]", "`", "<", ">", "#", "|", "&"] where visible.contains(mark) {
            #expect(!markdown.contains("\(visible.split(separator: Character(mark)).first ?? "")\(mark)") || markdown.contains("\\\(mark)"))
        }
        #expect(!markdown.contains("<script>"))
        if visible.contains("[link](") { #expect(markdown.contains("\\[link\\](javascript:alert)")) }

        // CSV: read back, every cell that a spreadsheet would run is neutralised.
        let csv = Checklists.render(journey, format: .csv)
        for cell in try CSVReader.cells(csv) {
            if let first = cell.unicodeScalars.first {
                #expect(!["=", "+", "-", "@"].contains(first), "a formula cell: \(cell)")
            }
        }
        // The text reaches the spreadsheet, without the characters nobody meant to show.
        #expect(csv.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\r" || $0 == "\n" }, "a control character in CSV")
        #expect(csv.contains(String(visible.prefix(10))))
        // The notes are rows of their own, the persona's after its id.
        #expect(try CSVReader.cells(csv).contains("p: " + visible))
    }
}

/// A small RFC 4180 reader for the tests: quoted fields with doubled quotes, CRLF rows.
enum CSVReader {
    struct Malformed: Error {}

    static func cells(_ text: String) throws -> [String] {
        var cells: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.endIndex && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if c == "," || c == "\n" {
                cells.append(field)
                field = ""
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted else { throw Malformed() }
        if !field.isEmpty { cells.append(field) }
        return cells
    }
}
