import Foundation
import PolkuSyntax

/// What a team may set for a rule.
public enum RuleSetting: String, Sendable, CaseIterable {
    case error, warning, info, off

    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        }
    }

    public init(_ severity: Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
    }
}

/// A mistake in `polku.toml` or in `--rule`: the run stops with exit status 2.
///
/// The first of the `Diagnostic`s that `Configuration.parse` and `apply(overrides:)` return,
/// as one error, for the command line until it renders those diagnostics itself.
public struct ConfigurationProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var description: String {
        var place = path
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): error: \(message)"
    }

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// A diagnostic about `source`, with its line and column (columns counted as in every
    /// report), and its help after the message.
    public init(_ source: SourceFile, _ diagnostic: Diagnostic) {
        let at = diagnostic.hasPosition ? source.location(of: diagnostic.range.start) : nil
        self.init(path: source.name, line: at?.line, column: at?.column,
                  message: diagnostic.message + (diagnostic.help.map { "; \($0)" } ?? ""))
    }
}

/// The team's choices for the checker, from `polku.toml` and the command line:
///
///     [rules]
///     missing-role = "warning"
///     missing-need = "off"
///
///     [ignore]
///     "drafts/*" = ["missing-recommendation", "missing-follow-up"]
///
/// Patterns in `[ignore]` are matched against the journey's path relative to the folder of
/// `polku.toml`, as `Glob` describes: `*` matches any characters, `/` included.
public struct Configuration: Sendable {
    public static let fileName = "polku.toml"

    /// The file this came from, if any.
    public var path: String?
    public var settings: [String: RuleSetting] = [:]
    public var ignores: [(pattern: String, rules: [String])] = []

    public init() {}

    /// The nearest `polku.toml` in the folder of `file` or a folder above it.
    public static func find(for file: String) -> String? {
        var dir = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Applies `--rule NAME=SEVERITY` options on top, and returns every problem with them
    /// (options with problems are not applied). The problems have no position
    /// (`Diagnostic.hasPosition` is false); to show which option each is about, render them
    /// per option, with `problems(inOverride:)`, in a `SourceFile` named `--rule OPTION`.
    ///
    /// Disfavoured only while the throwing `apply(overrides:)` below exists: until then, give
    /// the result a type (`let problems: [Diagnostic] = config.apply(overrides: ...)`).
    @_disfavoredOverload
    public mutating func apply(overrides: [String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for option in overrides {
            let found = Self.problems(inOverride: option)
            if found.isEmpty, let (name, setting) = Self.parseOverride(option) {
                settings[name] = setting
            }
            problems += found
        }
        return problems
    }

    /// The problems with one `--rule` option (`NAME=SEVERITY`, without `--rule`): a missing
    /// `=`, an unknown rule, a value that is not a severity; empty when it is right.
    public static func problems(inOverride option: String) -> [Diagnostic] {
        let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return [ConfigurationCatalog.overrideIncomplete(option)]
        }
        var problems: [Diagnostic] = []
        if RuleRegistry.info(named: parts[0]) == nil { problems.append(ConfigurationCatalog.overrideUnknownRule(parts[0])) }
        if RuleSetting(rawValue: parts[1].lowercased()) == nil {
            problems.append(ConfigurationCatalog.overrideBadSeverity(parts[1], rule: parts[0]))
        }
        return problems
    }

    private static func parseOverride(_ option: String) -> (String, RuleSetting)? {
        let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let setting = RuleSetting(rawValue: parts[1].lowercased()) else { return nil }
        return (parts[0], setting)
    }

    /// Applies `--rule NAME=SEVERITY` options on top, stopping at the first one with a
    /// problem. For the command line until it reports the diagnostics of the other
    /// `apply(overrides:)`; then this one goes.
    public mutating func apply(overrides: [String]) throws(ConfigurationProblem) {
        for option in overrides {
            if let problem = Self.problems(inOverride: option).first {
                throw ConfigurationProblem(SourceFile(name: "--rule \(option)", bytes: []), problem)
            }
            if let (name, setting) = Self.parseOverride(option) { settings[name] = setting }
        }
    }

    /// The setting of a rule for one journey file.
    public func setting(for rule: RuleInfo, file: String) -> RuleSetting {
        if isIgnored(rule.name, file: file) { return .off }
        return settings[rule.name] ?? RuleSetting(rule.defaultSeverity)
    }

    func isIgnored(_ rule: String, file: String) -> Bool {
        guard !ignores.isEmpty else { return false }
        let relative = relativePath(file)
        return ignores.contains { entry in
            entry.rules.contains(rule) && Glob(entry.pattern).matches(relative)
        }
    }

    private func relativePath(_ file: String) -> String {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        guard let path else { return absolute }
        let base = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
