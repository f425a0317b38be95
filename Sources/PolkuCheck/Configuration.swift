import Foundation
import PolkuSyntax

/// What a team may set for a rule.
package enum RuleSetting: String, Sendable, CaseIterable {
    case error, warning, info, off

    package var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        }
    }

    package init(_ severity: Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
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
package struct Configuration: Sendable {
    package static let fileName = "polku.toml"

    /// The file this came from, if any.
    package var path: String?
    package var settings: [String: RuleSetting] = [:]
    package var ignores: [(pattern: String, rules: [String])] = []

    package init() {}

    /// Applies `--rule NAME=SEVERITY` options on top, and returns every problem with them
    /// (options with problems are not applied). The problems have no position
    /// (`Diagnostic.hasPosition` is false); to show which option each is about, render them
    /// per option, with `problems(inOverride:)`, in a `SourceFile` named `--rule OPTION`.
    ///
    /// Disfavoured only while the throwing `apply(overrides:)` below exists: until then, give
    /// the result a type (`let problems: [Diagnostic] = config.apply(overrides: ...)`).
    package mutating func apply(overrides: [String]) -> [Diagnostic] {
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
    package static func problems(inOverride option: String) -> [Diagnostic] {
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

    /// The setting of a rule for one journey file.
    package func setting(for rule: RuleInfo, file: String) -> RuleSetting {
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
