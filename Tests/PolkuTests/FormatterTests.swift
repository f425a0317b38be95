import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// `polku fmt`: one layout, idempotent, losing nothing the user wrote; every example is
/// already in it; `--to` translates a journey and back without changing what it says.
@Suite struct FormatterTests {
    /// Every journey file the repository holds: examples, golden and hostile inputs, fuzz
    /// regressions.
    static var corpus: [String] {
        var paths = Fixture.examples
        for folder in ["Tests/PolkuTests/Golden/diagnostics", "Tests/PolkuTests/Golden/languages", "Tests/PolkuTests/Golden/configuration",
                       "Tests/PolkuTests/Hostile", "Tests/PolkuTests/Fuzz"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixture.path(folder))) ?? []
            paths += names.filter { $0.hasSuffix(".polku") }.sorted().map { "\(folder)/\($0)" }
        }
        return paths
    }

    static func tree(_ bytes: [UInt8]) -> SyntaxTree { JourneyParser.parse(SourceFile(name: "t.polku", bytes: bytes)) }

    static func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path(path)))) }

    /// What a file says, whatever its layout and keyword language: its comments, the lines
    /// kept as written, and each declaration with its id, title and attributes (lists and
    /// `end`/`because` by meaning).
    static func meaning(_ tree: SyntaxTree) -> [String] {
        let bytes = tree.source.bytes
        func text(_ r: SourceRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }
        var out: [String] = []
        for line in tree.lines {
            switch line.kind {
            case .comment: out.append("# " + text(line.content).drop { $0 == " " || $0 == "\t" })
            case .invalid, .detachedAttribute: out.append("! " + text(line.content))
            case .header where line.error != nil && line.error != .missingTitle: out.append("! " + text(line.content))
            default: break
            }
        }
        for d in tree.declarations {
            var id = d.id.map(text) ?? ""
            if case .channel = d.kind, let match = Keywords.lookup(id.lowercased(), kind: "channel") { id = match.meaning.name }
            out.append("\(d.kind) \(id): \(text(d.title))")
            for a in d.attributes {
                var value = text(a.value)
                if [.via, .channels, .next].contains(a.kind) {
                    value = value.split(separator: ",").map { item in
                        let word = item.trimmingCharacters(in: .whitespaces)
                        let spelled = word.lowercased().split(separator: " ").joined(separator: "-")
                        return (Keywords.lookup(spelled, kind: "channel") ?? Keywords.lookup(spelled, kind: "value"))?.meaning.name ?? word
                    }.joined(separator: ",")
                }
                if a.kind == .allow {
                    value = value.split(separator: " ").map { Keywords.lookup($0.lowercased(), kind: "value")?.meaning == .because ? "because" : String($0) }
                        .joined(separator: " ")
                }
                out.append("  \(a.kind.rawValue): \(value)")
            }
        }
        return out
    }

    @Test(arguments: corpus)
    func formattingIsIdempotentAndLosesNothing(_ path: String) throws {
        let bytes = try Self.read(path)
        let original = Self.tree(bytes)
        guard let once = Formatter.format(original) else {
            #expect(original.lines.contains { $0.kind == .binary }, "\(path): only a binary file is not formatted")
            return
        }
        let formatted = Self.tree(once)
        #expect(Formatter.format(formatted) == once, "\(path): formatting twice changes the file")
        #expect(Self.meaning(formatted) == Self.meaning(original), "\(path): the formatted file says something else")
        #expect(formatted.diagnostics.map(\.code) .sorted() == original.diagnostics.map(\.code).sorted(), "\(path)")
    }

    @Test(arguments: Fixture.examples)
    func everyExampleIsInTheLayout(_ path: String) throws {
        let bytes = try Self.read(path)
        #expect(Formatter.format(Self.tree(bytes)) == bytes, "\(path) is not fmt-clean: run `polku fmt \(path)`")
    }

    /// en → fi → sv → en gives back the formatted original, and the findings (rule, line)
    /// are the same in every language.
    @Test(arguments: Fixture.examples)
    func translationRoundTrips(_ path: String) throws {
        let original = Self.tree(try Self.read(path))
        let start = try #require(Formatter.format(original))
        func findings(_ bytes: [UInt8]) -> [String] {
            let result = Checker.check(Analysis(SourceFile(name: "t.polku", bytes: bytes)))
            return result.diagnostics.map { "\($0.code.name)@\(result.analysis.source.line(of: $0.range.start))" }
        }
        let expected = findings(start)
        var current = start
        for language in [KeywordLanguage.fi, .sv, .en, original.language] {
            let tree = Self.tree(current)
            current = try #require(Formatter.format(tree, to: language))
            #expect(Self.tree(current).language == language, "\(path) → \(language)")
            #expect(findings(current) == expected, "\(path) → \(language): the findings differ")
            #expect(Self.meaning(Self.tree(current)) == Self.meaning(original), "\(path) → \(language)")
        }
        #expect(current == start, "\(path): the round trip does not give back the formatted file")
    }

    @Test func aMessyFileGetsTheLayout() {
        let messy = "journey:   Messy  \r\nvia:desk\r\n\r\n\r\n# about\r\npersona   a : A person \r\n      uses: things\r\nbefore:\r\n   step s1:   First   \r\n\r\n      recommend :  a book\r\n      follow up: oops\r\n      next: end , s2\r\n   step s2: Second\r\n   via:  E-Mail ,  chat\r\n"
        let out = String(decoding: Formatter.format(Self.tree(Array(messy.utf8)))!, as: UTF8.self)
        #expect(out == "journey: Messy\r\nvia: desk\r\n\r\n# about\r\npersona a: A person\r\n  uses: things\r\n\r\nbefore:\r\n  step s1: First\r\n    recommend: a book\r\n      follow up: oops\r\n    next: end, s2\r\n\r\n  step s2: Second\r\n    via: email, chat\r\n")
    }

    @Test func translationReachesChannelsEndAndBecause() {
        let text = "journey: T\nvia: desk\n\nchannel phone: The phone line\n  presence: 2\n\nbefore:\n  step a: Asks\n    via: social, web\n    next: end\n    allow: missing-need because she knows\n"
        let fi = String(decoding: Formatter.format(Self.tree(Array(text.utf8)), to: .fi)!, as: UTF8.self)
        #expect(fi == "palvelupolku: T\nkautta: palvelupiste\n\nkanava puhelin: The phone line\n  läsnäolo: 2\n\nennen palvelua:\n  vaihe a: Asks\n    kautta: some, verkko\n    seuraava: loppu\n    salli: missing-need koska she knows\n")
    }

    @Test func fmtOnTheCommandLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.polku").path
        try "journey: T\nvia:desk\nbefore:\n step a: A\n".write(toFile: file, atomically: true, encoding: .utf8)
        let check = try runPolku(["fmt", "--check", file])
        #expect(check.status == 1 && check.stdout == file + "\n")
        let diff = try runPolku(["fmt", "--diff", file])
        #expect(diff.status == 0 && diff.stdout.contains("-via:desk\n+via: desk\n"), "\(diff.stdout)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "journey: T\nvia:desk\nbefore:\n step a: A\n")
        let write = try runPolku(["fmt", file])
        #expect(write.status == 0 && write.stdout == file + "\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "journey: T\nvia: desk\n\nbefore:\n  step a: A\n")
        #expect(try runPolku(["fmt", "--check", file]).status == 0)
        let sv = try runPolku(["fmt", "--to", "sv", file, "-o", "-"])
        #expect(sv.stdout == "kundresa: T\nvia: disk\n\nföre tjänsten:\n  steg a: A\n")
        #expect(try runPolku(["fmt", "--check", "Examples/"]).status == 0)
    }
}
