import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// Diagrams fitted to paper (`--page`): every page within the sheet, no text under 8 pt,
/// cuts between phases and lanes with the headings repeated, every step on exactly one page,
/// numbered files, one PDF of many pages, exact PNG widths.
@Suite struct PageTests {
    static let a4 = (width: 595.276, height: 841.89)

    static func journey(_ path: String) throws -> CheckedJourney {
        try Pipeline().load(Fixture.path(path)).get()
    }

    static func pages(_ journey: CheckedJourney, _ setup: PageSetup, layout: DiagramLayout = .auto,
                      format: DiagramFormat = .svg) throws -> [String] {
        try Diagrams.drawBlocking(journey, format: format, options: DiagramOptions(layout: layout, page: setup)).pages
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The steps drawn on each page, from the pages' DOT text (`s3 [pos=…`).
    static func stepsOnPages(_ journey: CheckedJourney, _ setup: PageSetup, layout: DiagramLayout = .auto) throws -> [[String]] {
        try pages(journey, setup, layout: layout, format: .dot).map { all(#"\n  (s[0-9]+) \[pos="#, in: $0) }
    }

    /// The first match of a pattern's first group.
    static func first(_ pattern: String, in text: String) -> String? {
        let re = try! NSRegularExpression(pattern: pattern)
        guard let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }

    static func all(_ pattern: String, in text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The page's size in points, and its smallest text in points on paper (font size times
    /// the scale Graphviz draws at).
    static func measure(_ svg: String) -> (width: Double, height: Double, smallestText: Double) {
        let width = Double(first(#"<svg width="([0-9.]+)pt""#, in: svg) ?? "") ?? .infinity
        let height = Double(first(#"<svg width="[0-9.]+pt" height="([0-9.]+)pt""#, in: svg) ?? "") ?? .infinity
        let scale = Double(first(#"transform="scale\(([0-9.]+) "#, in: svg) ?? "") ?? 0
        let smallest = all(#"font-size="([0-9.]+)""#, in: svg).compactMap(Double.init).min() ?? 0
        return (width, height, smallest * scale)
    }

    @Test(arguments: Fixture.examples)
    func everyExampleFitsA4WithReadableText(_ path: String) throws {
        let journey = try Self.journey(path)
        for landscape in [false, true] {
            let setup = PageSetup(paper: .a4, landscape: landscape)
            for layout in [DiagramLayout.auto, .timeline, .compact] {
                let pages = try Self.pages(journey, setup, layout: layout)
                #expect(!pages.isEmpty)
                let sheet = landscape ? (Self.a4.height, Self.a4.width) : (Self.a4.width, Self.a4.height)
                for (k, page) in pages.enumerated() {
                    let m = Self.measure(page)
                    #expect(m.width <= sheet.0 + 0.01 && m.height <= sheet.1 + 0.01,
                            "\(path) \(layout) landscape \(landscape) page \(k + 1): \(m.width) × \(m.height) pt")
                    #expect(m.width >= sheet.0 - 2 && m.height >= sheet.1 - 2, "a page is the whole sheet: \(m.width) × \(m.height)")
                    #expect(m.smallestText >= PageSetup.smallestText - 0.01,
                            "\(path) \(layout) landscape \(landscape) page \(k + 1): text \(m.smallestText) pt")
                }
                // Every step is drawn exactly once, over all the pages.
                var seen: [String: Int] = [:]
                for page in try Self.stepsOnPages(journey, setup, layout: layout) {
                    for id in page { seen[id, default: 0] += 1 }
                }
                #expect(seen.count == journey.result.analysis.journey.steps.count && seen.values.allSatisfy { $0 == 1 }, "\(path) \(layout): \(seen)")
            }
        }
    }

    /// The 24-step, 9-channel example does not fit one A4 page: it is cut, each page has the
    /// title, its number, the phase headings and the lane names, and a phase cut in two says
    /// it continues.
    @Test func aLargeJourneyIsCutWithHeadingsRepeated() throws {
        let journey = try Self.journey("Examples/new-resident-year.polku")
        #expect(journey.result.analysis.journey.steps.count == 24)
        #expect(laneCount(journey) == 9)
        let pages = try Self.pages(journey, PageSetup(paper: .a4), layout: .timeline)
        #expect(pages.count > 1)
        for (k, page) in pages.enumerated() {
            #expect(page.contains("Page \(k + 1)/\(pages.count)"), "page \(k + 1)")
            #expect(page.contains("Moving to town"), "title on page \(k + 1)")
            #expect(["Before", "During", "After"].contains { page.contains(">\($0)") }, "phase heading on page \(k + 1)")
        }
        #expect(pages.contains { $0.contains("(continued)") }, "a phase cut between pages says it continues")
        // Every lane is named on the pages it is on.
        let dots = try Self.pages(journey, PageSetup(paper: .a4), layout: .timeline, format: .dot)
        let lanes = dots.flatMap { Self.all(#"\n  (lanelabel[0-9]+) \["#, in: $0) }
        #expect(Set(lanes).count == 9)
        for dot in dots {
            #expect(Self.all(#"\n  (lane[0-9]+) \["#, in: dot).count == Self.all(#"\n  (lanelabel[0-9]+) \["#, in: dot).count)
        }
    }

    /// In the timeline, an arrow to a step on another page becomes "→ N" on the card.
    @Test func arrowsToOtherPagesBecomeNumbers() throws {
        let journey = try Self.journey("Examples/new-resident-year.polku")
        let pages = try Self.pages(journey, PageSetup(paper: .a4), layout: .timeline)
        // Some card lists steps on other pages, and none of them is on its own page.
        let dots = try Self.pages(journey, PageSetup(paper: .a4), layout: .timeline, format: .dot)
        var listed = 0
        for dot in dots {
            let nodes = Set(Self.all(#"\n  (s[0-9]+) \[pos="#, in: dot))
            for numbers in Self.all(#">→ ([0-9, ]+)<"#, in: dot) {
                for n in numbers.split(separator: ",") {
                    listed += 1
                    let id = "s\(Int(n.trimmingCharacters(in: .whitespaces))! - 1)"
                    #expect(!nodes.contains(id), "\(id) is listed as on another page but is on this one")
                }
            }
        }
        #expect(listed > 0)
        _ = pages
        // No arrow points to a step that is not on its page.
        for dot in try Self.pages(journey, PageSetup(paper: .a4), layout: .timeline, format: .dot) {
            let nodes = Set(Self.all(#"\n  (s[0-9]+) \[pos="#, in: dot))
            for edge in Self.all(#"\n  (s[0-9]+ -> s[0-9]+) \["#, in: dot) {
                let ends = edge.components(separatedBy: " -> ")
                #expect(nodes.contains(ends[0]) && nodes.contains(ends[1]), "\(edge)")
            }
        }
    }

    /// A journey that fits is one page, with no page number; the same input gives the same
    /// pages.
    @Test func aSmallJourneyIsOnePageAndDeterministic() throws {
        let text = """
        journey: Returning a book
        via: premises

        before:
          step: Finds the return slot
            recommend: the new arrivals shelf beside it
            follow-up: the receipt by email
        during:
          step: Returns the book at the machine
            recommend: a reading list for the next holiday
            follow-up: the machine prints what is still on loan
        """
        let journey = try Pipeline().load(text: text, name: "return.polku").get()
        let setup = PageSetup(paper: .a4)
        let pages = try Self.pages(journey, setup)
        #expect(pages.count == 1)
        #expect(!pages[0].contains("Page 1/"))
        #expect(try Self.pages(journey, setup) == pages)
        // It is drawn at full size (scale 1), not blown up.
        #expect(Self.first(#"transform="scale\(([0-9.]+) "#, in: pages[0]) == "1")
    }

    /// A compact lane taller than a page is cut between the cards of its cells: no text
    /// under 8 pt, every step once, and the lane's later part says it continues.
    @Test func aLaneTallerThanAPageIsCutBetweenCards() throws {
        var text = "journey: One busy desk\nvia: desk\n\nduring:\n"
        for i in 1...30 {
            text += "  step s\(i): Customer \(i) asks at the desk about something long enough to wrap\n"
            text += "    recommend: a book for customer \(i)\n    follow-up: a call back within a week\n"
        }
        let journey = try Pipeline().load(text: text, name: "busy.polku").get()
        let pages = try Self.pages(journey, PageSetup(paper: .a4), layout: .compact)
        #expect(pages.count > 1)
        for page in pages { #expect(Self.measure(page).smallestText >= 7.99) }
        let ids = try Self.stepsOnPages(journey, PageSetup(paper: .a4), layout: .compact).flatMap { $0 }
        #expect(ids.count == 30 && Set(ids).count == 30)
        // Every page after the first that has cards continues the lane.
        let dots = try Self.pages(journey, PageSetup(paper: .a4), layout: .compact, format: .dot)
        for dot in dots.dropFirst() where dot.contains("\n  s") {
            #expect(dot.contains("(continued)"))
        }
    }

    // MARK: - The command line

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("polku-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// SVG pages go to numbered files, listed on standard output in order; PDF is one file of
    /// A4 pages only.
    @Test func renderWritesNumberedPagesAndOnePDF() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("plan.svg").path
        let r = try runPolku(["render", "Examples/new-resident-year.polku", "--page", "a4", "-o", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let listed = r.stdout.split(separator: "\n").map(String.init)
        #expect(listed.count > 1)
        let digits = String(listed.count).count
        for (k, name) in listed.enumerated() {
            let number = String(repeating: "0", count: digits - String(k + 1).count) + String(k + 1)
            #expect(name == dir.appendingPathComponent("plan-\(number).svg").path)
            #expect(FileManager.default.fileExists(atPath: name))
        }
        #expect(!FileManager.default.fileExists(atPath: svg))

        for path in Fixture.examples {
            let pdf = dir.appendingPathComponent("x.pdf").path
            let p = try runPolku(["render", path, "--page", "a4", "-o", pdf])
            #expect(p.status == 0, "\(path): \(p.stderr)")
            let info = try PDFInfo(pdf)
            #expect(info.errors.isEmpty, "\(path): \(info.errors)")
            #expect(info.pageSizes.count >= 1)
            // A4, all turned the same way.
            for size in info.pageSizes {
                let standing = abs(size.width - Self.a4.width) < 1.5 && abs(size.height - Self.a4.height) < 1.5
                let lying = abs(size.width - Self.a4.height) < 1.5 && abs(size.height - Self.a4.width) < 1.5
                #expect(standing || lying, "\(path): \(size)")
                #expect(size.width == info.pageSizes[0].width, "\(path): \(size)")
            }
        }
        let big = dir.appendingPathComponent("big.pdf").path
        #expect(try runPolku(["render", "Examples/new-resident-year.polku", "--page", "a4", "--landscape", "-o", big]).status == 0)
        let info = try PDFInfo(big)
        #expect(info.pageSizes.count > 1)
        #expect(info.pageSizes.allSatisfy { abs($0.width - Self.a4.height) < 1.5 && abs($0.height - Self.a4.width) < 1.5 })
    }

    @Test func pagesThatCannotGoToStandardOutputAreRefused() throws {
        let r = try runPolku(["render", "Examples/new-resident-year.polku", "--page", "a4", "-o", "-", "--format", "svg"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("pages") && r.stderr.contains("-o name.svg"))
        let m = try runPolku(["render", "Examples/renew-by-phone.polku", "--landscape", "-o", "x.svg"])
        #expect(m.status == 2 && m.stderr.contains("--page"))
        let w = try runPolku(["render", "Examples/renew-by-phone.polku", "--width", "800", "-o", "x.svg"])
        #expect(w.status == 2 && w.stderr.contains("PNG"))
    }

    /// `--width` gives a PNG exactly that many pixels across, alone and on pages.
    @Test(arguments: [[String](), ["--page", "a4"], ["--page", "letter", "--landscape"]])
    func pngWidthIsExact(_ extra: [String]) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for width in [640, 1200, 1601] {
            let out = dir.appendingPathComponent("w.png").path
            let r = try runPolku(["render", "Examples/chat-reference.polku", "--width", String(width), "-o", out] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            let files = extra.isEmpty ? [out] : r.stdout.split(separator: "\n").map(String.init)
            #expect(!files.isEmpty)
            for file in files {
                let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
                let got = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
                #expect(got == width, "\(extra) \(file): \(got) px")
            }
        }
    }

    /// The HTML checklist puts each page of the diagram on a sheet of its own when printed.
    @Test func htmlChecklistPrintsTheDiagramOnSheets() throws {
        let journey = try Self.journey("Examples/new-resident-year.polku")
        let setup = PageSetup(paper: .a4, landscape: true)
        let pages = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions(page: setup)).pages
        let html = Checklists.render(journey, format: .html, diagram: pages, page: setup)
        #expect(html.components(separatedBy: "<figure class=\"sheet\">").count - 1 == pages.count)
        #expect(html.contains("@page diagram { size: 297mm 210mm; margin: 0; }"))
        #expect(html.contains("figure.sheet { page: diagram; break-before: page;"))
        let r = try runPolku(["checklist", "Examples/new-resident-year.polku", "--with-diagram", "--format", "html", "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stdout == html)
    }
}

/// The number of lanes the journey's diagram has.
func laneCount(_ journey: CheckedJourney) -> Int {
    let j = journey.result.analysis.journey
    return j.channels.filter { $0.stepCount > 0 }.count
}

/// What `pdfinfo` says of a PDF: each page's size in points, and anything it complained of.
struct PDFInfo {
    var pageSizes: [(width: Double, height: Double)] = []
    var errors: String

    init(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = ["-f", "1", "-l", "9999", path]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else {
            throw DrawingFailed(message: "pdfinfo is missing: install poppler-utils (scripts/setup does)")
        }
        let r = try run(process)
        errors = r.stderr
        for line in r.stdout.split(separator: "\n") where line.hasPrefix("Page") && line.contains("size:") {
            let numbers = line.split(separator: ":")[1].split(separator: " ").compactMap { Double($0) }
            if numbers.count >= 2 { pageSizes.append((numbers[0], numbers[1])) }
        }
    }
}
