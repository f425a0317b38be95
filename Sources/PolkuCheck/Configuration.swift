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

    /// Applies `--rule NAME=SEVERITY` arguments on top.
    public mutating func apply(overrides: [String]) throws(ConfigurationProblem) {
        for item in overrides {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let setting = RuleSetting(rawValue: parts[1].lowercased()) else {
                throw ConfigurationProblem(path: "--rule \(item)",
                                           message: "write --rule NAME=SEVERITY, with SEVERITY error, warning, info or off")
            }
            guard RuleRegistry.info(named: parts[0]) != nil else {
                var message = "there is no checker rule `\(parts[0])`"
                if let near = Suggestions.closest(to: parts[0], among: RuleRegistry.names) { message += "; did you mean `\(near)`?" }
                throw ConfigurationProblem(path: "--rule \(item)", message: message)
            }
            settings[parts[0]] = setting
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
