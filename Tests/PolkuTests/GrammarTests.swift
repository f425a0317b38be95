import Foundation
import PolkuSyntax
import Testing

/// Keeps `Grammar/polku.ebnf` and the parser in agreement, and the parser's keyword table
/// (`KeywordTable.swift`) what `scripts/generate-keywords` makes of `Grammar/keywords.tsv`.
///
/// The grammar is read by a small EBNF reader (below), sentences are generated from the
/// start rule `file` with a seeded PRNG, and every sentence must parse with no diagnostic
/// at all. A negative control breaks generated sentences and expects diagnostics, so the
/// test is known to be able to fail.
@Suite struct GrammarTests {
    /// How many sentences the main test generates, and the seeds it uses.
    static let sentenceSeeds: ClosedRange<UInt64> = 1...600

    // MARK: - The grammar file itself

    @Test func grammarFileIsWellFormed() {
        guard let setup = GrammarSetup.load() else { return }
        let grammar = setup.grammar
        #expect(grammar.rules.first?.name == "file", "the first rule of Grammar/polku.ebnf should be the start rule `file`")
        let reachable = grammar.reachable(from: "file")
        for rule in grammar.rules where rule.name != "file" && !reachable.contains(rule.name) {
            Issue.record("Grammar/polku.ebnf:\(rule.position): rule `\(rule.name)` cannot be reached from `file`")
        }
    }

    @Test func ebnfReaderReportsMistakesInsteadOfCrashing() {
        func failure(_ text: String) -> String? {
            do {
                let grammar = try EBNFReader.read(text)
                let undefined = grammar.undefinedReferences()
                return undefined.isEmpty ? nil : undefined.map(\.description).joined(separator: "; ")
            } catch {
                return "\(error)"
            }
        }
        #expect(failure("a = \"x\" , { b } ;\nb = ? blank ? | ( \"y\" ) ;\n(* fine (* nested *) *)") == nil)
        let cases: [(String, String)] = [
            ("a = \"x\" \nb = \"y\" ;", "expected `,`, `|` or `;`"),
            ("a = \"x\" , ;", "expected a rule name"),
            ("a = [ \"x\" ;", "expected `]`"),
            ("a = \"x ;", "unterminated terminal"),
            ("a = ? blank ;", "unterminated special sequence"),
            ("(* open", "unterminated comment"),
            ("a = \"\" ;", "empty terminal"),
            ("a = \"x\" ; a = \"y\" ;", "defined twice"),
            ("a = b ;", "`b`, which no rule defines"),
            ("a = \"x\" . ", "unexpected character"),
        ]
        for (text, expected) in cases {
            let message = failure(text)
            #expect(message?.contains(expected) == true, "reading `\(text)` gave \(message ?? "no error"), expected \(expected)")
        }
        // Special sequences the generator cannot map to text are refused, not guessed.
        let keywords = [KeywordRow(line: 1, kind: "header", meaning: "step", spellings: [("en", ["step"])])]
        for unknown in ["letter", "header journey keyword", "phase keyword", "digit 5-1", "header step keywords"] {
            #expect(Special.resolve(unknown, keywords: keywords) == nil, "`? \(unknown) ?` should be unknown")
        }
        #expect(Special.resolve("header step keyword", keywords: keywords) != nil)
    }

    // MARK: - Generated sentences

    @Test func generatedSentencesParseWithoutDiagnostics() {
        guard let setup = GrammarSetup.load() else { return }
        var failures: [(seed: UInt64, sentence: String, tree: SyntaxTree)] = []
        var stepCount = 0
        var attributeKinds = Set<AttributeKind>()
        var declarationKinds = Set<DeclarationKind>()
        var specialsUsed = Set<String>()
        var languagesUsed = Set<String>()
        for seed in Self.sentenceSeeds {
            var generator = SentenceGenerator(setup, seed: seed)
            let sentence: String
            do { sentence = try generator.sentence() } catch {
                Issue.record("cannot generate a sentence from Grammar/polku.ebnf (seed \(seed)): \(error)")
                return
            }
            specialsUsed.formUnion(generator.specialsUsed)
            languagesUsed.formUnion(generator.languagesUsed)
            let tree = JourneyParser.parse(SourceFile(name: "generated-\(seed).polku", text: sentence))
            if !tree.diagnostics.isEmpty { failures.append((seed, sentence, tree)) }
            for declaration in tree.declarations {
                declarationKinds.insert(declaration.kind)
                if declaration.kind == .step { stepCount += 1 }
                for attribute in declaration.attributes { attributeKinds.insert(attribute.kind) }
            }
        }
        let shown = 5
        for failure in failures.prefix(shown) {
            Issue.record("""
                a sentence generated from Grammar/polku.ebnf (seed \(failure.seed)) does not parse cleanly.
                Diagnostics:
                \(describe(failure.tree.diagnostics, in: failure.tree.source))
                Sentence (each line in Swift string notation):
                \(show(failure.sentence))
                """)
        }
        let failureCount = failures.count
        #expect(failureCount == 0, """
            \(failureCount) of \(Self.sentenceSeeds.count) sentences generated from Grammar/polku.ebnf got \
            diagnostics from JourneyParser (the first \(min(shown, failures.count)) are shown above); \
            seeds: \(failures.prefix(40).map { String($0.seed) }.joined(separator: ", "))
            """)

        // The generator is not degenerate: it reaches every kind of statement.
        #expect(stepCount > 100, "only \(stepCount) step declarations in \(Self.sentenceSeeds.count) sentences")
        for kind in AttributeKind.allCases {
            #expect(attributeKinds.contains(kind), "no generated sentence has a `\(kind.rawValue):` attribute")
        }
        let allKinds: [DeclarationKind] = [.journey, .persona, .channel, .step, .phase(.before), .phase(.during), .phase(.after)]
        for kind in allKinds {
            #expect(declarationKinds.contains(kind), "no generated sentence declares \(kind.noun)")
        }
        for special in setup.specials.keys.sorted() {
            #expect(specialsUsed.contains(special), "the generator never produced `? \(special) ?`")
        }
        #expect(languagesUsed == ["en", "fi", "sv"], "keywords were generated only in \(languagesUsed.sorted())")
    }

    /// The negative control: a generated sentence with the colons removed from one statement
    /// line must get at least one diagnostic. This proves the test above can fail.
    @Test func brokenSentencesAreRejected() {
        guard let setup = GrammarSetup.load() else { return }
        for seed: UInt64 in 10_001...10_200 {
            var generator = SentenceGenerator(setup, seed: seed)
            let sentence: String
            do { sentence = try generator.sentence() } catch {
                Issue.record("cannot generate a sentence from Grammar/polku.ebnf (seed \(seed)): \(error)")
                return
            }
            var rng = SplitMix64(seed: seed &* 31)
            guard let broken = removeColons(fromOneStatementOf: sentence, using: &rng) else {
                Issue.record("generated sentence (seed \(seed)) has no statement line with a colon:\n\(show(sentence))")
                continue
            }
            let tree = JourneyParser.parse(SourceFile(name: "broken-\(seed).polku", bytes: broken.bytes))
            #expect(!tree.diagnostics.isEmpty, """
                removing the colons from line \(broken.line) should give a diagnostic, but the parser accepted:
                \(show(String(decoding: broken.bytes, as: UTF8.self)))
                """)
        }
    }

    // MARK: - Keyword table

    /// `KeywordTable.swift` is generated from `Grammar/keywords.tsv`; the committed file must
    /// be exactly what `scripts/generate-keywords` writes from the committed TSV.
    @Test func keywordTableIsGeneratedFromKeywordFile() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/generate-keywords", "--stdout"]
        process.currentDirectoryURL = Fixture.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let generated = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("python3 scripts/generate-keywords --stdout failed (status \(process.terminationStatus)): \(errors)")
            return
        }
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("Sources/PolkuSyntax/KeywordTable.swift")))
        #expect(generated == committed, """
            Sources/PolkuSyntax/KeywordTable.swift differs from what Grammar/keywords.tsv gives: \
            run scripts/generate-keywords and commit the result
            """)
        // And what the parser reads is that table: one entry a row, in the file's order.
        if let rows = KeywordFile.load() {
            #expect(rows.map { "\($0.kind) \($0.meaning)" } == Keywords.table.map { "\($0.meaning.kind) \($0.meaning.name)" })
        }
    }

    @Test func keywordsAreUnambiguous() {
        func normalized(_ s: String) -> String {
            s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        var byKind: [String: [String: Set<String>]] = [:]
        for entry in Keywords.table {
            for language in KeywordLanguage.allCases {
                for spelling in entry.spellings(language) {
                    byKind[entry.meaning.kind, default: [:]][normalized(spelling), default: []].insert(entry.meaning.name)
                }
            }
        }
        for kind in ["header", "attribute", "phase"] {
            for (spelling, meanings) in byKind[kind, default: [:]].sorted(by: { $0.key < $1.key }) where meanings.count > 1 {
                Issue.record("the \(kind) keyword `\(spelling)` has several meanings: \(meanings.sorted())")
            }
        }
        let attributes = Set(byKind["attribute", default: [:]].keys)
        let phases = Set(byKind["phase", default: [:]].keys)
        let headers = Set(byKind["header", default: [:]].keys)
        for spelling in attributes.intersection(phases).sorted() {
            Issue.record("`\(spelling)` is both an attribute and a phase keyword")
        }
        // The parser tries a line's whole head as a phase and as an attribute before it tries
        // the first word as a header, so a header spelling must be neither.
        for spelling in headers.intersection(attributes.union(phases)).sorted() {
            Issue.record("`\(spelling)` is a header keyword and also an attribute or phase keyword")
        }
    }
}

// MARK: - Showing failures

/// A sentence with numbered lines, each in Swift string notation so blanks, tabs, CR and the
/// byte order mark are visible.
private func show(_ sentence: String) -> String {
    let lines = sentence.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        .map { String(String.UnicodeScalarView($0)) }
    let body = lines.last == "" ? lines.dropLast() : lines[...]
    return body.enumerated().map { n, line in
        let number = String(n + 1)
        return String(repeating: " ", count: max(0, 4 - number.count)) + number + " | " + line.debugDescription
    }.joined(separator: "\n")
}

private func describe(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
    diagnostics.map { d in
        "  \(source.location(of: d.range.start)) \(d.severity.rawValue)[\(d.code)]: \(d.message)"
    }.joined(separator: "\n")
}

/// Removes every colon from one statement line (not blank, not a comment) that has a colon.
private func removeColons(fromOneStatementOf sentence: String, using rng: inout SplitMix64) -> (bytes: [UInt8], line: Int)? {
    let bytes = Array(sentence.utf8)
    var lines: [Range<Int>] = []
    var start = 0
    for (i, b) in bytes.enumerated() where b == 0x0A {
        lines.append(start..<i)
        start = i + 1
    }
    if start < bytes.count { lines.append(start..<bytes.count) }
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    var candidates: [Int] = []
    for (n, range) in lines.enumerated() {
        var i = range.lowerBound
        if n == 0 && bytes[range].starts(with: bom) { i += 3 }
        while i < range.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        guard i < range.upperBound, bytes[i] != UInt8(ascii: "#"), bytes[i] != 0x0D else { continue }
        if bytes[range].contains(UInt8(ascii: ":")) { candidates.append(n) }
    }
    guard !candidates.isEmpty else { return nil }
    let chosen = candidates[rng.below(candidates.count)]
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    for (i, b) in bytes.enumerated() where !(lines[chosen].contains(i) && b == UInt8(ascii: ":")) {
        result.append(b)
    }
    return (result, chosen + 1)
}

// MARK: - Keyword file

struct KeywordRow {
    var line: Int
    var kind: String
    var meaning: String
    /// Language code and spellings, in the file's column order (en, fi, sv).
    var spellings: [(String, [String])]
}

enum KeywordFile {
    static let header = "kind\tmeaning\ten\tfi\tsv"
    static let languages = ["en", "fi", "sv"]

    /// Reads `Grammar/keywords.tsv`, recording an issue and returning nil if it is malformed
    /// (`GrammarFileTests` reads it here too).
    static func load() -> [KeywordRow]? {
        let text: String
        do { text = try Fixture.read("Grammar/keywords.tsv") } catch {
            Issue.record("cannot read Grammar/keywords.tsv: \(error)")
            return nil
        }
        var rows: [KeywordRow] = []
        var sawHeader = false
        var ok = true
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        for (n, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            let where_ = "Grammar/keywords.tsv:\(n + 1)"
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == header {
                if sawHeader || !rows.isEmpty {
                    Issue.record("\(where_): the header row must come once, before the keywords")
                    ok = false
                }
                sawHeader = true
                continue
            }
            if !sawHeader {
                Issue.record("\(where_): a keyword row before the header row `\(header.debugDescription)`")
                ok = false
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5 else {
                Issue.record("\(where_): expected 5 tab-separated cells, found \(cells.count): \(line.debugDescription)")
                ok = false
                continue
            }
            var spellings: [(String, [String])] = []
            for (language, cell) in zip(languages, cells[2...]) {
                let words = cell.components(separatedBy: " | ")
                if words.contains(where: { $0.isEmpty || $0 != $0.trimmingCharacters(in: .whitespaces) }) {
                    Issue.record("\(where_): the \(language) cell \(cell.debugDescription) has an empty or badly spaced spelling")
                    ok = false
                }
                spellings.append((language, words))
            }
            rows.append(KeywordRow(line: n + 1, kind: cells[0], meaning: cells[1], spellings: spellings))
        }
        if !sawHeader {
            Issue.record("Grammar/keywords.tsv has no header row `\(header.debugDescription)`")
            ok = false
        }
        return ok ? rows : nil
    }
}

// MARK: - EBNF reader

private struct Position: Hashable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
}

private indirect enum Expr {
    case rule(String, Position)
    case terminal(String)
    case special(String, Position)
    case sequence([Expr])
    case choice([Expr])
    case optional(Expr)
    case repetition(Expr)

    /// Calls `body` on this expression and every expression inside it.
    func walk(_ body: (Expr) -> Void) {
        body(self)
        switch self {
        case .rule, .terminal, .special: break
        case .sequence(let items), .choice(let items): for item in items { item.walk(body) }
        case .optional(let inner), .repetition(let inner): inner.walk(body)
        }
    }
}

private struct Rule {
    var name: String
    var body: Expr
    var position: Position
}

private struct EBNFError: Error, CustomStringConvertible {
    var position: Position
    var message: String
    var description: String { "\(position): \(message)" }
}

private struct Grammar {
    /// In file order.
    var rules: [Rule]
    var byName: [String: Rule]

    struct Undefined: CustomStringConvertible {
        var rule: String
        var name: String
        var position: Position
        var description: String { "\(position): rule `\(rule)` uses `\(name)`, which no rule defines" }
    }

    func undefinedReferences() -> [Undefined] {
        var result: [Undefined] = []
        for rule in rules {
            rule.body.walk { e in
                if case .rule(let name, let position) = e, byName[name] == nil {
                    result.append(Undefined(rule: rule.name, name: name, position: position))
                }
            }
        }
        return result
    }

    func reachable(from start: String) -> Set<String> {
        var seen: Set<String> = [start]
        var stack = [start]
        while let name = stack.popLast() {
            byName[name]?.body.walk { e in
                if case .rule(let other, _) = e, seen.insert(other).inserted { stack.append(other) }
            }
        }
        return seen
    }

    /// Every special sequence's text, with the place it first appears.
    func specialSequences() -> [(String, Position)] {
        var seen = Set<String>()
        var result: [(String, Position)] = []
        for rule in rules {
            rule.body.walk { e in
                if case .special(let text, let position) = e, seen.insert(text).inserted { result.append((text, position)) }
            }
        }
        return result
    }
}

/// Reads the ISO 14977 subset used by `polku.ebnf`: `name = expr ;` rules, `(* comments *)`
/// (nested too), `|`, `,`, `[ ]`, `{ }`, `( )`, terminals in double or single quotes and
/// special sequences `? ... ?`.
private struct EBNFReader {
    enum Kind: Equatable {
        case name(String)
        case terminal(String)
        case special(String)
        case symbol(Character)
        case end

        var shown: String {
            switch self {
            case .name(let n): "rule name `\(n)`"
            case .terminal(let t): "terminal \(t.debugDescription)"
            case .special(let s): "special sequence `? \(s) ?`"
            case .symbol(let c): "`\(c)`"
            case .end: "the end of the file"
            }
        }
    }

    struct Token {
        var kind: Kind
        var position: Position
    }

    private var tokens: [Token]
    private var index = 0

    static func read(_ text: String) throws -> Grammar {
        var reader = EBNFReader(tokens: try tokenize(text))
        return try reader.grammar()
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    // MARK: Tokens

    private static func tokenize(_ text: String) throws -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        var line = 1
        var column = 1
        func advance() {
            if chars[i].isNewline { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        func at(_ k: Int, _ c: Character) -> Bool { k < chars.count && chars[k] == c }
        while i < chars.count {
            let c = chars[i]
            let position = Position(line: line, column: column)
            if c.isWhitespace {
                advance()
            } else if c == "(" && at(i + 1, "*") {
                var depth = 0
                repeat {
                    if at(i, "(") && at(i + 1, "*") {
                        depth += 1; advance(); advance()
                    } else if at(i, "*") && at(i + 1, ")") {
                        depth -= 1; advance(); advance()
                    } else if i < chars.count {
                        advance()
                    } else {
                        throw EBNFError(position: position, message: "unterminated comment: `(*` has no matching `*)`")
                    }
                } while depth > 0
            } else if c == "\"" || c == "'" {
                advance()
                var value = ""
                while i < chars.count && chars[i] != c && !chars[i].isNewline {
                    value.append(chars[i]); advance()
                }
                guard at(i, c) else {
                    throw EBNFError(position: position, message: "unterminated terminal: \(c) has no closing \(c) on its line")
                }
                advance()
                guard !value.isEmpty else { throw EBNFError(position: position, message: "empty terminal \(c)\(c)") }
                tokens.append(Token(kind: .terminal(value), position: position))
            } else if c == "?" {
                advance()
                var value = ""
                while i < chars.count && chars[i] != "?" { value.append(chars[i]); advance() }
                guard at(i, "?") else {
                    throw EBNFError(position: position, message: "unterminated special sequence: `?` has no closing `?`")
                }
                advance()
                let words = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !words.isEmpty else { throw EBNFError(position: position, message: "empty special sequence `? ?`") }
                tokens.append(Token(kind: .special(words), position: position))
            } else if c.isLetter {
                var name = ""
                while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "-" || chars[i] == "_") {
                    name.append(chars[i]); advance()
                }
                tokens.append(Token(kind: .name(name), position: position))
            } else if "=;|,[]{}()".contains(c) {
                advance()
                tokens.append(Token(kind: .symbol(c), position: position))
            } else {
                throw EBNFError(position: position, message: "unexpected character `\(c)`")
            }
        }
        tokens.append(Token(kind: .end, position: Position(line: line, column: column)))
        return tokens
    }

    // MARK: Rules

    private var peek: Token { tokens[index] }

    private mutating func take() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ symbol: Character, _ context: String) throws {
        let token = take()
        guard token.kind == .symbol(symbol) else {
            throw EBNFError(position: token.position, message: "expected \(context), found \(token.kind.shown)")
        }
    }

    private mutating func grammar() throws -> Grammar {
        var rules: [Rule] = []
        var byName: [String: Rule] = [:]
        while peek.kind != .end {
            let token = take()
            guard case .name(let name) = token.kind else {
                throw EBNFError(position: token.position, message: "expected a rule name to start a rule, found \(token.kind.shown)")
            }
            try expect("=", "`=` after the rule name `\(name)`")
            let body = try choice()
            try expect(";", "`,`, `|` or `;` in rule `\(name)`")
            if let previous = byName[name] {
                throw EBNFError(position: token.position, message: "rule `\(name)` is defined twice (first at \(previous.position))")
            }
            let rule = Rule(name: name, body: body, position: token.position)
            rules.append(rule)
            byName[name] = rule
        }
        return Grammar(rules: rules, byName: byName)
    }

    private mutating func choice() throws -> Expr {
        var items = [try sequence()]
        while peek.kind == .symbol("|") {
            _ = take()
            items.append(try sequence())
        }
        return items.count == 1 ? items[0] : .choice(items)
    }

    private mutating func sequence() throws -> Expr {
        var items = [try term()]
        while peek.kind == .symbol(",") {
            _ = take()
            items.append(try term())
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func term() throws -> Expr {
        let token = take()
        switch token.kind {
        case .name(let name): return .rule(name, token.position)
        case .terminal(let text): return .terminal(text)
        case .special(let text): return .special(text, token.position)
        case .symbol("["):
            let inner = try choice()
            try expect("]", "`]` to close the `[` at \(token.position)")
            return .optional(inner)
        case .symbol("{"):
            let inner = try choice()
            try expect("}", "`}` to close the `{` at \(token.position)")
            return .repetition(inner)
        case .symbol("("):
            let inner = try choice()
            try expect(")", "`)` to close the `(` at \(token.position)")
            return inner
        default:
            throw EBNFError(position: token.position,
                            message: "expected a rule name, a terminal, a special sequence or a bracket, found \(token.kind.shown)")
        }
    }
}

// MARK: - Special sequences

/// What a special sequence of `polku.ebnf` stands for, as described in its header comment.
private enum Special {
    case bom
    case newline
    case blank
    case textChar
    /// A text character other than a blank (not used by the grammar yet; see the report).
    case nonBlankTextChar
    case idChar
    case digit(ClosedRange<Int>)
    /// Keyword rows of one kind (and one meaning, if given): for each row, its spellings by language.
    case keyword([[(language: String, spellings: [String])]])

    static func resolve(_ text: String, keywords: [KeywordRow]) -> Special? {
        switch text {
        case "bom": return .bom
        case "newline": return .newline
        case "blank": return .blank
        case "text char": return .textChar
        case "non-blank text char", "visible char": return .nonBlankTextChar
        case "id char": return .idChar
        default: break
        }
        let words = text.split(separator: " ").map(String.init)
        if words.count == 2, words[0] == "digit" {
            let bounds = words[1].split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1], bounds[0] >= 0, bounds[1] <= 9 {
                return .digit(bounds[0]...bounds[1])
            }
            return nil
        }
        if (words.count == 2 || words.count == 3), words.last == "keyword" {
            let rows = keywords.filter { $0.kind == words[0] && (words.count == 2 || $0.meaning == words[1]) }
            guard !rows.isEmpty else { return nil }
            return .keyword(rows.map { row in row.spellings.map { (language: $0.0, spellings: $0.1) } })
        }
        return nil
    }
}

/// Everything the generator needs, read and checked once per test.
private struct GrammarSetup {
    var grammar: Grammar
    var specials: [String: Special]

    /// Reads the grammar and the keyword file; records issues and returns nil if either is unusable.
    static func load() -> GrammarSetup? {
        let text: String
        do { text = try Fixture.read("Grammar/polku.ebnf") } catch {
            Issue.record("cannot read Grammar/polku.ebnf: \(error)")
            return nil
        }
        let grammar: Grammar
        do { grammar = try EBNFReader.read(text) } catch {
            Issue.record("Grammar/polku.ebnf:\(error)")
            return nil
        }
        var ok = true
        for undefined in grammar.undefinedReferences() {
            Issue.record("Grammar/polku.ebnf:\(undefined)")
            ok = false
        }
        if grammar.byName["file"] == nil {
            Issue.record("Grammar/polku.ebnf has no start rule `file`")
            ok = false
        }
        guard let keywords = KeywordFile.load() else { return nil }
        var specials: [String: Special] = [:]
        for (special, position) in grammar.specialSequences() {
            if let resolved = Special.resolve(special, keywords: keywords) {
                specials[special] = resolved
            } else {
                Issue.record("""
                    Grammar/polku.ebnf:\(position): unknown special sequence `? \(special) ?`: the sentence \
                    generator does not know what text it stands for (or no keyword in Grammar/keywords.tsv has \
                    that kind and meaning)
                    """)
                ok = false
            }
        }
        return ok ? GrammarSetup(grammar: grammar, specials: specials) : nil
    }
}

// MARK: - Sentence generator


private struct SentenceGenerator {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let textChars: [Character] = Array(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöåÄÖÅéü0123456789"
            + ".,;:!?'\"()[]{}/\\-_+*=&%$@#~<>|^`€§½—–…«»📚 \t")
    static let idChars: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöåÄÖé0123456789-_")
    /// Repetitions `{ }` produce 0 to this many items.
    static let maxRepeat = 3
    /// Past this depth `[ ]` and `{ }` produce nothing; past twice this depth generation fails.
    static let softDepth = 40

    let grammar: Grammar
    let specials: [String: Special]
    var rng: SplitMix64
    private(set) var specialsUsed = Set<String>()
    private(set) var languagesUsed = Set<String>()

    init(_ setup: GrammarSetup, seed: UInt64) {
        grammar = setup.grammar
        specials = setup.specials
        rng = SplitMix64(seed: seed)
    }

    mutating func sentence(from start: String = "file") throws -> String {
        var out = ""
        try emit(.rule(start, Position(line: 0, column: 0)), depth: 0, into: &out)
        return out
    }

    private mutating func emit(_ e: Expr, depth: Int, into out: inout String) throws {
        guard depth < 2 * Self.softDepth else {
            throw Failure(description: "the grammar nests deeper than \(2 * Self.softDepth) levels; is it recursive?")
        }
        switch e {
        case .rule(let name, _):
            guard let rule = grammar.byName[name] else { throw Failure(description: "no rule `\(name)`") }
            try emit(rule.body, depth: depth + 1, into: &out)
        case .terminal(let text):
            out += text
        case .special(let text, _):
            guard let special = specials[text] else { throw Failure(description: "unknown special sequence `? \(text) ?`") }
            specialsUsed.insert(text)
            out += produce(special)
        case .sequence(let items):
            for item in items { try emit(item, depth: depth + 1, into: &out) }
        case .choice(let items):
            try emit(rng.pick(items), depth: depth + 1, into: &out)
        case .optional(let inner):
            if depth < Self.softDepth && rng.below(2) == 0 { try emit(inner, depth: depth + 1, into: &out) }
        case .repetition(let inner):
            let count = depth < Self.softDepth ? rng.below(Self.maxRepeat + 1) : 0
            for _ in 0..<count { try emit(inner, depth: depth + 1, into: &out) }
        }
    }

    private mutating func produce(_ special: Special) -> String {
        switch special {
        case .bom: return "\u{FEFF}"
        case .newline: return rng.below(3) == 0 ? "\r\n" : "\n"
        case .blank: return rng.below(3) == 0 ? "\t" : " "
        case .textChar: return String(rng.pick(Self.textChars))
        case .nonBlankTextChar: return String(rng.pick(Self.textChars.filter { $0 != " " && $0 != "\t" }))
        case .idChar: return String(rng.pick(Self.idChars))
        case .digit(let range): return String(range.lowerBound + rng.below(range.count))
        case .keyword(let rows):
            let row = rng.pick(rows)
            let column = rng.pick(row)
            languagesUsed.insert(column.language)
            return spell(rng.pick(column.spellings))
        }
    }

    /// A keyword in a random letter case, with each inner space replaced by 1 to 3 blanks.
    private mutating func spell(_ keyword: String) -> String {
        let cased: String
        switch rng.below(4) {
        case 0: cased = keyword
        case 1: cased = keyword.uppercased()
        case 2: cased = keyword.prefix(1).uppercased() + keyword.dropFirst()
        default:
            var mixed = ""
            for c in keyword { mixed += rng.below(2) == 0 ? c.uppercased() : String(c) }
            cased = mixed
        }
        var result = ""
        for c in cased {
            if c == " " {
                for _ in 0...rng.below(3) { result += rng.below(2) == 0 ? " " : "\t" }
            } else {
                result.append(c)
            }
        }
        return result
    }
}
