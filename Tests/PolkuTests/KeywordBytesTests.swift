@testable import PolkuSyntax
import Testing

/// The parser looks keywords up on their bytes (`KeywordBytes`); these tests hold it to the
/// string tables it replaces (`Keywords.bySpelling`), in every case a person might type.
@Suite struct KeywordBytesTests {
    /// What the byte look-up says of the words of `head`.
    func byBytes(_ head: String) -> KeywordBytes.Meanings? {
        let source = SourceFile(name: "t", text: head)
        var words: [SourceRange] = []
        var start: Int?
        for (i, b) in source.bytes.enumerated() {
            if b == 0x20 {
                if let s = start { words.append(SourceRange(s, i)) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { words.append(SourceRange(s, source.bytes.count)) }
        var key = KeywordKey()
        var unfoldable = false
        if let found = key.lookup(source.bytes, words: words, in: .parser, unfoldable: &unfoldable) { return found }
        return unfoldable ? KeywordBytes.parser.lookup(head.lowercased()) : nil
    }

    /// The string tables' answer, as the parser used to ask them.
    func byString(_ head: String, kind: String) -> KeywordMeaning? {
        Keywords.lookup(head.lowercased(), kind: kind)?.meaning
    }

    func same(_ head: String) {
        let found = byBytes(head)
        #expect(found?.header.map { KeywordMeaning.header($0.0) } == byString(head, kind: "header"), "\(head)")
        #expect(found?.phase.map { KeywordMeaning.phase($0.0) } == byString(head, kind: "phase"), "\(head)")
        #expect(found?.attribute.map { KeywordMeaning.attribute($0.0) } == byString(head, kind: "attribute"), "\(head)")
    }

    @Test func theEndOfANextLineIsFoundOnBytesAsTheTableFindsIt() {
        // Every spelling of every value, in three cases, and words that are not `end` or
        // only nearly (a letter more or less, a letter past ASCII).
        var words = ["", "e", "en", "ende", "endd", "loppuu", "slu", "énd", "ÄND", "Ända", "s1", "end ", "ｅｎｄ", "İnd"]
        for (spelling, matches) in Keywords.bySpelling where matches.contains(where: { $0.meaning.kind == "value" }) {
            words += [spelling, spelling.uppercased(), spelling.prefix(1).uppercased() + spelling.dropFirst()]
        }
        #expect(words.contains("LOPPU") && words.contains("Slut"))
        for word in words {
            let expected = Keywords.lookup(word.lowercased(), kind: "value")?.meaning == .end
            let found = Array(word.utf8).withUnsafeBufferPointer { Keywords.isEnd($0) }
            #expect(found == expected, "\(word)")
        }
    }

    @Test func everySpellingInEveryCaseMeansWhatTheTableSays() {
        for spelling in Keywords.bySpelling.keys {
            same(spelling)
            same(spelling.uppercased())
            same(spelling.prefix(1).uppercased() + spelling.dropFirst())
        }
    }

    @Test func languagesComeFromTheTable() {
        let persona = byBytes("persona")?.header
        #expect(persona?.0 == .persona)
        #expect(persona?.1 == [KeywordLanguages(.en), KeywordLanguages(.sv)])
        #expect(byBytes("KÄYTTÄÄ")?.attribute?.1.single == .fi)
        #expect(byBytes("Återkoppling")?.attribute?.0 == .feedback)
    }

    @Test func wordsThatAreNoKeyword() {
        for head in ["", "stepp", "step ask", "palvelun", "a very long head that is no keyword at all", "tillåtx", "käyttää x"] {
            same(head)
        }
        #expect(byBytes("stepp") == nil)
    }

    @Test func otherScriptsFoldAsUnicodeDoes() {
        // The Kelvin sign lower-cases to `k`: such a word is looked up as a string.
        same("\u{212A}anava")
        #expect(byBytes("\u{212A}anava")?.header?.0 == .channel)
        // A long head with it too (longer in bytes than any keyword before folding).
        same("toteutumisen varmistaminen \u{212A}")
        // Greek capitals fold, and are no keyword.
        same("ΣΤΕΠ")
    }
}
