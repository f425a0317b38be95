import PolkuEscaping
import PolkuReport
import PolkuSyntax
import Testing

/// The reports write a rule's help once for each box of details and wording and copy it for
/// each finding after (`HelpMemo`): what they write must be what writing it each time gives.
@Suite struct HelpMemoTests {
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
}
