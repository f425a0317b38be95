import ArgumentParser
import PolkuCheck
import PolkuSyntax

/// `polku rules`: every checker rule with its default severity and one line.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the checker's rules: name, default severity and what each flags.",
        discussion: "`polku explain NAME` prints a rule's full explanation with an example."
    )

    func run() throws {
        print(Self.listing(), terminator: "")
    }

    static func listing() -> String {
        let width = RuleRegistry.names.map(\.count).max() ?? 0
        var out = ""
        for info in RuleRegistry.infos {
            let name = info.name + String(repeating: " ", count: width - info.name.count)
            let severity = info.defaultSeverity.rawValue + String(repeating: " ", count: 7 - info.defaultSeverity.rawValue.count)
            out += "\(name)  \(severity)  \(info.summary)\n"
        }
        out += "\nSet a rule's severity in polku.toml ([rules] NAME = \"error\" | \"warning\" | \"info\" | \"off\") or with --rule NAME=SEVERITY.\n"
        return out
    }
}

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
        if let info = RuleRegistry.info(named: name) {
            print("\(info.name) (default severity: \(info.defaultSeverity.rawValue))\n\n\(info.explanation)")
        } else if let code = ErrorCode(rawValue: name) {
            print("\(code.rawValue) (an error in the file)\n\n\(code.explanation)")
        } else {
            let all = RuleRegistry.names + ErrorCode.allCases.map(\.rawValue)
            var message = "there is no rule or error called `\(name)`"
            if let near = Suggestions.closest(to: name, among: all) { message += "; did you mean `\(near)`?" }
            throw ValidationError(message + " (`polku rules` lists the rules)")
        }
    }
}
