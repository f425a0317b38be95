import ArgumentParser
import Foundation
import PolkuDiagram
import PolkuIO
import PolkuPipeline
import PolkuSyntax

/// Exit codes shared by every command.
enum ExitStatus: Int32, Sendable, Error {
    /// Nothing wrong.
    case ok = 0
    /// The journey has errors (or, under `--strict`, warnings).
    case findings = 1
    /// The command was used wrongly or a file could not be read or written.
    case usage = 2

    /// The worse of two.
    func worse(_ other: ExitStatus) -> ExitStatus { other.rawValue > rawValue ? other : self }
}

/// The `polku` command: a thin door to `PolkuPipeline`, one file per subcommand.
package struct Polku: ParsableCommand {
    package static let version = "0.1.0"

    /// The command's configuration: as written below, except while the command line is
    /// parsed (see `parse`).
    package static var configuration: CommandConfiguration {
        parsing ? parsingConfiguration : shownConfiguration
    }

    /// While ArgumentParser parses, the command says it has a "super-command" (an experimental
    /// setting, read by ArgumentParser only to skip its completion-script check and to prefix
    /// the usage lines of help and errors, which are made after parsing, from the
    /// configuration as written).
    private static let parsingConfiguration: CommandConfiguration = {
        var configuration = shownConfiguration
        configuration._superCommandName = ""
        return configuration
    }()

    /// Whether this thread is parsing a command line in `parse`.
    @TaskLocal private static var parsing = false

    /// Parses a command line. ArgumentParser looks for `--generate-completion-script` on every
    /// run by parsing the whole line as two hidden commands, through reflection: 1.7 of the
    /// 29.7 million instructions of a small `check`. Only a command with a super-command skips
    /// it, so the command has one while it is parsed, unless it is asked for a completion script.
    /// The help, the errors and the completions are byte for byte what they were.
    /// `check` followed by paths alone does not go through ArgumentParser at all
    /// (`CheckCommand.withPathsOnly`).
    package static func parse(_ arguments: [String]) throws -> ParsableCommand {
        if let check = CheckCommand.withPathsOnly(arguments) { return check }
        if arguments.contains(where: { $0.hasPrefix("--generate-completion-script") }) {
            return try parseAsRoot(arguments)
        }
        return try $parsing.withValue(true) { try parseAsRoot(arguments) }
    }

    /// The `check` command made from a line of paths alone without ArgumentParser, or nil
    /// (`CheckCommand.withPathsOnly`); for tests.
    package static func checkWithPathsOnly(_ arguments: [String]) -> ParsableCommand? {
        CheckCommand.withPathsOnly(arguments)
    }

    private static let shownConfiguration = CommandConfiguration(
        commandName: "polku",
        abstract: "Check, draw and list library service journeys written as text.",
        discussion: """
        A journey file (*.polku) describes what happens before, during and after a \
        library service, step by step, in each channel. Polku checks it (where could we \
        recommend something, does the customer know what happens next), draws it as a \
        swimlane diagram and writes it as a checklist for the team.

        Examples:
          polku new trip.polku --lang fi
          polku check Examples/article-delivery.polku
          polku check --format summary Examples/article-delivery.polku
          polku render Examples/article-delivery.polku -o article-delivery.svg
          polku checklist Examples/kaukolaina-fi.polku -o kaukolaina.html
          polku diff Examples/article-delivery.polku Examples/article-delivery-plan.polku
          polku export Examples/article-delivery.polku --to mermaid
          polku import article-delivery.json -o copy.polku
          polku rules
          polku explain missing-follow-up
        """,
        version: version,
        subcommands: [NewCommand.self, FmtCommand.self, CheckCommand.self, RenderCommand.self, ChecklistCommand.self, DiffCommand.self, ExportCommand.self, ImportCommand.self, RulesCommand.self, ExplainCommand.self, LspCommand.self, ServeCommand.self]
    )

    package init() {}

    /// Runs the command line and returns the exit status, never trapping on bad arguments:
    /// `--help` and `--version` give 0, usage mistakes give 2.
    package static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parse(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                StandardStreams.write(Array((fullMessage(for: error) + "\n").utf8), to: .output)
                return 0
            }
            if let status = error as? ExitCode { return status.rawValue }
            StandardStreams.write(Array((fullMessage(for: error) + "\n").utf8), to: .error)
            return ExitStatus.usage.rawValue
        }
    }

    /// Whether the command draws a diagram, as far as its first words tell: `render`, a
    /// checklist `--with-diagram` and the workshop server's render worker, unless they are
    /// asked for their help. For those, Graphviz starts while the command line is parsed
    /// (see `Diagrams.startGraphvizEarly`); a wrong guess costs the time of that start.
    package static func willDraw(_ arguments: [String]) -> Bool {
        guard !arguments.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "help" }) else { return false }
        switch arguments.first {
        case "render": return true
        case "checklist": return arguments.contains("--with-diagram")
        case "serve": return arguments.contains("--render-worker")
        default: return false
        }
    }

    /// Runs the command line as the `polku` process and exits.
    package static func main(_ arguments: [String]) -> Never {
        StandardStreams.prepareProcess()
        UntilExit.enabled = true
        Diagrams.keepLastGraphUntilExit()
        if willDraw(arguments) { Diagrams.startGraphvizEarly() }
        let status = run(arguments)
        Diagrams.waitForGraphvizStart()
        StandardStreams.exit(status)
    }
}

/// What a command made and the process may as well keep until it exits: freeing the model of
/// a 100,000-step journey, string by string, took a tenth of `polku check`, and the system
/// takes the memory back at once when the process ends. Only in the `polku` process (tests
/// that run commands in their own process free everything as usual).
enum UntilExit {
    nonisolated(unsafe) static var enabled = false
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        if enabled { kept.append(value) }
    }
}

/// An option whose values are words: the raw values of an enum. Its help and completions
/// come from the raw values directly. ArgumentParser's defaults describe each value with
/// `String(describing:)`, which asks the runtime about conformances, a scan of all of them for
/// each new type: a fifth of the instructions of a small `check`, spent before it starts.
package protocol WordArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension WordArgument {
    package var defaultValueDescription: String { rawValue }
    package static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// No value has a description of its own.
    package static var allValueDescriptions: [String: String] { [:] }
}

extension KeywordLanguage: WordArgument {}
extension ReportFormat: WordArgument {}
extension DiagramFormat: WordArgument {}
extension DiagramLayout: WordArgument {}
extension Paper: WordArgument {}
/// `--portrait` or `--landscape`; neither means `Orientation.auto`.
enum Turn: String, EnumerableFlag {
    case portrait, landscape
    var orientation: Orientation { self == .portrait ? .portrait : .landscape }
}
extension ChecklistFormat: WordArgument {}
extension ColorChoice: WordArgument {}

/// Ends a command with its status: nothing for success, else an exit code.
func finish(_ status: ExitStatus, _ console: Console) throws {
    let final = console.finish(status)
    if final != .ok { throw ExitCode(final.rawValue) }
}
