import Foundation
import PolkuCheck
import PolkuModel
import PolkuSyntax
import Testing

/// One fixture per rule in `Golden/rules/<rule-name>.polku`. A comment line `#^ rule-name`
/// says that the nearest statement line above it has a finding of that rule; the test checks
/// that the rule finds exactly those lines, no more and no fewer; markers of other rules must
/// be found too.
@Suite struct RuleFixtureTests {
    static var fixtures: [String] { Golden.inputs("rules") }

    /// (line, rule) pairs from `#^` markers.
    static func expectations(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var lastStatement = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#^") {
                for name in line.dropFirst(2).split(separator: ",") {
                    result.append((lastStatement, name.trimmingCharacters(in: .whitespaces)))
                }
            } else if !line.isEmpty && !line.hasPrefix("#") {
                lastStatement = n + 1
            }
        }
        return result
    }

    @Test func everyRuleHasAFixture() {
        let names = Set(Self.fixtures.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        for rule in RuleRegistry.names {
            #expect(names.contains(rule), "no fixture Tests/PolkuTests/Golden/rules/\(rule).polku")
        }
    }

    @Test(arguments: fixtures)
    func ruleFindsExactlyTheMarkedLines(_ path: String) throws {
        let rule = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let source = SourceFile(name: rule + ".polku", text: text)
        let result = Checker.check(Analysis(source))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(rule): the fixture has errors: \(errors.map { "\(source.location(of: $0.range.start)) \($0.code): \($0.message)" })")
        let expected = Self.expectations(text).filter { $0.1 == rule }.map { "\($0.0)" }.sorted()
        #expect(!expected.isEmpty, "\(rule): the fixture marks no finding with `#^ \(rule)`")
        let actual = result.diagnostics.filter { $0.code.name == rule }.map { "\(source.location(of: $0.range.start).line)" }.sorted()
        #expect(actual == expected, "\(rule): found on lines \(actual), marked on lines \(expected)")
        // Markers for other rules must name real rules (a typo would silently check nothing),
        // and each must be found (other rules' unmarked findings are allowed).
        let all = Set(result.diagnostics.map { "\(source.location(of: $0.range.start).line) \($0.code)" })
        for (line, name) in Self.expectations(text) {
            #expect(RuleRegistry.info(named: name) != nil, "\(rule): `#^ \(name)` names no rule")
            #expect(all.contains("\(line) \(name)"), "\(rule): line \(line) is marked `\(name)` but has no such finding")
        }
    }
}

@Suite struct RuleDocumentationTests {
    /// Each rule's documentation is written once, in `info.explanation`: the file's doc
    /// comment opens with the explanation's first sentence and points to it, and repeats
    /// nothing else (two copies would drift apart).
    @Test func documentationIsWrittenOnce() throws {
        let dir = Fixture.path("Sources/PolkuCheck/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".swift") }
        #expect(files.count == RuleRegistry.all.count, "one file per rule")
        for rule in RuleRegistry.all {
            let file = "\(dir)/\(String(describing: rule)).swift"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let decl = lines.firstIndex(where: { $0.hasPrefix("package enum \(String(describing: rule))") }) else {
                Issue.record("\(file) does not declare \(rule)")
                continue
            }
            var doc: [String] = []
            var i = decl - 1
            while i >= 0, lines[i].hasPrefix("///") {
                let line = lines[i].dropFirst(3)
                doc.insert(String(line.hasPrefix(" ") ? line.dropFirst() : line), at: 0)
                i -= 1
            }
            let firstParagraph = rule.info.explanation.components(separatedBy: "\n\n")[0]
            #expect(doc.joined(separator: "\n").hasPrefix(firstParagraph), "\(rule)'s doc comment should open with what it flags")
            #expect(doc.contains { $0.contains("info.explanation") }, "\(rule)'s doc comment should point to `info.explanation`")
            #expect(!doc.contains { $0.contains("Why it matters") }, "\(rule)'s doc comment repeats its explanation")
        }
    }

    /// Every rule has its question for the team, and no two rules share one.
    @Test func everyRuleHasItsOwnQuestion() {
        let questions = RuleRegistry.infos.map { Localized.text($0.question, .en) }
        #expect(Set(questions).count == questions.count)
        #expect(questions.allSatisfy { $0.hasSuffix("?") })
    }

    @Test func rulesAreWellFormed() {
        var seen = Set<String>()
        for info in RuleRegistry.infos {
            #expect(seen.insert(info.name).inserted, "duplicate rule name \(info.name)")
            #expect(info.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(info.name) is not kebab-case")
            #expect(!info.summary.isEmpty && info.summary.count <= 100)
            #expect(info.explanation.contains("Why it matters"))
            #expect(info.explanation.contains("Example"))
            #expect(info.explanation.contains("Fix"))
            #expect(ErrorCode(rawValue: info.name) == nil, "\(info.name) is also an error name")
        }
        #expect(RuleRegistry.all.count >= 10)
    }
}

/// A diagnostic's label, notes and help are kept in one box, which a rule shares among its
/// findings; reading and setting them works as if they were fields of their own.
@Suite struct DiagnosticDetailsTests {
    @Test func findingsOfOneRuleShareTheirDetails() {
        let a = Fixture.analyze("journey: T\nvia: desk\nduring:\n  step a: A\n  step b: B\n  step c: C\n")
        let result = Checker.check(a)
        let missing = result.diagnostics.filter { $0.code.name == "missing-recommendation" }
        #expect(missing.count == 3)
        #expect(missing.allSatisfy { $0.details != nil && $0.details === missing[0].details })
        #expect(missing.allSatisfy { $0.label == missing[0].label && $0.help != nil })
    }

    @Test func detailsReadAndSetAsFields() {
        let text = Message.verbatim("sentence")
        var d = Diagnostic(.error, code: .rule("r"), text: text, range: SourceRange(0, 1))
        #expect(d.details == nil && d.labelText == nil && d.noteTexts.isEmpty && d.secondary.isEmpty)
        d.helpText = .verbatim("help")
        d.noteTexts.append(.verbatim("note"))
        #expect(d.help == "help" && d.notes == ["note"] && d.label == nil)
        // The same contents, built at once, make an equal diagnostic with an equal hash.
        let built = Diagnostic(.error, code: .rule("r"), text: text, range: SourceRange(0, 1),
                               notes: [.verbatim("note")], help: .verbatim("help"))
        #expect(d == built && d.hashValue == built.hashValue)
        // Setting a field of a copy leaves the shared box, and the original, as they were.
        var copy = built
        copy.labelText = .verbatim("label")
        #expect(copy.label == "label" && built.label == nil && copy != built)
        // Emptied again, the details are gone, not an empty box.
        d.helpText = nil
        d.noteTexts = []
        #expect(d.details == nil && d == Diagnostic(.error, code: .rule("r"), text: text, range: SourceRange(0, 1)))
    }
}

/// A rule's findings hold their messages as a maker and a step's index: the sentence is made
/// only when a report shows it, and reads, compares and hashes as the one made at once.
@Suite struct MadeMessageTests {
    enum Sentence: String, MessageTemplates {
        case steps
        var en: String { "{0} steps, `{k:recommend}:`" }
        var fi: String { "{0} vaihetta, `{k:recommend}:`" }
        var sv: String { "{0} steg, `{k:recommend}:`" }
    }

    final class Counting: MessageMaker, @unchecked Sendable {
        var calls = 0
        func message(_ item: Int) -> Message {
            calls += 1
            return Message(Sentence.steps, .number(item))
        }
    }

    @Test func aMadeMessageIsTheMessageMadeAtOnce() {
        let maker = Counting()
        let made = Message(made: maker, item: 7)
        #expect(maker.calls == 0, "nothing is made until the message is shown")
        let atOnce = Message(Sentence.steps, .number(7))
        for language in KeywordLanguage.allCases {
            #expect(made.text(language, keywords: .fi) == atOnce.text(language, keywords: .fi))
            var a: [UInt8] = [], b: [UInt8] = []
            made.write(language, keywords: .sv, into: &a)
            atOnce.write(language, keywords: .sv, into: &b)
            #expect(a == b && !a.isEmpty)
        }
        #expect(made.english == "7 steps, `recommend:`")
        #expect(made == atOnce && made.hashValue == atOnce.hashValue && made.values == atOnce.values)
        #expect(made != Message(made: maker, item: 8) && made.isCase(Sentence.steps))
        #expect(maker.calls > 0)
    }

    @Test func aRulesFindingsAreWordedAsBefore() {
        let a = Fixture.analyze("journey: T\nvia: desk\nduring:\n  step a: Asks\n  step b: Borrows\n")
        let missing = Checker.check(a).diagnostics.filter { $0.code.name == "missing-recommendation" }
        #expect(missing.count == 2)
        for (d, i) in zip(missing, 0...) {
            let atOnce = Message(RuleMessage.noRecommendation, a.journey.stepReference(i))
            #expect(d.text == atOnce && d.text.hashValue == atOnce.hashValue)
        }
        #expect(missing[1].text.english == "step `b` (Borrows) has no recommendation")
    }

    /// A step's finding is written straight from the file's bytes: in every language, the
    /// same words as the message made from its values, for a step with or without an id, a
    /// title shortened or not (past 60 bytes, in letters past ASCII) and a step that moves
    /// the customer to another channel.
    @Test func aStepFindingWrittenFromTheFileReadsAsItsValues() {
        let long = String(repeating: "Löytää ", count: 9) + "kirjan"
        let sixty = String(repeating: "ä", count: 30)
        let text = """
        journey: T
        via: desk
        during:
          step a: Asks
            via: web
          step: Borrows a book
            by: staff
          step c: \(long)
            via: phone
          step d: \(sixty)
            by: staff
            via: phone
            next: end

        """
        let a = Fixture.analyze(text)
        let journey = a.journey
        let found = Checker.check(a).diagnostics
        #expect(Set(found.map(\.code.name)).isSuperset(of: ["missing-recommendation", "missing-follow-up", "missing-role"]))
        var compared = 0
        for d in found {
            guard case .step(let i) = d.subject else { continue }
            let reference = journey.stepReference(i)
            let atOnce: Message? = switch d.code.name {
            case "missing-recommendation": Message(RuleMessage.noRecommendation, reference)
            case "missing-role": Message(RuleMessage.noRole, reference)
            case "missing-follow-up" where journey.steps[i].flow.ends: Message(RuleMessage.leavesWithoutFollowUp, reference)
            case "missing-follow-up" where journey.steps[i].channel != journey.steps[i + 1].channel:
                Message(RuleMessage.movesWithoutFollowUp, journey.channelReference(journey.steps[i].channel),
                        journey.channelReference(journey.steps[i + 1].channel), reference)
            case "missing-follow-up": Message(RuleMessage.noFollowUp, reference)
            default: nil
            }
            guard let atOnce else { continue }
            compared += 1
            #expect(d.text == atOnce)
            for language in KeywordLanguage.allCases {
                for keywords in KeywordLanguage.allCases {
                    #expect(d.text.text(language, keywords: keywords) == atOnce.text(language, keywords: keywords))
                    var written: [UInt8] = [], expected: [UInt8] = []
                    d.text.write(language, keywords: keywords, into: &written)
                    atOnce.write(language, keywords: keywords, into: &expected)
                    #expect(written == expected)
                }
            }
        }
        #expect(compared >= 9)
        let english = found.map(\.text.english)
        #expect(english.contains("the step \"Borrows a book\" has no recommendation"))
        #expect(english.contains { $0.hasPrefix("step `c` (Löytää Löytää") && $0.contains("…) has no recommendation") })
        #expect(english.contains("step `d` (\(sixty)) has no recommendation"))
        #expect(english.contains { $0.hasPrefix("the customer moves from the web to the service desk after step `a` (Asks)") })
    }
}

/// A journey of 100,000 steps has 40,000 findings, each then a diagnostic: their size is
/// what a large check holds at its peak.
@Suite struct FindingSizeTests {
    @Test func findingsAndDiagnosticsStaySmall() {
        // A message boxes its words: in place, they made it 57 bytes.
        #expect(MemoryLayout<Message>.size <= 25, "\(MemoryLayout<Message>.size)")
        // Fields in the order that packs them (88 and 120 bytes before).
        #expect(MemoryLayout<Finding>.stride <= 56, "\(MemoryLayout<Finding>.stride)")
        #expect(MemoryLayout<Diagnostic>.stride <= 88, "\(MemoryLayout<Diagnostic>.stride)")
    }

    /// A boxed message says and compares as before.
    @Test func boxedMessagesStillCompareByTheirWords() {
        let a = Message(RuleMessage.noNeed), b = Message(RuleMessage.noNeed)
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != Message(RuleMessage.noFeedback))
        #expect(a.isCase(RuleMessage.noNeed) && !a.isCase(RuleMessage.noFeedback))
        #expect(!a.text(.fi, keywords: .fi).isEmpty && a.text(.fi, keywords: .fi) != a.english)
    }
}
