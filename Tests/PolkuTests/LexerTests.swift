import PolkuSyntax
import Testing

@Suite struct LexerTests {
    func lines(_ text: String) -> [(Int, [TokenKind], [String])] {
        let source = SourceFile(name: "t", text: text)
        var lexer = Lexer(source)
        var tokens: [Token] = []
        var result: [(Int, [TokenKind], [String])] = []
        while let line = lexer.nextLine(reusing: &tokens) {
            result.append((line.number, line.tokens.map(\.kind), line.tokens.map { source.text($0.range) }))
        }
        return result
    }

    @Test func splitsHeaderIntoWordsColonAndText() {
        let l = lines("  step ask : Asks for a book  \n")
        #expect(l.count == 1)
        #expect(l[0].1 == [.word, .word, .colon, .text])
        #expect(l[0].2 == ["step", "ask", ":", "Asks for a book"])
    }

    @Test func textKeepsLaterColonsAndHashes() {
        let l = lines("note: Room #3: the quiet one")
        #expect(l[0].2 == ["note", ":", "Room #3: the quiet one"])
    }

    @Test func commentsAndBlankLines() {
        let l = lines("# a comment\n\n   \t\n\t# indented comment\n")
        #expect(l.map(\.1) == [[.comment], [], [], [.comment]])
        #expect(l.map(\.0) == [1, 2, 3, 4])
    }

    @Test func crlfAndBOMAndTabs() {
        let source = SourceFile(name: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("journey:\tTitle\r\nvia: desk\r\n".utf8))
        var lexer = Lexer(source)
        var tokens: [Token] = []
        let first = lexer.nextLine(reusing: &tokens)!
        #expect(first.tokens.map { source.text($0.range) } == ["journey", ":", "Title"])
        let second = lexer.nextLine(reusing: &tokens)!
        #expect(second.tokens.map { source.text($0.range) } == ["via", ":", "desk"])
        #expect(lexer.nextLine(reusing: &tokens) == nil)
    }

    @Test func lineWithoutColonIsWords() {
        let l = lines("just some words")
        #expect(l[0].1 == [.word, .word, .word])
    }

    @Test func emptyTextAfterColon() {
        let l = lines("before:")
        #expect(l[0].1 == [.word, .colon, .text])
        #expect(l[0].2 == ["before", ":", ""])
    }

    @Test func lastLineWithoutNewline() {
        #expect(lines("a: b\nc: d").count == 2)
        #expect(lines("a: b\n").count == 1)
        #expect(lines("").isEmpty)
    }

    @Test func tokenRangesPointIntoTheBytes() {
        let source = SourceFile(name: "t", text: "ä: ö")
        var lexer = Lexer(source)
        var tokens: [Token] = []
        let line = lexer.nextLine(reusing: &tokens)!
        #expect(line.tokens[0].range == SourceRange(0, 2))
        #expect(line.tokens[2].range == SourceRange(4, 6))
        #expect(source.location(of: 4) == SourceLocation(line: 1, column: 4))
    }

    @Test func noBreakSpacesFromAWordProcessorAreBlanks() {
        let l = lines("\u{00A0}\u{00A0}step\u{00A0}ask\u{00A0}:\u{00A0}Asks\u{00A0}for a book\u{00A0}")
        #expect(l[0].1 == [.word, .word, .colon, .text])
        #expect(l[0].2 == ["step", "ask", ":", "Asks\u{00A0}for a book"])
        // Other non-ASCII bytes are not blanks.
        #expect(lines("k\u{00C2}a: x")[0].2 == ["k\u{00C2}a", ":", "x"])
    }
}
