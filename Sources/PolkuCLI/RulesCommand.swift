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
        let console = Console()
        console.write(Self.listing())
        try finish(.ok, console)
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
