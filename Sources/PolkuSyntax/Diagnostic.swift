/// How serious a diagnostic is. Errors mean the file is wrong; warnings and infos are the
/// checker's findings about a journey that could be better.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A range with a short text, drawn under the source line.
public struct DiagnosticLabel: Hashable, Sendable {
    public var range: SourceRange
    public var message: String
    public init(_ range: SourceRange, _ message: String) {
        self.range = range
        self.message = message
    }
}

/// One problem in one file: the single value type for syntax errors, resolution errors and
/// the checker's findings. Plain data; the renderers in `PolkuReport` decide how it looks.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    /// Stable kebab-case name, for example `unknown-channel` or `missing-follow-up`.
    public var code: String
    /// One sentence that stands on its own.
    public var message: String
    /// Where the problem is.
    public var range: SourceRange
    /// Short text under the primary range.
    public var label: String?
    /// Other places that explain this one (for example the first definition of a duplicate).
    public var secondary: [DiagnosticLabel]
    /// Extra facts (for example the ids that do exist).
    public var notes: [String]
    /// What to do about it (for example "did you mean `email`?").
    public var help: String?

    public init(
        _ severity: Severity, code: String, message: String, range: SourceRange,
        label: String? = nil, secondary: [DiagnosticLabel] = [], notes: [String] = [],
        help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.help = help
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in the order a reader meets them: by position, then by code.
    public func sortedByPosition() -> [Diagnostic] {
        // Sort indices by a key read once, not the (large) diagnostics themselves: copying
        // one out of the array for each comparison retains and releases all its strings.
        let starts = map(\.range.start)
        if zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) { return self }
        let order = indices.sorted { a, b in
            if starts[a] != starts[b] { return starts[a] < starts[b] }
            if self[a].code != self[b].code { return self[a].code < self[b].code }
            return a < b
        }
        return order.map { self[$0] }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
}
