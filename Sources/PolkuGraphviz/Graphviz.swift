import CGraphviz
import CPolkuGraphviz
import Foundation

/// The output formats Graphviz renders for Polku.
public enum GraphvizFormat: String, Sendable, CaseIterable {
    case svg, png, pdf

    /// Graphviz's name for the renderer (PNG and PDF through cairo, for anti-aliased text).
    var device: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        }
    }
}

/// Something Graphviz could not do, in words for the person running Polku.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// What Graphviz itself said, for a bug report.
    public var details: String
    public var description: String { details.isEmpty ? message : "\(message)\nGraphviz said: \(details)" }
}

/// The only door to Graphviz. cgraph and gvc keep their state (errors, look-ups, the
/// context) in process-wide globals and are not thread-safe, so there is one context for the
/// process and every call goes through one lock. Memory is freed in the order Graphviz
/// wants: render data, then layout, then graph; the context lives as long as the process.
public final class Graphviz: @unchecked Sendable {
    public static let shared = Graphviz()

    private let lock = NSLock()
    private let context: OpaquePointer?

    private init() {
        context = gvContext()
    }

    /// Lays out a DOT graph with the given engine and renders it. Polku's diagrams pin every
    /// position and edge, so they use `nop2` (what `neato -n2` does); their DOT text says
    /// `layout="nop2"` too, so the `dot` command draws the same picture from the file.
    public func render(dot: String, format: GraphvizFormat, layout: String = "nop2") throws(GraphvizError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        guard let context else {
            throw GraphvizError(message: "Graphviz could not start (gvContext failed)", details: "")
        }
        polku_capture_errors()
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError(message: "Graphviz could not read the diagram Polku wrote; this is a bug in Polku",
                                details: Self.captured())
        }
        defer { agclose(graph) }
        if gvLayout(context, graph, layout) != 0 {
            let said = Self.captured()
            if said.contains("not recognized") {
                throw GraphvizError(message: """
                    Graphviz has no layout plugins registered, so it cannot draw. Run `dot -c` as root \
                    once (it writes Graphviz's plugin list, config6a), or reinstall the libgvc6 package.
                    """, details: said)
            }
            throw GraphvizError(message: "Graphviz could not lay out the diagram", details: said)
        }
        defer { gvFreeLayout(context, graph) }
        if agerrors() > 0 {
            throw GraphvizError(message: "Graphviz reported an error while laying out the diagram", details: Self.captured())
        }
        var data: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = polku_render_data(context, graph, format.device, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data, length > 0 else {
            let said = Self.captured()
            if said.contains("not recognized") || said.contains("Format") {
                throw GraphvizError(message: """
                    Graphviz cannot write \(format.rawValue.uppercased()) here: the cairo plugin is missing. \
                    Install the libgvc6 package (it brings the cairo plugin) and run `dot -c` as root.
                    """, details: said)
            }
            throw GraphvizError(message: "Graphviz could not render \(format.rawValue.uppercased())", details: said)
        }
        if agerrors() > 0 {
            throw GraphvizError(message: "Graphviz reported an error while rendering", details: Self.captured())
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    private static func captured() -> String {
        String(cString: polku_captured_errors()).trimmingCharacters(in: .whitespacesAndNewlines)
    }

}
