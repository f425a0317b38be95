/// How serious a diagnostic is. Errors mean the file is wrong; warnings and infos are the
/// checker's findings about a journey that could be better.
package enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }
    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A range with a short text, drawn under the source line.
package struct DiagnosticLabel: Hashable, Sendable {
    package var range: SourceRange
    package var text: Message
    /// The text in English.
    package var message: String { text.english }
    package init(_ range: SourceRange, _ text: Message) {
        self.range = range
        self.text = text
    }
}

/// The stable name of a kind of diagnostic: an error in the catalogue (`unknown-channel`),
/// or a checker rule (`missing-follow-up`). Reports print `name`; code compares the values.
package enum DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    case error(ErrorCode)
    /// A checker rule, by its name (the rule's `info.code` is the one place that writes it).
    case rule(String)

    /// The kebab-case name shown in reports and accepted by `polku explain`.
    package var name: String {
        switch self {
        case .error(let code): code.rawValue
        case .rule(let name): name
        }
    }

    package var description: String { name }

    package static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.name < b.name }
}

/// What a checker finding is about, so every output can put it in the right place (a step's
/// card, a channel's row, the journey's header) without searching for it by position.
package enum DiagnosticSubject: Hashable, Sendable {
    case journey
    /// An index into the journey's steps.
    case step(Int)
    /// An index into the journey's channels.
    case channel(Int)
    /// An index into the journey's personas.
    case persona(Int)
    case phase(Phase)
}

/// What a diagnostic says besides its sentence: the label under its place, other places,
/// notes and help. Immutable, so that one box is shared by every diagnostic that says the
/// same (compared and hashed by what it holds).
package final class DiagnosticDetails: Hashable, Sendable {
    package let label: Message?
    package let secondary: [DiagnosticLabel]
    package let notes: [Message]
    package let help: Message?

    package init(label: Message? = nil, secondary: [DiagnosticLabel] = [], notes: [Message] = [], help: Message? = nil) {
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.help = help
    }

    /// The details, or nil when there are none (so that a diagnostic without details is
    /// always the same value).
    package static func of(label: Message?, secondary: [DiagnosticLabel], notes: [Message], help: Message?) -> DiagnosticDetails? {
        label == nil && secondary.isEmpty && notes.isEmpty && help == nil
            ? nil : DiagnosticDetails(label: label, secondary: secondary, notes: notes, help: help)
    }

    package static func == (a: DiagnosticDetails, b: DiagnosticDetails) -> Bool {
        a === b || (a.label == b.label && a.secondary == b.secondary && a.notes == b.notes && a.help == b.help)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(label)
        hasher.combine(secondary)
        hasher.combine(notes)
        hasher.combine(help)
    }
}

/// One problem in one file: the single value type for syntax errors, resolution errors,
/// problems reading files or configuration, Graphviz's errors, and the checker's findings.
/// Plain data; the renderers in `PolkuReport` decide how it looks.
///
/// The fields are in the order that packs them tightest (the one-byte ones in the bytes the
/// message leaves over): a large journey has tens of thousands of diagnostics.
package struct Diagnostic: Hashable, Sendable {
    /// Stable kebab-case name, for example `unknown-channel` or `missing-follow-up`.
    package var code: DiagnosticCode
    /// One sentence that stands on its own.
    package var text: Message
    package var severity: Severity
    /// False for a problem with a whole file (it cannot be read, Graphviz failed on it):
    /// such a diagnostic has no line to point at, and `range` means nothing.
    package var hasPosition = true
    /// Where the problem is.
    package var range: SourceRange
    /// The label, other places, notes and help, when there are any (`labelText`,
    /// `secondary`, `noteTexts`, `helpText` read and set them). One shared box rather than
    /// four fields in each diagnostic: a rule gives all of its thousands of findings the
    /// same label and help, so they share one box, and a diagnostic is half the size.
    package var details: DiagnosticDetails?
    /// What a finding is about; for an error in an `allow:` line, the step (or the journey)
    /// it stands under; nil for other errors in the file.
    package var subject: DiagnosticSubject?

    package init(
        _ severity: Severity, code: DiagnosticCode, text: Message, range: SourceRange,
        label: Message? = nil, secondary: [DiagnosticLabel] = [], notes: [Message] = [],
        help: Message? = nil, subject: DiagnosticSubject? = nil
    ) {
        self.init(severity, code: code, text: text, range: range,
                  details: DiagnosticDetails.of(label: label, secondary: secondary, notes: notes, help: help),
                  subject: subject)
    }

    /// A diagnostic with details already in their box (shared with other diagnostics).
    package init(_ severity: Severity, code: DiagnosticCode, text: Message, range: SourceRange,
                 details: DiagnosticDetails?, subject: DiagnosticSubject? = nil) {
        self.severity = severity
        self.code = code
        self.text = text
        self.range = range
        self.details = details
        self.subject = subject
    }

    /// Short text under the primary range.
    package var labelText: Message? {
        get { details?.label }
        set { details = .of(label: newValue, secondary: secondary, notes: noteTexts, help: helpText) }
    }

    /// Other places that explain this one (for example the first definition of a duplicate).
    package var secondary: [DiagnosticLabel] {
        get { details?.secondary ?? [] }
        set { details = .of(label: labelText, secondary: newValue, notes: noteTexts, help: helpText) }
    }

    /// Extra facts (for example the ids that do exist).
    package var noteTexts: [Message] {
        get { details?.notes ?? [] }
        set { details = .of(label: labelText, secondary: secondary, notes: newValue, help: helpText) }
    }

    /// What to do about it (for example "did you mean `email`?").
    package var helpText: Message? {
        get { details?.help }
        set { details = .of(label: labelText, secondary: secondary, notes: noteTexts, help: newValue) }
    }

    /// A problem with a whole file, with no position in it.
    package static func aboutFile(_ code: ErrorCode, _ text: Message, notes: [Message] = [], help: Message? = nil) -> Diagnostic {
        var d = Diagnostic(.error, code: .error(code), text: text, range: SourceRange(0, 0), notes: notes, help: help)
        d.hasPosition = false
        return d
    }

    // The texts in English, with English keywords: for code and tests that read them as data.
    package var message: String { text.english }
    package var label: String? { labelText?.english }
    package var notes: [String] { noteTexts.map(\.english) }
    package var help: String? { helpText?.english }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in the order a reader meets them: by position, then by code.
    package func sortedByPosition() -> [Diagnostic] {
        var sorted = self
        sorted.sortByPosition()
        return sorted
    }

    /// Puts the diagnostics in the order a reader meets them (`sortedByPosition`), in place:
    /// a report of 40,000 findings then never holds two arrays of them at once.
    package mutating func sortByPosition() {
        // Sorted by one integer key each, read once: the start, the code's place among the
        // codes present (in the order of their names) and the diagnostic's index, which keeps
        // the order of equal ones. Comparing the codes' names in the sort itself made most of
        // its time (a step's two findings share a start), and copying a diagnostic out of the
        // array for a comparison retains and releases all its strings. Through a buffer:
        // `self[i].range` copies the whole diagnostic first.
        let count = self.count
        guard count > 1, count <= Self.indexMask + 1 else { return sortByPositionSlowly() }
        let keys: [UInt64]? = withUnsafeBufferPointer { b in
            // The codes present, each with its place by name (a few dozen at most); the
            // diagnostics of one rule come together, so the last code is nearly always it.
            var codes: [DiagnosticCode] = []
            var known: [DiagnosticCode: Int] = [:]
            var last = -1
            var ranks = [Int](repeating: 0, count: count)
            for i in 0..<count {
                if last < 0 || b[i].code != codes[last] {
                    if let seen = known[b[i].code] {
                        last = seen
                    } else {
                        guard codes.count <= Self.rankMask else { return nil }
                        last = codes.count
                        known[b[i].code] = last
                        codes.append(b[i].code)
                    }
                }
                ranks[i] = last
            }
            let byName = codes.indices.sorted { codes[$0] < codes[$1] }
            var place = [Int](repeating: 0, count: codes.count)
            for (p, c) in byName.enumerated() { place[c] = p }
            var sorted = true
            var keys = [UInt64](repeating: 0, count: count)
            for i in 0..<count {
                keys[i] = UInt64(b[i].range.start) << 32 | UInt64(place[ranks[i]]) << 20 | UInt64(i)
                if i > 0, keys[i - 1] > keys[i] { sorted = false }
            }
            return sorted ? [] : keys
        }
        guard var keys else { return sortByPositionSlowly() }
        if keys.isEmpty { return }
        keys.sort()
        permute { Int(keys[$0] & UInt64(Self.indexMask)) }
    }

    /// The key's bits for the diagnostic's index (2^20 diagnostics) and its code's place
    /// (4,096 codes): more than that is sorted by `sortByPositionSlowly`.
    private static var indexMask: Int { (1 << 20) - 1 }
    private static var rankMask: Int { (1 << 12) - 1 }

    /// `sortByPosition` for more diagnostics or codes than its key has room for.
    private mutating func sortByPositionSlowly() {
        let starts = withUnsafeBufferPointer { b in b.indices.map { b[$0].range.start } }
        if zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) { return }
        let order = withUnsafeBufferPointer { b in
            b.indices.sorted { x, y in
                if starts[x] != starts[y] { return starts[x] < starts[y] }
                if b[x].code != b[y].code { return b[x].code < b[y].code }
                return x < y
            }
        }
        permute { order[$0] }
    }

    /// Position k takes the diagnostic that was at `order(k)`: each cycle of the
    /// permutation is walked once, by swaps (which move, never copy).
    private mutating func permute(_ order: (Int) -> Int) {
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { b in
            for start in b.indices where !placed[start] {
                var k = start
                while true {
                    placed[k] = true
                    let next = order(k)
                    if next == start { break }
                    b.swapAt(k, next)
                    k = next
                }
            }
        }
    }

    package var errorCount: Int { filter { $0.severity == .error }.count }
}
