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
    /// and every control character.
    private static func markup(_ text: String, forGraphviz: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\\" where forGraphviz: out += "\\\\"
            case "]" where forGraphviz: out += "&#93;"
            default:
                let v = scalar.value
                if isForbidden(v) || (forGraphviz && v < 0x20) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
    /// spaces; forbidden characters and other line breaks are dropped.
    package static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!", "{", "}", "$", "=":
                out.append("\\")
                out.append(ch)
            case "\t": out.append(" ")
            default:
                if let a = ch.asciiValue, a < 0x20 || a == 0x7F { continue }
                if ch.unicodeScalars.contains(where: { isForbidden($0.value) }) { continue }
                out.append(ch)
            }
        }
        // A line never starts with a list or heading marker, since items carry a prefix,
        // but a cell or text that begins with "+" or "-" stays text too.
        if let first = out.first, "+-".contains(first) { out = "\\" + out }
        return unlinked(out)
    }

    /// GitHub makes `@name` a mention and `https://…` or `www.…` a link even in escaped
    /// text: a word joiner (U+2060, invisible, no break) after `@` and before `://` and
    /// `www`'s dot keeps them text.
    static func unlinked(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "@")) || text.contains("://") || text.lowercased().contains("www.") else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            if scalar == ":" && i + 2 < scalars.count && scalars[i + 1] == "/" && scalars[i + 2] == "/" {
                out.unicodeScalars.append("\u{2060}")
            }
            out.unicodeScalars.append(scalar)
            if scalar == "@" && (next.properties.isAlphabetic || ("0"..."9").contains(next)) {
                out.unicodeScalars.append("\u{2060}")
            }
            if (scalar == "w" || scalar == "W") && i >= 2 && next == "." && scalars[i - 1].properties.lowercaseMapping == "w"
                && scalars[i - 2].properties.lowercaseMapping == "w" {
                out.unicodeScalars.append("\u{2060}")
            }
        }
        return out
    }

    // MARK: - CSV

    /// One CSV field (RFC 4180): forbidden characters dropped; a cell a spreadsheet could
    /// run as a formula (see `startsFormula`) is prefixed with `'` so it shows as text, and a
    /// cell with a comma, a quote or a line break is quoted.
    package static func csvCell(_ value: String, delimiter: Character = ",") -> String {
        var text = value
        if text.unicodeScalars.contains(where: { isForbidden($0.value) }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isForbidden($0.value) }))
        }
        if let first = text.unicodeScalars.first, startsFormula(first), !isListDash(text) {
            text = "'" + text
        }
        let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        let needsQuotes = text.utf8.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// Ordinary text that starts with a dash, as a list item does (`- ask at the desk`): a dash
    /// and a space, then a letter, and nothing in the cell a formula would need (brackets,
    /// `|`, `!`, `=`, `+`, `@`, digits right after the dash). It is left as it is, without a
    /// stray `'` in front of it.
    static func isListDash(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(3))
        guard scalars.count == 3, scalars[0] == "-", scalars[1] == " ", scalars[2].properties.isAlphabetic else { return false }
        return !text.unicodeScalars.contains { "()|!=+@;".unicodeScalars.contains($0) }
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
        guard text.utf8.contains(where: mayNeedTerminalEscaping) else { return text }
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
        if text.contains(where: mayNeedTerminalEscaping) {
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

    /// A source line for a terminal, shown with marks under some of its characters: tabs as
    /// one space, and controls and invisible format characters (zero-width spaces,
    /// right-to-left overrides, which would reorder the line) as `�`, one column each, so
    /// the marks stay under the right characters.
    package static func terminalExcerpt(_ text: String) -> String {
        // ASCII text (most lines): a character a byte, no property to look up.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
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
