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

    @Option(help: "Language: en, fi or sv (default: POLKU_LANG or the locale, else English).")
    var lang: KeywordLanguage?

    func run() throws {
        let console = Console(language: lang)
        let language = console.speaks
        let text: String
        if let info = RuleRegistry.info(named: name) {
            text = say(language, .defaultSeverity, .text(info.name), .text(info.defaultSeverity.rawValue)) + "\n\n\(info.explanationText(language))\n"
        } else if let code = ErrorCode(rawValue: name) {
            text = say(language, .anError, .text(code.rawValue)) + "\n\n\(code.explanationText(language))\n"
        } else {
            let all = RuleRegistry.names + ErrorCode.allCases.map(\.rawValue)
            var message = say(language, .noSuchRuleOrError, .text(name))
            if let near = Suggestions.closest(to: name, among: all) { message += say(language, .didYouMean, .text(near)) }
            throw ValidationError(message + say(language, .rulesListsThem))
        }
        console.write(text)
        try finish(.ok, console)
    }
}
