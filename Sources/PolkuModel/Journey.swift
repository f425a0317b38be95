import PolkuSyntax

/// A piece of text from the file and where it stands.
public struct Text: Hashable, Sendable {
    public var value: String
    public var range: SourceRange
    public init(_ value: String, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A channel of the journey: built in, or declared with `channel <id>: <label>`.
public struct Channel: Sendable {
    /// The canonical id: the English name for a built-in channel (`desk`), else the declared id.
    public var id: String
    public var builtin: BuiltinChannel?
    /// The label given in the declaration, if any.
    public var label: Text?
    public var competence: Text?
    public var competenceValue: Int?
    public var presence: Text?
    public var presenceValue: Int?
    public var notes: [Text] = []
    /// The `channel` header line, when the channel is declared.
    public var declaration: SourceRange?
    /// The id as written in the declaration.
    public var idRange: SourceRange?
    /// Where the channel is first mentioned (declaration or use).
    public var firstMention: SourceRange
    /// How many steps happen in this channel.
    public var stepCount = 0
}

/// A customer profile (`persona <id>: <description>`).
public struct Persona: Sendable {
    public var id: String
    public var idRange: SourceRange
    public var description: Text
    public var uses: [Text] = []
    /// Indices into `Journey.channels`.
    public var channels: [Int] = []
    public var channelsAttribute: SourceRange?
    public var assurance: [Text] = []
    public var notes: [Text] = []
    public var declaration: SourceRange
}

/// Where the customer can go after a step.
public struct Flow: Sendable, Hashable {
    /// Indices into `Journey.steps`.
    public var successors: [Int]
    /// True when the customer can leave the journey here (`next: end`, or the last step).
    public var ends: Bool
    /// The `next:` line, when the flow is not the default one.
    public var explicit: SourceRange?

    public init(successors: [Int], ends: Bool, explicit: SourceRange?) {
        self.successors = successors
        self.ends = ends
        self.explicit = explicit
    }
}

/// A touchpoint: one thing that happens to the customer in one channel.
public struct Step: Sendable {
    /// Position in `Journey.steps` (file order).
    public var index: Int
    public var id: String?
    public var idRange: SourceRange?
    public var title: Text
    public var phase: Phase
    /// Index into `Journey.channels`.
    public var channel: Int
    /// The step's own `via:` line; nil when it takes the journey's default.
    public var via: SourceRange?
    public var needs: [Text] = []
    public var by: [Text] = []
    public var recommendations: [Text] = []
    public var followUps: [Text] = []
    public var feedback: [Text] = []
    public var notes: [Text] = []
    /// `allow:` lines: findings the team has decided to accept here, with a reason.
    public var allows: [Text] = []
    public var mood: Text?
    public var moodValue: Int?
    public var flow = Flow(successors: [], ends: false, explicit: nil)
    /// The `step` header line.
    public var header: SourceRange
    /// The header keyword (`step`, `vaihe`, `steg`), where step findings are reported.
    public var keyword: SourceRange
    /// The header line through the last attribute line.
    public var extent: SourceRange

    /// How the step is named in messages: its id if it has one, else its title.
    public var displayName: String { id ?? title.value }
}

/// A phase header as written, with the steps under it.
public struct PhaseSection: Sendable {
    public var phase: Phase
    public var header: SourceRange
    /// Indices into `Journey.steps`.
    public var steps: [Int]
}

/// The resolved journey: every id looked up, every step in a phase and a channel, the flow
/// computed. Checker rules and emitters work on this, never on raw text.
public struct Journey: Sendable {
    public var source: SourceFile
    public var title: Text
    public var language: KeywordLanguage
    public var defaultChannel: Int?
    public var notes: [Text] = []
    /// `allow:` lines under `journey:`: accepted findings for the whole file.
    public var allows: [Text] = []
    /// Indices into `personas`: from `for:`, or every persona when there is no `for:`.
    public var focus: [Int] = []
    public var personas: [Persona] = []
    /// In the order they are first declared or used.
    public var channels: [Channel] = []
    public var steps: [Step] = []
    /// Phase headers in file order (a phase may appear more than once).
    public var sections: [PhaseSection] = []
    /// The `journey:` header line.
    public var header: SourceRange
    /// The `journey` keyword, where journey-wide findings are reported.
    public var keyword = SourceRange(0, 0)
    /// The `for:` line, when there is one.
    public var forLine: SourceRange?

    /// The steps of one phase, in file order.
    public func steps(in phase: Phase) -> [Step] { steps.filter { $0.phase == phase } }

    /// The step whose lines hold a byte offset, if any: where a finding belongs. Steps are
    /// in file order and do not overlap, so this is a binary search, and attributing every
    /// finding of a large journey stays linear-logarithmic.
    public func stepIndex(containing offset: Int) -> Int? {
        var low = 0, high = steps.count - 1, found = -1
        while low <= high {
            let mid = (low + high) / 2
            if steps[mid].extent.start <= offset {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        guard found >= 0, offset <= steps[found].extent.end else { return nil }
        return found
    }
}
