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
}
