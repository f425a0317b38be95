import PolkuCheck
import PolkuModel
import PolkuReport
import PolkuSyntax

/// The output formats of `polku check`.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, short, json, sarif, summary
}

/// Exit codes shared by every command.
public enum ExitStatus: Int32, Sendable {
    /// Nothing wrong.
    case ok = 0
    /// The journey has errors (or, under `--strict`, warnings).
    case findings = 1
    /// The command was used wrongly or a file could not be read or written.
    case usage = 2
}

/// `polku check` without the argument parsing: reads, analyses, checks and reports.
public struct CheckRunner {
    public var format: CheckFormat = .text
    public var color = false
    /// Warnings fail the run too.
    public var strict = false
    /// `--rule NAME=SEVERITY` arguments, applied on top of any `polku.toml`.
    public var overrides: [String] = []
    /// `--config FILE`: use this file instead of looking for `polku.toml`.
    public var configPath: String?

    public init(format: CheckFormat = .text, color: Bool = false, strict: Bool = false,
                overrides: [String] = [], configPath: String? = nil) {
        self.format = format
        self.color = color
        self.strict = strict
        self.overrides = overrides
        self.configPath = configPath
    }

    /// The configuration for one journey file: the explicit one, else the nearest
    /// `polku.toml`, with `--rule` on top. Loaded once per configuration file.
    final class ConfigurationCache {
        var loaded: [String: Configuration] = [:]
    }

    func configuration(for file: String, cache: ConfigurationCache) throws(ConfigurationProblem) -> Configuration {
        let path = configPath ?? (file == "-" ? nil : Configuration.find(for: file))
        let key = path ?? ""
        if let cached = cache.loaded[key] { return cached }
        var config = try path.map { p throws(ConfigurationProblem) in try Configuration.load(p) } ?? Configuration()
        try config.apply(overrides: overrides)
        cache.loaded[key] = config
        return config
    }

    public func run(paths: [String], console: Console) -> ExitStatus {
        let (files, problems) = SourceLoader.expand(paths)
        var results: [(SourceFile, CheckResult)] = []
        var readProblems = problems
        let cache = ConfigurationCache()
        for path in files {
            let config: Configuration
            do {
                config = try configuration(for: path, cache: cache)
            } catch {
                console.error("polku: \(error)")
                return .usage
            }
            do {
                let source = try SourceLoader.read(path)
                results.append((source, Checker.check(Analysis(source, keepSyntax: false), configuration: config)))
            } catch {
                readProblems.append(error)
            }
        }
        for problem in readProblems { console.error("polku: \(problem)") }

        let items = results.flatMap { source, result in result.diagnostics.map { FileDiagnostic(source, $0) } }
        switch format {
        case .json:
            console.write(JSONReport.render(files: results.map(\.0.name), items))
        case .sarif:
            console.write(SARIFReport.render(results, version: Polku.version))
        case .short:
            let renderer = ShortRenderer()
            for item in items { console.write(renderer.render(item)) }
        case .summary:
            console.write(results.map { SummaryReport.render($0.1) }.joined(separator: "\n"))
        case .text:
            let renderer = RichRenderer(color: color)
            for item in items { console.write(renderer.render(item) + "\n") }
            if !results.isEmpty {
                console.write(Self.summary(files: results.count, items) + "\n")
                let skipped = results.filter { !$0.1.rulesRan }.count
                if skipped > 0 {
                    console.write("The checker's rules did not run on \(skipped == 1 ? "1 file" : "\(skipped) files") with errors: fix the errors first.\n")
                }
            }
        }
        if !readProblems.isEmpty { return .usage }
        let failing: Set<Severity> = strict ? [.error, .warning] : [.error]
        return items.contains { failing.contains($0.diagnostic.severity) } ? .findings : .ok
    }

    /// One closing line a person reads first: how many files, errors and warnings.
    static func summary(files: Int, _ items: [FileDiagnostic]) -> String {
        let errors = items.filter { $0.diagnostic.severity == .error }.count
        let warnings = items.filter { $0.diagnostic.severity == .warning }.count
        let infos = items.filter { $0.diagnostic.severity == .info }.count
        let fileWord = files == 1 ? "1 file" : "\(files) files"
        if errors + warnings + infos == 0 { return "Checked \(fileWord): no problems found." }
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        if infos > 0 { parts.append(infos == 1 ? "1 note" : "\(infos) notes") }
        return "Checked \(fileWord): \(parts.joined(separator: ", "))."
    }
}
