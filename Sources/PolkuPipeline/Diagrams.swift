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
    package var bytes: [UInt8]
    package var notes: [String]
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
        let (dot, notes, options) = try prepare(journey, format: format, options: options)
        guard let graphviz = format.graphviz else { return Drawing(bytes: Array(dot.utf8), notes: notes) }
        do {
            let bytes = try await Graphviz.shared.render(dot: dot, format: graphviz)
            return Drawing(bytes: finish(bytes, journey, format: format, options: options), notes: notes)
        } catch {
            throw problems(error, journey)
        }
    }

    /// Draws the diagram on the calling thread. For synchronous callers only (the command
    /// line); never call it from async code.
    package static func drawBlocking(_ journey: CheckedJourney, format: DiagramFormat,
                                    options: DiagramOptions) throws(Problems) -> Drawing {
        let (dot, notes, options) = try prepare(journey, format: format, options: options)
        guard let graphviz = format.graphviz else { return Drawing(bytes: Array(dot.utf8), notes: notes) }
        do {
            let bytes = try Graphviz.shared.renderBlocking(dot: dot, format: graphviz)
            return Drawing(bytes: finish(bytes, journey, format: format, options: options), notes: notes)
        } catch {
            throw problems(error, journey)
        }
    }

    /// The DOT text, with the resolution fitted for PNG.
    private static func prepare(_ journey: CheckedJourney, format: DiagramFormat,
                                options: DiagramOptions) throws(Problems) -> (String, [String], DiagramOptions) {
        var options = options
        if format != .png { options.dpi = nil }
        var (dot, width, height) = SwimlaneDiagram.dotAndSize(journey.result, options: options)
        var notes: [String] = []
        if format == .png, let dpi = options.dpi {
            // Inches, and the resolution at which the picture just fits both limits.
            let (w, h) = (width / 72, height / 72)
            let fitting = min(largestPNGSide / max(w, h), (largestPNGArea / (w * h)).squareRoot())
            if Double(dpi) > fitting {
                let fitted = Int(fitting)
                guard fitted >= lowestDPI else {
                    throw Problems(FileDiagnostic(journey.source, .aboutFile(
                        .diagramTooLarge, "the diagram is too large for a PNG picture (\(Int(w)) × \(Int(h)) inches)",
                        help: "draw it as SVG or PDF: `--format svg` or `--format pdf`")))
                }
                notes.append("the diagram is too large for \(dpi) dpi as PNG; drawing it at \(fitted) dpi (use SVG or PDF for full detail)")
                options.dpi = fitted
                dot = SwimlaneDiagram.dotAndSize(journey.result, options: options).dot
            }
        }
        return (dot, notes, options)
    }

    /// An SVG gets its title and text alternative, and each card, arrow and lane the title a
    /// pointer resting on it shows (Graphviz's would be internal names like `s4`).
    private static func finish(_ bytes: [UInt8], _ journey: CheckedJourney, format: DiagramFormat,
                               options: DiagramOptions) -> [UInt8] {
        guard format == .svg else { return bytes }
        let result = journey.result
        let retitled = SVGAccessibility.retitle(bytes, SwimlaneDiagram.hoverTitles(result, options: options))
        let annotated = SVGAccessibility.annotate(String(decoding: retitled, as: UTF8.self),
                                                  title: SwimlaneDiagram.title(result, options: options),
                                                  description: SwimlaneDiagram.description(result, options: options))
        return Array(annotated.utf8)
    }

    private static func problems(_ error: GraphvizError, _ journey: CheckedJourney) -> Problems {
        let code: ErrorCode = error.kind == .unavailable ? .graphvizUnavailable : .graphvizFailed
        let notes = error.details.isEmpty ? [] : ["Graphviz said: \(error.details)"]
        return Problems(FileDiagnostic(journey.source, .aboutFile(code, error.message, notes: notes)))
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
