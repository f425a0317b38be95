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

    @Option(help: "Language: en, fi or sv (default: POLKU_LANG or the locale, else English).")
    var lang: KeywordLanguage?

    func run() throws {
        let console = Console(language: lang)
        console.write(Self.listing(console.speaks))
        try finish(.ok, console)
    }

    static func listing(_ language: KeywordLanguage = .en) -> String {
        let width = RuleRegistry.names.map(\.count).max() ?? 0
        var out = ""
        for info in RuleRegistry.infos {
            let name = info.name + String(repeating: " ", count: width - info.name.count)
            let severity = info.defaultSeverity.rawValue + String(repeating: " ", count: 7 - info.defaultSeverity.rawValue.count)
            out += "\(name)  \(severity)  \(info.summaryText(language))\n"
        }
        out += "\n" + say(language, .rulesFooter) + "\n"
        return out
    }
}
