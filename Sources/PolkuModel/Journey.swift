import PolkuSyntax

/// A piece of text from the file and where it stands.
///
/// It keeps the file's bytes (shared, not copied) and its range, and makes its `String` only
/// when something asks for `value`: a journey of 100,000 steps has half a million texts, and
/// most outputs show few of them.
package struct Text: Hashable, Sendable {
    package var range: SourceRange
    /// The bytes `range` points into: the whole file, or the value's own bytes.
    private var bytes: [UInt8]

    /// A text of the source file.
    package init(_ source: SourceFile, _ range: SourceRange) {
        self.bytes = source.bytes
        self.range = range
    }

    /// A text that is not (or not exactly) in a file, shown at `range`.
    package init(_ value: String, _ range: SourceRange) {
        self.bytes = Array(value.utf8)
        self.range = range
        self.ownBytes = true
    }

    /// True when `bytes` holds the value alone rather than the file.
    private var ownBytes = false

    private var valueBytes: ArraySlice<UInt8> { ownBytes ? bytes[...] : bytes[range.start..<range.end] }

    /// The text, with invalid UTF-8 shown as U+FFFD.
    package var value: String { String(decoding: valueBytes, as: UTF8.self) }

    /// Whether the text is empty, without making its string.
    package var isEmpty: Bool { valueBytes.isEmpty }

    package static func == (a: Text, b: Text) -> Bool { a.range == b.range && a.value == b.value }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(value)
    }
}

/// A channel of the journey: built in, or declared with `channel <id>: <label>`.
package struct Channel: Sendable {
    /// The canonical id: the English name for a built-in channel (`desk`), else the declared id.
    package var id: String
    package var builtin: BuiltinChannel?
    /// The label given in the declaration, if any.
    package var label: Text?
    package var competence: Text?
    package var competenceValue: Int?
    package var presence: Text?
    package var presenceValue: Int?
    package var notes: [Text] = []
    /// The `channel` header line, when the channel is declared.
    package var declaration: SourceRange?
    /// The id as written in the declaration.
    package var idRange: SourceRange?
    /// Where the channel is first mentioned (declaration or use).
    package var firstMention: SourceRange
    /// How many steps happen in this channel.
    package var stepCount = 0
}

/// A customer profile (`persona <id>: <description>`).
package struct Persona: Sendable {
    package var id: String
    package var idRange: SourceRange
    package var description: Text
    package var uses: [Text] = []
    /// Indices into `Journey.channels`.
    package var channels: [Int] = []
    package var channelsAttribute: SourceRange?
    package var assurance: [Text] = []
    package var notes: [Text] = []
    package var declaration: SourceRange
}

/// Where the customer can go after a step.
package struct Flow: Sendable, Hashable {
    /// Indices into `Journey.steps`.
    package var successors: [Int]
    /// True when the customer can leave the journey here (`next: end`, or the last step).
    package var ends: Bool
    /// The `next:` line, when the flow is not the default one.
    package var explicit: SourceRange?

    package init(successors: [Int], ends: Bool, explicit: SourceRange?) {
        self.successors = successors
        self.ends = ends
        self.explicit = explicit
    }

    /// The flow of a step without a `next:` line: on to the following step, or out after
    /// the last one.
    package static func following(_ index: Int, count: Int) -> Flow {
        index + 1 < count ? Flow(successors: [index + 1], ends: false, explicit: nil) : Flow(successors: [], ends: true, explicit: nil)
    }

    /// Whether this flow goes where a step without a `next:` line goes (so a written journey
    /// needs no `next:` line for it).
    package func isFollowing(_ index: Int, count: Int) -> Bool {
        let plain = Flow.following(index, count: count)
        return successors == plain.successors && ends == plain.ends
    }
}

/// A touchpoint: one thing that happens to the customer in one channel.
package struct Step: Sendable {
    /// Position in `Journey.steps` (file order).
    package var index: Int
    package var id: String?
    package var idRange: SourceRange?
    package var title: Text
    package var phase: Phase
    /// Index into `Journey.channels`.
    package var channel: Int
    /// The step's own `via:` line; nil when it takes the journey's default.
    package var via: SourceRange?
    package var needs: [Text] = []
    package var by: [Text] = []
    package var recommendations: [Text] = []
    package var followUps: [Text] = []
    package var feedback: [Text] = []
    package var notes: [Text] = []
    /// `allow:` lines: findings the team has decided to accept here, with a reason.
    package var allows: [Text] = []
    package var mood: Text?
    package var moodValue: Int?
    package var flow = Flow(successors: [], ends: false, explicit: nil)
    /// The `step` header line.
    package var header: SourceRange
    /// The header keyword (`step`, `vaihe`, `steg`), where step findings are reported.
    package var keyword: SourceRange
    /// The header line through the last attribute line.
    package var extent: SourceRange

    /// How the step is named in messages: its id if it has one, else its title.
    package var displayName: String { id ?? title.value }
}

/// A phase header as written, with the steps under it.
package struct PhaseSection: Sendable {
    package var phase: Phase
    package var header: SourceRange
    /// Indices into `Journey.steps`.
    package var steps: [Int]
}

/// The resolved journey: every id looked up, every step in a phase and a channel, the flow
/// computed. Checker rules and emitters work on this, never on raw text.
package struct Journey: Sendable {
    package var source: SourceFile
    package var title: Text
    package var language: KeywordLanguage
    package var defaultChannel: Int?
    package var notes: [Text] = []
    /// `allow:` lines under `journey:`: accepted findings for the whole file.
    package var allows: [Text] = []
    /// Indices into `personas`: from `for:`, or every persona when there is no `for:`.
    package var focus: [Int] = []
    package var personas: [Persona] = []
    /// In the order they are first declared or used.
    package var channels: [Channel] = []
    package var steps: [Step] = []
    /// Phase headers in file order (a phase may appear more than once).
    package var sections: [PhaseSection] = []
    /// The `journey:` header line.
    package var header: SourceRange
    /// The `journey` keyword, where journey-wide findings are reported.
    package var keyword = SourceRange(0, 0)
    /// The `for:` line, when there is one.
    package var forLine: SourceRange?

    /// The steps of one phase, in file order.
    package func steps(in phase: Phase) -> [Step] { steps.filter { $0.phase == phase } }

    /// The step whose lines hold a byte offset, if any: where a finding belongs. Steps are
    /// in file order and do not overlap, so this is a binary search, and attributing every
    /// finding of a large journey stays linear-logarithmic.
    package func stepIndex(containing offset: Int) -> Int? {
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
