/// Small text forms every output needs: a message as a sentence, and text escaped for XML
/// and HTML. One copy here, so the reports, diagrams and checklists cannot drift apart.
public enum TextForms {
    /// "the customer leaves" → "The customer leaves.": capital first letter, full stop at the
    /// end unless the text already ends a sentence.
    public static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        var s = first.uppercased() + text.dropFirst()
        if let last = s.last, !".?!".contains(last) { s += "." }
        return s
    }

    /// Text for XML and HTML, in character data and in attribute values: the five special
    /// characters as entities; characters XML 1.0 forbids (controls, U+FFFE, U+FFFF) dropped.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = scalar.value
                if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
