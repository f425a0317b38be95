import ArgumentParser
import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuGraphviz
import PolkuModel
import PolkuReport
import PolkuSyntax

/// Diagram output formats.
public enum DiagramFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case svg, png, pdf, dot
}

extension KeywordLanguage: ExpressibleByArgument {}

/// `polku render`: the swimlane diagram of a journey, drawn by Graphviz in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a journey as a swimlane diagram: channels as rows, phases as columns.",
        discussion: """
        The format comes from the output file's extension (.svg, .png, .pdf, .dot) or from \
        --format. Without -o the diagram is written next to the journey with the format's \
        extension. A folder renders every journey in it into --out-dir.

        The checker's findings are marked on their steps (a dashed border and a ⚠ line in \
        words); --no-findings hides them. A journey with errors is not drawn: the errors are \
        shown instead.

        Examples:
          polku render Examples/article-delivery.polku -o article-delivery.svg
          polku render Examples/kaukolaina-fi.polku -o kaukolaina.png --dpi 200
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
        let console = Console(capture: false)
        var runner = RenderRunner()
        runner.options = DiagramOptions(language: lang, theme: Theme.all.first { $0.name == theme }!,
                                        showFindings: !noFindings, dpi: dpi)
        runner.overrides = checker.rules
        runner.configPath = checker.config
        let status = runner.run(input: input, output: output, outDir: outDir, format: format, console: console)
        console.flush()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

/// `polku render` without argument parsing.
public struct RenderRunner {
    public var options = DiagramOptions()
    public var overrides: [String] = []
    public var configPath: String?
    /// One for the whole run: a folder of journeys reads its `polku.toml` once.
    let configurations = CheckRunner.ConfigurationCache()

    public init() {}

    public func run(input: String, output: String?, outDir: String?, format: DiagramFormat?, console: Console) -> ExitStatus {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            guard let outDir else {
                console.error("polku: `\(input)` is a folder: give --out-dir to say where its diagrams go")
                return .usage
            }
            if output != nil {
                console.error("polku: -o names one file; for a folder use --out-dir")
                return .usage
            }
            let (files, problems) = SourceLoader.expand([input])
            for p in problems { console.error("polku: \(p)") }
            if !problems.isEmpty { return .usage }
            var worst = ExitStatus.ok
            let chosen = format ?? .svg
            for file in files {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let target = (outDir as NSString).appendingPathComponent("\(name).\(chosen.rawValue)")
                let status = renderOne(file, to: target, format: chosen, console: console)
                if status.rawValue > worst.rawValue { worst = status }
            }
            return worst
        }
        let chosen: DiagramFormat
        if let format {
            chosen = format
        } else if let output, output != "-", let ext = DiagramFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) {
            chosen = ext
        } else if let output, output != "-" {
            console.error("polku: cannot tell the format of `\(output)`: end it in .svg, .png, .pdf or .dot, or give --format")
            return .usage
        } else {
            chosen = .svg
        }
        let target = output ?? (URL(fileURLWithPath: input).deletingPathExtension().path + "." + chosen.rawValue)
        return renderOne(input, to: target, format: chosen, console: console)
    }

    func renderOne(_ path: String, to target: String, format: DiagramFormat, console: Console) -> ExitStatus {
        let result: CheckResult
        switch JourneyLoader.load(path, target: target, overrides: overrides, configPath: configPath, console: console,
                                  cache: configurations) {
        case .checked(let checked): result = checked
        case .stop(let status): return status
        }
        do {
            let bytes = try Self.draw(result, format: format, options: options, console: console)
            try OutputFile.write(bytes, to: target)
        } catch let error as GraphvizError {
            console.error("polku: \(error)")
            return .usage
        } catch {
            console.error("polku: \(error)")
            return .usage
        }
        return .ok
    }

    /// The diagram in one format. PNG is limited to 30,000 pixels a side (more than any
    /// screen or printer needs, and what the PNG renderer can allocate): a larger picture is
    /// drawn at a lower resolution, with a note.
    public static func draw(_ result: CheckResult, format: DiagramFormat, options: DiagramOptions, console: Console? = nil) throws -> [UInt8] {
        var options = options
        if format != .png { options.dpi = nil }
        var (dot, width, height) = SwimlaneDiagram.dotAndSize(result, options: options)
        if format == .png, let dpi = options.dpi {
            let largest = max(width, height) / 72 * Double(dpi)
            if largest > 30_000 {
                let fitted = max(18, Int(30_000 / (max(width, height) / 72)))
                console?.error("polku: note: the diagram is too large for \(dpi) dpi as PNG; drawing it at \(fitted) dpi (use SVG or PDF for full detail)")
                options.dpi = fitted
                dot = SwimlaneDiagram.dotAndSize(result, options: options).dot
            }
        }
        switch format {
        case .dot:
            return Array(dot.utf8)
        case .svg:
            let svg = try Graphviz.shared.renderBlocking(dot: dot, format: .svg)
            let title = "\(Localized.text(.diagramOf, options.language ?? result.analysis.journey.language)): \(result.analysis.journey.title.value)"
            let annotated = SVGAccessibility.annotate(String(decoding: svg, as: UTF8.self), title: title,
                                                      description: SwimlaneDiagram.description(result, options: options))
            return Array(annotated.utf8)
        case .png:
            return try Graphviz.shared.renderBlocking(dot: dot, format: .png)
        case .pdf:
            return try Graphviz.shared.renderBlocking(dot: dot, format: .pdf)
        }
    }
}
