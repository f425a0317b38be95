import ArgumentParser
import PolkuIO
import PolkuPipeline
import PolkuSyntax

/// `polku new`: a starter journey from the workbook's exercise, never over an existing file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter journey: a customer profile and the three phases with the workbook's guiding questions.",
        discussion: """
        The starter checks with no errors; `polku check` on it then shows what is still to \
        be written. Keywords are in the chosen language. An existing file is never \
        overwritten. Without FILE, the journey is written to standard output.

        Examples:
          polku new trip.polku
          polku new matka.polku --lang fi --channels palvelupiste,verkko,sähköposti
          polku new resa.polku --lang sv --persona pensionär
        """
    )

    @Argument(help: "The file to write (it must not exist yet), or - for standard output.")
    var file: String?

    @Option(help: "Language of the keywords and texts: en, fi or sv (default: POLKU_LANG or the locale, else English).")
    var lang: KeywordLanguage?

    @Option(help: ArgumentHelp("The channels the journey moves through, comma-separated (built-in names, or your own ids).", valueName: "list"))
    var channels: String?

    @Option(help: ArgumentHelp("The customer profile's id.", valueName: "id"))
    var persona: String?

    func run() throws {
        let console = Console(language: lang)
        let language = console.speaks
        let list = channels.map { $0.split(separator: ",").map(String.init) } ?? []
        let text: String
        switch Starter.journey(language: language, channels: list, persona: persona) {
        case .success(let t): text = t
        case .failure(.invalidChannel(let name)):
            console.error(say(language, .starterBadChannel, .text(name)))
            return try finish(.usage, console)
        case .failure(.invalidPersona(let id)):
            console.error(say(language, .starterBadPersona, .text(id)))
            return try finish(.usage, console)
        }
        guard let file, file != "-" else {
            console.write(text)
            return try finish(.ok, console)
        }
        if Pipeline.exists(file) {
            console.error(say(language, .starterExists, .text(file)))
            return try finish(.usage, console)
        }
        if let problem = OutputSteps.makeFolder(for: file) {
            console.show([problem])
            return try finish(.usage, console)
        }
        let status = OutputSteps.write(Array(text.utf8), to: file, console: console)
        if status == .ok { console.error(say(language, .starterWritten, .text(file))) }
        try finish(status, console)
    }
}
