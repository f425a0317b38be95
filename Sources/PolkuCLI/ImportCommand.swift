import ArgumentParser
import PolkuPipeline
import PolkuSyntax

/// What `polku import` reads.
enum ImportFormat: String, CaseIterable, WordArgument {
    case json, mermaid
}

/// `polku import`: a journey file from Polku's JSON or from a Mermaid journey.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a journey file from Polku's JSON or from a Mermaid journey.",
        discussion: """
        JSON written by `polku export --to json` comes back as the same journey. From a \
        Mermaid journey (.mmd, or a Markdown file with a ```mermaid block): tasks become \
        steps, scores moods, actors who serves, a channel in brackets at the end of a task \
        its channel, and the %% lines that `polku export --to mermaid` writes are read \
        back. A section whose name has no phase word (before, during, after; ennen, \
        aikana, jälkeen; före, under, efter) is placed by the rule in the README, with a \
        warning.

        The journey is laid out as `polku fmt` does, with keywords in --lang (default: \
        the JSON's language; for Mermaid, its comment lines' language, else POLKU_LANG or \
        the locale). It is written beside the input (.polku) or to -o, never over an \
        existing file unless --force is given.

        Examples:
          polku import article-delivery.json -o article-delivery-copy.polku
          polku import wiki-journey.mmd --lang fi
          polku import README.md -o journey.polku
        """
    )

    @Argument(help: "A .json or .mmd/.md file, or - for standard input (with --from).")
    var input: String

    @Option(help: "json or mermaid (default: from the input's extension).")
    var from: ImportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("The journey file to write, or - for standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Language of the keywords and messages: en, fi or sv.")
    var lang: KeywordLanguage?

    @Flag(help: "Write over the output file if it exists.")
    var force = false

    func run() throws {
        let console = Console(language: lang)
        let format: ImportFormat
        if let from {
            format = from
        } else if input == "-" {
            console.error(say(console.speaks, .importStandardInput))
            return try finish(.usage, console)
        } else {
            switch OutputSteps.fileExtension(input) {
            case "json": format = .json
            case "mmd", "mermaid", "md", "markdown": format = .mermaid
            default:
                console.error(say(console.speaks, .importFormatUnknown, .text(input)))
                return try finish(.usage, console)
            }
        }
        let pipeline = Pipeline()
        let source: SourceFile
        switch pipeline.read(JourneyPath(input)) {
        case .success(let read): source = read
        case .failure(let problems):
            console.show(problems.items)
            return try finish(.usage, console)
        }
        let target = output ?? OutputSteps.besideJourney(input, extension: Pipeline.fileExtension)
        if target != "-" && Pipeline.sameFile(JourneyPath(input), target) {
            console.show([Pipeline.writeProblem(target, .theJourneyItself)])
            return try finish(.usage, console)
        }
        if target != "-" && !force && Pipeline.exists(target) {
            console.error(say(console.speaks, .importExists, .text(target)))
            return try finish(.usage, console)
        }
        let result = switch format {
        case .json: JSONImport.journey(from: source, language: lang)
        case .mermaid: MermaidImport.journey(from: source, language: lang, fallback: console.fallback)
        }
        let imported: ImportedJourney
        switch result {
        case .success(let made): imported = made
        case .failure(let problems):
            console.show(problems.items)
            return try finish(.findings, console)
        }
        console.show(imported.warnings)
        if let problem = OutputSteps.makeFolder(for: target), target != "-" {
            console.show([problem])
            return try finish(.usage, console)
        }
        let status = OutputSteps.write(imported.text, to: target, console: console)
        if status == .ok && target != "-" { console.error(say(lang ?? imported.language, .importWritten, .text(target))) }
        try finish(status, console)
    }
}
