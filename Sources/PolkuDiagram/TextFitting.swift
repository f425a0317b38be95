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

    /// Wraps text into lines of at most `width` characters, breaking at spaces where it can
    /// and inside over-long words where it must.
    package static func wrap(_ text: String, width: Int, maxLines: Int = 8) -> [String] {
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
