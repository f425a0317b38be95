import Foundation
import PolkuSyntax
import Testing

/// The lossless view of the syntax tree: every line of every file is a node, the nodes print
/// the file back byte for byte, and each node says what the parser made of its line.
@Suite struct LosslessTreeTests {
    // MARK: - Inputs

    /// Every journey file the project keeps: examples, golden inputs, hostile inputs, fuzz
    /// regressions, and the fuzzer's corpus when there is one.
    static var corpus: [String] {
        let manager = FileManager.default
        func files(under folder: String, suffix: String?) -> [String] {
            let root = Fixture.path(folder)
            guard let walker = manager.enumerator(atPath: root) else { return [] }
            var result: [String] = []
            while let relative = walker.nextObject() as? String {
                var isFolder: ObjCBool = false
                let full = "\(root)/\(relative)"
                guard manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                if let suffix, !relative.hasSuffix(suffix) { continue }
                result.append("\(folder)/\(relative)")
            }
            return result.sorted()
        }
        return files(under: "Examples", suffix: ".polku") + files(under: "Tests/PolkuTests/Golden", suffix: ".polku")
            + files(under: "Tests/PolkuTests/Hostile", suffix: nil) + files(under: "Tests/PolkuTests/Fuzz", suffix: nil)
            + files(under: "fuzz/corpus", suffix: nil)
    }

    /// Small files made to hit every way a line can start and end.
    static let edgeCases: [(String, [UInt8])] = {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let journey = "journey: T\nvia: desk\nbefore:\n  step a: A\n    recommend: r\n    follow-up: f\n"
        func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
        return [
            ("empty", []),
            ("only a byte order mark", bom),
            ("one newline", utf8("\n")),
            ("only blank lines", utf8("\n\n  \n\t\n")),
            ("only blank lines, CRLF", utf8("\r\n\r\n \r\n")),
            ("LF", utf8(journey)),
            ("CRLF", utf8(journey.replacingOccurrences(of: "\n", with: "\r\n"))),
            ("mixed line ends", utf8("journey: T\r\nvia: desk\nbefore:\r\n  step a: A\n\r\n\n")),
            ("no final newline", utf8("journey: T\nvia: desk")),
            ("no final newline after CRLF lines", utf8("journey: T\r\nvia: desk")),
            ("a lone CR at the end", utf8("journey: T\nvia: desk\r")),
            ("a lone CR as the last line", utf8("journey: T\n\r")),
            ("CR inside a line", utf8("journey: T\rU\nvia: desk\n")),
            ("byte order mark", bom + utf8(journey)),
            ("byte order mark and CRLF", bom + utf8("journey: T\r\n\r\n")),
            ("byte order mark, then a newline", bom + utf8("\n")),
            ("two byte order marks", bom + bom + utf8("journey: T\n")),
            ("tabs", utf8("\tjourney:\tT\t\n\tvia:\tdesk\n\t\n")),
            ("no-break spaces", utf8("\u{00A0}journey\u{00A0}:\u{00A0}T\u{00A0}\n\u{00A0}\u{00A0}\nvia:\u{00A0}desk\n")),
            ("NUL byte", utf8("journey: T\nvia: d\u{0}sk\n")),
            ("NUL byte after a byte order mark", bom + [0, 0x0A]),
            ("invalid UTF-8", utf8("journey: T\n") + [0xC3, 0x28, 0x0A, 0xFF] + utf8("via: desk\n") + [0xE2, 0x82]),
            ("Latin-1", [0x6A, 0x6F, 0x75, 0x72, 0x6E, 0x65, 0x79, 0x3A, 0x20, 0xE4, 0x0A]),
            ("comments and a colon in a comment", utf8("# one\n  # two: three\njourney: T # not a comment\n")),
            ("every kind of broken line", utf8("""
                recommend: orphan
                journey: T
                via: desk
                competence: 3
                nonsense words
                : no keyword
                stpe a b: broken header
                  recommend: skipped
                before: text
                  step a:
                    recommend:
                """)),
        ]
    }()

    /// 200 byte strings from SplitMix64: a third fully random, the rest built from pieces of
    /// the language (keywords, colons, blanks, line endings, odd bytes).
    static let randomInputs: [[UInt8]] = {
        var rng = SplitMix64(seed: 2_026)
        let pieces: [[UInt8]] = ["\n", "\r\n", "\r", ":", " ", "\t", "\u{00A0}", "#", "journey", "step", "a", "via",
                                 "before", "ennen palvelua", "recommend", "note", "desk", "x y", "\u{FEFF}", "ä"]
            .map { Array($0.utf8) } + [[0], [0xC2], [0xFF], [0xE2, 0x82]]
        var inputs: [[UInt8]] = []
        for n in 0..<200 {
            var bytes: [UInt8] = []
            if n % 3 == 0 {
                for _ in 0..<rng.below(200) { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            } else {
                for _ in 0..<rng.below(80) {
                    // NUL makes the whole file binary: keep it rare, so most inputs are read line by line.
                    var piece = rng.pick(pieces)
                    if piece == [0] && rng.below(8) != 0 { piece = [0x0A] }
                    bytes += piece
                }
            }
            inputs.append(bytes)
        }
        return inputs
    }()

    // MARK: - Printing back

    @Test(arguments: corpus)
    func everyKeptFilePrintsBackByteForByte(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path(path))))
        let tree = JourneyParser.parse(SourceFile(name: path, bytes: bytes))
        #expect(tree.printed() == bytes, "\(path) does not print back as it was")
        checkInvariants(tree, path)
    }

    @Test func corpusIsThere() {
        let corpus = Self.corpus
        #expect(corpus.filter { $0.hasPrefix("Examples/") }.count >= 5)
        #expect(corpus.filter { $0.hasPrefix("Tests/PolkuTests/Golden/") }.count >= 10)
        #expect(corpus.contains("Tests/PolkuTests/Hostile/nul-byte.polku"))
    }

    @Test func edgeCasesPrintBackByteForByte() {
        for (name, bytes) in Self.edgeCases {
            let tree = JourneyParser.parse(SourceFile(name: name, bytes: bytes))
            #expect(tree.printed() == bytes, "the edge case `\(name)` does not print back as it was")
            checkInvariants(tree, name)
        }
    }

    @Test func randomBytesPrintBackByteForByte() {
        for (n, bytes) in Self.randomInputs.enumerated() {
            let tree = JourneyParser.parse(SourceFile(name: "random-\(n)", bytes: bytes))
            #expect(tree.printed() == bytes, "random input \(n) does not print back: \(bytes)")
            checkInvariants(tree, "random input \(n)")
        }
        // Not degenerate: most inputs are read line by line, and some lines are statements.
        let trees = Self.randomInputs.map { JourneyParser.parse(SourceFile(name: "r", bytes: $0)) }
        #expect(trees.filter { $0.lines.first?.kind != .binary }.count > 100)
        #expect(trees.reduce(0) { $0 + $1.lines.filter { $0.kind == .invalid }.count } > 50)
    }

    @Test func mutatedExamplesPrintBackByteForByte() {
        var rng = SplitMix64(seed: 77)
        for n in 0..<200 {
            let bytes = PropertyTests.mutant(&rng)
            let tree = JourneyParser.parse(SourceFile(name: "mutant-\(n)", bytes: bytes))
            #expect(tree.printed() == bytes, "mutant \(n) does not print back")
            checkInvariants(tree, "mutant \(n)")
        }
    }

    // MARK: - Structure

    @Test func everyKindOfLineKeepsItsError() {
        let text = """
            # A comment
            recommend: orphan

            journey: T
              via: desk
              competence: 3
              note:
            nonsense words
            : no keyword
            stpe a b: broken header
              recommend: skipped under the broken header
            before: text
              step a:
                recommend: r
            """
        let tree = JourneyParser.parse(SourceFile(name: "t", text: text + "\n"))
        let lines = Array(tree.lines)
        #expect(lines.count == 14)
        #expect(lines.map(\.kind) == [.comment, .detachedAttribute, .blank, .header, .attribute, .detachedAttribute,
                                      .detachedAttribute, .invalid, .invalid, .invalid, .detachedAttribute, .header,
                                      .header, .attribute])
        // The journey line is kept, with its error: the orphan attribute came first.
        #expect(lines.map(\.error) == [nil, .orphanAttribute, nil, .journeyNotFirst, nil, .misplacedAttribute, .emptyValue,
                                       .missingColon, .missingKeyword, .unknownKeyword, nil, .textAfterPhase,
                                       .missingTitle, nil])
        #expect(lines.map(\.number) == Array(1...14))
        #expect(lines.allSatisfy { $0.terminator == .lf })
        // Headers and attributes point into the declarations, detached ones into their own array.
        #expect(lines[3].declaration == 0 && lines[4].declaration == 0 && lines[4].attribute == 0)
        #expect(lines[11].declaration == 1 && lines[12].declaration == 2)
        #expect(lines[13].declaration == 2 && lines[13].attribute == 0)
        #expect(lines.compactMap(\.detachedAttribute) == [0, 1, 2, 3])
        #expect(tree.detachedAttributes.map(\.kind) == [.recommend, .competence, .note, .recommend])
        #expect(tree.source.text(tree.detachedAttributes[0].value) == "orphan")
        // The declarations mean what they always meant: only valid attributes.
        #expect(tree.declarations.map(\.kind) == [.journey, .phase(.before), .step])
        #expect(tree.declarations.map { $0.attributes.map(\.kind) } == [[.via], [], [.recommend]])
    }

    @Test func lineEndingsAreKeptPerLine() {
        let tree = JourneyParser.parse(SourceFile(name: "t", bytes: Array("journey: T\r\nvia: desk\n\r\nnote: x".utf8)))
        #expect(tree.lines.map(\.terminator) == [.crlf, .lf, .crlf, .missing])
        #expect(tree.lines.map { tree.source.text($0.content) } == ["journey: T", "via: desk", "", "note: x"])
        #expect(tree.lines.map(\.terminatorRange) == [SourceRange(10, 12), SourceRange(21, 22), SourceRange(22, 24),
                                                      SourceRange(31, 31)])
        let cr = JourneyParser.parse(SourceFile(name: "t", bytes: Array("journey: T\r".utf8)))
        #expect(cr.lines.map(\.terminator) == [.cr])
        #expect(cr.lines.map(\.content) == [SourceRange(0, 10)])
    }

    @Test func byteOrderMarkIsLeadingTrivia() {
        let tree = JourneyParser.parse(SourceFile(name: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("journey: T\n".utf8)))
        #expect(tree.leadingTrivia == SourceRange(0, 3))
        #expect(tree.lines.map(\.content) == [SourceRange(3, 13)])
        let none = JourneyParser.parse(SourceFile(name: "t", text: "journey: T\n"))
        #expect(none.leadingTrivia == SourceRange(0, 0))
        let only = JourneyParser.parse(SourceFile(name: "t", bytes: [0xEF, 0xBB, 0xBF]))
        #expect(only.lines.isEmpty && only.printed() == [0xEF, 0xBB, 0xBF])
    }

    @Test func emptyAndBlankFiles() {
        #expect(JourneyParser.parse(SourceFile(name: "t", bytes: [])).lines.isEmpty)
        let blank = JourneyParser.parse(SourceFile(name: "t", text: "\n \n\t\n"))
        #expect(blank.lines.map(\.kind) == [.blank, .blank, .blank])
    }

    @Test func binaryFileIsOneNodeOverEverything() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("journey: T\nvia: d\u{0}sk\n".utf8)
        let tree = JourneyParser.parse(SourceFile(name: "t", bytes: bytes))
        let lines = Array(tree.lines)
        #expect(lines.count == 1)
        #expect(lines.first?.kind == .binary && lines.first?.error == .binaryFile)
        #expect(lines.first?.content == SourceRange(3, bytes.count) && lines.first?.terminator == .missing)
        #expect(tree.printed() == bytes)
        #expect(tree.declarations.isEmpty)
    }

    @Test func invalidUTF8IsReadLineByLine() {
        let bytes = Array("journey: T\n".utf8) + [0x6E, 0x6F, 0x74, 0x65, 0x3A, 0x20, 0xFF, 0x0A]
        let tree = JourneyParser.parse(SourceFile(name: "t", bytes: bytes))
        #expect(tree.lines.map(\.kind) == [.header, .attribute])
        // The file-wide error belongs to no line.
        #expect(tree.diagnostics.map(\.code) == [ErrorCode.invalidUTF8.code])
        #expect(tree.lines.allSatisfy { $0.error == nil })
        #expect(tree.printed() == bytes)
    }

    @Test func piecesForTheFormatter() {
        let text = "  step  ask : Asks \n\tpalvelun   aikana :\nfollow-up:x\n\u{00A0}: v\npersona a b: P\njourney x: T\n"
        let tree = JourneyParser.parse(SourceFile(name: "t", text: text))
        let source = tree.source
        func shown(_ line: SyntaxLine) -> [String?] {
            guard let p = tree.pieces(of: line) else { return [] }
            return [source.text(p.indentation), source.text(p.keyword), p.id.map(source.text), source.text(p.colon),
                    source.text(p.value)]
        }
        let lines = Array(tree.lines)
        #expect(shown(lines[0]) == ["  ", "step", "ask", ":", "Asks"])
        #expect(shown(lines[1]) == ["\t", "palvelun   aikana", nil, ":", ""])
        #expect(shown(lines[2]) == ["", "follow-up", nil, ":", "x"])
        #expect(shown(lines[3]) == ["\u{00A0}", "", nil, ":", "v"])
        // An id that is not valid is still there for the formatter.
        #expect(lines[4].error == .invalidId && lines[5].error == .invalidId)
        #expect(shown(lines[4]) == ["", "persona", "a b", ":", "P"])
        #expect(shown(lines[5]) == ["", "journey", "x", ":", "T"])
        #expect(tree.indentation(of: lines[1]) == SourceRange(lines[1].content.start, lines[1].content.start + 1))
        let comment = JourneyParser.parse(SourceFile(name: "t", text: "   # c: d\n  \n"))
        let commentLines = Array(comment.lines)
        #expect(comment.pieces(of: commentLines[0]) == nil)
        #expect(comment.indentation(of: commentLines[0]) == SourceRange(0, 3))
        #expect(comment.indentation(of: commentLines[1]) == SourceRange(10, 12))
    }

    @Test func nodesStaySmall() {
        #expect(SyntaxTree.storedBytesPerLine <= 12)
        // A tree built by hand has no lines, and says so by printing nothing but its BOM.
        let hand = SyntaxTree(source: SourceFile(name: "t", text: "journey: T\n"), declarations: [], diagnostics: [])
        #expect(hand.lines.isEmpty)
        var dropped = JourneyParser.parse(SourceFile(name: "t", text: "recommend: x\njourney: T\nvia: desk\n"))
        dropped.dropSyntax()
        #expect(dropped.lines.isEmpty && dropped.declarations.isEmpty && dropped.detachedAttributes.isEmpty)
        #expect(dropped.diagnostics.count == 2)
    }

    // MARK: - Invariants

    /// What must hold for the lines of any tree the parser makes, checked against the source
    /// and the declarations independently of how the parser built the nodes.
    func checkInvariants(_ tree: SyntaxTree, _ name: String) {
        let bytes = tree.source.bytes
        let lines = Array(tree.lines)
        if lines.first?.kind == .binary {
            #expect(lines.count == 1, "\(name): a binary file is one node")
            #expect(bytes.contains(0), "\(name): binary without a NUL byte")
            return
        }
        #expect(!bytes.contains(0), "\(name): a file with a NUL byte read line by line")

        // The nodes tile the file, one per line; a line ends at LF, CRLF or a CR on its own.
        let bodyStart = tree.leadingTrivia.end
        var newlines = 0
        for i in bodyStart..<bytes.count where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            newlines += 1
        }
        let endsWithLineEnd = bytes.last == 0x0A || bytes.last == 0x0D
        let expectedLines = newlines + (bytes.count > bodyStart && !endsWithLineEnd ? 1 : 0)
        #expect(lines.count == expectedLines, "\(name): \(lines.count) nodes for \(expectedLines) lines")
        var position = bodyStart
        for line in lines {
            #expect(line.content.start == position, "\(name):\(line.number): starts at \(line.content.start), not \(position)")
            #expect(!bytes[line.content.start..<line.content.end].contains { $0 == 0x0A || $0 == 0x0D }, "\(name):\(line.number): a line end inside a line")
            let ending = Array(bytes[line.terminatorRange.start..<min(bytes.count, line.terminatorRange.end)])
            let expected: [UInt8] = switch line.terminator {
            case .missing: []
            case .lf: [0x0A]
            case .crlf: [0x0D, 0x0A]
            case .cr: [0x0D]
            }
            #expect(ending == expected, "\(name):\(line.number): line ending \(line.terminator) over \(ending)")
            if line.terminator == .missing {
                #expect(line.number == lines.count, "\(name):\(line.number): no line end before the last line")
            }
            position = line.range.end
        }
        #expect(position == bytes.count, "\(name): the nodes end at \(position) of \(bytes.count)")

        // Kinds agree with the bytes.
        for line in lines {
            let content = Array(bytes[line.content.start..<line.content.end])
            var i = 0
            while i < content.count {
                if content[i] == 0x20 || content[i] == 0x09 { i += 1 }
                else if content[i] == 0xC2 && i + 1 < content.count && content[i + 1] == 0xA0 { i += 2 }
                else { break }
            }
            let isBlank = i == content.count
            #expect((line.kind == .blank) == isBlank, "\(name):\(line.number): \(line.kind), blank \(isBlank)")
            #expect((line.kind == .comment) == (!isBlank && content[i] == UInt8(ascii: "#")), "\(name):\(line.number): \(line.kind)")
            #expect(tree.indentation(of: line) == SourceRange(line.content.start, line.content.start + i))
            switch line.kind {
            case .invalid:
                #expect([.missingColon, .missingKeyword, .unknownKeyword].contains(line.error), "\(name):\(line.number): \(String(describing: line.error))")
            case .detachedAttribute:
                #expect([nil, .orphanAttribute, .misplacedAttribute, .emptyValue].contains(line.error), "\(name):\(line.number)")
            case .blank, .comment, .attribute:
                #expect(line.error == nil, "\(name):\(line.number): \(line.kind) with \(String(describing: line.error))")
            case .header, .binary:
                break
            }
        }

        // Every declaration, valid attribute and detached attribute is one line, in file order.
        let headers = lines.filter { $0.kind == .header }
        #expect(headers.map(\.declaration) == Array(tree.declarations.indices), "\(name): headers and declarations differ")
        for line in headers where line.declaration.map(tree.declarations.indices.contains) == true {
            #expect(tree.declarations[line.declaration!].line == line.content, "\(name):\(line.number)")
        }
        let attributes = lines.filter { $0.kind == .attribute }
        let expectedPairs = tree.declarations.indices.flatMap { d in tree.declarations[d].attributes.indices.map { [d, $0] } }
        #expect(attributes.map { [$0.declaration ?? -1, $0.attribute ?? -1] } == expectedPairs, "\(name): attributes")
        for line in attributes where expectedPairs.contains([line.declaration ?? -1, line.attribute ?? -1]) {
            #expect(tree.declarations[line.declaration!].attributes[line.attribute!].line == line.content, "\(name):\(line.number)")
            #expect(line.declaration! < headers.count)
        }
        let detached = lines.filter { $0.kind == .detachedAttribute }
        #expect(detached.map(\.detachedAttribute) == Array(tree.detachedAttributes.indices), "\(name): detached attributes")
        for line in detached where line.detachedAttribute.map(tree.detachedAttributes.indices.contains) == true {
            #expect(tree.detachedAttributes[line.detachedAttribute!].line == line.content, "\(name):\(line.number)")
        }

        // A line's error is the first error the parser reported on it.
        let fileWide: Set<DiagnosticCode> = [ErrorCode.invalidUTF8.code, ErrorCode.missingJourney.code]
        var firstError: [Int: DiagnosticCode] = [:]
        for d in tree.diagnostics where !fileWide.contains(d.code) {
            let number = tree.source.line(of: d.range.start)
            if firstError[number] == nil { firstError[number] = d.code }
        }
        for line in lines {
            #expect(line.error?.code == firstError[line.number], "\(name):\(line.number): error \(String(describing: line.error)), diagnostics \(String(describing: firstError[line.number]))")
        }

        // Statement pieces lie in order inside the line, with only blanks between them.
        func blanks(_ from: Int, _ to: Int) -> Bool {
            guard from <= to else { return false }
            let text = String(decoding: bytes[from..<to], as: UTF8.self)
            return text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        }
        for line in lines {
            guard let p = tree.pieces(of: line) else {
                #expect(![.header, .attribute, .detachedAttribute].contains(line.kind), "\(name):\(line.number): no pieces")
                continue
            }
            let order = [p.indentation.start, p.indentation.end, p.keyword.start, p.keyword.end, p.id?.start ?? p.keyword.end,
                         p.id?.end ?? p.keyword.end, p.colon.start, p.colon.end, p.value.start, p.value.end, line.content.end]
            #expect(order == order.sorted() && p.indentation.start == line.content.start, "\(name):\(line.number): \(order)")
            guard order == order.sorted() else { continue }
            // A phase header written without its colon has an empty colon (and an error).
            #expect(p.colon.isEmpty ? line.kind == .header && line.error?.code == ErrorCode.missingColon.code
                    : bytes[p.colon.start] == UInt8(ascii: ":") && p.colon.count == 1)
            #expect(blanks(p.indentation.start, p.indentation.end) && blanks(p.keyword.end, p.id?.start ?? p.keyword.end)
                    && blanks(p.id?.end ?? p.keyword.end, p.colon.start) && blanks(p.colon.end, p.value.start)
                    && blanks(p.value.end, line.content.end), "\(name):\(line.number): more than blanks between the pieces")
            switch line.kind {
            case .header:
                let declaration = tree.declarations[line.declaration!]
                #expect(p.keyword == declaration.keyword && p.value == declaration.title, "\(name):\(line.number)")
                if let id = declaration.id { #expect(p.id == id, "\(name):\(line.number)") }
            case .attribute:
                let attribute = tree.declarations[line.declaration!].attributes[line.attribute!]
                #expect(p.keyword == attribute.keyword && p.value == attribute.value && p.id == nil, "\(name):\(line.number)")
            case .detachedAttribute:
                let attribute = tree.detachedAttributes[line.detachedAttribute!]
                #expect(p.keyword == attribute.keyword && p.value == attribute.value && p.id == nil, "\(name):\(line.number)")
            case .invalid, .blank, .comment, .binary:
                break
            }
        }
    }
}
