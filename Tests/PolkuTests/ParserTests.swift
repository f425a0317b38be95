import Foundation
import PolkuModel
import PolkuSyntax
import Testing

@Suite struct ParserTests {
    @Test func baselineExampleParsesClean() {
        let analysis = Fixture.analyze(baselineExample)
        #expect(analysis.diagnostics.isEmpty, "\(analysis.diagnostics)")
        let kinds = analysis.tree.declarations.map(\.kind)
        #expect(kinds == [.journey, .persona, .channel, .phase(.before), .step, .phase(.during), .step, .step,
                          .phase(.after), .step])
        let request = analysis.tree.declarations[6]
        #expect(analysis.source.text(request.id!) == "request")
        #expect(request.attributes.map(\.kind) == [.by, .recommend, .followUp, .next])
    }

    /// A tree parsed without line nodes (what `check` asks for) has the same declarations,
    /// attributes and diagnostics as the lossless one, on every example and hostile file.
    @Test func parsingWithoutLinesGivesTheSameDeclarations() throws {
        let hostile = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Tests/PolkuTests/Hostile"))
            .sorted().map { "Tests/PolkuTests/Hostile/" + $0 }
        #expect(hostile.count >= 5)
        for path in Fixture.examples + hostile {
            let source = SourceFile(name: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.path(path)))))
            let full = JourneyParser.parse(source)
            let lean = JourneyParser.parse(source, lines: false)
            #expect(lean.lines.isEmpty && !full.lines.isEmpty, "\(path)")
            #expect(lean.diagnostics == full.diagnostics, "\(path)")
            #expect(lean.allDeclarations.count == full.declarations.count, "\(path)")
            #expect(lean.language == full.language, "\(path)")
            for (a, b) in zip(lean.allDeclarations, full.declarations) {
                #expect(a.line == b.line && a.kind == b.kind && a.title == b.title, "\(path)")
                #expect(a.attributes.map(\.line) == b.attributes.map(\.line), "\(path)")
                // The list's indices start at 0, and its slice holds the same attributes.
                #expect(a.attributes.indices == 0..<a.attributes.count)
                #expect(a.attributes.elements.map(\.line) == a.attributes.map(\.line))
            }
        }
    }

    /// Without line nodes, the declarations come in chunks of at most
    /// `JourneyParser.declarationChunk`, closed whether the declarations or their attributes
    /// fill them, and in file order they are the lossless tree's declarations.
    @Test func leanTreesKeepTheirDeclarationsInChunks() throws {
        let chunk = JourneyParser.declarationChunk
        // Steps without attributes fill chunks by their number; then steps with many
        // attributes fill one by its attributes first.
        var text = "journey: Chunks\nbefore:\n"
        for n in 0..<(2 * chunk + 10) { text += "  step s\(n): Step \(n)\n" }
        // Enough attributes a step that they fill a chunk well before its declarations do.
        let notes = max(8, 2 * JourneyParser.chunkSize / chunk)
        for n in 0..<(JourneyParser.chunkSize / notes + 100) {
            text += "  step t\(n): Step \(n)\n" + String(repeating: "    note: n\n", count: notes)
        }
        text += "vaihe v: Viimeinen\n"
        let source = SourceFile(name: "chunks.polku", text: text)
        let full = JourneyParser.parse(source)
        let lean = JourneyParser.parse(source, lines: false)
        #expect(lean.declarations.isEmpty && full.declarationChunks.isEmpty)
        let sizes = lean.declarationChunks.map(\.count)
        #expect(sizes.count >= 4 && sizes.allSatisfy { 0 < $0 && $0 <= chunk }, "\(sizes)")
        #expect(sizes[0] == chunk && sizes.contains { $0 < chunk - 100 }, "\(sizes)")
        #expect(lean.allDeclarations.map(\.line) == full.declarations.map(\.line))
        #expect(lean.allDeclarations.map { $0.attributes.map(\.line) } == full.declarations.map { $0.attributes.map(\.line) })
        #expect(lean.diagnostics == full.diagnostics && lean.language == full.language)
    }

    /// The parser reads the commonest lines straight from their bytes; every line read so
    /// gives the same tree (declarations, lines, diagnostics) as reading its tokens, on every
    /// example and hostile file and on lines made to sit at the shortcut's edges.
    @Test func theShortcutForCommonLinesReadsAsTheTokensDo() throws {
        let hostile = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Tests/PolkuTests/Hostile"))
            .sorted().map { "Tests/PolkuTests/Hostile/" + $0 }
        var files = try (Fixture.examples + hostile).map {
            SourceFile(name: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.path($0)))))
        }
        let edges = [
            "  step s0: Title", "step S1:Title", "  STEP s2: T", "  Step  s3: two spaces", "  step\ts4: tab",
            "  step s5 : space before the colon", "  step s6   :", "  step s7:", "  step: no id", "  step s8 s9: two ids",
            "  vaihe v1: Otsikko", "  steg s1: Titel", "  step ä1: non-ASCII id", "  step s\u{00A0}x: no-break space",
            "  step s10", "  step s-1_2: dashes", "  step s$: bad byte", "  follow up: two words",
            "  palvelun aikana: x", "  during:", "  during: text after a phase", "  persona p1: P", "  channel c1: C",
            "  channel desk: Desk", "  journey j: with an id", "  journey: Again",
            "    need: a book", "    NEED: Upper", "    Need:  spaces  ", "    need:", "    need:   ", "    need :  x",
            "    need:\u{00A0}nbsp\u{00A0}", "\tneed: tab indent", "    need\t: tab", "    tarve: kirja", "    behov: bok",
            "    mood: 9", "    via: desk", "    next: s0, end", "    recommend: ✓ ok", "    rekommendera: x",
            "    suosittele: x", "    competence: 3", "    uses: x", "    unknown: x", "    needs: x", "    :", "    : x",
            "    need", "    #need: comment", "# comment", "", "   ", "\t", "\u{00A0}", "    nëed: x", "    ÄÄ: x",
            "    averyveryveryveryveryveryveryveryveryverylongkeywordthatcannotbeone: x",
        ]
        var text = "journey: Edges\nvia: desk\nbefore:\n"
        for (n, line) in edges.enumerated() {
            text += line + "\n"
            if n % 7 == 0 { text += "  step e\(n): Step \(n)\n" }
        }
        files.append(SourceFile(name: "edges", text: text))
        files.append(SourceFile(name: "edges-crlf", text: text.replacingOccurrences(of: "\n", with: "\r\n")))
        files.append(SourceFile(name: "no-journey", text: edges.joined(separator: "\n")))
        // Files that end on a line of one of the edges, without a line ending: its words are
        // within eight bytes of the end, where the shortcut reads byte by byte.
        for (n, line) in edges.enumerated() where n % 3 == 0 {
            files.append(SourceFile(name: "ends-on-\(n)", text: "journey: J\nbefore:\n  step s: S\n" + line))
        }
        for source in files {
            let quick = JourneyParser.parse(source)
            let reference = JourneyParser.parseTokenByToken(source)
            #expect(quick.diagnostics == reference.diagnostics, "\(source.name)")
            #expect(Array(quick.lines) == Array(reference.lines), "\(source.name)")
            #expect(quick.declarations.count == reference.declarations.count, "\(source.name)")
            for (a, b) in zip(quick.declarations, reference.declarations) {
                #expect(a.line == b.line && a.kind == b.kind && a.keyword == b.keyword && a.id == b.id
                        && a.title == b.title && a.languages == b.languages, "\(source.name)")
                #expect(a.attributes.map(\.line) == b.attributes.map(\.line), "\(source.name)")
                #expect(a.attributes.map(\.value) == b.attributes.map(\.value), "\(source.name)")
                #expect(a.attributes.map(\.keyword) == b.attributes.map(\.keyword), "\(source.name)")
                #expect(a.attributes.map(\.kind) == b.attributes.map(\.kind), "\(source.name)")
                #expect(a.attributes.map(\.languages) == b.attributes.map(\.languages), "\(source.name)")
            }
            #expect(quick.detachedAttributes.map(\.line) == reference.detachedAttributes.map(\.line), "\(source.name)")
            #expect(quick.language == reference.language, "\(source.name)")
        }
        // The edges file reads as a journey at all, with many of its lines through the shortcut.
        #expect(JourneyParser.parse(files.first { $0.name == "edges" }!).declarations.count > 10)
    }

    /// Random lines made of keywords, ids, blanks (tabs, no-break spaces), colons and text,
    /// in any order, read the same through the shortcut as through the tokens.
    @Test func randomLinesReadTheSameThroughTheShortcut() {
        var rng = SystemRandomNumberGenerator()
        let indents = ["", "  ", "    ", "\t", " \u{00A0}", "\u{00A0}"]
        let words = ["need", "NEED", "Need", "step", "Step", "STEP", "vaihe", "steg", "via", "mood", "next", "follow-up",
                     "palvelun", "aikana", "before", "during", "after", "s1", "s-2", "ä1", "x", "tarve", "behov", "#",
                     "journey", "channel", "persona", "recommend", "suosittele", "allow", "note", "kautta", "desk", "end",
                     "FEEDBACK", "Feedback", "feedbacks", "REKOMMENDERA", "Follow-Up", "uppföljning", "PALVELUN"]
        let gaps = [" ", "  ", "\t", "", "\u{00A0}"]
        let texts = ["", " ", "a book", "  spaced  ", "3", "ä ö", "s1, end", "\u{00A0}x\u{00A0}", ": more: colons", "\t"]
        for round in 0..<300 {
            var text = round % 3 == 0 ? "" : "journey: Random\nvia: desk\nbefore:\n  step r: R\n"
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                var line = indents.randomElement(using: &rng)!
                for n in 0..<Int.random(in: 0...3, using: &rng) {
                    if n > 0 { line += gaps.randomElement(using: &rng)! }
                    line += words.randomElement(using: &rng)!
                }
                if Int.random(in: 0..<5, using: &rng) > 0 { line += (Bool.random(using: &rng) ? "" : " ") + ":" }
                line += texts.randomElement(using: &rng)!
                text += line + (Int.random(in: 0..<8, using: &rng) == 0 ? "\r\n" : "\n")
            }
            // Some files end without a line ending, their last words near the end.
            if round % 4 == 1 { text.removeLast() }
            let source = SourceFile(name: "random", text: text)
            let quick = JourneyParser.parse(source)
            let reference = JourneyParser.parseTokenByToken(source)
            #expect(quick.diagnostics == reference.diagnostics, "\(text.debugDescription)")
            #expect(Array(quick.lines) == Array(reference.lines), "\(text.debugDescription)")
            #expect(quick.declarations.map(\.line) == reference.declarations.map(\.line), "\(text.debugDescription)")
            #expect(quick.declarations.map(\.id) == reference.declarations.map(\.id), "\(text.debugDescription)")
            #expect(quick.declarations.map { $0.attributes.map(\.value) } == reference.declarations.map { $0.attributes.map(\.value) },
                    "\(text.debugDescription)")
            #expect(quick.declarations.map { $0.attributes.map(\.keyword) }
                    == reference.declarations.map { $0.attributes.map(\.keyword) }, "\(text.debugDescription)")
            #expect(quick.detachedAttributes.map(\.value) == reference.detachedAttributes.map(\.value), "\(text.debugDescription)")
            #expect(quick.detachedAttributes.map(\.kind) == reference.detachedAttributes.map(\.kind), "\(text.debugDescription)")
        }
    }

    /// Each declaration sees only its own attribute lines in the tree's one shared array.
    @Test func eachDeclarationHasItsOwnAttributes() {
        let tree = JourneyParser.parse(SourceFile(name: "t", text: """
            journey: T
            via: desk
            before:
              step a: A
                recommend: r1
                follow-up: f1
              step b: B
              step c: C
                note: n1
            """))
        let source = tree.source
        #expect(tree.declarations.map { $0.attributes.map { source.text($0.value) } }
                == [["desk"], [], ["r1", "f1"], [], ["n1"]])
        #expect(tree.declarations[2].attributes[1].kind == .followUp)
    }

    @Test func finnishSwedishAndEnglishGiveTheSameTree() {
        let en = "journey: T\nvia: desk\nbefore:\n  step a: Asks\n    recommend: x\n    follow-up: y\n    next: end\n"
        let fi = "palvelupolku: T\nkautta: palvelupiste\nennen palvelua:\n  vaihe a: Asks\n    suosittele: x\n    jatko: y\n    seuraava: loppu\n"
        let sv = "kundresa: T\nvia: disk\nföre tjänsten:\n  steg a: Asks\n    rekommendera: x\n    uppföljning: y\n    nästa: slut\n"
        let trees = [en, fi, sv].map { Fixture.analyze($0) }
        for t in trees { #expect(t.diagnostics.isEmpty, "\(t.diagnostics)") }
        let shapes = trees.map { t in t.tree.declarations.map { "\($0.kind):\($0.attributes.map(\.kind.rawValue))" } }
        #expect(shapes[0] == shapes[1] && shapes[1] == shapes[2])
        #expect(trees.map(\.tree.language) == [.en, .fi, .sv])
        #expect(trees.map { $0.journey.steps[0].flow.ends } == [true, true, true])
        #expect(trees.map { $0.journey.channels[$0.journey.steps[0].channel].id } == ["desk", "desk", "desk"])
    }

    @Test func keywordsIgnoreCaseAndExtraBlanks() {
        let a = Fixture.analyze("Journey: T\nVIA: Desk\nPalvelun   Aikana:\n  Step: Asks\n")
        #expect(a.diagnostics.isEmpty, "\(a.diagnostics)")
        #expect(a.journey.steps.first?.phase == .during)
    }

    @Test func mixedLanguagesInOneFile() {
        let a = Fixture.analyze("journey: T\nvia: puhelin\nennen:\n  step a: A\n    suosittele: x\n    uppföljning: y\n")
        #expect(a.diagnostics.isEmpty, "\(a.diagnostics)")
        #expect(a.journey.steps[0].recommendations.map(\.value) == ["x"])
        #expect(a.journey.steps[0].followUps.map(\.value) == ["y"])
    }

    @Test func recoversPerLineFiveBadLinesFiveErrors() {
        let text = """
        journey: T
        via: desk
        before:
          step a: A
            recomend: x
            nonsense line
            mood: high
          step b c: B
            : nothing
            folow-up: y
          step d: D
        """
        let a = Fixture.analyze(text)
        #expect(a.diagnostics.map(\.code.name) == ["unknown-keyword", "missing-colon", "invalid-rating", "invalid-id",
                                              "missing-keyword", "unknown-keyword"])
        // Everything else is still there.
        #expect(a.journey.steps.map(\.title.value) == ["A", "B", "D"])
    }

    @Test func attributeOwnership() {
        #expect(Fixture.codes("recommend: x\njourney: T\n") == ["orphan-attribute", "journey-not-first"])
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore:\n  recommend: x\n  step: A\n") == ["misplaced-attribute"])
        #expect(Fixture.codes("journey: T\nvia: desk\ncompetence: 3\n") == ["misplaced-attribute"])
    }

    /// Every attribute under every kind of header, and under one header after another kind:
    /// reported as misplaced exactly when its header does not take it (`allowedAttributes`),
    /// through the shortcut, through the tokens, and with the lines not kept.
    @Test func everyAttributeIsMisplacedExactlyWhereItsHeaderDoesNotTakeIt() {
        let owners: [(DeclarationKind, String)] = [
            (.journey, ""), (.persona, "persona p: P\n"), (.channel, "channel c: C\n"),
            (.step, "before:\n  step s: S\n"), (.phase(.during), "during:\n"),
            // The header before takes everything a step takes and more: what counts is the last.
            (.channel, "before:\n  step s: S\nchannel c: C\n"),
        ]
        var misplacedSeen = 0
        for (owner, header) in owners {
            for kind in AttributeKind.allCases {
                let source = SourceFile(name: "t", text: "journey: T\n" + header + "  \(kind.rawValue): 3\n")
                let expected = !JourneyParser.allowedAttributes(owner).contains(kind)
                for tree in [JourneyParser.parse(source), JourneyParser.parseTokenByToken(source),
                             JourneyParser.parse(source, lines: false)] {
                    let misplaced = tree.diagnostics.contains { $0.code.name == "misplaced-attribute" }
                    #expect(misplaced == expected, "\(kind.rawValue) under \(header)")
                }
                if expected { misplacedSeen += 1 }
            }
        }
        // Each kind of header refuses some attribute (a phase, every one).
        #expect(misplacedSeen > 3 * AttributeKind.allCases.count)
    }

    /// An id takes exactly the ASCII letters, digits, `-` and `_` (the parser checks them as
    /// two sets of bits): every ASCII byte, alone and between two letters.
    @Test func anIdTakesExactlyTheASCIILettersDigitsDashAndUnderscore() {
        for byte in UInt8(0)..<0x80 {
            let c = Character(Unicode.Scalar(byte))
            let expected = c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
            #expect(JourneyParser.isValidId(String(c)) == expected, "byte \(byte)")
            #expect(JourneyParser.isValidId("a\(c)b") == expected, "byte \(byte)")
        }
        #expect(JourneyParser.isValidId("kysy-ääneen_2") && !JourneyParser.isValidId(""))
    }

    @Test func headersNeedIdsAndTitles() {
        #expect(Fixture.codes("journey:\n") == ["missing-title"])
        #expect(Fixture.codes("journey: T\npersona: someone\n") == ["missing-id"])
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore:\n  step a:\n") == ["missing-title"])
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore:\n  step a.b: A\n") == ["invalid-id"])
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore: now\n") == ["text-after-phase"])
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore:\n  step a: A\n    recommend:\n") == ["empty-value"])
    }

    @Test func journeyMustComeFirstAndOnce() {
        #expect(Fixture.codes("# comment\n\njourney: T\n") == [])
        #expect(Fixture.codes("journey: T\njourney: U\n") == ["duplicate-journey"])
        #expect(Fixture.codes("persona p: P\njourney: T\n") == ["journey-not-first"])
        #expect(Fixture.codes("persona p: P\n") == ["missing-journey"])
    }

    @Test func brokenHeaderSkipsItsAttributesQuietly() {
        let text = "journey: T\nvia: desk\nbefore:\n  stpe a: A\n    recommend: x\n    follow-up: y\n  step b: B\n"
        let a = Fixture.analyze(text)
        #expect(a.diagnostics.map(\.code.name) == ["unknown-keyword"])
        #expect(a.diagnostics[0].help == "did you mean `step a:`?")
        #expect(a.journey.steps.map(\.id) == ["b"])
    }

    @Test func trailingHashIsText() {
        let a = Fixture.analyze("journey: Room #3 tour\nvia: desk\nbefore:\n  step: Visit # 2\n")
        #expect(a.journey.title.value == "Room #3 tour")
        #expect(a.journey.steps[0].title.value == "Visit # 2")
    }

    @Test func idsMayUseAnyLetters() {
        let a = Fixture.analyze("journey: T\nvia: desk\nbefore:\n  step kysyy_äänikirjaa-2: A\n    next: end\n")
        #expect(a.diagnostics.isEmpty)
        #expect(a.journey.steps[0].id == "kysyy_äänikirjaa-2")
    }
}
