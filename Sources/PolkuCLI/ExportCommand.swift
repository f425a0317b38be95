import ArgumentParser
import PolkuPipeline
import PolkuSyntax

/// What `polku export` writes.
enum ExportFormat: String, CaseIterable, WordArgument {
    case mermaid, json
}

/// `polku export`: a journey for other tools: a Mermaid journey for wikis, or Polku's JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a journey as a Mermaid journey (for wikis, GitHub, GitLab) or as Polku's JSON.",
        discussion: """
        --to mermaid writes a Mermaid user journey: phases become sections, steps tasks \
        with their mood as the score and who serves as the actors, the channel in brackets \
        after the task. What Mermaid cannot show (recommendations, follow-ups, branches, \
        customer profiles, …) is kept in %% comment lines, which `polku import` reads back. \
        A name ending in .md gives a Markdown page with a ```mermaid block.

        --to json writes the whole journey and its findings in Polku's JSON format, \
        described by Grammar/journey.schema.json; `polku import` turns it back into the \
        same journey.

        Without -o the file is written beside the journey (.mmd or .json).

        Examples:
          polku export Examples/article-delivery.polku --to mermaid
          polku export Examples/kaukolaina-fi.polku -o kaukolaina.md
          polku export Examples/article-delivery.polku --to json -o -
        """
    )

    @Argument(help: "A journey file.")
    var input: String

    @Option(help: "mermaid or json (default: from the -o extension).")
    var to: ExportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Language: en, fi or sv (default: the journey's keywords). JSON: of the findings' texts; Mermaid: of the sections and the comment lines.")
    var lang: KeywordLanguage?

    @OptionGroup var checker: CheckerOptions

    func run() throws {
        let console = Console(language: lang)
        var markdown = false
        var chosen = to
        if let output, output != "-" {
            let ext = OutputSteps.fileExtension(output)
            let fromName: ExportFormat? = switch ext {
            case "mmd", "mermaid", "md", "markdown": .mermaid
            case "json": .json
            default: nil
            }
            markdown = ext == "md" || ext == "markdown"
            if let format = chosen, let fromName, format != fromName {
                console.error(say(console.speaks, .formatMismatch, .text(output), .text(ext), .text(format.rawValue),
                                  .text(fromName.rawValue)))
                return try finish(.usage, console)
            }
            guard let format = chosen ?? fromName else {
                console.error(say(console.speaks, .exportFormatUnknown, .text(output)))
                return try finish(.usage, console)
            }
            chosen = format
        }
        guard let format = chosen else {
            console.error(say(console.speaks, .exportNeedsFormat))
            return try finish(.usage, console)
        }
        let target = output ?? OutputSteps.besideJourney(input, extension: format == .json ? "json" : "mmd")
        let journey: CheckedJourney
        switch OutputSteps.load(JourneyPath(input), target: target, pipeline: checker.pipeline, console: console) {
        case .success(let loaded): journey = loaded
        case .failure(let status): return try finish(status, console)
        }
        let bytes: [UInt8] = switch format {
        case .json: JourneyJSON.document(journey, language: lang)
        case .mermaid: Array(MermaidExport.text(journey, language: lang, markdown: markdown).utf8)
        }
        try finish(OutputSteps.write(bytes, to: target, console: console), console)
    }
}
