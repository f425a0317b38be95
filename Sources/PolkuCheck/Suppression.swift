import PolkuModel
import PolkuSyntax

/// One rule accepted by an `allow:` line, on one step or for the whole file.
package struct Allowance: Sendable {
    package enum Scope: Sendable, Equatable {
        case file
        case step(Int)
    }
    package var rule: String
    /// The rule's name in the `allow:` line.
    package var range: SourceRange
    package var reason: String
    package var scope: Scope
    /// The step's lines, for a step allowance.
    package var extent: SourceRange?
}

/// Reads `allow: <rule>[, <rule>] because <reason>` lines.
enum SuppressionParser {
    /// The allowances of a journey, and errors for unknown rules and missing reasons.
    static func allowances(in journey: Journey) -> ([Allowance], [Diagnostic]) {
        var result: [Allowance] = []
        var errors: [Diagnostic] = []
        func read(_ text: Text, scope: Allowance.Scope, extent: SourceRange?) {
            /// An error in the line, about the step it stands under (or the journey).
            func report(_ diagnostic: Diagnostic) {
                var d = diagnostic
                d.subject = switch scope {
                case .file: .journey
                case .step(let i): .step(i)
                }
                errors.append(d)
            }
            let bytes = journey.source.bytes
            let value = text.range
            // Find `because` (or koska / eftersom) as a whole word, ignoring case, wherever it
            // stands (first, when the rule's name is missing). Blanks are spaces, tabs and
            // no-break spaces, as everywhere in a journey.
            func blank(at k: Int) -> Int { Blanks.length(in: bytes, at: k, before: value.end) }
            var split: (Int, Int)?
            var i = value.start
            while i < value.end && split == nil {
                let n = blank(at: i)
                if n > 0 {
                    i += n
                    continue
                }
                var j = i
                while j < value.end && blank(at: j) == 0 { j += 1 }
                let word = journey.source.text(SourceRange(i, j)).lowercased()
                if Keywords.lookup(word, kind: "value")?.meaning == .because { split = (i, j) }
                i = j
            }
            let rulesEnd = split?.0 ?? value.end
            var reason = ""
            if let (_, wordEnd) = split {
                reason = journey.source.text(SourceRange(wordEnd, value.end)).trimmingBlanks()
            }
            // Rule names, comma-separated.
            var start = value.start
            var names: [SourceRange] = []
            for k in value.start...rulesEnd where k == rulesEnd || bytes[k] == UInt8(ascii: ",") {
                var s = start, e = k
                while s < e, case let n = blank(at: s), n > 0 { s += n }
                while e > s, case let n = Blanks.length(in: bytes, endingAt: e, after: s), n > 0 { e -= n }
                if s < e { names.append(SourceRange(s, e)) }
                start = k + 1
            }
            if names.isEmpty {
                report(Catalog.allowWithoutRule(value))
                return
            }
            if reason.isEmpty {
                report(Catalog.allowWithoutReason(value))
                return
            }
            for range in names {
                let name = journey.source.text(range)
                if name == UnusedAllowRule.info.name {
                    report(Catalog.allowCannotAccept(name, range))
                    continue
                }
                guard RuleRegistry.info(named: name) != nil else {
                    report(Catalog.unknownRuleInAllow(name, range, rules: RuleRegistry.names))
                    continue
                }
                result.append(Allowance(rule: name, range: range, reason: reason, scope: scope, extent: extent))
            }
        }
        for text in journey.allows { read(text, scope: .file, extent: nil) }
        for i in journey.steps.indices where journey.steps[i].textEnds.count(.allow) > 0 {
            for text in journey.steps[i].allows { read(text, scope: .step(i), extent: journey.steps[i].extent) }
        }
        return (result, errors)
    }
}

extension String {
    /// Without spaces, tabs and no-break spaces at either end.
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{A0}" { s = s.dropLast() }
        return String(s)
    }
}
