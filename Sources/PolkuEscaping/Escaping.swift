/// Every way Polku turns a person's text into text for another reader, in one place:
/// XML and SVG, Graphviz's HTML-like labels and quoted strings, Markdown, CSV cells and the
/// terminal. Each output calls the form for its reader and nothing else, so one hostile
/// text is handled the same everywhere (the hostile-text test feeds the same texts through
/// every output).
///
/// One rule for characters nobody meant to show: C0 and C1 control characters, DEL and the
/// noncharacters U+FFFE and U+FFFF are never passed on raw. XML and Graphviz drop them
/// (XML 1.0 forbids them); the terminal shows them as `<U+001B>` so a reader sees that they
/// are there, and they cannot move the cursor, retitle the window or reorder the line.
package enum Escaping {
    // MARK: - Characters

    /// Characters that no output passes on raw: C0 controls but tab, line feed and carriage
    /// return; DEL; C1 controls; the noncharacters U+FFFE and U+FFFF.
    @inline(__always)
    package static func isForbidden(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (v >= 0x7F && v < 0xA0) || v == 0xFFFE || v == 0xFFFF
    }

    /// Characters that change how a terminal shows the rest of a line without being seen:
    /// the bidirectional controls (embeddings, overrides, isolates, marks).
    @inline(__always)
    package static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// `U+001B`: how a hidden character is named where it is made visible.
    package static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: - XML and SVG

    /// Text for XML and HTML, in character data and in attribute values: the five special
    /// characters as entities; characters XML 1.0 forbids dropped.
    package static func xml(_ text: String) -> String { markup(text, forGraphviz: false) }

    // MARK: - Graphviz

    /// Text inside a Graphviz HTML-like label: XML's escaping, and besides it every
    /// backslash doubled (Graphviz replaces `\N`, `\G` and friends even inside HTML labels)
    /// and `]` as `&#93;` (a label whose text is a lone `]` is a syntax error in 2.42). Line
    /// breaks are dropped: a label's lines are table rows Polku makes itself.
    package static func graphvizLabel(_ text: String) -> String { markup(text, forGraphviz: true) }

    /// XML's five entities and its forbidden characters dropped; for Graphviz also `\`, `]`
    /// and every control character. On UTF-8 bytes; text with nothing to escape is returned
    /// as it is.
    private static func markup(_ text: String, forGraphviz: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard needsMarkup(bytes, forGraphviz) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            markup(bytes, forGraphviz: forGraphviz, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `xml`, written onto the end of `out`.
    package static func xml(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { xml(utf8: $0, into: &out) }
    }

    /// `xml` of text given as its UTF-8 bytes (valid UTF-8, as a string's are).
    package static func xml(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if needsMarkup(bytes, false) {
            markup(bytes, forGraphviz: false, into: &out)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// Whether `xml(utf8:into:)` would change the text at all.
    package static func xmlNeedsEscaping(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool { needsMarkup(bytes, false) }

    private static func markup(_ bytes: UnsafeBufferPointer<UInt8>, forGraphviz: Bool, into out: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            case UInt8(ascii: "\\") where forGraphviz: out.append(contentsOf: [0x5C, 0x5C])
            case UInt8(ascii: "]") where forGraphviz: out.append(contentsOf: "&#93;".utf8)
            default:
                let width = forbiddenWidth(bytes, i)
                if width > 0 { i += width; continue }
                if forGraphviz && b < 0x20 { break }
                out.append(b)
            }
            i += 1
        }
    }

    /// Whether a byte may need escaping or dropping in markup: a special character, a
    /// control, or the first byte of a C1 control or a noncharacter.
    @inline(__always)
    private static func needsMarkup(_ b: UInt8, _ forGraphviz: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F, 0xC2, 0xEF: true
        case UInt8(ascii: "\\"), UInt8(ascii: "]"): forGraphviz
        default: b < 0x20
        }
    }

    /// Whether some byte of `bytes` may need escaping or dropping in markup, eight bytes at a time.
    @inline(__always)
    private static func needsMarkup(_ bytes: UnsafeBufferPointer<UInt8>, _ forGraphviz: Bool) -> Bool {
        ByteWords.any(bytes, { x in
            var marks = ByteWords.below(x, 0x20) | ByteWords.equal(x, UInt8(ascii: "&")) | ByteWords.equal(x, UInt8(ascii: "<"))
                | ByteWords.equal(x, UInt8(ascii: ">")) | ByteWords.equal(x, UInt8(ascii: "\"")) | ByteWords.equal(x, UInt8(ascii: "'"))
                | ByteWords.equal(x, 0x7F) | ByteWords.equal(x, 0xC2) | ByteWords.equal(x, 0xEF)
            if forGraphviz { marks |= ByteWords.equal(x, UInt8(ascii: "\\")) | ByteWords.equal(x, UInt8(ascii: "]")) }
            return marks != 0
        }, { needsMarkup($0, forGraphviz) })
    }

    /// The length in bytes of a forbidden character at `i` (see `isForbidden`), or 0.
    @inline(__always)
    static func forbiddenWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = bytes[i]
        if b < 0x20 { return b == 0x09 || b == 0x0A || b == 0x0D ? 0 : 1 }
        if b == 0x7F { return 1 }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F { return 2 }
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// A quoted DOT string, for attribute values Polku writes itself (colours, fonts).
    package static func dotQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                let v = scalar.value
                if isForbidden(v) || v < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: - Markdown

    /// Backslash-escapes every character Markdown could read as markup (any ASCII
    /// punctuation may be escaped in CommonMark, so this is always safe). Tabs become
    /// spaces; forbidden characters and line breaks are dropped. On UTF-8 bytes: a checklist
    /// of 100,000 steps escapes half a million texts.
    package static func markdown(_ text: String) -> String {
        var out: [UInt8] = []
        var scratch: [UInt8] = []
        markdown(text, into: &out, scratch: &scratch)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes `markdown(_:)` copies as they are: not Markdown punctuation, not a control, not
    /// the lead byte of a character that may be forbidden (C2, EF), and not one of the bytes
    /// a link or mention needs (`@`, `:`, `.`), which are noted on the way.
    private static let markdownPlain: [Bool] = (0..<256).map { b in
        if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF { return false }
        return !"\\`*_[]<>|~&#!{}$=@:.".utf8.contains(UInt8(b))
    }

    /// `markdown(_:)` appended to `out` as bytes; `scratch` is a buffer to reuse.
    package static func markdown(_ text: String, into out: inout [UInt8], scratch: inout [UInt8]) {
        var text = text
        text.withUTF8 { markdown(utf8: $0, into: &out, scratch: &scratch) }
    }

    /// `markdown` of text given as its UTF-8 bytes (valid UTF-8, as a string's are).
    package static func markdown(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        // Whether the text has any of the bytes `unlinked` looks at: most texts have none.
        var mayLink = false
        // The table read through a buffer: a static's every use checks that it is made.
        markdownPlain.withUnsafeBufferPointer { isPlain in
            var i = 0
            while i < bytes.count {
                // Plain bytes, most of any text, copied a run at a time.
                let run = i
                while i < bytes.count && isPlain[Int(bytes[i])] { i += 1 }
                if i > run { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                if i == bytes.count { break }
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
                     UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                     UInt8(ascii: "$"), UInt8(ascii: "="):
                    scratch.append(0x5C)
                    scratch.append(b)
                case 0x09: scratch.append(0x20)
                case UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: "."):
                    mayLink = true
                    scratch.append(b)
                default:
                    if b < 0x20 || b == 0x7F { break }
                    let width = forbiddenWidth(bytes, i)
                    if width > 0 { i += width; continue }
                    scratch.append(b)
                }
                i += 1
            }
        }
        // A line never starts with a list or heading marker, since items carry a prefix,
        // but a cell or text that begins with "+" or "-" stays text too.
        if let first = scratch.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { out.append(0x5C) }
        if mayLink { unlinked(scratch, into: &out) } else { out.append(contentsOf: scratch) }
    }

    static func unlinked(_ text: String) -> String { unlinked(Array(text.utf8)) }

    /// GitHub makes `@name` a mention and `https://…` or `www.…` a link even in escaped
    /// text: a word joiner (U+2060, invisible, no break) after `@` and before `://` and
    /// `www`'s dot keeps them text.
    static func unlinked(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        unlinked(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `unlinked(_:)` appended to `out`.
    static func unlinked(_ bytes: [UInt8], into out: inout [UInt8]) {
        let joiner: [UInt8] = [0xE2, 0x81, 0xA0]
        func isW(_ b: UInt8) -> Bool { b == UInt8(ascii: "w") || b == UInt8(ascii: "W") }
        let n = bytes.count
        // Most texts have none of `@`, `://` and `www.`: looked for through a buffer, only
        // `@`, `:` and `.` looked at closer.
        let found = bytes.withUnsafeBufferPointer { b in
            for i in 0..<n {
                let c = b[i]
                guard c == UInt8(ascii: "@") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") else { continue }
                if c == UInt8(ascii: "@") || (c == UInt8(ascii: ":") && i + 2 < n && b[i + 1] == UInt8(ascii: "/") && b[i + 2] == UInt8(ascii: "/"))
                    || (c == UInt8(ascii: ".") && i >= 3 && isW(b[i - 1]) && isW(b[i - 2]) && isW(b[i - 3])) {
                    return true
                }
            }
            return false
        }
        guard found else {
            out.append(contentsOf: bytes)
            return
        }
        for i in 0..<n {
            let b = bytes[i]
            if b == UInt8(ascii: ":") && i + 2 < n && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
                out.append(contentsOf: joiner)
            }
            out.append(b)
            if b == UInt8(ascii: "@") && i + 1 < n && startsLetterOrDigit(bytes, i + 1) { out.append(contentsOf: joiner) }
            if isW(b) && i >= 2 && i + 1 < n && bytes[i + 1] == UInt8(ascii: ".") && isW(bytes[i - 1]) && isW(bytes[i - 2]) {
                out.append(contentsOf: joiner)
            }
        }
    }

    /// Whether the character starting at byte `i` is a letter (any script) or an ASCII digit.
    private static func startsLetterOrDigit(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 {
            return (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
        }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        let end = min(bytes.count, i + length)
        guard let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic
    }

    // MARK: - CSV

    /// One CSV field (RFC 4180): forbidden characters dropped; a cell a spreadsheet could
    /// run as a formula (see `startsFormula`) is prefixed with `'` so it shows as text, and a
    /// cell with a comma, a quote or a line break is quoted.
    package static func csvCell(_ value: String, delimiter: Character = ",") -> String {
        var out: [UInt8] = []
        csvCell(value, delimiter: delimiter.asciiValue ?? UInt8(ascii: ","), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `csvCell`, written onto the end of `out`, on UTF-8 bytes.
    package static func csvCell(_ value: String, delimiter separator: UInt8, into out: inout [UInt8]) {
        var value = value
        value.withUTF8 { given in
            // Most cells have no byte that could be forbidden or need quoting: one look at
            // each byte says so, and the cell goes in whole.
            let plain = csvAttention.withUnsafeBufferPointer { attention in
                !given.contains { attention[Int($0)] || $0 == separator }
            }
            // Forbidden characters dropped (rare: copied only when there is one).
            var cleaned: [UInt8]?
            var i = 0
            while !plain && i < given.count {
                let width = forbiddenWidth(given, i)
                if width > 0 {
                    if cleaned == nil { cleaned = Array(given[..<i]) }
                    i += width
                    continue
                }
                cleaned?.append(given[i])
                i += 1
            }
            func write(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let first = bytes.first else { return }
                var formula: Bool
                switch first {
                case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: formula = true
                case 0..<0x80: formula = false
                default: formula = String(decoding: bytes.prefix(4), as: UTF8.self).unicodeScalars.first.map(startsFormula) ?? false
                }
                if formula && first == UInt8(ascii: "-") { formula = !isListDash(bytes) }
                let quoted = !plain && bytes.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
                if quoted { out.append(UInt8(ascii: "\"")) }
                if formula { out.append(UInt8(ascii: "'")) }
                if quoted {
                    for b in bytes {
                        if b == UInt8(ascii: "\"") { out.append(b) }
                        out.append(b)
                    }
                    out.append(UInt8(ascii: "\""))
                } else {
                    out.append(contentsOf: bytes)
                }
            }
            if let cleaned { cleaned.withUnsafeBufferPointer(write) } else { write(given) }
        }
    }

    /// Bytes that make `csvCell` look closer: a control, DEL, the lead byte of a character
    /// that may be forbidden (C2, EF) and the quote (besides the delimiter).
    private static let csvAttention: [Bool] = (0..<256).map { b in
        b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF || b == 0x22
    }

    /// Ordinary text that starts with a dash, as a list item does (`- ask at the desk`): a dash
    /// and a space, then a letter, and nothing in the cell a formula would need (brackets,
    /// `|`, `!`, `=`, `+`, `@`, digits right after the dash). It is left as it is, without a
    /// stray `'` in front of it.
    static func isListDash(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isListDash($0) }
    }

    static func isListDash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "-"), bytes[1] == UInt8(ascii: " "),
              let third = String(decoding: bytes[2..<min(bytes.count, 6)], as: UTF8.self).unicodeScalars.first,
              third.properties.isAlphabetic else { return false }
        return !bytes.contains { "()|!=+@;".utf8.contains($0) }
    }

    /// A first character after which a spreadsheet may read a cell as a formula: the
    /// formula signs, their full-width forms (＝ ＋ － ＠, which some spreadsheets take for
    /// them), a tab or carriage return, and invisible format characters (a zero-width space
    /// before `=` is not seen).
    static func startsFormula(_ first: Unicode.Scalar) -> Bool {
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": true
        default: first.properties.generalCategory == .format
        }
    }

    // MARK: - Terminal

    /// Text for a terminal, where a message, a label, a note or a help line is shown: every
    /// control character (tab and line feed too, since a message is one line), every
    /// bidirectional control and each forbidden character is shown as `<U+001B>` instead of
    /// being sent. Text without any of them is returned as it is, without copying.
    package static func terminal(_ text: String) -> String {
        // Scanned through the string's buffer, eight bytes at a time: a text report passes
        // every message, note and label of 40,000 findings through here.
        var probe = text
        guard probe.withUTF8({ mayNeedTerminalEscaping($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || isForbidden(v) || isBidiControl(v) {
                out += "<" + codePoint(v) + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The bytes of UTF-8 text, shown as `terminal(_:)` shows the text, appended to `out`;
    /// text without anything to show is copied as it is.
    package static func writeTerminal(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if mayNeedTerminalEscaping(text) {
            out.append(contentsOf: terminal(String(decoding: text, as: UTF8.self)).utf8)
        } else {
            out.append(contentsOf: text)
        }
    }

    /// The controls, DEL, and the lead bytes of the C1 controls (C2), the bidirectional
    /// controls (E2, D8) and the noncharacters U+FFFE and U+FFFF (EF): text without any of
    /// these bytes has nothing `terminal(_:)` would change.
    @inline(__always)
    private static func mayNeedTerminalEscaping(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xD8 || b == 0xEF
    }

    /// Whether some byte of `text` may need terminal escaping (above), eight bytes at a time:
    /// text without any has nothing `terminal(_:)` would change. Eight ASCII bytes (most of a
    /// report's words) are only tested for controls: the lead bytes are tested in a word that
    /// has a byte past ASCII.
    package static func mayNeedTerminalEscaping(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.any(text, { x in
            let controls = ByteWords.below(x, 0x20) | ByteWords.equal(x, 0x7F)
            guard x & 0x8080_8080_8080_8080 != 0 else { return controls != 0 }
            return controls | ByteWords.equal(x, 0xC2) | ByteWords.equal(x, 0xE2) | ByteWords.equal(x, 0xD8)
                | ByteWords.equal(x, 0xEF) != 0
        }, mayNeedTerminalEscaping)
    }

    /// A source line for a terminal, shown with marks under some of its characters: tabs as
    /// one space, and controls and invisible format characters (zero-width spaces,
    /// right-to-left overrides, which would reorder the line) as `�`, one column each, so
    /// the marks stay under the right characters.
    package static func terminalExcerpt(_ text: String) -> String {
        // ASCII text (most lines): a character a byte, no property to look up.
        var probe = text
        let (ascii, controls) = probe.withUTF8 { buffer -> (Bool, Bool) in
            var all: UInt8 = 0, controls = false
            for b in buffer {
                all |= b
                controls = controls || b < 0x20 || b == 0x7F
            }
            return (all < 0x80, controls)
        }
        if ascii {
            guard controls else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count + 8)
            var afterCR = false
            for b in text.utf8 {
                // CR LF is one character, shown as one `�`.
                if b == 0x0A && afterCR {
                    afterCR = false
                    continue
                }
                afterCR = b == 0x0D
                if b == 0x09 {
                    out.append(0x20)
                } else if b < 0x20 || b == 0x7F {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return String(text.map { c -> Character in
            if c == "\t" { return " " }
            if let a = c.asciiValue, a < 0x20 || a == 0x7F { return "\u{FFFD}" }
            if c.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .format || $0.properties.generalCategory == .control
                    || isForbidden($0.value)
            }) {
                return "\u{FFFD}"
            }
            return c
        })
    }
}
