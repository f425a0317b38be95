import PolkuModel
import PolkuSyntax

/// One rule accepted by an `allow:` line, on one step or for the whole file.
public struct Allowance: Sendable {
    public enum Scope: Sendable, Equatable {
        case file
        case step(Int)
    }
    public var rule: String
    /// The rule's name in the `allow:` line.
    public var range: SourceRange
    public var reason: String
    public var scope: Scope
    /// The step's lines, for a step allowance.
    public var extent: SourceRange?
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
            // Find " because " (or koska / eftersom) as a whole word, ignoring case.
            var split: (Int, Int)?
            var i = value.start
            while i < value.end && split == nil {
                if bytes[i] == 0x20 || bytes[i] == 0x09 {
                    var j = i + 1
                    while j < value.end && bytes[j] != 0x20 && bytes[j] != 0x09 { j += 1 }
                    let word = journey.source.text(SourceRange(i + 1, j)).lowercased()
                    if Keywords.lookup(word, kind: "value")?.meaning == .because { split = (i, j) }
                    i = j
                } else {
                    i += 1
                }
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
                while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
                while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
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
        for i in journey.steps.indices where !journey.steps[i].allows.isEmpty {
            for text in journey.steps[i].allows { read(text, scope: .step(i), extent: journey.steps[i].extent) }
        }
        return (result, errors)
    }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
