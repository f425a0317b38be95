import Foundation
import Testing

/// Keeps the editor grammars what `scripts/generate-grammar` makes of `Grammar/keywords.tsv`:
/// the TextMate grammar (`Grammar/polku.tmLanguage.json` and its copy in `editors/vscode/`)
/// and VS Code's language configuration. Every regex is compiled with NSRegularExpression
/// (the grammar keeps to what Oniguruma and ICU both read), and lines are tokenized by a small
/// TextMate tokenizer below, so the tests check what a line is highlighted as, in all three
/// languages.
@Suite struct GrammarFileTests {
    static let grammarPath = "Grammar/polku.tmLanguage.json"
    static let vscodeGrammarPath = "editors/vscode/syntaxes/polku.tmLanguage.json"
    static let configurationPath = "editors/vscode/language-configuration.json"

    // MARK: - Generated, valid, complete

    @Test func generatedFilesAreUpToDate() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/generate-grammar", "--check"]
        process.currentDirectoryURL = Fixture.root
        let result = try run(process)
        #expect(result.status == 0, """
            scripts/generate-grammar --check failed (status \(result.status)): run scripts/generate-grammar \
            and commit the result.
            \(result.stderr)
            """)
    }

    @Test func grammarIsTextMateJSON() throws {
        let grammar = try TextMateGrammar.load(Self.grammarPath)
        #expect(grammar.json["scopeName"] as? String == "source.polku")
        #expect(grammar.json["fileTypes"] as? [String] == ["polku"])
        #expect(grammar.json["name"] as? String == "Polku")
        #expect(!grammar.topLevel.isEmpty, "the grammar has no top-level patterns")
        // Every include names a rule of the repository, and every rule is used.
        var used = Set<String>()
        grammar.walk { rule in
            guard let include = rule["include"] as? String else { return }
            let name = String(include.dropFirst())
            #expect(include.hasPrefix("#") && grammar.repository[name] != nil, "`\(include)` names no rule of the repository")
            used.insert(name)
        }
        for name in grammar.repository.keys.sorted() where !used.contains(name) {
            Issue.record("the grammar's rule `\(name)` is never included")
        }
        // VS Code reads the copy inside its folder: the same bytes.
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixture.path(Self.grammarPath)))
        let copy = try Data(contentsOf: URL(fileURLWithPath: Fixture.path(Self.vscodeGrammarPath)))
        #expect(original == copy, "\(Self.vscodeGrammarPath) differs from \(Self.grammarPath): run scripts/generate-grammar")
    }

    /// Every `match`, `begin` and `end` regex compiles, and none uses what Oniguruma and ICU
    /// read differently (possessive quantifiers, `\h`, `\G`, `\A`, `\z`).
    @Test func everyRegexCompiles() throws {
        let grammar = try TextMateGrammar.load(Self.grammarPath)
        var count = 0
        grammar.walk { rule in
            for key in ["match", "begin", "end"] {
                guard let pattern = rule[key] as? String else { continue }
                count += 1
                #expect(throws: Never.self, "`\(key)` regex \(pattern.debugDescription)") {
                    _ = try NSRegularExpression(pattern: pattern)
                }
                for construct in ["*+", "++", "?+", "}+", "\\h", "\\G", "\\A", "\\z", "\\Z"] where pattern.contains(construct) {
                    Issue.record("`\(key)` regex \(pattern.debugDescription) uses `\(construct)`, which not every regex engine reads alike")
                }
            }
        }
        #expect(count >= 12, "only \(count) regexes in the grammar")
    }

    /// Every spelling of every keyword in `Grammar/keywords.tsv`, in every language, is in the
    /// grammar and highlighted as its kind: as written, in capitals, and with a tab and two
    /// spaces between the words of a multi-word keyword.
    @Test func everyKeywordSpellingIsHighlighted() throws {
        let grammar = try TextMateGrammar.load(Self.grammarPath)
        guard let rows = KeywordFile.load() else { return }
        let regexText = grammar.allRegexes.joined(separator: "\n").lowercased()
        var checked = 0
        for row in rows {
            for (language, spellings) in row.spellings {
                for spelling in spellings {
                    let words = spelling.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
                    for word in words where !regexText.contains(word) {
                        Issue.record("`\(spelling)` (\(row.kind) \(row.meaning), \(language)) is not in the grammar's regexes")
                    }
                    var forms = [spelling, spelling.uppercased()]
                    if spelling.contains(" ") { forms.append(spelling.replacingOccurrences(of: " ", with: "\t  ")) }
                    for form in forms {
                        checked += 1
                        try expectHighlighted(form, row: row, grammar: grammar)
                    }
                }
            }
        }
        #expect(checked > 150, "only \(checked) spellings checked")
    }

    /// Writes `spelling` where a keyword of its row belongs and expects it highlighted as that.
    private func expectHighlighted(_ spelling: String, row: KeywordRow, grammar: TextMateGrammar) throws {
        let line: String
        let expected: TextMateGrammar.Token
        switch row.kind {
        case "header":
            let id = row.meaning == "journey" ? "" : " x-1"
            line = "  \(spelling)\(id): A title"
            expected = .init(spelling, "keyword.control.\(row.meaning).polku")
        case "phase":
            line = "\(spelling):"
            expected = .init(spelling, "keyword.control.phase.polku")
        case "attribute":
            line = "    \(spelling): 3"
            expected = .init(spelling, "keyword.other.attribute.polku")
        case "value" where row.meaning == "end":
            line = "    next: ask, \(spelling)"
            expected = .init(spelling, "constant.language.end.polku")
        case "value" where row.meaning == "because":
            line = "    allow: missing-follow-up \(spelling) the customer is waiting"
            expected = .init(spelling, "keyword.other.because.polku")
        case "channel":
            line = "  channels: kiosk, \(spelling)"
            expected = .init(spelling, "support.constant.channel.polku")
        default:
            Issue.record("Grammar/keywords.tsv:\(row.line): this test does not know where a `\(row.kind) \(row.meaning)` is written")
            return
        }
        let tokens = try grammar.tokenize(line).tokens
        #expect(tokens.contains(expected), "\(line.debugDescription): expected \(expected), got \(tokens)")
    }

    // MARK: - What lines are highlighted as

    @Test func headersPhasesAndComments() throws {
        let grammar = try TextMateGrammar.load(Self.grammarPath)
        try expectLine(grammar, "  vaihe haku: Löytää Finnasta …", rule: "step", tokens: [
            ("vaihe", "keyword.control.step.polku"), ("haku", "entity.name.function.step.polku"),
            (":", "punctuation.separator.key-value.polku"), ("Löytää Finnasta …", "string.unquoted.title.polku"),
        ])
        try expectLine(grammar, "STEG: Kommer in", rule: "step", tokens: [("STEG", "keyword.control.step.polku")])
        try expectLine(grammar, "journey: Room #3 at the branch ", rule: "journey", tokens: [
            ("journey", "keyword.control.journey.polku"), ("Room #3 at the branch", "entity.name.section.journey.polku"),
        ])
        try expectLine(grammar, "kundresa :\tLäsecirkel", rule: "journey", tokens: [("kundresa", "keyword.control.journey.polku")])
        try expectLine(grammar, "asiakasprofiili opiskelija: Opiskelija", rule: "persona", tokens: [
            ("asiakasprofiili", "keyword.control.persona.polku"), ("opiskelija", "entity.name.type.persona.polku"),
        ])
        try expectLine(grammar, "kanal kiosk: Självbetjäning", rule: "channel", tokens: [
            ("kanal", "keyword.control.channel.polku"), ("kiosk", "entity.name.type.channel.polku"),
        ])
        // Phases: the longest spelling wins, any blanks between its words, any letter case.
        try expectLine(grammar, "palvelun aikana:", rule: "phase", tokens: [("palvelun aikana", "keyword.control.phase.polku")])
        try expectLine(grammar, "Ennen \u{00A0}Palvelua :", rule: "phase", tokens: [("Ennen \u{00A0}Palvelua", "keyword.control.phase.polku")])
        try expectLine(grammar, "ennen:", rule: "phase", tokens: [("ennen", "keyword.control.phase.polku")])
        try expectLine(grammar, "  FÖRE\tTJÄNSTEN:", rule: "phase", tokens: [("FÖRE\tTJÄNSTEN", "keyword.control.phase.polku")])
        try expectLine(grammar, "during: now", rule: "phase", tokens: [("now", "invalid.illegal.text-after-phase.polku")])
        // A phase's words inside text are text.
        try expectLine(grammar, "  note: palvelun aikana: kysy", rule: "attribute-text", tokens: [
            ("palvelun aikana: kysy", "string.unquoted.text.polku"),
        ], absent: ["keyword.control.phase.polku"])
        // Comments are whole lines; a `#` inside text is text.
        try expectLine(grammar, "  # Room #3", rule: "comment", tokens: [
            ("# Room #3", "comment.line.number-sign.polku"), ("#", "punctuation.definition.comment.polku"),
        ])
        try expectLine(grammar, "    need: Room #3", rule: "attribute-text", tokens: [("Room #3", "string.unquoted.text.polku")],
                   absent: ["comment.line.number-sign.polku"])
        // What is no statement is not highlighted as one.
        for line in ["Room #3", "stpe ask: Asks", "steps: a", "journeys: x", "  via web", "palvelun aikana", "nextstep: a"] {
            #expect(try grammar.tokenize(line).rule == nil, "\(line.debugDescription) should match no rule")
        }
    }

    @Test func attributeValues() throws {
        let grammar = try TextMateGrammar.load(Self.grammarPath)
        try expectLine(grammar, "  via: sociala medier, E-MAIL, kiosk, desks", rule: "attribute-channels", tokens: [
            ("via", "keyword.other.attribute.polku"), ("sociala medier", "support.constant.channel.polku"),
            (",", "punctuation.separator.comma.polku"), ("E-MAIL", "support.constant.channel.polku"),
            ("kiosk", "variable.other.channel.polku"), ("desks", "variable.other.channel.polku"),
        ])
        try expectLine(grammar, "  kanavat:verkkosivut,palvelupiste", rule: "attribute-channels", tokens: [
            ("verkkosivut", "support.constant.channel.polku"), ("palvelupiste", "support.constant.channel.polku"),
        ])
        try expectLine(grammar, "    seuraava: nouto, LOPPU", rule: "attribute-next", tokens: [
            ("seuraava", "keyword.other.attribute.polku"), ("nouto", "variable.other.step.polku"),
            ("LOPPU", "constant.language.end.polku"),
        ])
        try expectLine(grammar, "    next: ending", rule: "attribute-next", tokens: [("ending", "variable.other.step.polku")],
                   absent: ["constant.language.end.polku"])
        try expectLine(grammar, "för: forskare, student", rule: "attribute-for", tokens: [
            ("forskare", "variable.other.persona.polku"), ("student", "variable.other.persona.polku"),
        ])
        try expectLine(grammar, "    tillåt: missing-follow-up, missing-recommendation eftersom kunden väntar", rule: "attribute-allow", tokens: [
            ("tillåt", "keyword.other.attribute.polku"), ("missing-follow-up", "variable.other.rule.polku"),
            ("missing-recommendation", "variable.other.rule.polku"), ("eftersom", "keyword.other.because.polku"),
            ("kunden väntar", "string.unquoted.reason.polku"),
        ])
        try expectLine(grammar, "  competence: 4", rule: "attribute-rating", tokens: [("4", "constant.numeric.rating.polku")])
        try expectLine(grammar, "  LÄSNÄOLO :\t5 ", rule: "attribute-rating", tokens: [
            ("LÄSNÄOLO", "keyword.other.attribute.polku"), ("5", "constant.numeric.rating.polku"),
        ])
        try expectLine(grammar, "    mood: 12", rule: "attribute-rating", tokens: [("12", "invalid.illegal.rating.polku")])
        try expectLine(grammar, "    känsla: 0", rule: "attribute-rating", tokens: [("0", "invalid.illegal.rating.polku")])
        try expectLine(grammar, "    Follow-Up: ask how it went", rule: "attribute-text", tokens: [
            ("Follow-Up", "keyword.other.attribute.polku"), ("ask how it went", "string.unquoted.text.polku"),
        ])
        try expectLine(grammar, "  toteutumisen  varmistaminen: koulutus", rule: "attribute-text", tokens: [
            ("toteutumisen  varmistaminen", "keyword.other.attribute.polku"),
        ])
    }

    /// The examples parse with no error, so every line of them that is not blank is a statement
    /// or a comment, and the grammar must take it as one.
    @Test func everyExampleLineIsHighlighted() throws {
        let grammar = try TextMateGrammar.load(Self.grammarPath)
        var lines = 0
        for example in Fixture.examples {
            let text = try Fixture.read(example)
            for (number, raw) in text.components(separatedBy: "\n").enumerated() {
                var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
                if number == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
                guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
                lines += 1
                #expect(try grammar.tokenize(line).rule != nil, "\(example):\(number + 1): \(line.debugDescription) is not highlighted")
            }
        }
        #expect(lines > 300, "only \(lines) lines in Examples/")
    }

    private func expectLine(_ grammar: TextMateGrammar, _ line: String, rule: String, tokens expected: [(String, String)],
                        absent: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try grammar.tokenize(line)
        #expect(result.rule == rule, "\(line.debugDescription): matched by \(result.rule ?? "no rule")", sourceLocation: sourceLocation)
        for (text, scope) in expected {
            let token = TextMateGrammar.Token(text, scope)
            #expect(result.tokens.contains(token), "\(line.debugDescription): expected \(token), got \(result.tokens)",
                    sourceLocation: sourceLocation)
        }
        for scope in absent {
            #expect(!result.tokens.contains { $0.scope == scope }, "\(line.debugDescription): nothing should be \(scope)",
                    sourceLocation: sourceLocation)
        }
    }

    // MARK: - VS Code folder

    @Test func languageConfiguration() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path(Self.configurationPath)))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["comments"] as? [String: Any])?["lineComment"] as? String == "#")
        let rules = try #require(json["indentationRules"] as? [String: Any])
        func regex(_ name: String) throws -> NSRegularExpression {
            let value = try #require(rules[name] as? [String: String], "\(name) should be {pattern, flags}")
            let flags = value["flags"] ?? ""
            #expect(flags.allSatisfy { "i".contains($0) }, "\(name): flags \(flags) are not for NSRegularExpression too")
            return try NSRegularExpression(pattern: try #require(value["pattern"]),
                                           options: flags.contains("i") ? [.caseInsensitive] : [])
        }
        func matches(_ re: NSRegularExpression, _ line: String) -> Bool {
            re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        let increase = try regex("increaseIndentPattern")
        let decrease = try regex("decreaseIndentPattern")
        let headers = ["  step ask: Asks at the desk", "  VAIHE haku: Hakee", "  steg: Kommer in", "persona r: Researcher",
                       "kanava kioski: Kioski", "ennen palvelua:", "Palvelun  aikana:", "before:", "efter tjänsten:"]
        for line in headers {
            #expect(matches(increase, line), "the line after \(line.debugDescription) should be indented")
        }
        for line in ["    via: web", "journey: Trip", "# step x: y", "    note: step one: ask", "stepx: a", "  ennen palvelua"] {
            #expect(!matches(increase, line), "the line after \(line.debugDescription) should not be indented")
        }
        for line in ["during:", "före tjänsten:", "channel desk: Desk", "asiakasprofiili opiskelija: x"] {
            #expect(matches(decrease, line), "\(line.debugDescription) should go back one indentation step")
        }
        for line in ["  step ask: Asks", "    via: web", "    note: before: x"] {
            #expect(!matches(decrease, line), "\(line.debugDescription) should keep its indentation")
        }
        let wordPattern = try #require(json["wordPattern"] as? String)
        let word = try NSRegularExpression(pattern: wordPattern)
        let id = "wheelchair-user_2ä"
        #expect(word.firstMatch(in: id, range: NSRange(id.startIndex..., in: id))?.range.length == (id as NSString).length)
    }

    @Test func vscodePackagePointsAtItsFiles() throws {
        let folder = Fixture.path("editors/vscode")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/package.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let contributes = try #require(json["contributes"] as? [String: Any])
        let language = try #require((contributes["languages"] as? [[String: Any]])?.first)
        #expect(language["id"] as? String == "polku")
        #expect(language["extensions"] as? [String] == [".polku"])
        #expect((language["aliases"] as? [String])?.contains("Polku") == true)
        let configuration = try #require(language["configuration"] as? String)
        #expect(URL(fileURLWithPath: folder + "/" + configuration).standardized.path == Fixture.path(Self.configurationPath))
        let grammar = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(grammar["language"] as? String == "polku")
        #expect(grammar["scopeName"] as? String == "source.polku")
        let path = try #require(grammar["path"] as? String)
        #expect(URL(fileURLWithPath: folder + "/" + path).standardized.path == Fixture.path(Self.vscodeGrammarPath))
        #expect(((json["engines"] as? [String: Any])?["vscode"] as? String)?.isEmpty == false)
    }
}

// MARK: - A small TextMate tokenizer

/// A TextMate grammar read from JSON, and enough of TextMate's tokenizing for one line to test
/// it: `match` rules with `name` and `captures`, `begin`/`end` rules that end on the same line
/// with `beginCaptures` and inner `patterns`, `include`s of the repository. Like TextMate, it
/// takes at each place the rule that matches earliest, the first listed on a tie, and `^` only
/// matches at the start of the line.
struct TextMateGrammar {
    typealias Rule = [String: Any]

    struct Token: Equatable, CustomStringConvertible {
        var text: String
        var scope: String
        init(_ text: String, _ scope: String) { self.text = text; self.scope = scope }
        var description: String { "\(text.debugDescription) \(scope)" }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let json: [String: Any]
    let repository: [String: Rule]
    /// The top-level patterns, each with the repository name it includes (if it is an include).
    let topLevel: [(name: String?, rule: Rule)]

    static func load(_ relative: String) throws -> TextMateGrammar {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path(relative)))
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "\(relative) is not a JSON object")
        }
        return try TextMateGrammar(json: json)
    }

    init(json: [String: Any]) throws {
        self.json = json
        repository = json["repository"] as? [String: Rule] ?? [:]
        let patterns = json["patterns"] as? [Rule] ?? []
        var topLevel: [(String?, Rule)] = []
        for pattern in patterns {
            if let include = pattern["include"] as? String {
                guard let rule = repository[String(include.dropFirst())] else { throw Failure(description: "no rule \(include)") }
                topLevel.append((String(include.dropFirst()), rule))
            } else {
                topLevel.append((nil, pattern))
            }
        }
        self.topLevel = topLevel
    }

    /// Calls `body` on every rule: the top-level patterns and the repository's rules, with the
    /// patterns inside them.
    func walk(_ body: (Rule) -> Void) {
        func visit(_ rule: Rule) {
            body(rule)
            for inner in rule["patterns"] as? [Rule] ?? [] { visit(inner) }
        }
        for pattern in json["patterns"] as? [Rule] ?? [] { visit(pattern) }
        for name in repository.keys.sorted() { visit(repository[name]!) }
    }

    var allRegexes: [String] {
        var result: [String] = []
        walk { rule in result += ["match", "begin", "end"].compactMap { rule[$0] as? String } }
        return result
    }

    /// The scoped pieces of one line, and the top-level rule that took it (nil if none did).
    func tokenize(_ line: String) throws -> (rule: String?, tokens: [Token]) {
        let text = line as NSString
        var tokens: [Token] = []
        var rules: [String?] = []
        var position = 0
        while position < text.length, let found = try earliest(topLevel.map(\.rule), in: text, from: position) {
            rules.append(topLevel[found.index].name)
            position = try apply(topLevel[found.index].rule, found.match, in: text, tokens: &tokens)
        }
        return (rules.first ?? nil, tokens)
    }

    /// Applies a rule that matched; returns where scanning goes on.
    private func apply(_ rule: Rule, _ match: NSTextCheckingResult, in text: NSString, tokens: inout [Token]) throws -> Int {
        let end = match.range.location + match.range.length
        if rule["match"] != nil {
            let captures = rule["captures"] as? [String: Rule]
            if let captures { emit(captures, match, text, &tokens) } else if let name = rule["name"] as? String, match.range.length > 0 {
                tokens.append(Token(text.substring(with: match.range), name))
            }
            return max(end, match.range.location + 1)
        }
        emit(rule["beginCaptures"] as? [String: Rule] ?? [:], match, text, &tokens)
        let inner = try (rule["patterns"] as? [Rule] ?? []).map(resolve)
        let endRegex = try Self.regex(rule["end"] as? String ?? "")
        var position = end
        while true {
            let range = NSRange(location: position, length: text.length - position)
            let endMatch = endRegex.firstMatch(in: text as String, options: Self.options, range: range)
            let next = try earliest(inner, in: text, from: position)
            if let endMatch, next == nil || endMatch.range.location <= next!.match.range.location {
                return endMatch.range.location + endMatch.range.length
            }
            guard let next else {
                throw Failure(description: "the rule begun by \(rule["begin"] ?? "") does not end on the line \(text)")
            }
            position = try apply(inner[next.index], next.match, in: text, tokens: &tokens)
        }
    }

    private func emit(_ captures: [String: Rule], _ match: NSTextCheckingResult, _ text: NSString, _ tokens: inout [Token]) {
        for number in captures.keys.compactMap(Int.init).sorted() where number < match.numberOfRanges {
            let range = match.range(at: number)
            guard range.location != NSNotFound, range.length > 0, let name = captures[String(number)]?["name"] as? String else { continue }
            tokens.append(Token(text.substring(with: range), name))
        }
    }

    private func resolve(_ rule: Rule) throws -> Rule {
        guard let include = rule["include"] as? String else { return rule }
        guard let found = repository[String(include.dropFirst())] else { throw Failure(description: "no rule \(include)") }
        return found
    }

    /// The rule that matches first at or after `position`, the first listed on a tie.
    private func earliest(_ rules: [Rule], in text: NSString, from position: Int) throws -> (index: Int, match: NSTextCheckingResult)? {
        var best: (index: Int, match: NSTextCheckingResult)?
        for (index, rule) in rules.enumerated() {
            guard let pattern = (rule["match"] ?? rule["begin"]) as? String else { continue }
            let range = NSRange(location: position, length: text.length - position)
            guard let match = try Self.regex(pattern).firstMatch(in: text as String, options: Self.options, range: range) else { continue }
            if best == nil || match.range.location < best!.match.range.location { best = (index, match) }
        }
        return best
    }

    /// Lookbehind sees the text before the place scanning starts at, and `^` is only the line's start.
    private static let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    private static func regex(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: pattern)
    }
}
