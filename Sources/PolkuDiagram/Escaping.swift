/// Turning user text into text Graphviz shows as written.
///
/// Journey text only ever becomes *text* in an HTML-like label: never a tag, an attribute or
/// an id. Graphviz replaces `\N`, `\G` and friends even inside HTML labels, and `\\` shows one
/// backslash, so every backslash is doubled; `]` is written `&#93;` (a lone `]` is a syntax
/// error in 2.42, found by the property tests). Control characters are dropped; text is capped.
public enum GraphvizText {
    /// The longest piece of user text put in a diagram (Graphviz rejects labels over 16 KiB).
    public static let maximumCharacters = 400

    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\\": out += "\\\\"
            // Graphviz 2.42 rejects a label whose text is a lone "]"; as a character
            // reference it shows the same and always parses.
            case "]": out += "&#93;"
            default:
                // C0 and C1 controls and the DEL: nothing a person meant to see.
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A quoted DOT string (for attribute values Polku writes itself, like colours and fonts).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Cuts text at `maximumCharacters`, marking the cut with an ellipsis.
    public static func capped(_ text: String, _ limit: Int = maximumCharacters) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// Wraps text into lines of at most `width` characters, breaking at spaces where it can
    /// and inside over-long words where it must.
    public static func wrap(_ text: String, width: Int, maxLines: Int = 8) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var piece = Substring(word)
            while piece.count > width {
                if currentCount > 0 {
                    lines.append(current)
                    current = ""
                    currentCount = 0
                }
                lines.append(String(piece.prefix(width)))
                piece = piece.dropFirst(width)
            }
            let n = piece.count
            if currentCount > 0 && currentCount + 1 + n > width {
                lines.append(current)
                current = ""
                currentCount = 0
            }
            if currentCount > 0 {
                current += " "
                currentCount += 1
            }
            current += piece
            currentCount += n
        }
        if currentCount > 0 || lines.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            let last = lines[maxLines - 1]
            lines[maxLines - 1] = String(last.prefix(max(0, width - 1))) + "…"
        }
        return lines
    }
}
