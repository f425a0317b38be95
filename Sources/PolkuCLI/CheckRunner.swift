import PolkuModel
import PolkuReport
import PolkuSyntax

/// The output formats of `polku check`.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, short, json
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

/// `polku check` without the argument parsing: reads, analyses and reports.
public struct CheckRunner {
    public var format: CheckFormat = .text
    public var color = false

    public init(format: CheckFormat = .text, color: Bool = false) {
        self.format = format
        self.color = color
    }

    public func run(paths: [String], console: Console) -> ExitStatus {
        let (files, problems) = SourceLoader.expand(paths)
        var items: [FileDiagnostic] = []
        var readProblems = problems
        var checked: [String] = []
        for path in files {
            do {
                let source = try SourceLoader.read(path)
                checked.append(source.name)
                let analysis = Analysis(source)
                items += analysis.diagnostics.map { FileDiagnostic(source, $0) }
            } catch {
                readProblems.append(error)
            }
        }
        for problem in readProblems { console.error("polku: \(problem)") }

        switch format {
        case .json:
            console.write(JSONReport.render(files: checked, items))
        case .short:
            let renderer = ShortRenderer()
            for item in items { console.write(renderer.render(item)) }
        case .text:
            let renderer = RichRenderer(color: color)
            for item in items { console.write(renderer.render(item) + "\n") }
            if !checked.isEmpty { console.write(Self.summary(files: checked.count, items) + "\n") }
        }
        if !readProblems.isEmpty { return .usage }
        return items.contains { $0.diagnostic.severity == .error } ? .findings : .ok
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
