import ArgumentParser
import Foundation

/// The `polku` command.
public struct Polku: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "polku",
        abstract: "Check and draw library service journeys written as text.",
        discussion: """
        A journey file (*.polku) describes what happens before, during and after a \
        library service, step by step, in each channel. Polku says what is wrong with it.

        Examples:
          polku check Examples/article-delivery.polku
          polku check Examples/
          polku check --format short journeys/
        """,
        version: version,
        subcommands: [CheckCommand.self]
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

/// `polku check`: reads journey files and reports every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check journey files and report every problem with its line and column.",
        discussion: """
        Give one or more journey files, or folders: a folder means every *.polku file in it \
        and below it.

        Exit status: 0 when there are no errors, 1 when a journey has errors, 2 when the \
        command was used wrongly or a file could not be read.

        Examples:
          polku check Examples/
          polku check --format short my-journey.polku
          polku check --format json Examples/ > report.json
        """
    )

    @Argument(help: "Journey files or folders to check (`-` reads standard input).")
    var paths: [String] = []

    @Option(help: "Output format: text (for people), short (one line each, for editors and CI), json.")
    var format: CheckFormat = .text

    @Option(help: "Colour: auto (only on a terminal, never when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("give at least one journey file or folder, for example `polku check Examples/`")
        }
    }

    func run() throws {
        let runner = CheckRunner(format: format, color: color.enabled())
        let status = runner.run(paths: paths, console: Console(capture: false))
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

extension CheckFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
