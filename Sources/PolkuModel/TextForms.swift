/// Small text forms every output needs: a message as a sentence. One copy here, so the
/// reports, diagrams and checklists cannot drift apart. (Escaping is `PolkuEscaping`'s.)
package enum TextForms {
    /// "the customer leaves" → "The customer leaves.": capital first letter, full stop at the
    /// end unless the text already ends a sentence.
    package static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        var s = first.uppercased() + text.dropFirst()
        if let last = s.last, !".?!".contains(last) { s += "." }
        return s
    }

    /// `sentence` on UTF-8 bytes, appended to `out`: the same bytes, without a `String` for
    /// a text that starts with an ASCII character (a report of 40,000 findings writes 80,000
    /// sentences).
    package static func writeSentence(_ text: [UInt8], into out: inout [UInt8]) {
        guard let first = text.first else { return }
        guard first < 0x80 else {
            out.append(contentsOf: sentence(String(decoding: text, as: UTF8.self)).utf8)
            return
        }
        out.append(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? first - 0x20 : first)
        out.append(contentsOf: text[1...])
        switch text.last! {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"): break
        default: out.append(UInt8(ascii: "."))
        }
    }
}
