import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuCLI
import PolkuDiagram
import PolkuGraphviz
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// The swimlane diagram: golden DOT, real SVG/PNG/PDF from libgvc, escaping and determinism.
@Suite struct DiagramTests {
    static func check(_ text: String, name: String = "t.polku") -> CheckResult {
        Checker.check(Analysis(SourceFile(name: name, text: text)))
    }

    @Test(arguments: Fixture.examples)
    func goldenDOT(_ path: String) throws {
        let (_, result) = try checkExample(path)
        let dot = SwimlaneDiagram.dot(result)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        Golden.check(dot, against: Fixture.path("Tests/PolkuTests/Golden/diagrams/\(name).dot"))
    }

    @Test(arguments: Fixture.examples)
    func svgIsWellFormedAndShowsEveryStepAndLane(_ path: String) throws {
        let (_, result) = try checkExample(path)
        let svg = try draw(result, format: .svg, options: DiagramOptions())
        let document = try XMLDocument(data: Data(svg), options: [])
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        let shown = texts.joined(separator: "\n")
        let journey = result.analysis.journey
        // Every step's title is there (wrapped into lines, so compare word by word in order).
        for step in journey.steps {
            let words = step.title.value.split(separator: " ").map(String.init)
            #expect(words.allSatisfy { shown.contains($0) }, "\(path): step title \(step.title.value) is missing")
        }
        for channel in journey.channels.indices where journey.channels[channel].stepCount > 0 {
            let name = journey.channelShortName(channel)
            #expect(name.split(separator: " ").allSatisfy { shown.contains($0) }, "\(path): lane \(name) is missing")
        }
        // A text alternative.
        let titles = try document.nodes(forXPath: "/*[local-name()='svg']/*[local-name()='title']")
        let descs = try document.nodes(forXPath: "/*[local-name()='svg']/*[local-name()='desc']")
        #expect(titles.first?.stringValue?.contains(journey.title.value) == true)
        #expect(descs.first?.stringValue?.contains(journey.steps[0].title.value) == true)
        // Named fonts only.
        let fonts = Set(try document.nodes(forXPath: "//@font-family").compactMap(\.stringValue))
        #expect(fonts == [SwimlaneDiagram.fontName])
    }

    @Test(arguments: Fixture.examples)
    func hoveringShowsWhatAPartIsNotItsInternalName(_ path: String) throws {
        let (_, result) = try checkExample(path)
        // The timeline, which has arrows to title too.
        let svg = try draw(result, format: .svg, options: DiagramOptions(layout: .timeline))
        #expect(!String(decoding: svg, as: UTF8.self).contains("<title>s3</title>"))
        let document = try XMLDocument(data: Data(svg), options: [])
        let titles = try document.nodes(forXPath: "//*[local-name()='g']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(!titles.isEmpty)
        let internalName = #"^(s\d+|lane\d+|lanelabel\d+|phase\d+|sep\d+|corner\d+|header|legend|journey)$|->"#
        for title in titles {
            #expect(title.range(of: internalName, options: .regularExpression) == nil, "\(path): a title is \(title)")
        }
        let shown = Set(titles)
        let journey = result.analysis.journey
        for step in journey.steps {
            #expect(shown.contains(step.title.value), "\(path): no title \(step.title.value)")
            for next in step.flow.successors {
                let arrow = "\(step.title.value) → \(journey.steps[next].title.value)"
                #expect(shown.contains(arrow), "\(path): no title \(arrow)")
            }
        }
        for phase in Phase.allCases { #expect(shown.contains(Labels.phase(phase, journey.language))) }
        for channel in journey.channels.indices where journey.channels[channel].stepCount > 0 {
            let name = journey.channelShortName(channel)
            #expect(shown.contains { $0.hasPrefix(name) }, "\(path): no lane titled \(name)")
        }
        #expect(shown.contains(Localized.text(.legend, journey.language)))
        // Titles only: no links.
        #expect(try document.nodes(forXPath: "//*[local-name()='a']").isEmpty)
    }

    @Test func hoverTitlesAreEscapedAndUnknownNamesKeepTheirs() {
        let result = Self.check("journey: T\nvia: desk\nbefore:\n  step a: <b>A</b> & \"B\"\n  step b: C\n")
        let svg = Array("<g><title>s0</title></g><g><title>s0&#45;&gt;s1</title></g><g><title>other</title></g><title>sep0</title>".utf8)
        let out = String(decoding: SVGAccessibility.retitle(svg, SwimlaneDiagram.hoverTitles(result)), as: UTF8.self)
        #expect(out == "<g><title>&lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;</title></g>"
            + "<g><title>&lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot; → C</title></g><g><title>other</title></g><title></title>")
    }

    @Test func notesAreOnTheCardsAndInTheHeader() throws {
        let (_, result) = try checkExample("Examples/kaukolaina-fi.polku")
        let dot = SwimlaneDiagram.dot(result)
        // The example's key pain point, on its card (wrapped at 30 characters), in italics.
        #expect(dot.contains("<I>✱ viestissä ei kerrota</I>"))
        #expect(dot.contains("<I>  kirjastoauton aikataulua eikä</I>"))
        // The journey's note and the persona's, in the header; the legend names the mark.
        #expect(dot.contains("<I>✱ Pienen kunnan kirjasto, kaukopalvelu hoidetaan pääkirjastosta</I>"))
        #expect(dot.contains("<I>   ✱ ei aja autoa, joten pääkirjastoon on pitkä matka</I>"))
        #expect(dot.contains("✱ Huomio"))
        #expect(SwimlaneDiagram.dot(result, options: DiagramOptions(language: .sv)).contains("✱ Anteckning"))
        #expect(SwimlaneDiagram.dot(result, options: DiagramOptions(language: .en)).contains("✱ Note"))
    }

    @Test func aCardShowsAtMostItemsPerKindNotes() {
        let notes = (1...11).map { "    note: pain \($0)\n" }.joined()
        let dot = SwimlaneDiagram.dot(Self.check("journey: T\nvia: desk\nbefore:\n  step a: A\n" + notes))
        #expect(dot.contains("<I>✱ pain 8</I>"))
        #expect(!dot.contains("pain 9"))
        #expect(dot.contains("… and 3 more"))
    }

    @Test func pngAndPdfHaveTheRightMagicAndAPlausibleSize() throws {
        let (_, result) = try checkExample("Examples/article-delivery.polku")
        let png = try draw(result, format: .png, options: DiagramOptions(dpi: 100))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 20_000 && png.count < 5_000_000)
        // The PNG's width follows --dpi: IHDR width at bytes 16..19.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let (_, w, _) = SwimlaneDiagram.dotAndSize(result)
        #expect(abs(Double(width) - w / 72 * 100) < 3)
        let pdf = try draw(result, format: .pdf, options: DiagramOptions())
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(pdf.count > 5_000 && pdf.count < 5_000_000)
    }

    @Test func aOnePagePdfCarriesNoTimeOfRendering() throws {
        // cairo puts the time of the render into every PDF it writes; a diagram's PDF must be
        // the same bytes whenever it is drawn.
        let (_, result) = try checkExample("Examples/article-delivery.polku")
        let pdf = try draw(result, format: .pdf, options: DiagramOptions())
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(!text.contains("CreationDate"))
        #expect(text.contains("/Producer (Polku)"))
        #expect(text.hasSuffix("%%EOF\n"))
        // Named as the SVG is, in the journey's language.
        #expect(text.contains("/Title " + PDFPages.textString(SwimlaneDiagram.title(result, options: DiagramOptions()))))
        #expect(text.contains("/Lang (en)"))
    }

    @Test func sameInputSameBytes() throws {
        let (_, result) = try checkExample("Examples/social-media-event.polku")
        #expect(SwimlaneDiagram.dot(result) == SwimlaneDiagram.dot(result))
        let a = try draw(result, format: .svg, options: DiagramOptions())
        let (_, again) = try checkExample("Examples/social-media-event.polku")
        let b = try draw(again, format: .svg, options: DiagramOptions())
        #expect(a == b)
    }

    static let hostile = [
        #"Room <b>#3</b> & "quotes" 'single'"#,
        #"C:\temp \N \G \E \T \H \L \n \l \r \\ end\"#,
        "<IMG SRC=\"/etc/passwd\"/> <FONT FACE=\"x\">f</FONT> ]]> <!-- c --> &amp; &#92;N",
        "javascript:alert(1) ${x} %s {{y}}",
        "digraph { a -> b } node [label=x]; \"];",
        "ääkköset ÅÄÖ 你好 emoji 🎧 ∑",
        "=cmd|' /C calc'!A0 +1 -1 @SUM(A1)",
    ]

    @Test(arguments: hostile)
    func hostileTextIsShownAsWritten(_ text: String) throws {
        let journey = """
        journey: \(text)
        via: desk
        persona p: \(text)
        before:
          step a: \(text)
            recommend: \(text)
            follow-up: \(text)
        """
        let result = Self.check(journey)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let svg = String(decoding: try draw(result, format: .svg, options: DiagramOptions()), as: UTF8.self)
        let document = try XMLDocument(data: Data(svg.utf8), options: [])
        // Text runs are wrapped into lines; joining the card's texts with spaces gives the input back.
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        let joined = texts.joined(separator: " ").replacingOccurrences(of: "  ", with: " ")
        let words = text.split(separator: " ").map(String.init)
        for word in words {
            #expect(joined.contains(word), "`\(word)` is not shown as written in: \(joined.prefix(400))")
        }
        // A pointer on the card shows the step's title, as written.
        let titles = try document.nodes(forXPath: "//*[local-name()='g']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.contains(text))
        // Nothing became markup: no image, no link, no script, no extra font.
        #expect(try document.nodes(forXPath: "//*[local-name()='image' or local-name()='a' or local-name()='script']").isEmpty)
        let fonts = Set(try document.nodes(forXPath: "//@font-family").compactMap(\.stringValue))
        #expect(fonts == [SwimlaneDiagram.fontName])
    }

    @Test func userTextNeverBecomesAnId() {
        let result = Self.check("journey: T\nvia: desk\nchannel cluster_x: Evil\nbefore:\n  step cluster_a: A\n    via: cluster_x\n")
        let dot = SwimlaneDiagram.dot(result)
        for line in dot.split(separator: "\n") where line.contains("[") {
            let id = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            #expect(id.range(of: #"^(graph|node|edge|lane\d+|lanelabel\d+|phase\d|sep\d|header|legend|corner\d|s\d+)$"#, options: .regularExpression) != nil
                    || id.range(of: #"^s\d+$"#, options: .regularExpression) != nil, "unexpected id \(id)")
        }
    }

    @Test func longTextIsCappedAndWrapped() {
        let long = String(repeating: "verylongword", count: 2000)
        let result = Self.check("journey: T\nvia: desk\nbefore:\n  step a: \(long)\n")
        let dot = SwimlaneDiagram.dot(result)
        #expect(dot.utf8.count < 40_000)
        let lines = GraphvizText.wrap(long, width: 30)
        #expect(lines.count == 8 && lines.allSatisfy { $0.count <= 30 })
    }

    @Test func themesHaveReadableContrast() {
        for theme in Theme.all {
            for (text, fill) in theme.textPairs {
                #expect(Theme.contrast(text, fill) >= 4.5, "\(theme.name): \(text) on \(fill) is \(Theme.contrast(text, fill))")
            }
        }
        #expect(Theme.contrast("#777777", "#FFFFFF") < 4.5)
    }

    @Test func languageOfHeadings() {
        let result = Self.check(baselineExample)
        #expect(SwimlaneDiagram.dot(result).contains("<B>Before</B>"))
        #expect(SwimlaneDiagram.dot(result, options: DiagramOptions(language: .fi)).contains("<B>Ennen palvelua</B>"))
        #expect(SwimlaneDiagram.dot(result, options: DiagramOptions(language: .sv)).contains("<B>Före tjänsten</B>"))
        #expect(!SwimlaneDiagram.dot(result, options: DiagramOptions(showFindings: false)).contains("⚠"))
    }

    @Test func everyPhraseIsTranslated() {
        for phrase in Phrase.allCases {
            let texts = KeywordLanguage.allCases.map { Localized.text(phrase, $0) }
            #expect(texts.allSatisfy { !$0.isEmpty }, "\(phrase)")
        }
    }
}

/// `polku render` as a user runs it.
@Suite struct RenderCommandTests {
    @Test func writesEachFormatAndRefusesToOverwriteTheInput() throws {
        let folder = try TempFolder()
        let journey = try folder.write("j.polku", baselineExample)
        for ext in ["svg", "png", "pdf", "dot"] {
            let out = folder.url.appendingPathComponent("j.\(ext)").path
            let r = try runPolku(["render", journey, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: out))
        }
        let same = try runPolku(["render", journey, "-o", journey, "--format", "svg"])
        #expect(same.status == 2)
        #expect(same.stderr.contains("refusing"))
        #expect(try String(contentsOfFile: journey, encoding: .utf8) == baselineExample)
        // No temporary files left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test(arguments: ["timeline", "compact"])
    func dotFileReproducesWithTheDotCommand(_ layout: String) throws {
        let folder = try TempFolder()
        let dot = folder.url.appendingPathComponent("a.dot").path
        #expect(try runPolku(["render", "Examples/article-delivery.polku", "--layout", layout, "-o", dot]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tsvg", dot]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let fromCommand = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let inProcess = try runPolku(["render", "Examples/article-delivery.polku", "--layout", layout, "-o", "-", "--format", "svg"]).stdout
        // The same picture: our SVG is Graphviz's plus the title and description we add, with
        // the hover titles of cards, arrows and lanes in words instead of Graphviz's names
        // (`s0`, `s0->s1`). So the command's SVG, retitled the same way, is ours byte for byte.
        let strip = { (s: String) in s.replacingOccurrences(of: #"\n<title id="polku-title">[^<]*</title>\n<desc id="polku-desc">[^<]*</desc>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #" role="img" aria-labelledby="polku-title polku-desc""#, with: "") }
        #expect(fromCommand.contains("<title>s0</title>"))
        // Arrows in the timeline only; the compact layout numbers its cards instead.
        #expect(fromCommand.contains("<title>s0&#45;&gt;s1</title>") == (layout == "timeline"))
        let (_, result) = try checkExample("Examples/article-delivery.polku")
        let retitled = SVGAccessibility.retitle(Array(fromCommand.utf8), SwimlaneDiagram.hoverTitles(result))
        #expect(strip(inProcess) == String(decoding: retitled, as: UTF8.self))
        #expect(!strip(inProcess).contains("<title>s0</title>"))
    }

    @Test func errorsAreShownAndNothingIsWritten() throws {
        let folder = try TempFolder()
        let bad = try folder.write("bad.polku", "journey: T\nvia: dsk\nbefore:\n  step: A\n")
        let out = folder.url.appendingPathComponent("bad.svg").path
        let r = try runPolku(["render", bad, "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did you mean `desk`?"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func missingFolderIsAClearError() throws {
        let r = try runPolku(["render", "Examples/article-delivery.polku", "-o", "/nonexistent-folder/x.svg"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("the folder `/nonexistent-folder` does not exist"))
    }

    @Test func aFolderRendersIntoOutDir() throws {
        let folder = try TempFolder()
        let r = try runPolku(["render", "Examples/", "--out-dir", folder.url.path, "--format", "dot"])
        #expect(r.status == 0, "\(r.stderr)")
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".dot") }
        #expect(made.count == Fixture.examples.count)
        #expect(try runPolku(["render", "Examples/"]).status == 2)
    }

    @Test func aFormatTheFileNameContradictsIsRefused() throws {
        let folder = try TempFolder()
        let out = folder.url.appendingPathComponent("x.svg").path
        let r = try runPolku(["render", "Examples/article-delivery.polku", "--format", "png", "-o", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is named as a .svg file, but --format is png"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // Agreeing, standard output, or a name that is no format Polku writes, are fine.
        #expect(try runPolku(["render", "Examples/article-delivery.polku", "--format", "svg", "-o", out]).status == 0)
        #expect(try runPolku(["render", "Examples/article-delivery.polku", "--format", "png", "-o", "-"]).status == 0)
        let plain = folder.url.appendingPathComponent("diagram").path
        #expect(try runPolku(["render", "Examples/article-delivery.polku", "--format", "png", "-o", plain]).status == 0)
        #expect(try runPolku(["render", "Examples/article-delivery.polku", "--format", "dot", "-o", folder.url.appendingPathComponent("x.md").path]).status == 2)
    }

    @Test func unknownExtensionIsAUsageError() throws {
        let r = try runPolku(["render", "Examples/article-delivery.polku", "-o", "/tmp/x.gif"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot tell the format"))
    }
}

/// The pictures in the README are what Polku draws today.
@Suite struct DocumentationImageTests {
    @Test(arguments: ["article-delivery", "kaukolaina-fi"])
    func readmeDiagramIsCurrent(_ name: String) throws {
        let (_, result) = try checkExample("Examples/\(name).polku")
        let svg = String(decoding: try draw(result, format: .svg, options: DiagramOptions()), as: UTF8.self)
        Golden.check(svg, against: Fixture.path("docs/\(name).svg"))
    }
}

/// Words for wrapping are found on bytes, and must be exactly what splitting the string at
/// its space characters gives, with each word's length in characters.
@Suite struct WordSplitTests {
    /// Pieces that join a space to a neighbour (a combining mark after it, a prepended mark
    /// before it), letters in both forms, emoji, other white space.
    static let pieces = [" ", " ", "  ", "a", "kirja", "ä", "a\u{308}", "\u{301}", "\u{600}", "\u{200D}", "\u{903}",
                         "🙂", "👍🏽", "🇫🇮", "\r", "\n", "\t", "Å", "ß", "\u{FE0F}", "\u{1F3FD}", "क", "\u{94D}"]

    @Test func theSameWordsAsSplittingTheString() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let expected = text.split(separator: " ").map { (String($0), $0.count) }
            let found = GraphvizText.words(text).map { (String($0.0), $0.1) }
            #expect(found.map(\.0) == expected.map(\.0), "\(Array(text.unicodeScalars))")
            #expect(found.map(\.1) == expected.map(\.1), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aSpaceThatJoinsItsNeighbourIsNoBreak() {
        #expect(GraphvizText.words("a \u{301}b c").map { String($0.0) } == ["a \u{301}b", "c"])
        #expect(GraphvizText.words("\u{600} 1 2").map { String($0.0) } == ["\u{600} 1", "2"])
        #expect(GraphvizText.words("löydä kirja ").map(\.1) == [5, 5])
        #expect(GraphvizText.words("").isEmpty && GraphvizText.words("   ").isEmpty)
    }
}

/// Over-long words break with a visible hyphen, at a syllable where there is one near the end
/// of the line.
@Suite struct HyphenationTests {
    @Test func finnishAndSwedishCompoundsBreakAtASyllable() {
        #expect(GraphvizText.wrap("kaukolainapalvelu", width: 12) == ["kaukolaina-", "palvelu"])
        #expect(GraphvizText.wrap("kaukolainapalvelu", width: 10) == ["kaukolai-", "napalvelu"])
        #expect(GraphvizText.wrap("asiakaspalvelutilanne", width: 15) == ["asiakaspalvelu-", "tilanne"])
        #expect(GraphvizText.wrap("asiakaspalvelutilanne", width: 10) == ["asiakas-", "palveluti-", "lanne"])
        #expect(GraphvizText.wrap("bibliotekslokalerna", width: 12) == ["biblioteks-", "lokalerna"])
        #expect(GraphvizText.wrap("informationsdisken", width: 12) == ["informa-", "tionsdisken"])
    }

    @Test func theFirstPieceFillsTheLineWhenASyllableFits() {
        #expect(GraphvizText.wrap("Tarve: kaukolainapalvelun hinta", width: 16) == ["Tarve: kaukolai-", "napalvelun hinta"])
        // Words that fit are never broken.
        #expect(GraphvizText.wrap("Saa sähköpostiviestin kirjastoautosta", width: 23) == ["Saa sähköpostiviestin", "kirjastoautosta"])
    }

    @Test func aWordWithAHyphenBreaksAfterIt() {
        #expect(GraphvizText.wrap("asiakaspalvelu-opas", width: 16) == ["asiakaspalvelu-", "opas"])
        #expect(GraphvizText.wrap("e-kirjakokoelma", width: 8) == ["e-kirja-", "kokoelma"])
    }

    @Test func withoutASyllableNearTheLimitTheWordIsHyphenatedThere() {
        #expect(GraphvizText.wrap("ISBN9789510123456", width: 10) == ["ISBN97895-", "10123456"])
    }

    /// Every width, every word: lines fit, every break is marked, no line has fewer than two
    /// letters, and taking the hyphens away gives the word back.
    @Test func everyBreakIsMarkedAndKeepsTwoLetters() {
        let words = ["kaukolainapalvelu", "asiakaspalvelutilanne", "bibliotekslokalerna", "informationsdisken",
                     "pitäjänhistoriat", "kirjastoautosta", "aaaaaaaaaaaaaaaaaaaa", "strstrstrstrstrstr", "ÅÄÖåäöÅÄÖåäö"]
        for word in words {
            for width in 4...(word.count + 2) {
                let lines = GraphvizText.wrap(word, width: width, maxLines: 100)
                #expect(lines.allSatisfy { $0.count <= width }, "\(word) at \(width): \(lines)")
                #expect(lines.dropLast().allSatisfy { $0.hasSuffix("-") && $0.count >= 3 }, "\(word) at \(width): \(lines)")
                #expect(lines.last!.count >= 2, "\(word) at \(width): \(lines)")
                #expect(lines.dropLast().map { String($0.dropLast()) }.joined() + lines.last! == word)
            }
        }
    }

    @Test func aCutShortLastLineLosesItsHyphenForTheEllipsis() {
        let lines = GraphvizText.wrap("kaukolainapalvelukaukolainapalvelukaukolainapalvelu", width: 12, maxLines: 2)
        #expect(lines.count == 2 && lines[1].hasSuffix("…") && !lines[1].hasSuffix("-…"), "\(lines)")
    }
}
