import ArgumentParser
import Foundation
import PolkuCheck
import PolkuChecklist
import PolkuDiagram
import PolkuModel
import PolkuReport
import PolkuSyntax

/// Checklist output formats.
public enum ChecklistFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case md, html, csv
}

/// `polku checklist`: the journey as a checklist for the desk, a workshop or a plan.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Write a journey as a checklist: Markdown, HTML or CSV, in English, Finnish or Swedish.",
        discussion: """
        Per phase and step: a line to tick for the step (its channel and who serves), with \
        its recommendations, follow-ups and feedback points; every checker finding becomes a \
        question for the team. Then the channel self-assessment, the customer profiles and a \
        summary. The format comes from the extension (.md, .html, .csv) or --format.

        Examples:
          polku checklist Examples/kaukolaina-fi.polku -o kaukolaina.html
          polku checklist Examples/article-delivery.polku --lang fi -o tarkistuslista.md
          polku checklist Examples/renew-by-phone.polku -o renew.csv --bom
          polku checklist Examples/chat-reference.polku -o chat.html --with-diagram
        """
    )

    @Argument(help: "A journey file.")
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"))
    var output: String?

    @Option(help: "md, html or csv (default: from the -o extension, else md).")
    var format: ChecklistFormat?

    @Option(help: "Language: en, fi or sv (default: the journey's keywords).")
    var lang: KeywordLanguage?

    @Flag(help: "CSV: start with a byte order mark, so spreadsheet programs read ä and ö right.")
    var bom = false

    @Flag(name: .customLong("with-diagram"), help: "HTML: put the swimlane diagram in the page.")
    var withDiagram = false

    @OptionGroup var checker: CheckerOptions

    func run() throws {
        let console = Console(capture: false)
        var runner = ChecklistRunner()
        runner.language = lang
        runner.byteOrderMark = bom
        runner.withDiagram = withDiagram
        runner.overrides = checker.rules
        runner.configPath = checker.config
        let status = runner.run(input: input, output: output, format: format, console: console)
        console.flush()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

/// `polku checklist` without argument parsing.
public struct ChecklistRunner {
    public var language: KeywordLanguage?
    public var byteOrderMark = false
    public var withDiagram = false
    public var overrides: [String] = []
    public var configPath: String?

    public init() {}

    public func run(input: String, output: String?, format: ChecklistFormat?, console: Console) -> ExitStatus {
        let chosen: ChecklistFormat
        if let format {
            chosen = format
        } else if let output, output != "-" {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard let f = ChecklistFormat(rawValue: ext == "markdown" ? "md" : ext == "htm" ? "html" : ext) else {
                console.error("polku: cannot tell the format of `\(output)`: end it in .md, .html or .csv, or give --format")
                return .usage
            }
            chosen = f
        } else {
            chosen = .md
        }
        let target = output ?? (URL(fileURLWithPath: input).deletingPathExtension().path + "." + chosen.rawValue)
        let result: CheckResult
        switch JourneyLoader.load(input, target: target, overrides: overrides, configPath: configPath, console: console) {
        case .checked(let checked): result = checked
        case .stop(let status): return status
        }
        let checklist = Checklist(result, language: language)
        let text: String
        switch chosen {
        case .md: text = MarkdownChecklist.render(checklist)
        case .csv: text = CSVChecklist.render(checklist, byteOrderMark: byteOrderMark)
        case .html:
            var svg: String?
            if withDiagram {
                do {
                    let options = DiagramOptions(language: language)
                    svg = String(decoding: try RenderRunner.draw(result, format: .svg, options: options), as: UTF8.self)
                } catch {
                    console.error("polku: \(error)")
                    return .usage
                }
            }
            text = HTMLChecklist.render(checklist, diagram: svg)
        }
        do {
            try OutputFile.write(Array(text.utf8), to: target)
        } catch {
            console.error("polku: \(error)")
            return .usage
        }
        return .ok
    }
}

/// Reading and checking one journey for a command that writes something from it: refuses
/// an output that is the journey itself, and shows the errors of a journey that has any.
enum JourneyLoader {
    /// The checked journey, or the exit status to stop with (after saying why).
    enum Outcome {
        case checked(CheckResult)
        case stop(ExitStatus)
    }

    /// - Parameter cache: configurations already read, so a folder of journeys reads its
    ///   `polku.toml` once.
    static func load(_ path: String, target: String, overrides: [String], configPath: String?,
                     console: Console, cache: CheckRunner.ConfigurationCache = CheckRunner.ConfigurationCache()) -> Outcome {
        if target != "-" && OutputFile.sameFile(path, target) {
            console.error("polku: refusing to write over the journey `\(path)`: choose another -o")
            return .stop(.usage)
        }
        let source: SourceFile
        let configuration: Configuration
        do {
            source = try SourceLoader.read(path)
            configuration = try CheckRunner(overrides: overrides, configPath: configPath)
                .configuration(for: path, cache: cache)
        } catch {
            console.error("polku: \(error)")
            return .stop(.usage)
        }
        let result = Checker.check(Analysis(source, keepSyntax: false), configuration: configuration)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let renderer = RichRenderer(color: ColorChoice.auto.enabled(fileDescriptor: 2))
            for d in errors { console.error(renderer.render(FileDiagnostic(source, d))) }
            console.error("polku: `\(path)` has \(errors.count == 1 ? "an error" : "\(errors.count) errors"); fix \(errors.count == 1 ? "it" : "them") first")
            return .stop(.findings)
        }
        return .checked(result)
    }
}
