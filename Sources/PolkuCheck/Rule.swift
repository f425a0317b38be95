import PolkuModel
import PolkuSyntax

/// What a rule says about itself: for `polku rules`, `polku explain` and SARIF.
package struct RuleInfo: Sendable {
    /// Stable kebab-case name that says what the rule flags, e.g. `missing-follow-up`.
    package let name: String
    /// The question a finding of this rule puts to the team ("What could we recommend
    /// here?"), in the diagram's or checklist's language.
    package let question: Phrase
    package let defaultSeverity: Severity
    /// One line for `polku rules`.
    package let summary: String
    /// What the rule flags, why it matters for the customer, an example and how to fix it:
    /// the one copy of the rule's documentation, printed by `polku explain`.
    package let explanation: String

    /// The code of this rule's findings.
    package var code: DiagnosticCode { .rule(name) }
}

/// One place a rule flags, before severity and suppression are applied. Its sentences are
/// `RuleMessage`s, put into words in the report's language.
package struct Finding: Sendable {
    /// What the finding is about: the step, channel, persona or phase, or the journey.
    package var subject: DiagnosticSubject
    package var range: SourceRange
    package var message: Message
    package var label: Message?
    package var secondary: [DiagnosticLabel] = []
    package var notes: [Message] = []
    package var help: Message?

    package init(_ subject: DiagnosticSubject, _ range: SourceRange, _ message: Message, label: Message? = nil,
                secondary: [DiagnosticLabel] = [], notes: [Message] = [], help: Message? = nil) {
        self.subject = subject
        self.range = range
        self.message = message
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.help = help
    }

    @available(*, deprecated, message: "write the sentences as RuleMessage cases")
    package init(_ subject: DiagnosticSubject, _ range: SourceRange, _ message: String, label: String? = nil,
                secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil) {
        self.init(subject, range, .verbatim(message), label: label.map(Message.verbatim), secondary: secondary,
                  notes: notes.map(Message.verbatim), help: help.map(Message.verbatim))
    }
}

/// A checker rule: looks at a resolved journey and returns what it flags. Every rule must be
/// linear in the size of the journey, and should walk `facts` rather than `journey.steps`,
/// reading a step's texts only where it reports a finding.
package protocol Rule: SendableMetatype {
    static var info: RuleInfo { get }
    static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding]
}

extension Journey {
    /// How a step is named in a finding: `step notice ("Notices the article ...")`.
    ///
    /// Rules loop over step indices and read fields through `steps[i]`: copying a whole `Step`
    /// out of the array costs a retain and release for each of its texts, for every step.
    package func stepPhrase(_ index: Int, before: String = "", after: String = "") -> String {
        // This runs once for each of thousands of findings, so the sentence is built as bytes,
        // and the title is copied from the source file (read in order, no string to retain).
        let title = steps[index].title.range
        var out: [UInt8] = []
        out.reserveCapacity(before.utf8.count + title.count + after.utf8.count + 32)
        out.append(contentsOf: before.utf8)
        let bytes = source.bytes[title.start..<title.end]
        var shown = Array(bytes)
        // Only titles over 60 bytes can be over 60 characters.
        if bytes.count > 60 {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.count > 60 { shown = Array((String(text.prefix(57)) + "…").utf8) }
        }
        if let id = steps[index].idRange {
            out.append(contentsOf: "step `".utf8)
            out.append(contentsOf: source.bytes[id.start..<id.end])
            out.append(contentsOf: "` (".utf8)
            out.append(contentsOf: shown)
            out.append(UInt8(ascii: ")"))
        } else {
            out.append(contentsOf: "the step \"".utf8)
            out.append(contentsOf: shown)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: after.utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
