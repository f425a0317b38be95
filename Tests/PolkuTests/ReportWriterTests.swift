import Foundation
import PolkuEscaping
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// The report writers put bytes together themselves (no `JSONSerialization`, no
/// `JSONEncoder`, no splitting into characters) and must give the bytes Foundation and
/// Swift's characters gave: the golden files check whole reports, these check the corners
/// the examples do not reach.
@Suite struct ReportWriterTests {
    /// Texts with every kind of character a JSON writer escapes, or might: quotes,
    /// backslashes, slashes, every control, DEL, C1 controls, line and paragraph separators,
    /// noncharacters, a byte order mark, combining marks, emoji, CJK.
    static let texts: [String] = [
        "", "plain", "a/b//c", "quote \" and \\ backslash", "tab\tnew\nline\rcr", "\u{8}\u{C}",
        String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) })),
        "del \u{7F} c1 \u{80}\u{85}\u{9B}\u{9F}", "seps \u{2028}\u{2029}", "non \u{FFFE}\u{FFFF} bom \u{FEFF}",
        "e\u{301} 👩‍👩‍👧 中文 ä ö å", "</script>", "\u{1B}[2J\u{7}",
    ]

    /// A small JSON value for the comparison, its keys Polku's own.
    indirect enum Value {
        case text(String), number(Int), list([Value]), object([(StaticString, Value)])

        var foundation: Any {
            switch self {
            case .text(let s): s
            case .number(let n): n
            case .list(let items): items.map(\.foundation)
            case .object(let members):
                Dictionary(uniqueKeysWithValues: members.map { ("\($0.0)", $0.1.foundation) }) as [String: Any]
            }
        }

        func write(_ json: inout PrettyJSON) {
            switch self {
            case .text(let s): json.string(s)
            case .number(let n): json.int(n)
            case .list(let items):
                json.openArray()
                for item in items {
                    json.element()
                    item.write(&json)
                }
                json.closeArray()
            case .object(let members):
                json.openObject()
                for (key, value) in members {
                    json.key(key)
                    value.write(&json)
                }
                json.closeObject()
            }
        }
    }

    /// Values of every shape, from a fixed seed: nested lists and objects, empty ones,
    /// numbers of every size, the texts above.
    static func values() -> [Value] {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let keys: [StaticString] = ["$schema", "a", "b/c", "end", "endColumn", "endLine", "id", "start"]
        func value(_ depth: Int) -> Value {
            switch depth > 3 ? next(2) : next(4) {
            case 0: return .text(texts[next(texts.count)])
            case 1: return .number([0, 1, -1, 42, 1_000_000, Int.max, Int.min][next(7)])
            case 2: return .list((0..<next(4)).map { _ in value(depth + 1) })
            default:
                let chosen = keys.filter { _ in next(2) == 0 }
                return .object(chosen.map { ($0, value(depth + 1)) })
            }
        }
        // Nested deeper than the indentation made once (63 levels), on both sides of it.
        func nested(_ levels: Int) -> Value {
            (0..<levels).reduce(Value.list([.number(levels), .text("x")])) { inner, level in
                level % 2 == 0 ? .list([inner, .number(level)]) : .object([("id" as StaticString, inner)])
            }
        }
        return (0..<300).map { _ in .object([("a" as StaticString, value(0)), ("b/c" as StaticString, value(0))]) }
            + [62, 63, 64, 80].map { nested($0) }
    }

    @Test func prettyJSONIsWhatJSONSerializationWrites() throws {
        for value in Self.values() {
            var json = PrettyJSON(ByteOutput())
            value.write(&json)
            let written = String(decoding: json.out.finish(), as: UTF8.self)
            let expected = try JSONSerialization.data(withJSONObject: value.foundation,
                                                      options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            #expect(written == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func prettyJSONStringsAreWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var all = Self.texts
        all += (0..<0x800).compactMap { Unicode.Scalar(UInt32($0)).map { "x" + String($0) + "y" } }
        // Each character a string escapes at every place of three words of eight bytes (they
        // are looked for a word at a time), alone, beside a letter past ASCII, and with a
        // backslash five places on.
        for special in (0..<0x20).map({ String(Unicode.Scalar(UInt8($0))) }) + ["\"", "\\"] {
            for at in 0..<24 {
                var letters = [String](repeating: "a", count: 24)
                letters[at] = special
                all.append(letters.joined())
                letters[(at + 1) % 24] = "ä"
                all.append(letters.joined())
                letters[(at + 5) % 24] = "\\"
                all.append(letters.joined())
            }
        }
        var json = PrettyJSON(ByteOutput())
        json.openArray()
        for text in all {
            json.element()
            json.string(text)
        }
        json.closeArray()
        #expect(String(decoding: json.out.finish(), as: UTF8.self) == String(decoding: try encoder.encode(all), as: UTF8.self))
    }

    @Test func numbersAreWrittenInDecimal() {
        for n in [0, 7, -7, 9, 10, 99, 100, -100, 1_234, 99_999_999, 100_000_000, -99_999_999, 12_345_678, 123_456_789,
                  Int.max, Int.min, Int.min + 1] + (0..<200).map({ _ in Int.random(in: 0..<1_000_000) }) {
            var out = ByteOutput()
            out.append(decimal: n)
            #expect(String(decoding: out.finish(), as: UTF8.self) == String(n))
        }
    }

    /// Texts with each piece at the start of a word, in the tail, alone, and 2,000 random
    /// mixes of pieces and plain words: for the writers that look at eight bytes at a time.
    static func texts(around pieces: [String]) -> [String] {
        var generator = SystemRandomNumberGenerator()
        var texts = pieces.map { "abcdefgh" + $0 } + pieces.map { $0 + "abcdefghijklmnop" } + pieces
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 0...24, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : "plain"
            }.joined())
        }
        return texts
    }

    /// `writeTerminal` looks for bytes that may need escaping eight at a time; wherever such a
    /// byte stands (in a word, in the tail, at either end), it must show what `terminal` shows.
    @Test func terminalBytesAreWhatTheTerminalStringIs() {
        let pieces = ["a", "bcd", " ", "ä", "\t", "\n", "\r\n", "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{A0}", "\u{202E}",
                      "\u{2014}", "\u{200B}", "\u{FFFE}", "\u{FEFF}", "\u{0600}", "👩‍👩‍👧", "\u{0}"]
        for text in Self.texts(around: pieces) {
            var out: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { Escaping.writeTerminal($0, into: &out) }
            #expect(String(decoding: out, as: UTF8.self) == Escaping.terminal(text), "\(text.debugDescription)")
        }
        // Both ways above look eight bytes at a time; a piece shorter than eight is looked at
        // byte by byte, so, alone, it says how it must show inside the words of a longer text,
        // at every place in a word and with letters past ASCII beside it or not.
        for piece in pieces where piece.utf8.count < 8 {
            let shown = Escaping.terminal(piece)
            for before in 0..<16 {
                for filler in ["a", "é"] {
                    let lead = String(repeating: filler, count: before), tail = String(repeating: filler, count: 15 - before)
                    let text = lead + piece + tail
                    var out: [UInt8] = []
                    Array(text.utf8).withUnsafeBufferPointer { Escaping.writeTerminal($0, into: &out) }
                    #expect(String(decoding: out, as: UTF8.self) == lead + shown + tail, "\(text.debugDescription)")
                    #expect(Escaping.terminal(text) == lead + shown + tail, "\(text.debugDescription)")
                }
            }
        }
    }

    /// XML and Graphviz label escaping copy a text as it is when no byte of it needs a look,
    /// which they find eight bytes at a time. A leading `&` always makes them look at every
    /// byte, and escaping goes byte by byte, so the two ways must agree wherever the special
    /// byte stands.
    @Test func markupFindsEverySpecialByteWhereverItStands() {
        let pieces = ["a", "bcdefgh", " ", "ä", "&", "<", ">", "\"", "'", "\\", "]", "\t", "\n", "\r", "\u{1}", "\u{7F}",
                      "\u{85}", "\u{A0}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{2028}", "👩‍👩‍👧"]
        for text in Self.texts(around: pieces) {
            #expect("&amp;" + Escaping.xml(text) == Escaping.xml("&" + text), "\(text.debugDescription)")
            #expect("&amp;" + Escaping.graphvizLabel(text) == Escaping.graphvizLabel("&" + text), "\(text.debugDescription)")
            var out: [UInt8] = []
            Escaping.xml(text, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == Escaping.xml(text), "\(text.debugDescription)")
        }
    }

    /// The summary's lines were split into characters to trim the spaces at their ends; the
    /// bytes must give the same lines.
    @Test func summaryLinesAreTrimmedAsCharactersWere() {
        func characters(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var s = Substring(line)
                while s.last == " " { s = s.dropLast() }
                return Escaping.terminal(String(s))
            }.joined(separator: "\n")
        }
        let lines = [
            "", " ", "   ", "a", "a  ", "  a  ", "ä  ", "e\u{301}  ", "\u{600}  ", "x\u{600} ", "\u{600}", "\u{0D4E} ",
            "cr\r  ", "crlf  \r\n  next  ", "\r\n", "\r", "tab\t ", "esc \u{1B}[2J  ", "rtl \u{202E}x  ", "c1 \u{85}  ",
            "👩‍👩‍👧  ", " \u{301}", "sp \u{3000} ", "end",
        ]
        var texts = lines
        for a in lines { for b in lines { texts.append(a + "\n" + b) } }
        texts.append(lines.joined(separator: "\n"))
        texts.append(lines.joined(separator: "\r\n"))
        for text in texts {
            var out = ByteOutput()
            SummaryReport.tidy(text, to: &out)
            #expect(String(decoding: out.finish(), as: UTF8.self) == characters(text), "\(text.debugDescription)")
        }
    }

    /// An ASCII excerpt is shown byte by byte; it must be what the character-by-character
    /// form shows.
    @Test func sentencesOnBytesAreTheSentencesOfCharacters() {
        let texts = ["", "a", "the customer leaves", "Already a sentence.", "a question?", "wow!", "ends in ?\u{301}",
                     "älä jätä asiakasta", "ökad service", "éclair", "e\u{301}tude", "1 step", " leading space",
                     "ends with space ", "ß is lower", "ǆ digraph", "日本", "tab\tinside", "x"]
        for text in texts {
            var bytes: [UInt8] = []
            TextForms.writeSentence(Array(text.utf8), into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == TextForms.sentence(text), "\(text)")
        }
    }

    @Test func asciiExcerptsAreShownAsCharactersWere() {
        func characters(_ text: String) -> String {
            String(text.map { c -> Character in
                if c == "\t" { return " " }
                if let a = c.asciiValue, a < 0x20 || a == 0x7F { return "\u{FFFD}" }
                return c
            })
        }
        var texts = ["", "plain text", "tab\there", "\r\n", "a\rb\nc\r\n\r\rd", "\u{7F}\u{0}\u{1B}[31m", "\n\r"]
        texts.append(String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) })))
        for text in texts {
            #expect(Escaping.terminalExcerpt(text) == characters(text), "\(text.debugDescription)")
        }
    }

    /// Streamed in small chunks, a report is the same bytes as written whole, and it goes
    /// out in pieces: no report of a long journey waits in memory whole, only a block of
    /// its findings at a time.
    @Test func streamedReportsAreTheSameBytes() throws {
        var text = "journey: Many steps\nvia: desk\nduring:\n"
        for n in 0..<200 { text += "  step s\(n): Step \(n) with ä and \u{1B} and /\n" }
        let journey = try Pipeline().check(SourceFile(name: "many/steps.polku", text: text), path: nil).get()
        for format in ReportFormat.allCases {
            let whole = Reports.render([journey, journey], format: format, version: "test")
            var chunks: [[UInt8]] = []
            Reports.write([journey, journey], format: format, version: "test") { chunks.append($0) }
            #expect(String(decoding: chunks.joined(), as: UTF8.self) == whole, "\(format)")
            #expect(whole.utf8.count < 1 << 16 || chunks.count > 1, "\(format)")
        }
        // Results are written a block at a time (`ReportBlocks`) and handed on after each:
        // with blocks of 16, no piece holds much more than 16 results (about 1,200 bytes each).
        var pieces = 0
        var out = ByteOutput(chunk: 1000) {
            pieces += 1
            #expect($0.count < 1000 + 16 * 1500)
        }
        SARIFReport.write([(journey.source, journey.result)], version: "test", blockSize: 16, to: &out)
        #expect(out.finish().isEmpty)
        #expect(journey.result.diagnostics.count >= 200 && pieces >= journey.result.diagnostics.count / 32)
    }
}

/// The byte search the SVG and HTML writers share finds what a plain search finds.
@Suite struct ByteSearchTests {
    static func naive(_ needle: [UInt8], _ bytes: [UInt8], _ from: Int) -> Int? {
        guard !needle.isEmpty, from >= 0 else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    @Test func findsWhatAPlainSearchFinds() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            // Few letters, so that partial matches and overlaps are common.
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0x3C...0x3F, using: &random) }
            let needle = (0..<Int.random(in: 1...4, using: &random)).map { _ in UInt8.random(in: 0x3C...0x3F, using: &random) }
            let from = Int.random(in: -1...42, using: &random)
            #expect(ByteSearch.find(needle, in: bytes, from: from) == Self.naive(needle, bytes, from), "\(needle) in \(bytes) from \(from)")
        }
    }

    @Test func edges() {
        let bytes = Array("<svg><title>a</title></svg>".utf8)
        #expect(ByteSearch.find(Array("</svg>".utf8), in: bytes, from: 0) == bytes.count - 6)
        #expect(ByteSearch.find(Array("<".utf8), in: bytes, from: bytes.count - 1) == nil)
        #expect(ByteSearch.find(Array("<svg".utf8), in: bytes, from: 1) == nil)
        #expect(ByteSearch.find([], in: bytes, from: 0) == nil)
        #expect(ByteSearch.find(Array("<svg><title>a</title></svg>!".utf8), in: bytes, from: 0) == nil)
    }
}
