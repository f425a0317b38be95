import ArgumentParser
import PolkuPipeline
import PolkuReport
import PolkuSyntax

/// `polku fmt`: Polku's one layout, and translation of the keywords into another language.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Lay out journeys in Polku's one layout, or translate their keywords (--to).",
        discussion: """
        Indentation (steps two spaces, attribute lines two more), one blank line between \
        steps, `keyword: value`, the preferred spelling of every keyword and built-in \
        channel name in the file's language, and the file's line ending on every line. \
        Comments and every piece of text stay; a line with an error is kept exactly as \
        written. Files are rewritten in place only when they change, and their names are \
        listed; `-` formats standard input to standard output.

        --to en|fi|sv translates the keywords, built-in channel names, `end` and `because` \
        into another language, leaving ids and every text as written: a Finnish and a \
        Swedish team can share one journey.

        Examples:
          polku fmt Examples/
          polku fmt --check journeys/            (exit 1 and names the files that would change)
          polku fmt --diff trip.polku
          polku fmt --to sv kaukolaina.polku -o kaukolaina-sv.polku
        """
    )

    @Argument(help: "Journey files or folders (`-` reads standard input).")
    var paths: [String] = []

    @Flag(help: "Change nothing; exit 1 and list the files that are not laid out (for CI and pre-commit).")
    var check = false

    @Flag(help: "Change nothing; show what would change as a unified diff.")
    var diff = false

    @Option(help: ArgumentHelp("Translate the keywords into this language: en, fi or sv.", valueName: "lang"))
    var to: KeywordLanguage?

    @Option(name: .shortAndLong, help: ArgumentHelp("For one journey: write the result here (or - for standard output) instead of in place.", valueName: "file"))
    var output: String?

    @Option(help: "Language of the messages: en, fi or sv.")
    var lang: KeywordLanguage?

    func validate() throws {
        if paths.isEmpty { throw ValidationError(say(lang ?? EnvironmentLanguage.current, .fmtGiveAPath)) }
    }

    func run() throws {
        let console = Console(language: lang)
        let pipeline = Pipeline()
        let (files, problems) = pipeline.journeyFiles(paths)
        console.show(problems)
        if output != nil && (files.count != 1 || Pipeline.isFolder(paths[0])) {
            console.error(say(console.speaks, .fmtOutputIsOneFile))
            return try finish(.usage, console)
        }
        var status: ExitStatus = problems.isEmpty ? .ok : .usage
        for path in files {
            let source: SourceFile
            switch pipeline.read(path) {
            case .success(let read): source = read
            case .failure(let unreadable):
                console.show(unreadable.items)
                status = status.worse(.usage)
                continue
            }
            let tree = JourneyParser.parse(source)
            guard let formatted = Formatter.format(tree, to: to) else {
                console.show(tree.diagnostics.prefix(1).map { FileDiagnostic(source, $0, keywords: tree.language) })
                status = status.worse(.usage)
                continue
            }
            let changed = formatted != source.bytes
            let name = "\(path)"
            if diff {
                console.write(LineDiff.unified(String(decoding: source.bytes, as: UTF8.self), String(decoding: formatted, as: UTF8.self),
                                               oldName: name, newName: name))
            }
            if check {
                if changed {
                    if !diff { console.write(name + "\n") }
                    status = status.worse(.findings)
                }
                continue
            }
            if diff { continue }
            let target = output ?? (path.isStandardInput ? "-" : name)
            if target == "-" {
                console.write(bytes: formatted)
            } else if changed || output != nil {
                let written = OutputSteps.write(formatted, to: target, console: console)
                if written != .ok { status = status.worse(written); continue }
                console.write(target + "\n")
            }
        }
        try finish(status, console)
    }
}
