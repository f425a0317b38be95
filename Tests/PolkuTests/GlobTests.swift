#if canImport(Glibc)
import Glibc
#endif
import PolkuCheck
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        // `*` runs over `/` and leading dots.
        ("drafts/*", "drafts/a/b.polku", true),
        ("drafts/*", "drafts/", true),
        ("drafts/*", "final/drafts/a.polku", false),
        ("*.polku", "a/.hidden.polku", true),
        ("*", "", true),
        ("**/x", "a/b/x", true),
        ("a*b*c", "aXbYbZc", true),
        ("a*b*c", "aXbYbZ", false),
        // `?` is one character, `/` and `ä` included.
        ("?", "ä", true),
        ("a?c", "a/c", true),
        ("a?c", "ac", false),
        // Classes.
        ("[abc].polku", "b.polku", true),
        ("[a-c]x", "dx", false),
        ("[!a-c]x", "dx", true),
        ("[^a-c]x", "bx", false),
        ("[]]", "]", true),
        ("[!]]", "a", true),
        ("[a-]", "-", true),
        ("[[:digit:]]*", "2024/a", true),
        ("[[:digit:]]*", "x2024", false),
        ("[[:nonsense:]]", "n", false),
        ("[\\]]", "]", true),
        ("[ab", "[ab", true),
        ("[ab", "a", false),
        // Escapes.
        ("\\*", "*", true),
        ("\\*", "a", false),
        ("a\\", "a", false),
        ("a\\", "a\\", false),
        ("\\a", "a", true),
    ])
    func matchesLikeFnmatch(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(text) == expected, "\(pattern) ~ \(text)")
    }

    #if canImport(Glibc)
    /// Random patterns and paths over a small alphabet, compared with the C library's fnmatch
    /// (flags 0); ASCII only, where the C locale's bytes are characters.
    @Test func agreesWithFnmatch() {
        var random = SplitMix64(seed: 2024)
        let patternPieces = ["a", "b", "/", ".", "*", "?", "[", "]", "!", "^", "-", "\\", "[:digit:]", "[:alpha:]", "1", "z"]
        let textPieces = ["a", "b", "/", ".", "-", "1", "z", "]", "[", "!", "\\"]
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let pattern = (0..<Int.random(in: 0...8, using: &random)).map { _ in patternPieces.randomElement(using: &random)! }.joined()
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in textPieces.randomElement(using: &random)! }.joined()
            let expected = fnmatch(pattern, text, 0) == 0
            if Glob(pattern).matches(text) != expected { disagreements.append("\(pattern) ~ \(text): fnmatch says \(expected)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: "\n"))")
    }
    #endif
}
