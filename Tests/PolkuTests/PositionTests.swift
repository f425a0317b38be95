import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Testing

/// One position service: a byte offset's column in each unit, and every report agreeing on
/// the unit they use (Unicode scalars, SARIF's `unicodeCodePoints`).
@Suite struct PositionTests {
    /// A family emoji is one grapheme cluster, five scalars (three people and two joiners),
    /// eight UTF-16 code units and eighteen UTF-8 bytes.
    static let text = """
        journey: Emoji in a channel list
        via: desk
        persona p: A customer
          channels: 👩‍👩‍👧 chat, emial
        before:
          step a: Asks
            recommend: a book
            follow-up: a call
        """

    static func emial() throws -> (SourceFile, CheckResult, Diagnostic) {
        let source = SourceFile(name: "emoji.polku", text: text)
        let result = Checker.check(Analysis(source))
        let d = try #require(result.diagnostics.first { source.text($0.range) == "emial" })
        return (source, result, d)
    }

    @Test func columnsInEveryUnit() throws {
        let (source, _, d) = try Self.emial()
        #expect(source.location(of: d.range.start, in: .utf8Bytes) == SourceLocation(line: 4, column: 38))
        #expect(source.location(of: d.range.start, in: .unicodeScalars) == SourceLocation(line: 4, column: 25))
        #expect(source.location(of: d.range.start, in: .utf16CodeUnits) == SourceLocation(line: 4, column: 28))
        #expect(source.location(of: d.range.start, in: .graphemeClusters) == SourceLocation(line: 4, column: 21))
        // The default is the reports' unit.
        #expect(source.location(of: d.range.start) == SourceLocation(line: 4, column: 25))
        #expect(ColumnUnit.reports == .unicodeScalars)
    }

    @Test func everyUnitAgreesWithSwiftsOwnCounting() throws {
        let (source, _, d) = try Self.emial()
        let line = source.lineRange(4)
        let prefix = source.text(SourceRange(line.start, d.range.start))
        #expect(source.columns(from: line.start, to: d.range.start, in: .utf8Bytes) == prefix.utf8.count)
        #expect(source.columns(from: line.start, to: d.range.start, in: .unicodeScalars) == prefix.unicodeScalars.count)
        #expect(source.columns(from: line.start, to: d.range.start, in: .utf16CodeUnits) == prefix.utf16.count)
        #expect(source.columns(from: line.start, to: d.range.start, in: .graphemeClusters) == prefix.count)
    }

    @Test func textShortJSONAndSARIFAgree() throws {
        let (source, result, _) = try Self.emial()
        let journey = CheckedJourney(source: source, result: result)
        let short = Reports.render([journey], format: .short, version: "test")
        #expect(short.contains("emoji.polku:4:25: error: there is no channel `emial`"))
        let text = Reports.render([journey], format: .text, version: "test")
        #expect(text.contains("--> emoji.polku:4:25"))

        let json = try JSONSerialization.jsonObject(with: Data(Reports.render([journey], format: .json, version: "test").utf8)) as! [String: Any]
        #expect(json["columnKind"] as? String == "unicodeCodePoints")
        let items = json["diagnostics"] as! [[String: Any]]
        let item = try #require(items.first { ($0["message"] as? String)?.contains("`emial`") == true })
        let start = item["start"] as! [String: Int]
        #expect(start["line"] == 4 && start["column"] == 25)

        let sarif = try JSONSerialization.jsonObject(with: Data(Reports.render([journey], format: .sarif, version: "test").utf8)) as! [String: Any]
        let run = (sarif["runs"] as! [[String: Any]])[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = run["results"] as! [[String: Any]]
        let found = try #require(results.first { (($0["message"] as? [String: Any])?["text"] as? String)?.contains("`emial`") == true })
        let region = (((found["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Int])
        #expect(region["startLine"] == 4 && region["startColumn"] == 25 && region["endColumn"] == 30)
    }

    /// The caret under the excerpt is placed by what the terminal shows (grapheme clusters),
    /// while the header names the reports' column.
    @Test func theCaretSitsUnderTheWord() throws {
        let (source, _, d) = try Self.emial()
        let shown = RichRenderer().render(FileDiagnostic(source, d)).split(separator: "\n").map(String.init)
        let excerpt = try #require(shown.first { $0.hasPrefix("4 |") })
        let caret = try #require(shown.first { $0.contains("^^^^^") })
        let excerptColumn = try #require(excerpt.range(of: "emial")).lowerBound
        let caretColumn = try #require(caret.range(of: "^")).lowerBound
        #expect(excerpt.distance(from: excerpt.startIndex, to: excerptColumn) == caret.distance(from: caret.startIndex, to: caretColumn))
    }

    /// Sorting in place (by swaps along the permutation's cycles) gives what a plain stable
    /// sort by position, then code, gives: on random diagnostics with many equal positions,
    /// rules' codes and errors' codes mixed, runs already in order (as each rule's findings
    /// are) or not; and with more codes than the sort's key has room for (its slower way).
    @Test func diagnosticsSortInPlaceAsAStableSortWould() {
        var generator = SystemRandomNumberGenerator()
        let some: [DiagnosticCode] = [.rule("missing-follow-up"), .rule("missing-recommendation"), .rule("missing-need"),
                                      .rule("dead-end"), .error(.unknownChannel), .error(.duplicateId)]
        let many: [DiagnosticCode] = (0..<4200).map { .rule("rule-\($0 * 7919 % 4200)") }
        for round in 0..<203 {
            let codes = round < 200 ? some : many
            let count = round < 20 ? round : round < 200 ? Int.random(in: 0...300, using: &generator) : 4300
            // Every third round, in runs of one code each in order of position.
            let inRuns = round % 3 == 0
            var diagnostics = (0..<count).map { n in
                Diagnostic(.warning, code: inRuns ? codes[n * codes.count / max(count, 1)] : codes.randomElement(using: &generator)!,
                           text: .verbatim("\(n)"), range: SourceRange(Int.random(in: 0...40, using: &generator), 50))
            }
            if inRuns {
                let runs = Dictionary(grouping: diagnostics.indices) { diagnostics[$0].code.name }
                for run in runs.values {
                    let starts = run.map { diagnostics[$0].range.start }.sorted()
                    for (i, start) in zip(run, starts) { diagnostics[i].range = SourceRange(start, 50) }
                }
            }
            let expected = diagnostics.enumerated().sorted { a, b in
                if a.element.range.start != b.element.range.start { return a.element.range.start < b.element.range.start }
                if a.element.code != b.element.code { return a.element.code < b.element.code }
                return a.offset < b.offset
            }.map(\.element.message)
            var sorted = diagnostics
            sorted.sortByPosition()
            #expect(sorted.map(\.message) == expected)
            #expect(diagnostics.sortedByPosition().map(\.message) == expected)
        }
    }

    /// The checker's findings made diagnostics straight in the reader's order, on one lane
    /// or two, are the diagnostics made in the rules' order and then sorted: on random
    /// rules' findings at few places (so that many share a start), each rule's in order of
    /// position or not, with rules that found nothing.
    @Test func findingsInOrderAreTheDiagnosticsSorted() throws {
        var generator = SystemRandomNumberGenerator()
        let names = ["missing-recommendation", "missing-follow-up", "dead-end", "missing-need", "empty-phase", "unused-channel"]
        for round in 0..<150 {
            var ran: [(name: String, severity: Severity, findings: [Finding])] = []
            for name in names.shuffled(using: &generator).prefix(Int.random(in: 0...names.count, using: &generator)) {
                var starts = (0..<Int.random(in: 0...(round < 10 ? 3 : 120), using: &generator)).map { _ in
                    Int.random(in: 0...60, using: &generator)
                }
                if Bool.random(using: &generator) { starts.sort() }
                let findings = starts.enumerated().map { n, start in
                    Finding(.step(n), SourceRange(start, start + 4), .verbatim("\(name) \(n)"))
                }
                ran.append((name, Bool.random(using: &generator) ? .warning : .error, findings))
            }
            var expected: [Diagnostic] = []
            for (name, severity, findings) in ran {
                for f in findings {
                    expected.append(Diagnostic(severity, code: .rule(name), text: f.message, range: f.range,
                                               details: f.details, subject: f.subject))
                }
            }
            expected.sortByPosition()
            let shown = { (d: [Diagnostic]) in d.map { "\($0.range.start) \($0.code) \($0.severity) \($0.message)" } }
            for lanes in [1, 2] {
                let made = try #require(Checker.inOrder(ran, lanes: lanes))
                #expect(shown(made) == shown(expected))
            }
        }
    }

    /// The line index (found eight bytes at a time) is where a plain reading byte by byte
    /// puts line starts: after each LF, after a CR not followed by LF, on random texts of
    /// short and long lines, every line end, CRs and LFs in runs, at the end or not.
    @Test func lineStartsAreWhereEachLineEnds() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0D], [0x61], [0x20], [0xC3, 0xA4], [0x00]]
        for round in 0..<400 {
            var bytes: [UInt8] = []
            let length = round < 50 ? round : Int.random(in: 0...300, using: &generator)
            while bytes.count < length {
                // Mostly letters, so that lines run past eight bytes.
                let piece = Int.random(in: 0..<10, using: &generator) < 6 ? [0x61] : pieces.randomElement(using: &generator)!
                bytes += piece
            }
            var expected = [0]
            for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                expected.append(i + 1)
            }
            let source = SourceFile(name: "t", bytes: bytes)
            #expect(source.lineCount == expected.count, "\(bytes)")
            for offset in 0...bytes.count {
                let line = expected.lastIndex { $0 <= offset }! + 1
                #expect(source.line(of: offset) == line, "offset \(offset) of \(bytes)")
            }
        }
    }

    /// The line cursor a checklist uses gives the line the source's search gives, for offsets
    /// met forward, backward, far ahead and on line ends of every kind.
    @Test func theLineCursorAgreesWithTheSearch() {
        let source = SourceFile(name: "t", text: (0..<200).map { "line \($0)" + ["\n", "\r\n", "\r"][$0 % 3] }.joined() + "last")
        var offsets = Array(0...source.bytes.count)
        offsets += offsets.reversed()
        var generator = SystemRandomNumberGenerator()
        offsets += (0..<500).map { _ in Int.random(in: 0...source.bytes.count, using: &generator) }
        var cursor = LineCursor(source)
        for offset in offsets {
            #expect(cursor.line(of: offset) == source.line(of: offset), "offset \(offset)")
        }
    }

    /// The location cursor a report uses, which searches forward from the last line it
    /// found, gives the location the source gives, on lines of every ending, in letters past
    /// ASCII, for offsets met in order, backward and at random.
    @Test func theLocationCursorAgreesWithTheSource() {
        let source = SourceFile(name: "t", text: "\u{FEFF}" + (0..<300).map { "rivi \($0) ä" + ["\n", "\r\n", "\r", "\n\n"][$0 % 4] }.joined() + "loppu")
        var offsets = Array(0...source.bytes.count)
        offsets += offsets.reversed()
        var generator = SystemRandomNumberGenerator()
        offsets += (0..<500).map { _ in Int.random(in: 0...source.bytes.count, using: &generator) }
        offsets += [0, source.bytes.count, 0, 5, 5, source.bytes.count / 2, source.bytes.count]
        var cursor = LocationCursor(source)
        for offset in offsets {
            #expect(cursor.location(of: offset) == source.location(of: offset), "offset \(offset)")
        }
        // From a line at or before the offset's, and from one past it (searched among all).
        for line in 1...source.lineCount {
            for start in stride(from: 0, through: source.lineCount + 1, by: 7) + [line - 1, line, line + 1] {
                let offset = source.lineStart(line)
                #expect(source.line(of: offset, from: start) == line, "line \(line) from \(start)")
            }
        }
    }
}
