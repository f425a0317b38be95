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
    /// One line for `polku rules`, in the three languages.
    package let summaryText: Trilingual
    /// What the rule flags, why it matters for the customer, an example and how to fix it:
    /// the one copy of the rule's documentation, printed by `polku explain`. The Finnish and
    /// Swedish texts write their examples with Finnish and Swedish keywords.
    package let explanationText: Trilingual

    /// The summary in English.
    package var summary: String { summaryText.en }
    /// The explanation in English.
    package var explanation: String { explanationText.en }

    /// The code of this rule's findings.
    package var code: DiagnosticCode { .rule(name) }
}

/// One place a rule flags, before severity and suppression are applied. Its sentences are
/// `RuleMessage`s, put into words in the report's language.
package struct Finding: Sendable {
    /// First, so that the subject fits in the bytes it leaves over: a large journey has tens
    /// of thousands of findings.
    package var message: Message
    /// What the finding is about: the step, channel, persona or phase, or the journey.
    package var subject: DiagnosticSubject
    package var range: SourceRange
    /// The label, other places, notes and help: a box a rule can share among its findings.
    package var details: DiagnosticDetails?

    package init(_ subject: DiagnosticSubject, _ range: SourceRange, _ message: Message, label: Message? = nil,
                secondary: [DiagnosticLabel] = [], notes: [Message] = [], help: Message? = nil) {
        self.init(subject, range, message,
                  details: DiagnosticDetails.of(label: label, secondary: secondary, notes: notes, help: help))
    }

    /// A finding whose details are shared with others: a rule that flags many steps with
    /// the same label and help makes their box once.
    package init(_ subject: DiagnosticSubject, _ range: SourceRange, _ message: Message, details: DiagnosticDetails?) {
        self.subject = subject
        self.range = range
        self.message = message
        self.details = details
    }
}

/// A checker rule: looks at a resolved journey and returns what it flags. Every rule must be
/// linear in the size of the journey, and should walk `facts` rather than `journey.steps`,
/// reading a step's texts only where it reports a finding.
package protocol Rule: SendableMetatype {
    static var info: RuleInfo { get }
    static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding]
}

/// The messages of a rule's step findings, made from the journey only when a report shows
/// them: a finding then holds the maker and its step's index, not the sentence's values.
/// Holding the journey costs nothing: it is kept while its findings are.
///
/// Each is the sentence `key` about a step: its placeholders are the two channels `channels`
/// names, if given (`journey.channelReference`), then the step's reference
/// (`journey.stepReference`). A report writes it straight from the file's bytes, with no
/// value made.
final class StepMessages: MessageMaker {
    private let journey: Journey
    private let key: RuleMessage
    private let channels: (@Sendable (Journey, Int) -> (Int, Int))?

    /// `channels` gives the indices of the two channels the sentence names before the step,
    /// from the journey and the step's index only.
    init(_ journey: Journey, _ key: RuleMessage, channels: (@Sendable (Journey, Int) -> (Int, Int))? = nil) {
        (self.journey, self.key, self.channels) = (journey, key, channels)
    }

    /// The values before the step's reference.
    private func values(_ item: Int) -> [MessageValue] {
        guard let channels else { return [] }
        let (a, b) = channels(journey, item)
        return [journey.channelReference(a), journey.channelReference(b)]
    }

    func message(_ item: Int) -> Message {
        Message(key, values: values(item) + [journey.stepReference(item)])
    }

    func write(_ item: Int, _ language: KeywordLanguage, keywords: KeywordLanguage, into out: inout [UInt8]) {
        let before = values(item)
        Message.fill(key.template(language), values: before.count + 1, keywords: keywords, into: &out) { n, out in
            if n < before.count {
                before[n].write(language, keywords: keywords, into: &out)
            } else {
                journey.writeStepReference(item, language, keywords: keywords, into: &out)
            }
        }
    }

    /// `write`, from a plan kept in `templates` for this maker and wording: the sentence
    /// with the step's reference in it already, its words in one piece between the places of
    /// the id, the title and the channels, and each channel's words made once. A report of
    /// 40,000 findings took 2,400 instructions a sentence filling two templates one inside
    /// the other and making its values.
    func write(_ item: Int, _ language: KeywordLanguage, keywords: KeywordLanguage, templates: inout TemplateCache,
               into out: inout [UInt8]) {
        let title = journey.steps[item].title.range
        // A title that may be shortened is counted in characters, as `stepReference` does.
        guard title.count <= 60 else {
            write(item, language, keywords: keywords, into: &out)
            return
        }
        let plan = templates.plan(of: self, Wording(language, keywords: keywords)) {
            StepSentencePlan(key, channels: channels != nil, journey, language, keywords: keywords)
        }
        let pair = channels?(journey, item) ?? (0, 0)
        let id = journey.steps[item].idRange
        let sentence = id == nil ? plan.withoutId : plan.withId
        journey.source.bytes.withUnsafeBufferPointer { file in
            sentence.words.withUnsafeBufferPointer { words in
                var from = 0
                for (at, hole) in sentence.holes {
                    if at > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: words[from..<at])) }
                    switch hole {
                    case .id: out.append(contentsOf: UnsafeBufferPointer(rebasing: file[id!.start..<id!.end]))
                    case .title: out.append(contentsOf: UnsafeBufferPointer(rebasing: file[title.start..<title.end]))
                    case .value(let n): plan.writeChannel(n == 0 ? pair.0 : pair.1, into: &out)
                    }
                    from = at
                }
                if words.count > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: words[from...])) }
            }
        }
    }

    /// The message of the step at `index`, made when shown.
    func callAsFunction(_ index: Int) -> Message { Message(made: self, item: index) }
}

/// A `StepMessages` sentence in one wording, for one report lane: the sentence's words with
/// the step's reference filled in (one form for a step with an id, one without), and the
/// words of each of the journey's channels, for a sentence that names channels. Made once,
/// then only read (a class's `var`s would be checked for exclusive access at each read).
private final class StepSentencePlan {
    enum Hole { case value(Int), id, title }

    /// The words of one form, and where the id, the title and the values go (after
    /// `words[..<at]`, in order).
    struct Sentence {
        var words: [UInt8] = []
        var holes: [(at: Int, hole: Hole)] = []
    }

    let withId: Sentence, withoutId: Sentence
    /// Channel `i`'s words are `channelWords[channelEnds[i - 1]..<channelEnds[i]]` (from 0 for
    /// the first); none when the sentence names no channel.
    private let channelWords: [UInt8], channelEnds: [Int]

    init(_ key: RuleMessage, channels: Bool, _ journey: Journey, _ language: KeywordLanguage, keywords: KeywordLanguage) {
        let values = channels ? 2 : 0
        func sentence(_ reference: RuleMessage, _ holes: [Hole]) -> Sentence {
            var made = Sentence()
            Message.fill(key.template(language), values: values + 1, keywords: keywords, into: &made.words) { n, out in
                guard n == values else { return made.holes.append((out.count, .value(n))) }
                Message.fill(reference.template(language), values: holes.count, keywords: keywords, into: &out) { r, out in
                    made.holes.append((out.count, holes[r]))
                }
            }
            return made
        }
        withId = sentence(.stepWithId, [.id, .title])
        withoutId = sentence(.stepWithoutId, [.title])
        var words: [UInt8] = [], ends: [Int] = []
        if channels {
            for i in journey.channels.indices {
                journey.channelReference(i).write(language, keywords: keywords, into: &words)
                ends.append(words.count)
            }
        }
        (channelWords, channelEnds) = (words, ends)
    }

    /// Appends the words of the journey's channel `index`, as `channelReference` words it.
    @inline(__always)
    func writeChannel(_ index: Int, into out: inout [UInt8]) {
        let (start, end) = (index == 0 ? 0 : channelEnds[index - 1], channelEnds[index])
        channelWords.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}

extension Journey {
    /// How a step is named in a finding: step `notice` (Notices the article ...), or the step
    /// "Notices the article ..." when it has no id; in Finnish only `notice` (…), since the
    /// sentence says *vaihe* in the case it needs.
    ///
    /// Rules loop over step indices and read fields through `steps[i]`: copying a whole `Step`
    /// out of the array costs a retain and release for each of its texts, for every step.
    package func stepReference(_ index: Int) -> MessageValue {
        // This runs once for each of thousands of findings, so the texts are copied from the
        // source file's bytes (read in order, no string to retain).
        let title = steps[index].title.range
        let bytes = source.bytes[title.start..<title.end]
        var shown = String(decoding: bytes, as: UTF8.self)
        // Only titles over 60 bytes can be over 60 characters.
        if bytes.count > 60, shown.count > 60 { shown = String(shown.prefix(57)) + "…" }
        guard let id = steps[index].idRange else {
            return .message(Message(RuleMessage.stepWithoutId, .text(shown)))
        }
        return .message(Message(RuleMessage.stepWithId, .text(String(decoding: source.bytes[id.start..<id.end], as: UTF8.self)),
                                .text(shown)))
    }

    /// Appends `stepReference(index)` as a message writes it, copied from the file's bytes.
    func writeStepReference(_ index: Int, _ language: KeywordLanguage, keywords: KeywordLanguage,
                            into out: inout [UInt8]) {
        let title = steps[index].title.range
        // A title that may be shortened is counted in characters, as `stepReference` does.
        guard title.count <= 60 else {
            stepReference(index).write(language, keywords: keywords, into: &out)
            return
        }
        let bytes = source.bytes
        guard let id = steps[index].idRange else {
            Message.fill(RuleMessage.stepWithoutId.template(language), values: 1, keywords: keywords, into: &out) { _, out in
                out.append(contentsOf: bytes[title.start..<title.end])
            }
            return
        }
        Message.fill(RuleMessage.stepWithId.template(language), values: 2, keywords: keywords, into: &out) { n, out in
            let range = n == 0 ? id : title
            out.append(contentsOf: bytes[range.start..<range.end])
        }
    }

    /// How a channel is named in a finding: a built-in channel in the sentence's language, in
    /// lower case ("the service desk", "palvelupiste", "informationsdisken") whatever its
    /// label; other channels by their label or id.
    package func channelReference(_ index: Int) -> MessageValue {
        guard let builtin = channels[index].builtin else { return .text(channelName(index, .en)) }
        let references = Self.builtinChannelReferences
        return switch builtin {
        case .desk: references[0]
        case .premises: references[1]
        case .phone: references[2]
        case .email: references[3]
        case .chat: references[4]
        case .social: references[5]
        case .web: references[6]
        case .other: references[7]
        }
    }

    /// The name of each built-in channel as a finding says it, in the order of the cases
    /// above, made once: a finding about a step that moves between channels names two, and a
    /// large journey has thousands.
    private static let builtinChannelReferences: [MessageValue] = [
        RuleMessage.channelDesk, .channelPremises, .channelPhone, .channelEmail, .channelChat, .channelSocial,
        .channelWeb, .channelOther,
    ].map { .message(Message($0)) }
}
