/// File patterns of `[ignore]` in `polku.toml`, matched in Swift with the meaning of POSIX
/// `fnmatch(pattern, path, 0)`:
///
/// - `*` matches any run of characters, `/` and a leading `.` included;
/// - `?` matches one character;
/// - `[abc]`, `[a-z]` and `[[:digit:]]` match one character of a class, `[!x]` (or `[^x]`)
///   one character not in it; a `]` right after `[` or `[!` belongs to the class, and a `[`
///   without a closing `]` is an ordinary character;
/// - `\` makes the next character ordinary (also inside a class); a pattern that ends in a
///   lone `\` matches nothing.
///
/// A character is a Unicode scalar, so `?` matches `ä` (fnmatch in the C locale would count
/// its two bytes). Ranges compare scalar values; the named classes are ASCII ones.
package struct Glob: Sendable, Hashable {
    package let pattern: String
    private let scalars: [Unicode.Scalar]

    package init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
    }

    /// Whether the whole of `text` matches the whole pattern.
    package func matches(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        let p = scalars
        var pi = 0, si = 0
        // Where to resume after the last `*`: the pattern after it, and the text position it
        // has swallowed up to. One `*` to backtrack to is enough, since a later `*` can
        // match anything an earlier one could have.
        var star: (pattern: Int, text: Int)?
        while si < s.count {
            if pi < p.count {
                switch p[pi] {
                case "*":
                    while pi < p.count && p[pi] == "*" { pi += 1 }
                    if pi == p.count { return true }
                    star = (pi, si)
                    continue
                case "?":
                    pi += 1; si += 1
                    continue
                case "[":
                    switch Self.matchClass(p, from: pi, s[si]) {
                    case .matched(let next): pi = next; si += 1; continue
                    case .notMatched: break
                    case .ordinary: if s[si] == "[" { pi += 1; si += 1; continue }
                    case .malformed: return false
                    }
                case "\\":
                    if pi + 1 < p.count && p[pi + 1] == s[si] { pi += 2; si += 1; continue }
                default:
                    if p[pi] == s[si] { pi += 1; si += 1; continue }
                }
            }
            // A mismatch: let the last `*` swallow one more character, or fail.
            guard let (starPattern, starText) = star else { return false }
            star = (starPattern, starText + 1)
            pi = starPattern
            si = starText + 1
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    private enum ClassMatch {
        case matched(next: Int)
        case notMatched
        /// No closing `]`: the `[` is an ordinary character.
        case ordinary
        /// fnmatch fails the whole match: an unknown class name, or a lone `\` at the end.
        case malformed
    }

    /// Matches `c` against the class that starts with `[` at `start`.
    private static func matchClass(_ p: [Unicode.Scalar], from start: Int, _ c: Unicode.Scalar) -> ClassMatch {
        var i = start + 1
        var negated = false
        if i < p.count && (p[i] == "!" || p[i] == "^") { negated = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return matched != negated ? .matched(next: i + 1) : .notMatched }
            first = false
            // A named class, `[:digit:]`; `[:` followed by anything but a lowercase name and
            // `:]` is two ordinary characters.
            if p[i] == "[" && i + 1 < p.count && p[i + 1] == ":", let close = closingOfNamedClass(p, from: i + 2) {
                let name = String(String.UnicodeScalarView(p[(i + 2)..<close]))
                guard let test = namedClasses[name] else { return .malformed }
                if test(c) { matched = true }
                i = close + 2
                continue
            }
            var low = p[i]
            if low == "\\" {
                i += 1
                guard i < p.count else { return .malformed }
                low = p[i]
            }
            i += 1
            var high = low
            // A range, unless the `-` is the last character of the class.
            if i + 1 < p.count && p[i] == "-" && p[i + 1] != "]" {
                i += 1
                high = p[i]
                if high == "\\" {
                    i += 1
                    guard i < p.count else { return .malformed }
                    high = p[i]
                }
                i += 1
            }
            if low.value <= c.value && c.value <= high.value { matched = true }
        }
        return .ordinary
    }

    /// The index of the `:` of the `:]` that closes a named class whose name starts at `from`.
    private static func closingOfNamedClass(_ p: [Unicode.Scalar], from: Int) -> Int? {
        var i = from
        while i + 1 < p.count {
            if p[i] == ":" && p[i + 1] == "]" { return i }
            guard p[i].value >= 0x61 && p[i].value <= 0x7A else { return nil }
            i += 1
        }
        return nil
    }

    private static let namedClasses: [String: @Sendable (Unicode.Scalar) -> Bool] = [
        "alpha": { $0.isASCII && ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A },
        "digit": { $0.value >= 0x30 && $0.value <= 0x39 },
        "alnum": { namedClasses["alpha"]!($0) || namedClasses["digit"]!($0) },
        "upper": { $0.value >= 0x41 && $0.value <= 0x5A },
        "lower": { $0.value >= 0x61 && $0.value <= 0x7A },
        "space": { $0.value == 0x20 || ($0.value >= 0x09 && $0.value <= 0x0D) },
        "blank": { $0.value == 0x20 || $0.value == 0x09 },
        "punct": { $0.value > 0x20 && $0.value < 0x7F && !namedClasses["alnum"]!($0) },
        "xdigit": { namedClasses["digit"]!($0) || (($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x66) },
        "cntrl": { $0.value < 0x20 || $0.value == 0x7F },
        "graph": { $0.value > 0x20 && $0.value < 0x7F },
        "print": { $0.value >= 0x20 && $0.value < 0x7F },
    ]
}
