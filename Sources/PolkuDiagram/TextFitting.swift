/// Fitting user text into a diagram: capped in length and wrapped into lines. (Escaping it
/// for Graphviz is `Escaping.graphvizLabel`; journey text only ever becomes *text* in an
/// HTML-like label, never a tag, an attribute or an id.)
package enum GraphvizText {
    /// The longest piece of user text put in a diagram, in Unicode scalars (Graphviz rejects
    /// labels over 16 KiB; 400 scalars are at most 1,600 bytes).
    package static let maximumCharacters = 400

    /// Cuts text at `maximumCharacters`, marking the cut with an ellipsis.
    /// Counted in Unicode scalars, not characters: `a` followed by 100,000 combining accents is
    /// one character but 100,001 scalars, and Graphviz's limit is on bytes.
    package static func capped(_ text: String, _ limit: Int = maximumCharacters) -> String {
        guard text.utf8.count > limit, text.unicodeScalars.count > limit else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))) + "…"
    }

    /// The words of `text` with their lengths in characters: what
    /// `text.split(separator: " ")` gives, found on the UTF-8 bytes. Splitting the string
    /// walked every character through Unicode's rules for where one ends, most of a small
    /// diagram's text fitting. A space byte is a word break unless it joins a character with
    /// its neighbour (a combining mark after it, a prepended mark before it), which only a
    /// non-ASCII neighbour can do, and then the string is asked whether characters begin
    /// on both sides of it.
    package static func words(_ text: String) -> [(Substring, Int)] {
        let utf8 = text.utf8
        let bytes = Array(utf8)
        let n = bytes.count
        var words: [(Substring, Int)] = []
        words.reserveCapacity(n / 5 + 1)
        var start = 0
        var ascii = true
        func word(_ end: Int) {
            guard end > start else { return }
            let lo = utf8.index(utf8.startIndex, offsetBy: start), hi = utf8.index(utf8.startIndex, offsetBy: end)
            let piece = text[lo..<hi]
            words.append((piece, ascii ? end - start : piece.count))
        }
        var i = 0
        while i < n {
            let b = bytes[i]
            if b != 0x20 {
                // CR LF is one character; every other ASCII byte is one of its own.
                if b >= 0x80 || b == 0x0D { ascii = false }
                i += 1
                continue
            }
            if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < n && bytes[i + 1] >= 0x80), !standsAlone(text, space: i) {
                ascii = false
                i += 1
                continue
            }
            word(i)
            i += 1
            start = i
            ascii = true
        }
        word(n)
        return words
    }

    /// Whether the space at byte `space` is a character of its own: a character starts at
    /// it and another right after it.
    private static func standsAlone(_ text: String, space: Int) -> Bool {
        let utf8 = text.utf8
        let at = utf8.index(utf8.startIndex, offsetBy: space)
        return String.Index(at, within: text) != nil && String.Index(utf8.index(after: at), within: text) != nil
    }

    /// Wraps text into lines of at most `width` characters, breaking at spaces where it can.
    /// A word longer than a line is broken with a visible hyphen (see `hyphenation`): the
    /// first piece fills what is left of the current line when a good break fits there, the
    /// rest goes on the following lines. Text beyond `maxLines` lines ends in "…".
    package static func wrap(_ text: String, width: Int, maxLines: Int = 8) -> [String] {
        let width = max(width, 4)
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        func flush() {
            lines.append(current)
            current = ""
            currentCount = 0
        }
        func append(_ piece: some StringProtocol, _ n: Int) {
            if currentCount > 0 {
                current += " "
                currentCount += 1
            }
            current += piece
            currentCount += n
        }
        for (word, count) in words(text) {
            // Most words fit where they are: taken as they are, without an array of characters.
            if currentCount == 0 ? count <= width : currentCount + 1 + count <= width {
                append(word, count)
                continue
            }
            // Most others start the next line whole (the loop below would do the same).
            if count <= width {
                flush()
                append(word, count)
                continue
            }
            var piece = Array(word)
            while true {
                let n = piece.count
                if currentCount == 0 ? n <= width : currentCount + 1 + n <= width {
                    append(String(piece), n)
                    break
                }
                if n <= width {
                    flush()
                    continue
                }
                // Too long for any line: hyphenate. Fill the current line first if a real
                // break (a hyphen or a syllable boundary) fits in what is left of it.
                let room = currentCount == 0 ? width : width - currentCount - 1
                if currentCount > 0 {
                    if room >= 5, let cut = hyphenation(piece, room: room, exact: true) {
                        append(cut.line, cut.line.count)
                        flush()
                        piece = Array(piece[cut.rest...])
                    } else {
                        flush()
                    }
                    continue
                }
                let cut = hyphenation(piece, room: width, exact: false)!
                append(cut.line, cut.line.count)
                flush()
                piece = Array(piece[cut.rest...])
            }
        }
        if currentCount > 0 || lines.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = Substring(lines[maxLines - 1])
            if last.hasSuffix("-") && last.count > 1 { last = last.dropLast() }
            lines[maxLines - 1] = String(last.prefix(width - 1)) + "…"
        }
        return lines
    }

    /// Where to break a word that does not fit in `room` characters: the text for this line
    /// (ending in a hyphen) and the index at which the rest of the word starts.
    ///
    /// The heuristic, for Finnish and Swedish compounds (`kaukolaina-palvelu`,
    /// `biblioteks-lokalerna` split as `kaukolainapal-velu`, `bibliotekslo-kalerna`):
    /// 1. after a hyphen already in the word (`e-kirja`), if one falls in the last third of
    ///    the room;
    /// 2. else at a syllable boundary in the last third of the room: before a consonant that
    ///    is followed by a vowel, which splits V C | C V between its consonants and V | C V
    ///    before its consonant (Finnish syllabification, and a fair guess for Swedish),
    ///    never inside a run of vowels, and with at least two letters on each side;
    /// 3. else (no such place near the limit: a code, a long number, a run of consonants)
    ///    at the limit itself, with a hyphen.
    /// With `exact`, only breaks 1 and 2 count, and nil means there is none.
    static func hyphenation(_ word: [Character], room: Int, exact: Bool) -> (line: String, rest: Int)? {
        let count = word.count
        // The most characters before the break: the hyphen we add takes one place.
        let most = min(room - 1, count - 2)
        guard most >= 2 else {
            return exact ? nil : (String(word.prefix(max(1, room - 1))) + "-", max(1, room - 1))
        }
        let least = max(2, room - room / 3 - 1)
        // 1. After an existing hyphen: the hyphen is on this line, so up to `room` characters.
        var k = min(room, count - 2)
        while k >= least {
            if word[k - 1] == "-" && word[k - 2].isLetter { return (String(word[..<k]), k) }
            k -= 1
        }
        // 2. Before a consonant followed by a vowel, two letters or more on each side.
        k = most
        while k >= least {
            if isConsonant(word[k]) && isVowel(word[k + 1]) && word[k - 1].isLetter && word[k - 2].isLetter {
                return (String(word[..<k]) + "-", k)
            }
            k -= 1
        }
        if exact { return nil }
        // 3. At the limit.
        let cut = room - 1
        return (String(word[..<cut]) + "-", cut)
    }

    /// Vowels of Finnish and Swedish (with the accented ones loanwords bring).
    static func isVowel(_ c: Character) -> Bool {
        guard let lower = c.lowercased().first else { return false }
        return "aeiouyäöåéèêáàâíìóòôúùüæøõ".contains(lower)
    }

    static func isConsonant(_ c: Character) -> Bool { c.isLetter && !isVowel(c) }
}
