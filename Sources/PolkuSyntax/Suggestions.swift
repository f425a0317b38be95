/// "Did you mean" suggestions by edit distance.
package enum Suggestions {
    /// Edit distance between two strings (optimal string alignment: insertions, deletions,
    /// substitutions and swaps of two neighbours each count one), in Unicode scalars,
    /// ignoring case. `chta` is one edit from `chat`.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars)
        let y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        var d = [Int](repeating: 0, count: (x.count + 1) * width)
        for i in 0...x.count { d[i * width] = i }
        for j in 0...y.count { d[j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    v = min(v, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = v
            }
        }
        return d[x.count * width + y.count]
    }

    /// The candidate nearest to `word`, if it is near enough to be a likely slip:
    /// at most one edit for short words, up to a third of the word's length for longer ones.
    /// Ties go to the earlier candidate, so the caller's order decides.
    ///
    /// Bounded, so that thousands of unknown names among thousands of ids stay fast: only
    /// candidates whose length is within the limit are compared, and at most
    /// `maximumCompared` of them.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        // Very long words are never slips of a short id; skip the quadratic work.
        guard word.utf8.count <= 64 else { return nil }
        let length = word.unicodeScalars.count
        let limit = max(1, min(3, word.count / 3))
        var best: (String, Int)?
        var compared = 0
        for candidate in candidates {
            // A cheap test first: UTF-8 length bounds the scalar count from above, and a
            // scalar is at most 4 bytes.
            let bytes = candidate.utf8.count
            if bytes + limit < length || bytes > 4 * (length + limit) { continue }
            if abs(candidate.unicodeScalars.count - length) > limit { continue }
            compared += 1
            if compared > maximumCompared { break }
            let d = editDistance(word, candidate)
            if d <= limit && (best == nil || d < best!.1) { best = (candidate, d) }
        }
        return best?.0
    }

    /// The candidate that shares the longest beginning (at least 4 letters) with `word`,
    /// the nearest in length on a tie: `webbsida` → `webbplats`, `verkkopalvelu` → `verkkosivut`.
    package static func sharingPrefix(_ word: String, among candidates: [String]) -> String? {
        let w = Array(word.unicodeScalars)
        var best: (String, Int, Int)?
        for candidate in candidates.prefix(maximumCompared) {
            let c = Array(candidate.unicodeScalars)
            var shared = 0
            while shared < min(w.count, c.count) && w[shared] == c[shared] { shared += 1 }
            guard shared >= 4 else { continue }
            let gap = abs(c.count - w.count)
            if best == nil || shared > best!.1 || (shared == best!.1 && gap < best!.2) { best = (candidate, shared, gap) }
        }
        return best?.0
    }

    /// The most candidates `closest` compares a word with.
    package static let maximumCompared = 500

    /// At most `limit` items, then how many more: `a, b, c and 9 more`.
    package static func listing(_ items: [String], limit: Int = 12, quoted: Bool = true) -> String {
        let shown = items.prefix(limit).map { quoted ? "`\($0)`" : $0 }
        if items.count <= limit {
            return quoted ? list(items) : items.joined(separator: ", ")
        }
        return shown.joined(separator: ", ") + " and \(items.count - limit) more"
    }

    /// "a, b and c", with every item in backticks.
    package static func list(_ items: [String], conjunction: String = "and") -> String {
        let quoted = items.map { "`\($0)`" }
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0]
        default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
        }
    }
}
