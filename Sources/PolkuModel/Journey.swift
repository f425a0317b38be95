import PolkuSyntax

/// A piece of text from the file and where it stands.
///
/// It keeps the file's bytes (shared, not copied) and its range, and makes its `String` only
/// when something asks for `value`: a journey of 100,000 steps has half a million texts, and
/// most outputs show few of them.
package struct Text: Hashable, Sendable {
    /// The bytes the range points into: the whole file, or the value's own bytes.
    private var bytes: [UInt8]
    private var lower: UInt32
    /// The range's end, with `ownFlag` set when `bytes` holds the value alone. Sixteen
    /// bytes a text rather than twenty-four: a large journey has a million texts.
    private var upperAndOwn: UInt32
    private static let ownFlag: UInt32 = 1 << 31

    package var range: SourceRange {
        get { SourceRange(Int(lower), Int(upperAndOwn & ~Self.ownFlag)) }
        set {
            lower = UInt32(clamping: min(newValue.start, Int(Self.ownFlag - 1)))
            upperAndOwn = UInt32(clamping: min(newValue.end, Int(Self.ownFlag - 1))) | (upperAndOwn & Self.ownFlag)
        }
    }

    /// A text of the source file.
    package init(_ source: SourceFile, _ range: SourceRange) {
        self.init(file: source.bytes, range)
    }

    /// A text of the file whose bytes are `file`.
    init(file: [UInt8], _ range: SourceRange) {
        self.bytes = file
        (lower, upperAndOwn) = (0, 0)
        self.range = range
    }

    /// A text that is not (or not exactly) in a file, shown at `range`.
    package init(_ value: String, _ range: SourceRange) {
        self.bytes = Array(value.utf8)
        (lower, upperAndOwn) = (0, Self.ownFlag)
        self.range = range
    }

    /// True when `bytes` holds the value alone rather than the file.
    private var ownBytes: Bool { upperAndOwn & Self.ownFlag != 0 }

    private var valueBytes: ArraySlice<UInt8> {
        ownBytes ? bytes[...] : bytes[Int(lower)..<Int(upperAndOwn)]
    }

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
    package var successors: Successors
    /// The `next:` line, when the flow is not the default one.
    package var explicit: SourceRange?
    /// True when the customer can leave the journey here (`next: end`, or the last step).
    package var ends: Bool

    package init(successors: Successors, ends: Bool, explicit: SourceRange?) {
        self.successors = successors
        self.ends = ends
        self.explicit = explicit
    }

    /// The flow of a step without a `next:` line: on to the following step, or out after
    /// the last one.
    package static func following(_ index: Int, count: Int) -> Flow {
        index + 1 < count ? Flow(successors: Successors(only: index + 1), ends: false, explicit: nil)
            : Flow(successors: [], ends: true, explicit: nil)
    }

    /// Whether this flow goes where a step without a `next:` line goes (so a written journey
    /// needs no `next:` line for it).
    package func isFollowing(_ index: Int, count: Int) -> Bool {
        let plain = Flow.following(index, count: count)
        return successors == plain.successors && ends == plain.ends
    }
}

/// The steps a flow goes on to, by index, in order: an array in use, which holds the usual
/// one (the following step) in itself. A journey of 100,000 steps would otherwise make
/// 100,000 arrays of one element (48 bytes and an allocation each).
public struct Successors: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    /// Every successor when `one` is not used; empty otherwise.
    @usableFromInline var many: [Int]
    /// The successor when there is exactly one; -1 otherwise. (Each content has one form,
    /// so the synthesised `==` and `hash` compare contents.)
    @usableFromInline var one: Int32

    /// `items` in the array: two or more, none, or one too large for `one`.
    private init(many items: [Int]) { (many, one) = (items, -1) }

    /// Just `item`.
    package init(only item: Int) {
        let only = Int32(exactly: item)
        (many, one) = (only == nil ? [item] : [], only ?? -1)
    }

    package init(_ items: [Int]) {
        self = items.count == 1 ? Successors(only: items[0]) : Successors(many: items)
    }

    public init(arrayLiteral items: Int...) { self.init(items) }

    // Public and inlinable: the checker walks the successors of every step from another
    // module, and Swift inlines no `package` declaration there (see `SourceRange`).
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { one >= 0 ? 1 : many.count }

    @inlinable public subscript(index: Int) -> Int {
        guard one >= 0 else { return many[index] }
        precondition(index == 0, "successor index out of range")
        return Int(one)
    }

    /// Adds a successor after the others.
    package mutating func append(_ item: Int) {
        if one >= 0 {
            self = Successors(many: [Int(one), item])
        } else if many.isEmpty {
            self = Successors(only: item)
        } else {
            many.append(item)
        }
    }
}

/// A touchpoint: one thing that happens to the customer in one channel.
///
/// The stored properties are ordered by alignment (eight-byte ones first, single bytes
/// last), so that padding does not make each of 100,000 steps larger.
package struct Step: Sendable {
    /// Position in `Journey.steps` (file order).
    package var index: Int
    /// Index into `Journey.channels`.
    package var channel: Int
    package var id: String?
    package var title: Text
    package var mood: Text?
    /// The journey's store of every step's attribute texts; nil when the step has none.
    /// The step's own are a run of it, grouped by kind (in the order of `StepTextKind`),
    /// each kind in file order: one array for the whole journey rather than one a step.
    @usableFromInline var textStore: StepTextStore?
    package var flow = Flow(successors: [], ends: false, explicit: nil)
    /// Where each kind's texts stand in the store. A stored property of its own, so that
    /// `journey.steps[i].textEnds.count(.need)` reads it without copying the step out of the
    /// array (calling a method of `journey.steps[i]` copies it, and retains its texts).
    package private(set) var textEnds = StepTextEnds()
    /// The `step` header line.
    package var header: SourceRange
    /// The header keyword (`step`, `vaihe`, `steg`), where step findings are reported.
    package var keyword: SourceRange
    /// The header line through the last attribute line.
    package var extent: SourceRange
    package var idRange: SourceRange?
    /// The step's own `via:` line; nil when it takes the journey's default.
    package var via: SourceRange?
    package var phase: Phase
    /// The mood's rating, 1 to 5, or 0 without one; `moodValue`.
    @usableFromInline var storedMood: UInt8 = 0

    // Inlinable, as are the texts below: code in another module reads them from
    // `journey.steps[i]` without a call on a copy of the whole step.

    /// The mood's rating, 1 to 5, when the `mood:` line gives one.
    @inlinable package var moodValue: Int? {
        get { storedMood == 0 ? nil : Int(storedMood) }
        set { storedMood = newValue.map { UInt8(clamping: $0) } ?? 0 }
    }

    @inlinable package var needs: StepTexts { texts(.need) }
    @inlinable package var by: StepTexts { texts(.by) }
    @inlinable package var recommendations: StepTexts { texts(.recommend) }
    @inlinable package var followUps: StepTexts { texts(.followUp) }
    @inlinable package var feedback: StepTexts { texts(.feedback) }
    @inlinable package var notes: StepTexts { texts(.note) }
    /// `allow:` lines: findings the team has decided to accept here, with a reason.
    @inlinable package var allows: StepTexts { texts(.allow) }

    /// How the step is named in messages: its id if it has one, else its title.
    package var displayName: String { id ?? title.value }

    /// The texts of one kind of attribute line, in file order.
    @inlinable package func texts(_ kind: StepTextKind) -> StepTexts {
        let r = textEnds.range(kind)
        return StepTexts(textStore, from: Int(textEnds.start) + r.lowerBound, count: r.count)
    }

    /// Every attribute text of the step, grouped by kind.
    @inlinable package var texts: StepTexts {
        StepTexts(textStore, from: Int(textEnds.start), count: Int(textEnds[StepTextEnds.kinds - 1]))
    }

    /// Sets where the step's texts are: appends the ranges of `items` (in file order, with
    /// their kinds) to `ranges`, grouped by kind. They are read once the store made of
    /// `ranges` is given (`attach`).
    mutating func setTexts(_ items: [(StepTextKind, SourceRange)], into ranges: inout [SourceRange]) {
        var counts = StepTextEnds()
        for (kind, _) in items { counts[kind.rawValue] += 1 }
        var total: UInt32 = 0
        for k in 0..<StepTextEnds.kinds {
            total += counts[k]
            textEnds[k] = total
        }
        let start = ranges.count
        textEnds.start = UInt32(start)
        // In file order first: most steps write their lines in the kinds' order already.
        var inOrder = true, last = 0
        for (kind, range) in items {
            ranges.append(range)
            inOrder = inOrder && kind.rawValue >= last
            last = kind.rawValue
        }
        guard !inOrder else { return }
        // Else each text to its place (a counting sort, from `items`): `counts` becomes where
        // the next text of each kind goes.
        for k in 0..<StepTextEnds.kinds { counts[k] = textEnds[k] - counts[k] }
        ranges.withUnsafeMutableBufferPointer { all in
            let own = all.baseAddress! + start
            for (kind, range) in items {
                own[Int(counts[kind.rawValue])] = range
                counts[kind.rawValue] += 1
            }
        }
    }

    /// Gives the step the store its texts are in, when it has any.
    mutating func attach(_ store: StepTextStore) {
        if textEnds[StepTextEnds.kinds - 1] > 0 { textStore = store }
    }

    /// Removes every attribute text.
    package mutating func removeTexts() {
        textStore = nil
        textEnds = StepTextEnds()
    }
}

extension Step {
    // In an extension, so that the struct keeps its memberwise initializer: a step made by
    // it is one value, where a step whose properties are set one by one in `init` is read
    // out of its place twice, and the compiler retained the one and released the other (the
    // step's five references, for each of 100,000 steps).
    package init(index: Int, id: String?, idRange: SourceRange?, title: Text, phase: Phase, channel: Int,
                 header: SourceRange, keyword: SourceRange, extent: SourceRange, via: SourceRange? = nil,
                 mood: Text? = nil, moodValue: Int? = nil) {
        self.init(index: index, channel: channel, id: id, title: title, mood: mood, textStore: nil,
                  header: header, keyword: keyword, extent: extent, idRange: idRange, via: via, phase: phase,
                  storedMood: moodValue.map { UInt8(clamping: $0) } ?? 0)
    }
}

/// Every step's attribute texts, by their ranges in the file: one array for the journey.
/// A text is made (with the file's bytes) only when it is read.
package final class StepTextStore: Sendable {
    /// The file's bytes.
    let file: [UInt8]
    let ranges: [SourceRange]

    init(_ source: SourceFile, _ ranges: [SourceRange]) {
        self.file = source.bytes
        self.ranges = ranges
    }
}

/// The attribute texts of one step, of one kind or of every kind, in file order.
package struct StepTexts: RandomAccessCollection, Sendable {
    private let store: StepTextStore?
    private let base: Int
    package let endIndex: Int
    package var startIndex: Int { 0 }

    @usableFromInline init(_ store: StepTextStore?, from base: Int, count: Int) {
        // Without a store (no texts, or texts removed) the list is empty.
        (self.store, self.base, self.endIndex) = (store, base, store == nil ? 0 : count)
    }

    package subscript(index: Int) -> Text {
        precondition(index >= 0 && index < endIndex, "text index out of range")
        let store = store.unsafelyUnwrapped
        return Text(file: store.file, store.ranges[base + index])
    }
}

/// Where each kind of a step's attribute texts ends in `Step.texts`. Public, as is
/// `StepTextKind`, so that a rule in another module counts a step's texts inline (see
/// `SourceRange`).
public struct StepTextEnds: Sendable, Hashable {
    /// By `StepTextKind.rawValue`, seven words; the eighth is `start`. Eight words rather
    /// than a SIMD vector, which would align every step to 16 bytes and make it 16 bytes larger.
    @usableFromInline var ends: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// How many kinds there are (seven, of the eight words).
    static let kinds = StepTextKind.allCases.count

    /// Where the step's texts begin in the journey's store (the eighth word).
    @usableFromInline var start: UInt32 {
        get { self[Self.kinds] }
        set { self[Self.kinds] = newValue }
    }

    package init() {}

    /// The end of kind `k`'s texts. A word at a time, by a switch: through the tuple's bytes
    /// (`withUnsafeBytes(of:)`), the compiler copied all eight words for each word read or
    /// written, and each read of a word just written waited for the copy (a tenth of the
    /// resolver's time went to counting a step's texts).
    @inlinable subscript(k: Int) -> UInt32 {
        get {
            switch k {
            case 0: ends.0
            case 1: ends.1
            case 2: ends.2
            case 3: ends.3
            case 4: ends.4
            case 5: ends.5
            case 6: ends.6
            default: ends.7
            }
        }
        set {
            switch k {
            case 0: ends.0 = newValue
            case 1: ends.1 = newValue
            case 2: ends.2 = newValue
            case 3: ends.3 = newValue
            case 4: ends.4 = newValue
            case 5: ends.5 = newValue
            case 6: ends.6 = newValue
            default: ends.7 = newValue
            }
        }
    }

    /// The places of one kind's texts in `Step.texts`.
    @inlinable public func range(_ kind: StepTextKind) -> Range<Int> {
        let k = kind.rawValue
        return Int(k == 0 ? 0 : self[k - 1])..<Int(self[k])
    }

    public static func == (a: StepTextEnds, b: StepTextEnds) -> Bool {
        (0...kinds).allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for k in 0...Self.kinds { hasher.combine(self[k]) }
    }

    /// How many texts of one kind the step has.
    @inlinable public func count(_ kind: StepTextKind) -> Int { range(kind).count }
}

/// The kinds of a step's attribute lines that hold texts, as `Step` keeps them.
public enum StepTextKind: Int, CaseIterable, Sendable {
    case need, by, recommend, followUp, feedback, note, allow

    /// The kind of text an attribute line gives a step, if it gives one.
    package init?(_ attribute: AttributeKind) {
        switch attribute {
        case .need: self = .need
        case .by: self = .by
        case .recommend: self = .recommend
        case .followUp: self = .followUp
        case .feedback: self = .feedback
        case .note: self = .note
        case .allow: self = .allow
        default: return nil
        }
    }
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
