import ArgumentParser
import Foundation

/// The `polku` command.
public struct Polku: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "polku",
        abstract: "Check, draw and list library service journeys written as text.",
        discussion: """
        A journey file (*.polku) describes what happens before, during and after a \
        library service, step by step, in each channel. Polku checks it (where could we \
        recommend something, does the customer know what happens next), draws it as a \
        swimlane diagram and writes it as a checklist for the team.

        Examples:
          polku check Examples/article-delivery.polku
          polku check --format summary Examples/article-delivery.polku
          polku render Examples/article-delivery.polku -o article-delivery.svg
          polku checklist Examples/kaukolaina-fi.polku -o kaukolaina.html
          polku rules
          polku explain missing-follow-up
        """,
        version: version,
        subcommands: [CheckCommand.self, RenderCommand.self, ChecklistCommand.self, RulesCommand.self, ExplainCommand.self]
    )

    public init() {}

    /// Runs the command line and returns the exit status, never trapping on bad arguments:
    /// `--help` and `--version` give 0, usage mistakes give 2.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            if let status = error as? ExitCode { return status.rawValue }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            return ExitStatus.usage.rawValue
        }
    }
}

/// `polku check`: reads journey files and reports every problem and finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check journey files: errors, and the places to recommend or follow up.",
        discussion: """
        Give one or more journey files, or folders: a folder means every *.polku file in it \
        and below it.

        The checker's rules look for steps with no recommendation or follow-up and the other \
        gaps a service designer cares about (`polku rules` lists them). A polku.toml file in \
        the journey's folder or a folder above it sets their severities; --rule overrides it.

        Exit status: 0 when there is no error, 1 when a journey has errors or a finding of \
        severity error (or a warning, with --strict), 2 when the command was used wrongly or \
        a file could not be read.

        Examples:
          polku check Examples/
          polku check --format summary Examples/article-delivery.polku
          polku check --rule missing-recommendation=error --strict journeys/
          polku check --format sarif Examples/ > polku.sarif
        """
    )

    @Argument(help: "Journey files or folders to check (`-` reads standard input).")
    var paths: [String] = []

    @Option(help: "Output format: text (for people), short (one line each, for editors and CI), json, sarif (code scanning), summary (a table for a workshop projector).")
    var format: CheckFormat = .text

    @OptionGroup var checker: CheckerOptions

    @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(help: "Colour: auto (only on a terminal, never when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("give at least one journey file or folder, for example `polku check Examples/`")
        }
    }

    func run() throws {
        let runner = CheckRunner(format: format, color: color.enabled(), strict: strict, overrides: checker.rules,
                                 configPath: checker.config)
        let console = Console(capture: false)
        let status = runner.run(paths: paths, console: console)
        console.flush()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

extension CheckFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

/// The options every command that runs the checker shares: `--rule` and `--config`.
struct CheckerOptions: ParsableArguments {
    @Option(name: .customLong("rule"), help: ArgumentHelp("Set a rule's severity: NAME=error|warning|info|off. Repeatable.", valueName: "name=severity"))
    var rules: [String] = []

    @Option(help: ArgumentHelp("Use this configuration file instead of the nearest polku.toml.", valueName: "file"))
    var config: String?
}
