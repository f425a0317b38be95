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

        --page a4, a3 or letter fits the diagram to that sheet (turned whichever way needs \
        fewer pages, or as --portrait or --landscape say; --margin in millimetres, default \
        12) at a size where no text is \
        smaller than 8 pt. A diagram that does not fit one page is cut between phases and \
        between lanes, each page repeating the phase headings and lane names: a PDF gets \
        all the pages; SVG and PNG get a file per page, numbered (plan-1.svg, plan-2.svg …), \
        and the files written are listed on standard output. With --page, auto is the \
        layout that needs fewer pages. --width gives a PNG (each page) an exact width in \
        pixels, for slides and documents that take only pictures.

        The checker's findings are marked on their steps (a dashed border and a ⚠ line in \
        words); --no-findings hides them. A journey with errors is not drawn: the errors are \
        shown instead.

        --compare OLD draws the journey against an earlier version of it (today against the \
        plan): steps added get a double border and the word NEW, steps changed a thick border \
        and what changed in words, and steps removed are drawn where they stood with a dotted \
        grey border and the word REMOVED. `polku diff` lists the same changes as text.

        Examples:
          polku render Examples/article-delivery.polku -o article-delivery.svg
          polku render Examples/kaukolaina-fi.polku -o kaukolaina.png --dpi 200
          polku render Examples/social-media-event.polku --layout compact -o event.pdf
          polku render Examples/ --out-dir diagrams --format pdf --theme print
          polku render Examples/new-resident-year.polku --page a4 -o plan.pdf
          polku render Examples/chat-reference.polku -o slide.png --width 1600
          polku render plan.polku --compare today.polku -o plan.png
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

    @Option(help: ArgumentHelp("Fit to pages of this paper: a4, a3 or letter, text at least 8 pt.", valueName: "paper"))
    var page: Paper?

    @Flag(help: "With --page: the sheet standing or lying (wider than tall); without either, whichever needs fewer pages.")
    var turn: Turn?

    @Option(help: ArgumentHelp("With --page: the margin on every side, in millimetres (default 12).", valueName: "mm"))
    var margin: Double?

    @Option(help: ArgumentHelp("PNG: the picture's exact width in pixels (each page's, with --page).", valueName: "px"))
    var width: Int?

    @Option(help: ArgumentHelp("Draw the journey against an earlier version of it: steps added, changed and removed marked.", valueName: "old journey"))
    var compare: String?

    @OptionGroup var checker: CheckerOptions

    func validate() throws {
        guard Theme.all.contains(where: { $0.name == theme }) else {
            throw ValidationError(say(speaks, .themeValues, .text(theme)))
        }
        guard (36...1200).contains(dpi) else { throw ValidationError(say(speaks, .dpiRange)) }
        if page == nil && (turn != nil || margin != nil) {
            throw ValidationError(say(speaks, .pageOptionsNeedPage))
        }
        if let margin, !(0...50).contains(margin) {
            throw ValidationError(say(speaks, .marginRange))
        }
        if let width, !(100...20_000).contains(width) {
            throw ValidationError(say(speaks, .widthRange))
        }
    }

    /// The language of the command line's words.
    var speaks: KeywordLanguage { lang ?? EnvironmentLanguage.current }

    /// The sheet to fit to, if any.
    var pageSetup: PageSetup? {
        page.map { PageSetup(paper: $0, orientation: turn?.orientation ?? .auto, margin: margin ?? PageSetup.defaultMargin) }
    }

    func run() throws {
        let console = Console(language: lang)
        let options = DiagramOptions(language: lang, theme: Theme.all.first { $0.name == theme }!,
                                     showFindings: !noFindings, dpi: Double(dpi), layout: layout,
                                     page: pageSetup, pixelWidth: width)
        let pipeline = checker.pipeline
        if Pipeline.isFolder(input) {
            if compare != nil {
                console.error(Message(DiffMessage.compareOneJourney).text(console.speaks, keywords: console.speaks))
                return try finish(.usage, console)
            }
            guard let outDir else {
                console.error(say(console.speaks, .folderNeedsOutDir, .text(input)))
                return try finish(.usage, console)
            }
            if output != nil {
                console.error(say(console.speaks, .oneFileNotFolder))
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
        if let width, width > 0, (format ?? output.flatMap { DiagramFormat(rawValue: OutputSteps.fileExtension($0)) }) != .png {
            console.error(say(console.speaks, .widthIsForPNG))
            return try finish(.usage, console)
        }
        let chosen: DiagramFormat
        if let format {
            if let mismatch = OutputSteps.formatMismatch(output, format: format.rawValue, language: console.speaks) {
                console.error(mismatch)
                return try finish(.usage, console)
            }
            chosen = format
        } else if let output, output != "-", let ext = DiagramFormat(rawValue: OutputSteps.fileExtension(output)) {
            chosen = ext
        } else if let output, output != "-" {
            console.error(say(console.speaks, .renderFormatUnknown, .text(output)))
            return try finish(.usage, console)
        } else {
            chosen = .svg
        }
        let target = output ?? OutputSteps.besideJourney(input, extension: chosen.rawValue)
        try finish(render(JourneyPath(input), to: target, format: chosen, options: options, pipeline: pipeline, console: console), console)
    }

    /// Writes a diagram fitted to pages: one file as asked, or one a page with its number in
    /// the name (`plan-1.svg`, or `plan-01.svg` from ten pages on, so they sort); lists the
    /// files written on standard output.
    private func writePages(_ pages: [[UInt8]], to target: String, console: Console) -> ExitStatus {
        if pages.count == 1 {
            let status = OutputSteps.write(pages[0], to: target, console: console)
            if status == .ok && target != "-" { console.write(bytes: Array((target + "\n").utf8)) }
            return status
        }
        if target == "-" {
            console.error(say(console.speaks, .pagesToStandardOutput, .number(pages.count)))
            return .usage
        }
        for (k, bytes) in pages.enumerated() {
            let name = OutputSteps.numbered(target, k + 1, of: pages.count)
            let status = OutputSteps.write(bytes, to: name, console: console)
            if status != .ok { return status }
            console.write(bytes: Array((name + "\n").utf8))
        }
        return .ok
    }

    private func render(_ path: JourneyPath, to target: String, format: DiagramFormat, options: DiagramOptions,
                        pipeline: Pipeline, console: Console) -> ExitStatus {
        let loaded: CheckedJourney
        switch OutputSteps.load(path, target: target, pipeline: pipeline, console: console) {
        case .success(let journey): loaded = journey
        case .failure(let status): return status
        }
        var journey = loaded, options = options
        if let compare {
            switch OutputSteps.load(JourneyPath(compare), target: target, pipeline: pipeline, console: console) {
            case .success(let old): (journey, options.comparison) = Diagrams.compared(loaded, with: old, language: lang)
            case .failure: return .usage
            }
        }
        do {
            let drawing = try Diagrams.drawBlocking(journey, format: format, options: options)
            let language = console.language ?? journey.language
            for note in drawing.notes { console.error(say(language, .note, .text(note.text(language, keywords: journey.language)))) }
            if options.page == nil { return OutputSteps.write(drawing.bytes, to: target, console: console) }
            return writePages(drawing.pages, to: target, console: console)
        } catch {
            console.show(error.items)
            return .usage
        }
    }
}
