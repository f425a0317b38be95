import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuCheck
import PolkuChecklist
import PolkuCLI
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// Properties that must hold for any input, checked on many generated ones.
@Suite struct PropertyTests {
    static let examples: [[UInt8]] = Fixture.examples.map { Array(((try? Fixture.read($0)) ?? "").utf8) }

    /// An example with a few random byte-level edits: insertions of keywords and symbols,
    /// deletions, duplicated lines, random bytes.
    static func mutant(_ rng: inout SplitMix64) -> [UInt8] {
        var bytes = examples[Int.random(in: 0..<examples.count, using: &rng)]
        let pieces: [[UInt8]] = ["\n", "\r\n", ":", ",", "#", "step x:", "next: ", "via: ", "end", "before:", "\u{FEFF}",
                                 "\u{202E}", "\u{0}", "ä", "\u{FF}", "allow: missing-need because x", "  ", "\t"]
            .map { Array($0.utf8) } + [[0xC3], [0xE2, 0x82], [0xFF, 0xFE]]
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
            case 2:
                let from = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + 60)], at: at)
            default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            }
        }
        return bytes
    }

    @Test func anyBytesParseOrGiveDiagnosticsNeverTrap() throws {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<400 {
            let length = Int.random(in: 0...300, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let a = try wholePipeline(bytes)
            #expect(!a.isEmpty)
        }
        for _ in 0..<600 {
            let bytes = Self.mutant(&rng)
            let analysis = Analysis(SourceFile(name: "m", bytes: bytes))
            // Either a journey without errors or at least one error with a position in the file.
            for d in analysis.diagnostics {
                #expect(d.range.start >= 0 && d.range.end <= bytes.count)
            }
            _ = try wholePipeline(bytes)
        }
    }

    @Test func twoRunsGiveByteIdenticalOutputs() throws {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<150 {
            let bytes = Self.mutant(&rng)
            #expect(try wholePipeline(bytes) == wholePipeline(bytes))
        }
        for example in Self.examples {
            #expect(try wholePipeline(example, render: true) == wholePipeline(example, render: true))
        }
    }

    /// Text a user might type, including everything that means something to DOT, HTML, XML,
    /// Markdown, CSV and shells.
    static func userText(_ rng: inout SplitMix64) -> String {
        let alphabet = Array("abcäöåÅÄÖ 你好🎧\\\"'<>&;:,#*_[]()|`{}=+-@!?/\\%$~^").map(String.init)
            + ["\\N", "\\G", "&amp;", "]]>", "<!--", "<b>", "&#92;"]
        var s = ""
        for _ in 0..<Int.random(in: 1...40, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
        // Blanks around text are trimmed by the language; a value never starts or ends with one.
        return s.trimmingCharacters(in: .whitespaces).isEmpty ? "x" : s.trimmingCharacters(in: .whitespaces)
    }

    @Test func userTextAppearsUnchangedInSVGAndHTML() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<40 {
            let title = Self.userText(&rng)
            let recommendation = Self.userText(&rng)
            let text = "journey: \(title)\nvia: desk\nbefore:\n  step a: \(title)\n    recommend: \(recommendation)\n    follow-up: f\n"
            let result = Checker.check(Analysis(SourceFile(name: "u", text: text)))
            guard !result.diagnostics.contains(where: { $0.severity == .error }) else {
                Issue.record("generated journey has errors: \(text)")
                continue
            }
            let drawn: [UInt8]
            do {
                drawn = try draw(result, format: .svg, options: DiagramOptions())
            } catch {
                Issue.record("could not draw \(text.debugDescription): \(error)")
                continue
            }
            let svg = try XMLDocument(data: Data(drawn), options: [])
            let shown = try svg.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue).joined(separator: "\n")
            // The card wraps text into lines (indenting what follows, and breaking long words
            // with a hyphen it adds), so compare with every blank and every hyphen removed: the
            // other characters and their order must be the same.
            let squeeze = { (s: String) in String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }.map(Character.init)) }
            #expect(squeeze(shown).contains(squeeze(recommendation)), "SVG does not show `\(recommendation)`")
            let titleNode = try svg.nodes(forXPath: "/*[local-name()='svg']/*[local-name()='title']").first?.stringValue ?? ""
            #expect(titleNode.hasSuffix(title), "SVG <title> is `\(titleNode)`, the journey's title `\(title)`")
            let html = try XMLDocument(data: Data(HTMLChecklist.render(Checklist(result)).utf8), options: [])
            let page = html.rootElement()?.stringValue ?? ""
            #expect(page.contains(title) && page.contains(recommendation))
        }
    }

    @Test func findingsDoNotDependOnBlankLinesIndentationOrLineEnds() throws {
        var rng = SplitMix64(seed: 4)
        for (n, example) in Self.examples.enumerated() {
            let text = String(decoding: example, as: UTF8.self)
            let base = Checker.check(Analysis(SourceFile(name: "e", text: text))).diagnostics.map { "\($0.code): \($0.message)" }
            for _ in 0..<5 {
                var lines: [String] = []
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    let indent = String(repeating: Bool.random(using: &rng) ? "\t" : " ", count: Int.random(in: 0...6, using: &rng))
                    lines.append(indent + trimmed)
                    if Bool.random(using: &rng) { lines.append(String(repeating: " ", count: Int.random(in: 0...3, using: &rng))) }
                }
                let ending = ["\r\n", "\n", "\r"][Int.random(in: 0...2, using: &rng)]
                let changed = Checker.check(Analysis(SourceFile(name: "e", text: lines.joined(separator: ending))))
                    .diagnostics.map { "\($0.code): \($0.message)" }
                #expect(changed == base, "example \(n) changes its findings when only layout changes")
            }
        }
    }
}
