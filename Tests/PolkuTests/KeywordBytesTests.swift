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

    /// The parser's hash and look-up of an ASCII word (`hash(ascii:)`, `lookup(ascii:)`),
    /// eight bytes at a time where eight can be read and byte by byte where they cannot,
    /// against the hash and look-up of the word folded first: for every ASCII spelling in three cases, and
    /// for words that differ from one in a byte (a letter, `@` and `[` beside the capitals,
    /// a digit), end before it or go on past it.
    @Test func anASCIIWordIsFoundAlikeInEightBytesAndByteByByte() {
        // The fold of eight bytes at once, for every ASCII byte in every place, and with
        // every other byte beside it (a carry would change a neighbour).
        for byte in UInt8(0)..<0x80 {
            for place in 0..<8 {
                let shift = UInt64(place * 8)
                #expect(KeywordBytes.folded(eight: UInt64(byte) << shift) == UInt64(KeywordBytes.folded(byte)) << shift, "\(byte)")
            }
            for other in UInt8(0)..<0x80 {
                let pair = UInt64(byte) | UInt64(other) << 8 | UInt64(byte) << 56
                let expected = UInt64(KeywordBytes.folded(byte)) | UInt64(KeywordBytes.folded(other)) << 8
                    | UInt64(KeywordBytes.folded(byte)) << 56
                #expect(KeywordBytes.folded(eight: pair) == expected, "\(byte), \(other)")
            }
        }
        var words: Set<String> = ["a", "@", "[", "`", "{", "NEED@", "need[", "z", "Z"]
        for spelling in Keywords.bySpelling.keys where spelling.utf8.allSatisfy({ $0 < 0x80 }) {
            for form in [spelling, spelling.uppercased(), spelling.prefix(1).uppercased() + spelling.dropFirst()] {
                words.insert(form)
                words.insert(String(form.dropLast()))
                words.insert(form + "s")
                for (i, c) in form.utf8.enumerated() {
                    for other: UInt8 in [0x40, 0x5B, 0x60, 0x7B, 0x31, c ^ 0x01] where other != c {
                        var bytes = Array(form.utf8)
                        bytes[i] = other
                        words.insert(String(decoding: bytes, as: UTF8.self))
                    }
                }
            }
        }
        var eight = 0
        for word in words.sorted() {
            let bytes = Array(word.utf8)
            let folded = bytes.map(KeywordBytes.folded)
            // The hash of the word folded byte by byte, as the table's keys are hashed.
            let hash = folded.withUnsafeBufferPointer { KeywordBytes.hash(folded: $0.baseAddress!, count: $0.count) }
            let expected = folded.withUnsafeBufferPointer { KeywordBytes.parser.lookup(folded: $0, count: $0.count) }
            // Read where eight bytes can be (followed by a colon and more, as on a line), and
            // where only the word's own can (at the end of the file).
            for readable in [bytes.count + 16, bytes.count] {
                let padded = bytes + Array(repeating: UInt8(ascii: "X"), count: readable - bytes.count)
                let found = padded.withUnsafeBufferPointer {
                    KeywordBytes.parser.lookup(ascii: $0.baseAddress!, count: bytes.count, hash: hash, readable: readable)
                }
                let hashed = padded.withUnsafeBufferPointer {
                    KeywordBytes.hash(ascii: $0.baseAddress!, count: bytes.count, readable: readable)
                }
                #expect(hashed == hash, "\(word), \(readable) bytes readable")
                #expect(found?.header?.0 == expected?.header?.0 && found?.phase?.0 == expected?.phase?.0
                        && found?.attribute?.0 == expected?.attribute?.0, "\(word), \(readable) bytes readable")
                #expect((found == nil) == (expected == nil), "\(word), \(readable) bytes readable")
                if readable >= (bytes.count + 7) & ~7 && found != nil { eight += 1 }
            }
        }
        // Found eight bytes at a time: more than a hundred words (the keywords in three cases).
        #expect(eight > 100)
    }

    /// A spelling is marked as opening a longer one exactly when some spelling is it, a
    /// space and more words (`palvelun` of `palvelun aikana`): the parser's shortcut then
    /// looks the two words up together.
    @Test func aSpellingOpensLongerOnesExactlyWhenOneStartsWithItAndASpace() {
        var opening = 0
        for spelling in Keywords.bySpelling.keys {
            guard let found = KeywordBytes.parser.lookup(spelling) else { continue }
            let opens = Keywords.bySpelling.keys.contains { $0.hasPrefix(spelling + " ") && KeywordBytes.parser.lookup($0) != nil }
            #expect(found.opensLonger == opens, "\(spelling)")
            if opens { opening += 1 }
        }
        // `ennen`, `palvelun`, `före`, `under`, `efter`, ...
        #expect(opening >= 4)
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
