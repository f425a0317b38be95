import PolkuCheck
import PolkuEscaping
import PolkuModel
import PolkuReport
import PolkuSyntax
import Testing

/// The reports write a rule's help once for each box of details and wording and copy it for
/// each finding after (`HelpMemo`), and keep the templates of the sentences they write split
/// into pieces (`TemplateCache`): what they write must be what writing each afresh gives.
@Suite struct ReportMemoTests {
    /// The help written afresh, as the memo's `write` closure writes it.
    static func fresh(_ details: DiagnosticDetails, _ w: Wording) -> [UInt8] {
        var out: [UInt8] = []
        if let help = details.help { w.write(help, into: &out) }
        return out
    }

    @Test func manyBoxesAndWordingsInTurnGiveEachOneItsOwnHelp() {
        // More boxes than the memo keeps, helps that differ by language, and a box without one.
        let boxes = (0..<12).map { i in
            DiagnosticDetails(help: i == 5 ? nil : i % 3 == 0 ? Message(ReportMessage.help) : .verbatim("help \(i)\u{7}"))
        }
        let wordings = [Wording(.en, keywords: .en), Wording(.fi, keywords: .fi), Wording(.sv, keywords: .en)]
        var memo = HelpMemo()
        var made = 0
        var seed: UInt64 = 7
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let box = boxes[Int(seed >> 33) % boxes.count]
            let w = wordings[Int(seed >> 20) % wordings.count]
            var out: [UInt8] = [0x2A]
            memo.append(box, w, into: &out) { help, bytes in
                made += 1
                w.write(help, into: &bytes)
            }
            #expect(out == [0x2A] + Self.fresh(box, w))
        }
        // Some were copied rather than written again, and the Finnish help is not the English.
        #expect(made < 2_000)
        #expect(Self.fresh(boxes[0], wordings[0]) != Self.fresh(boxes[0], wordings[1]))
    }

    @Test func aFewBoxesTakingTurnsAreEachWrittenOnce() {
        let boxes = (0..<3).map { DiagnosticDetails(help: .verbatim("help \($0)")) }
        var memo = HelpMemo()
        var made = 0
        for i in 0..<300 {
            var out: [UInt8] = []
            memo.append(boxes[i % 3], .english, into: &out) { help, bytes in
                made += 1
                Wording.english.write(help, into: &bytes)
            }
            #expect(out == Array("help \(i % 3)".utf8))
        }
        #expect(made == 3)
    }

    @Test func aNewBoxIsNeverTakenForOneLetGo() {
        // Each box is let go of before the next is made: were the memo to remember a box by
        // its address alone, a new box in the old one's memory would be given its help.
        var memo = HelpMemo()
        for i in 0..<200 {
            var out: [UInt8] = []
            memo.append(DiagnosticDetails(help: .verbatim("help \(i)")), .english, into: &out) { help, bytes in
                Wording.english.write(help, into: &bytes)
            }
            #expect(out == Array("help \(i)".utf8))
        }
    }

    @Test func shortLinesOfFindingsSharingHelpsAreTheLinesWrittenOneByOne() {
        // The renderer with one scratch for many lines against a new scratch for each line.
        let shared = DiagnosticDetails(help: .verbatim("shared \u{1B}[2J help"))
        let other = DiagnosticDetails(help: Message(ReportMessage.help))
        let diagnostics = (0..<40).map { i in
            var d = Diagnostic(.warning, code: .rule("r\(i % 4)"), text: .verbatim("finding \(i)"),
                               range: SourceRange(i, i + 1))
            d.details = i % 4 == 3 ? nil : i % 2 == 0 ? shared : other
            return d
        }
        let renderer = ShortRenderer()
        for w in [Wording.english, Wording(.fi, keywords: .sv)] {
            var scratch = SentenceScratch()
            var together: [UInt8] = []
            var alone: [UInt8] = []
            for d in diagnostics {
                renderer.write(d, file: Array("f.polku".utf8), wording: w, at: nil, scratch: &scratch, into: &together)
                var fresh = SentenceScratch()
                renderer.write(d, file: Array("f.polku".utf8), wording: w, at: nil, scratch: &fresh, into: &alone)
            }
            #expect(together == alone)
            let text = String(decoding: together, as: UTF8.self)
            #expect(text.contains("(" + Escaping.terminal("shared \u{1B}[2J help") + ")"))
            #expect(!text.contains("\u{1B}"))
            #expect(text.contains(w.language == .fi ? "(ohje)" : "(help)"))
        }
    }

    @Test func sentencesWrittenFromPlansAreTheSentencesWrittenAfresh() {
        // Steps with and without ids, titles just under, at and over the 60 bytes a step is
        // named by in full (with letters of two bytes), moves between channels (two channel
        // names before the step, one of them the journey's own, named by its label), and a
        // step that ends the journey.
        let long = String(repeating: "ä", count: 31)
        let text = """
        journey: Sentences
        channel kiosk: Self-service kiosk
        before:
          step one: \(String(repeating: "a", count: 60))
            via: desk
          step: \(String(repeating: "b", count: 61))
            via: web
          step two: \(long)
            via: email
          step: Short
            via: phone
          step kiosk: At the kiosk
            via: kiosk
          step three: Ends here
            via: phone
            next: end
        """
        let diagnostics = Checker.check(Fixture.analyze(text)).diagnostics
        #expect(diagnostics.count > 8)
        #expect(diagnostics.contains { Wording.english($0.text).contains("Self-service kiosk") })
        var templates = TemplateCache()
        var kept: [UInt8] = []
        var fresh: [UInt8] = []
        for language in KeywordLanguage.allCases {
            for keywords in KeywordLanguage.allCases {
                let w = Wording(language, keywords: keywords)
                for d in diagnostics {
                    kept.removeAll()
                    fresh.removeAll()
                    w.write(d.text, templates: &templates, into: &kept)
                    w.write(d.text, into: &fresh)
                    #expect(kept == fresh, "\(String(decoding: kept, as: UTF8.self))")
                    #expect(String(decoding: fresh, as: UTF8.self) == w(d.text))
                }
            }
        }
    }
}
