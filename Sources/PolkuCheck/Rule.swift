import PolkuModel
import PolkuSyntax

/// What a rule says about itself: for `polku rules`, `polku explain` and SARIF.
public struct RuleInfo: Sendable {
    /// Stable kebab-case name that says what the rule flags, e.g. `missing-follow-up`.
    public let name: String
    public let defaultSeverity: Severity
    /// One line for `polku rules`.
    public let summary: String
    /// The rule's doc comment, word for word (a test keeps the two identical): what it flags,
    /// why it matters for the customer, an example and how to fix it.
    public let explanation: String
}

/// One place a rule flags, before severity and suppression are applied.
public struct Finding: Sendable {
    public var range: SourceRange
    public var message: String
    public var label: String?
    public var secondary: [DiagnosticLabel] = []
    public var notes: [String] = []
    public var help: String?

    public init(_ range: SourceRange, _ message: String, label: String? = nil,
                secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil) {
        self.range = range
        self.message = message
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.help = help
    }
}

/// A checker rule: looks at a resolved journey and returns what it flags. Every rule must be
/// linear in the size of the journey.
public protocol Rule {
    static var info: RuleInfo { get }
    static func check(_ journey: Journey) -> [Finding]
}

extension Journey {
    /// How a step is named in a finding: `step notice ("Notices the article ...")`.
    ///
    /// Rules loop over step indices and read fields through `steps[i]`: copying a whole `Step`
    /// out of the array costs a retain and release for each of its texts, for every step.
    public func stepPhrase(_ index: Int, before: String = "", after: String = "") -> String {
        let value = steps[index].title.value
        // Counting characters is slow; only titles over 60 bytes can be over 60 characters.
        let title = value.utf8.count > 60 && value.count > 60 ? String(value.prefix(57)) + "…" : value
        // One string for the whole sentence: this runs once for each of thousands of findings.
        var out = ""
        out.reserveCapacity(before.utf8.count + title.utf8.count + after.utf8.count + 32)
        out += before
        if let id = steps[index].id {
            out += "step `"; out += id; out += "` ("; out += title; out += ")"
        } else {
            out += "the step \""; out += title; out += "\""
        }
        out += after
        return out
    }
}
