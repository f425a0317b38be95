import ArgumentParser
import PolkuCheck
import PolkuSyntax

/// `polku explain NAME`: the full text of a rule or an error.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a checker rule or an error by its name.",
        discussion: """
        Examples:
          polku explain missing-follow-up
          polku explain unknown-channel
        """
    )

    @Argument(help: "A rule name (see `polku rules`) or an error name (shown in brackets after each error).")
    var name: String

    func run() throws {
        let text: String
        if let info = RuleRegistry.info(named: name) {
            text = "\(info.name) (default severity: \(info.defaultSeverity.rawValue))\n\n\(info.explanation)\n"
        } else if let code = ErrorCode(rawValue: name) {
            text = "\(code.rawValue) (an error)\n\n\(code.explanation)\n"
        } else {
            let all = RuleRegistry.names + ErrorCode.allCases.map(\.rawValue)
            var message = "there is no rule or error called `\(name)`"
            if let near = Suggestions.closest(to: name, among: all) { message += "; did you mean `\(near)`?" }
            throw ValidationError(message + " (`polku rules` lists the rules)")
        }
        let console = Console()
        console.write(text)
        try finish(.ok, console)
    }
}
