import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuGraphviz
import PolkuModel
import PolkuReport
import PolkuSyntax

/// Diagram output formats.
package enum DiagramFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot
}

/// A diagram drawn, and what the person should know about how (for example that a PNG was
/// drawn at a lower resolution than asked).
package struct Drawing: Sendable {
    /// The files to write: one, unless the diagram was cut into pages (`DiagramOptions.page`)
    /// and the format holds one page a file (SVG, PNG, DOT); a PDF holds all its pages.
    package var pages: [[UInt8]]
    /// What the person should know about how it was drawn, to show beside the output.
    package var notes: [Message]
    /// The sheet the pages were fitted to, turned as they were drawn; nil for a diagram not
    /// fitted to paper.
    package var page: PageSetup?
    /// The first (usually the only) file.
    package var bytes: [UInt8] { pages[0] }

    package init(pages: [[UInt8]], notes: [Message], page: PageSetup? = nil) {
        self.pages = pages
        self.notes = notes
        self.page = page
    }
}

/// The swimlane diagram of a checked journey in any format, drawn by Graphviz in-process.
package enum Diagrams {
    /// PNG is limited to this many pixels a side and in all (more than any screen or printer
    /// needs, and what the PNG renderer can allocate: a picture of 30,000 × 30,000 pixels
    /// takes 3.5 GB): a larger picture is drawn at a lower resolution, down to 18 pixels per
    /// inch; one that does not fit even then is refused (`diagram-too-large`).
    package static let largestPNGSide = 30_000.0
    package static let largestPNGArea = 100_000_000.0
    package static let lowestDPI = 18

    /// Draws the diagram; Graphviz runs on its own thread, so this never blocks the
    /// cooperative thread pool.
    package static func draw(_ journey: CheckedJourney, format: DiagramFormat,
                            options: DiagramOptions) async throws(Problems) -> Drawing {
        try await draw(journey, format: format, options: options) { (dot, format) async throws(GraphvizError) in
            try await Graphviz.shared.render(dot: dot, format: format)
        }
    }

    /// Turns DOT text into a picture: Graphviz in this process, or in another (the workshop
    /// server renders in a worker process it recycles, since Graphviz leaks a little on
    /// every picture).
    package typealias Renderer = @Sendable (_ dot: String, _ format: GraphvizFormat) async throws(GraphvizError) -> [UInt8]

    /// Draws the diagram with `render` doing Graphviz's part.
    package static func draw(_ journey: CheckedJourney, format: DiagramFormat, options: DiagramOptions,
                            render: Renderer) async throws(Problems) -> Drawing {
        let prepared = try prepare(journey, format: format, options: options)
        guard let graphviz = format.graphviz else { return prepared.dotDrawing }
        do {
            var pages: [[UInt8]] = []
            for dot in prepared.dots {
                var bytes = try await render(dot, graphviz)
                if let width = prepared.options.pixelWidth, format == .png {
                    for attempt in prepared.widthAttempts(dot, bytes, width) {
                        bytes = try await render(attempt, graphviz)
                    }
                }
                pages.append(bytes)
            }
            return try prepared.finish(pages, journey, format: format)
        } catch {
            throw problems(error, journey)
        }
    }

    /// Draws the diagram on the calling thread. For synchronous callers only (the command
    /// line); never call it from async code.
    package static func drawBlocking(_ journey: CheckedJourney, format: DiagramFormat,
                                    options: DiagramOptions) throws(Problems) -> Drawing {
        let prepared = try prepare(journey, format: format, options: options)
        guard let graphviz = format.graphviz else { return prepared.dotDrawing }
        do {
            var pages: [[UInt8]] = []
            for dot in prepared.dots {
                var bytes = try Graphviz.shared.renderBlocking(dot: dot, format: graphviz)
                if let width = prepared.options.pixelWidth, format == .png {
                    for attempt in prepared.widthAttempts(dot, bytes, width) {
                        bytes = try Graphviz.shared.renderBlocking(dot: attempt, format: graphviz)
                    }
                }
                pages.append(bytes)
            }
            return try prepared.finish(pages, journey, format: format)
        } catch {
            throw problems(error, journey)
        }
    }

    /// For a process that exits soon after its pictures (the command line): the graph last
    /// drawn is left for the process's exit to free (see `Graphviz.keepsLastGraph`).
    package static func keepLastGraphUntilExit() {
        Graphviz.keepsLastGraph = true
    }

    /// For a process that will draw (the `render` command, known before its arguments are
    /// parsed): Graphviz, pango and the font configuration start on other threads while the
    /// command line is parsed and the journey read, checked and laid out, which a small render
    /// otherwise waits for one after the other; the first SVG's label texts are then measured
    /// on that thread while Graphviz lays the picture out (see `Graphviz.startEarly`). Call
    /// `waitForGraphvizStart` before exiting.
    package static func startGraphvizEarly() {
        Graphviz.startEarly(font: SwimlaneDiagram.fontName)
    }

    /// Waits for `startGraphvizEarly`'s work, so that the process never exits while a library
    /// is being loaded on the other thread.
    package static func waitForGraphvizStart() {
        Graphviz.waitUntilStarted()
    }

    /// What is drawn: the DOT text of the picture or of each page, with the resolution
    /// fitted for PNG.
    struct Prepared {
        var dots: [String]
        var notes: [Message]
        var options: DiagramOptions
        /// For a diagram cut into pages: the steps on each page.
        var pageSteps: [[Int]]? = nil

        var dotDrawing: Drawing { Drawing(pages: dots.map { Array($0.utf8) }, notes: notes, page: options.page) }

        /// Graphviz rounds a PNG's width from the drawing's extent, which it measures a
        /// little differently than the layout: when the first picture misses the asked
        /// width, the resolution is corrected by the ratio, once (a lazy sequence of at
        /// most one more DOT text).
        func widthAttempts(_ dot: String, _ png: [UInt8], _ width: Int) -> [String] {
            guard let got = Diagrams.pngWidth(png), got != width, let dpi = options.dpi, got > 0 else { return [] }
            let corrected = dpi * Double(width) / Double(got)
            return [dot.replacingOccurrences(of: "dpi=\(Diagrams.number(dpi))", with: "dpi=\(Diagrams.number(corrected))")]
        }

        /// An SVG gets its title and text alternative, and each card, arrow and lane the title a
        /// pointer resting on it shows (Graphviz's would be internal names like `s4`); PDF pages
        /// are joined into one document.
        func finish(_ pages: [[UInt8]], _ journey: CheckedJourney, format: DiagramFormat) throws(GraphvizError) -> Drawing {
            switch format {
            case .svg:
                let result = journey.result
                let hover = SwimlaneDiagram.hoverTitles(result, options: options)
                let title = SwimlaneDiagram.title(result, options: options)
                let language = options.language ?? result.analysis.journey.language
                // One page: the whole journey in words. Pages: each says what is on it.
                let whole = pages.count == 1 ? SwimlaneDiagram.description(result, options: options) : ""
                let svgs = pages.enumerated().map { (k, bytes) in
                    let retitled = SVGAccessibility.retitle(bytes, hover)
                    let pageTitle = pages.count == 1 ? title : "\(title) (\(Localized.text(.page, language)) \(k + 1)/\(pages.count))"
                    let description = pages.count == 1 ? whole : SwimlaneDiagram.description(
                        result, options: options, page: (k + 1, pages.count, Set(pageSteps?[k] ?? [])))
                    return SVGAccessibility.annotate(retitled, title: pageTitle, description: description)
                }
                return Drawing(pages: svgs, notes: notes, page: options.page)
            case .pdf:
                // Even one page goes through `join`: cairo writes the time of the render into
                // each PDF (`/CreationDate`), and `join` writes Polku's own information
                // dictionary instead, so the same journey gives the same bytes. It names the
                // diagram as the SVG's title does, and the language its text is in.
                let result = journey.result
                let language = options.language ?? result.analysis.journey.language
                let joined = try PDFPages.join(pages, title: SwimlaneDiagram.title(result, options: options),
                                               language: language.rawValue)
                return Drawing(pages: [joined], notes: notes, page: options.page)
            default:
                return Drawing(pages: pages, notes: notes, page: options.page)
            }
        }
    }

    /// The DOT text, with the resolution fitted for PNG, cut into pages if asked.
    private static func prepare(_ journey: CheckedJourney, format: DiagramFormat,
                                options: DiagramOptions) throws(Problems) -> Prepared {
        var options = options
        if format != .png { options.dpi = nil; options.pixelWidth = nil }
        let result = journey.result
        var notes: [Message] = []
        if let setup = options.page {
            let paged = SwimlaneDiagram.pages(result, options: options, setup: setup)
            options = paged.options
            options.page = paged.setup
            if paged.smallestText < PageSetup.smallestText - 0.005 {
                notes.append(Message(PipelineMessage.smallerText, .text(number(paged.smallestText))))
            }
            return Prepared(dots: paged.dots, notes: notes, options: options, pageSteps: paged.steps)
        }
        var (dot, width, height) = SwimlaneDiagram.dotAndSize(result, options: options)
        if format == .png, let pixels = options.pixelWidth {
            options.dpi = Double(pixels) * 72 / (width + 1)
            dot = SwimlaneDiagram.dotAndSize(result, options: options).dot
        }
        if format == .png, let dpi = options.dpi {
            // Inches, and the resolution at which the picture just fits both limits.
            let (w, h) = (width / 72, height / 72)
            let fitting = min(largestPNGSide / max(w, h), (largestPNGArea / (w * h)).squareRoot())
            if dpi > fitting {
                let fitted = Int(fitting)
                guard fitted >= lowestDPI else {
                    throw Problems(FileDiagnostic(journey.source, .aboutFile(
                        .diagramTooLarge, Message(PipelineMessage.diagramTooLarge, .number(Int(w)), .number(Int(h))),
                        help: Message(PipelineMessage.diagramTooLargeHelp))))
                }
                notes.append(Message(PipelineMessage.lowerResolution, .text(number(dpi)), .number(fitted)))
                options.dpi = Double(fitted)
                options.pixelWidth = nil
                dot = SwimlaneDiagram.dotAndSize(result, options: options).dot
            }
        }
        return Prepared(dots: [dot], notes: notes, options: options)
    }

    /// A PNG's width in pixels, from its header.
    static func pngWidth(_ png: [UInt8]) -> Int? {
        guard png.count >= 24, png[12..<16].elementsEqual(Array("IHDR".utf8)) else { return nil }
        return png[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }

    /// A number as the DOT text writes it: at most two decimals, no trailing zeros.
    static func number(_ v: Double) -> String { SwimlaneDiagram.number(v) }

    private static func problems(_ error: GraphvizError, _ journey: CheckedJourney) -> Problems {
        let code: ErrorCode = error.kind == .unavailable ? .graphvizUnavailable : .graphvizFailed
        let notes = error.details.isEmpty ? [] : [Message(PipelineMessage.graphvizSaid, .text(error.details))]
        return Problems(FileDiagnostic(journey.source, .aboutFile(code, words(error.problem), notes: notes)))
    }

    /// What Graphviz (or the joining of PDF pages) could not do, in words.
    static func words(_ problem: GraphvizError.Problem) -> Message {
        switch problem {
        case .cannotStart: Message(PipelineMessage.graphvizCannotStart)
        case .noLayoutPlugins: Message(PipelineMessage.graphvizNoLayoutPlugins)
        case .noCairo(let format): Message(PipelineMessage.graphvizNoCairo, .text(format.rawValue.uppercased()))
        case .cannotRead: Message(PipelineMessage.graphvizCannotRead)
        case .cannotLayOut: Message(PipelineMessage.graphvizCannotLayOut)
        case .errorWhileLayingOut: Message(PipelineMessage.graphvizErrorLayingOut)
        case .cannotRender(let format): Message(PipelineMessage.graphvizCannotRender, .text(format.rawValue.uppercased()))
        case .errorWhileRendering: Message(PipelineMessage.graphvizErrorRendering)
        case .noPDFToJoin: Message(PipelineMessage.pdfNothingToJoin)
        case .pdfUnreadable(let document, let count, let reason):
            // What the PDF reader found is for a bug report, and stays as it is.
            Message(PipelineMessage.pdfUnreadable, .number(document), .number(count), .text(reason))
        }
    }
}

extension DiagramFormat {
    var graphviz: GraphvizFormat? {
        switch self {
        case .svg: .svg
        case .png: .png
        case .pdf: .pdf
        case .dot: nil
        }
    }
}
