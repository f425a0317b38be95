import ArgumentParser
import PolkuPipeline
import PolkuSyntax

/// `polku diff`: what changed in meaning between two versions of a journey.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a journey: today against the plan, or last year against this year.",
        discussion: """
        Lists the steps added, removed, moved to another phase or channel, and changed (their \
        title, need, who serves, recommendations, follow-ups, feedback, notes, accepted \
        findings, mood and where the customer goes next), what changed about the journey as \
        a whole (title, default channel, customer profiles, channels and their ratings), and \
        which of the checker's findings the change fixed and which it brought. Steps are \
        matched by id, then by title. Comments, layout and the keywords' language do not \
        count: a Finnish and an English file of the same journey are equal.

        Exit status: 0 when the journeys are the same, 1 when they differ, 2 when a file \
        cannot be read or has errors. The format comes from --format, else from the -o \
        extension (.md, .json), else text.

        Examples:
          polku diff today.polku plan.polku
          polku diff last-year.polku this-year.polku --format markdown -o changes.md
          polku diff today.polku plan.polku --format json --lang fi
        """
    )

    @Argument(help: "The old journey (today, or last year).")
    var old: String

    @Argument(help: "The new journey (the plan, or this year).")
    var new: String

    @Option(help: "text, markdown or json (default: from the -o extension, else text).")
    var format: DiffFormat?

    @Option(help: "Language: en, fi or sv (default: the new journey's keywords).")
    var lang: KeywordLanguage?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, or - for standard output (the default).", valueName: "file"))
    var output: String?

    @OptionGroup var checker: CheckerOptions

    func run() throws {
        let console = Console(language: lang)
        let target = output ?? "-"
        // A --format that the file's name contradicts (`--format json -o x.md`) is refused.
        if let format, target != "-", let named = Self.named(target), named != format {
            let ext = OutputSteps.fileExtension(target)
            console.error(say(console.speaks, .formatMismatch, .text(target), .text(ext), .text(format.rawValue), .text(named.rawValue)))
            return try finish(.usage, console)
        }
        let pipeline = checker.pipeline
        var loaded: [CheckedJourney] = []
        for path in [old, new] {
            switch OutputSteps.load(JourneyPath(path), target: target, pipeline: pipeline, console: console) {
            case .success(let journey): loaded.append(journey)
            // A file with errors cannot be compared: that is a problem with the input (2),
            // not a difference (1).
            case .failure: return try finish(.usage, console)
            }
        }
        let diff = JourneyDiff(old: loaded[0], new: loaded[1])
        let chosen = format ?? Self.format(ofOutput: target)
        let text = DiffReports.render(diff, format: chosen, language: lang)
        let written = OutputSteps.write(Array(text.utf8), to: target, console: console)
        try finish(written != .ok ? written : diff.isEqual ? .ok : .findings, console)
    }

    /// The format an output file's extension names: Markdown for .md, JSON for .json, else text.
    static func format(ofOutput path: String) -> DiffFormat { named(path) ?? .text }

    /// The format an extension names, if it names one (.md, .markdown, .json, .txt).
    static func named(_ path: String) -> DiffFormat? {
        switch OutputSteps.fileExtension(path) {
        case "md", "markdown": .markdown
        case "json": .json
        case "txt", "text": .text
        default: nil
        }
    }
}

extension DiffFormat: WordArgument {}
