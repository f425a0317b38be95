import ArgumentParser
import Foundation
import PolkuDiagram
import PolkuPipeline
import PolkuSyntax

/// `polku render`: the swimlane diagram of a journey, drawn by Graphviz in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a journey as a swimlane diagram: channels as rows, phases as columns.",
        discussion: """
        The format comes from the output file's extension (.svg, .png, .pdf, .dot) or from \
        --format; a --format that the extension contradicts (`--format png -o x.svg`) is \
        refused. Without -o the diagram is written next to the journey with the format's \
        extension (to standard output for a journey read from standard input). A folder \
        renders every journey in it into --out-dir, keeping the folder's structure.

        --layout timeline gives every step a column of its own, with arrows for the flow; \
        --layout compact has one column per phase and one row per channel, the steps of a \
        cell stacked in file order; auto (the default) is compact for a journey of more \
        than 8 steps and timeline otherwise. In every layout the steps are numbered 1, 2, \
        3 … in file order, as in the checklists.

        The checker's findings are marked on their steps (a dashed border and a ⚠ line in \
        words); --no-findings hides them. A journey with errors is not drawn: the errors are \
        shown instead.

        Examples:
          polku render Examples/article-delivery.polku -o article-delivery.svg
          polku render Examples/kaukolaina-fi.polku -o kaukolaina.png --dpi 200
          polku render Examples/social-media-event.polku --layout compact -o event.pdf
          polku render Examples/ --out-dir diagrams --format pdf --theme print
          polku render Examples/lasecirkel-sv.polku -o - --format svg > diagram.svg
        """
    )

    @Argument(help: "A journey file, or a folder of them.")
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("For a folder: where to write the diagrams.", valueName: "folder"))
    var outDir: String?

    @Option(help: "svg, png, pdf or dot (default: from the -o extension, else svg).")
    var format: DiagramFormat?

    @Option(help: "Language of headings and legend: en, fi or sv (default: the journey's keywords).")
    var lang: KeywordLanguage?

    @Option(help: "light (default) or print (black and white).")
    var theme: String = "light"

    @Option(help: ArgumentHelp("""
        timeline (a column per step, with arrows), compact (a column per phase, the steps \
        of a cell stacked and numbered) or auto (default: compact for more than 8 steps).
        """, valueName: "layout"))
    var layout: DiagramLayout = .auto

    @Flag(name: .customLong("no-findings"), help: "Do not mark the checker's findings.")
    var noFindings = false

    @Option(help: "Pixels per inch for PNG.")
    var dpi: Int = 150

    @OptionGroup var checker: CheckerOptions

    func validate() throws {
        guard Theme.all.contains(where: { $0.name == theme }) else {
            throw ValidationError("--theme is light or print, not `\(theme)`")
        }
        guard (36...1200).contains(dpi) else { throw ValidationError("--dpi is a number from 36 to 1200") }
    }

    func run() throws {
        let console = Console()
        let options = DiagramOptions(language: lang, theme: Theme.all.first { $0.name == theme }!,
                                     showFindings: !noFindings, dpi: dpi, layout: layout)
        let pipeline = checker.pipeline
        if Pipeline.isFolder(input) {
            guard let outDir else {
                console.error("polku: `\(input)` is a folder: give --out-dir to say where its diagrams go")
                return try finish(.usage, console)
            }
            if output != nil {
                console.error("polku: -o names one file; for a folder use --out-dir")
                return try finish(.usage, console)
            }
            let (files, problems) = pipeline.journeyFiles([input])
            console.show(problems)
            if !problems.isEmpty { return try finish(.usage, console) }
            var worst = ExitStatus.ok
            let chosen = format ?? .svg
            for file in files {
                // The folder's structure is kept under --out-dir, so a/x.polku and b/x.polku
                // give a/x.svg and b/x.svg, never one over the other.
                let target = OutputSteps.mirrored(file, from: input, into: outDir, extension: chosen.rawValue)
                if let problem = OutputSteps.makeFolder(for: target) {
                    console.show([problem])
                    worst = worst.worse(.usage)
                    continue
                }
                worst = worst.worse(render(file, to: target, format: chosen, options: options, pipeline: pipeline, console: console))
            }
            return try finish(worst, console)
        }
        let chosen: DiagramFormat
        if let format {
            if let mismatch = OutputSteps.formatMismatch(output, format: format.rawValue) {
                console.error(mismatch)
                return try finish(.usage, console)
            }
            chosen = format
        } else if let output, output != "-", let ext = DiagramFormat(rawValue: OutputSteps.fileExtension(output)) {
            chosen = ext
        } else if let output, output != "-" {
            console.error("polku: cannot tell the format of `\(output)`: end it in .svg, .png, .pdf or .dot, or give --format")
            return try finish(.usage, console)
        } else {
            chosen = .svg
        }
        let target = output ?? OutputSteps.besideJourney(input, extension: chosen.rawValue)
        try finish(render(JourneyPath(input), to: target, format: chosen, options: options, pipeline: pipeline, console: console), console)
    }

    private func render(_ path: JourneyPath, to target: String, format: DiagramFormat, options: DiagramOptions,
                        pipeline: Pipeline, console: Console) -> ExitStatus {
        let journey: CheckedJourney
        switch OutputSteps.load(path, target: target, pipeline: pipeline, console: console) {
        case .success(let loaded): journey = loaded
        case .failure(let status): return status
        }
        do {
            let drawing = try Diagrams.drawBlocking(journey, format: format, options: options)
            for note in drawing.notes { console.error("polku: note: \(note)") }
            return OutputSteps.write(drawing.bytes, to: target, console: console)
        } catch {
            console.show(error.items)
            return .usage
        }
    }
}
