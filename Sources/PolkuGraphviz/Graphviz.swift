import CGraphviz
import CPolkuGraphviz
import Dispatch
import Foundation
import PolkuLanes

/// The output formats Graphviz renders for Polku.
package enum GraphvizFormat: String, Sendable, CaseIterable {
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

/// Something Graphviz could not do. Plain data: the pipeline puts it into words (in the
/// language asked for) as the diagnostic `graphviz-unavailable` or `graphviz-failed`.
package struct GraphvizError: Error, Sendable, CustomStringConvertible {
    /// Whose problem it is: the installation's or this diagram's. A caller turns `.unavailable`
    /// into the diagnostic `graphviz-unavailable` and `.failed` into `graphviz-failed`.
    package enum Kind: Sendable, Equatable {
        /// Graphviz is not installed completely (its plugins are not registered, the cairo
        /// plugin for PNG and PDF is missing, or it could not start): no diagram will draw.
        case unavailable
        /// Graphviz failed on this diagram (it could not read, lay out or render what Polku
        /// wrote): a bug in Polku.
        case failed
    }

    /// What went wrong.
    package enum Problem: Sendable, Equatable {
        /// `gvContext` failed.
        case cannotStart
        /// No layout plugin is registered (`dot -c` was never run).
        case noLayoutPlugins
        /// The cairo plugin, which writes PNG and PDF, is missing.
        case noCairo(GraphvizFormat)
        /// Graphviz could not read the DOT text.
        case cannotRead
        case cannotLayOut
        case errorWhileLayingOut
        case cannotRender(GraphvizFormat)
        case errorWhileRendering
        /// `PDFPages.join` was given no documents.
        case noPDFToJoin
        /// `PDFPages.join` could not read document `document` (from 1) of `count`: `reason`
        /// says what it found, for a bug report.
        case pdfUnreadable(document: Int, count: Int, reason: String)

        var kind: Kind {
            switch self {
            case .cannotStart, .noLayoutPlugins, .noCairo: .unavailable
            default: .failed
            }
        }
    }

    package var problem: Problem
    /// What Graphviz itself said, for a bug report.
    package var details: String
    package var kind: Kind { problem.kind }

    package init(_ problem: Problem, details: String) {
        self.problem = problem
        self.details = details
    }

    /// For logs and tests, not for people: the pipeline says it in words.
    package var description: String { details.isEmpty ? "\(problem)" : "\(problem)\n\(details)" }
}

/// Runs every job of the Graphviz actor on one serial dispatch queue, so the long, blocking
/// libgvc calls run on that queue's thread and never on a thread of Swift's cooperative pool.
/// (`DispatchSerialQueue`, which is a `SerialExecutor` on Apple platforms, does not exist in
/// this Linux toolchain's Dispatch; this is the same thing in a few lines.)
final class GraphvizExecutor: SerialExecutor {
    let queue = DispatchQueue(label: "polku.graphviz")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    /// Lets `assumeIsolated` accept code that runs on the queue (see `renderBlocking`).
    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}

/// The only door to Graphviz. cgraph and gvc keep their state (errors, look-ups, the
/// context) in process-wide globals and are not thread-safe, so there is one context for the
/// process and every Graphviz call runs on this actor, whose executor is one serial dispatch
/// queue: calls are one at a time, and a long render occupies that queue's thread, not the
/// caller's. Async code awaits `render`; synchronous code (the command line, the fuzzer)
/// calls `renderBlocking`. Memory is freed in the order Graphviz wants: render data, then
/// layout, then graph; the context lives as long as the process.
package actor Graphviz {
    package static let shared = Graphviz()

    private nonisolated let executor: GraphvizExecutor
    private let context: OpaquePointer?
    /// What Graphviz said while starting (loading its plugin list); shown with `.unavailable`.
    private let startupMessages: String

    package nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Set by the one-shot `polku` process, which exits soon after its last picture: the graph
    /// last drawn is then freed when the next render starts, not at once (freeing a 2,000-step
    /// graph and its layout took about 5 % of Graphviz's time), and the process usually exits
    /// first. Set it before the first render.
    nonisolated(unsafe) package static var keepsLastGraph = false
    /// The graph last drawn, not freed yet (`keepsLastGraph`).
    private var kept: UnsafeMutablePointer<Agraph_t>?

    /// The font `startEarly` measures a text in while the context starts (see `init`).
    nonisolated(unsafe) private static var warmUpFont: String?
    /// The first SVG render's DOT text, handed to the thread `startEarly` began.
    private static let ahead = Handover()
    /// The thread `startEarly` began, which the process waits for before it exits.
    nonisolated(unsafe) private static var earlyThread: OwnThread?

    /// Starts Graphviz in the background, for a process that knows it will draw before it is
    /// ready to: the context and its plugins are made on another thread, and one text is
    /// measured in `font`, which starts pango and fontconfig (reading the system's font
    /// configuration). It is what the first render would do first, done while the caller
    /// parses its command line and prepares the picture; a render that comes sooner waits for
    /// it. The same thread then waits for the first render: if it is an SVG, the thread
    /// measures the texts of its labels, in order, while the render reads and lays out the
    /// graph, which then finds them measured (`polku_graphviz_measure_ahead`). Pictures are
    /// the same: every measurement is still the plugin's own. Call `waitUntilStarted` before
    /// the process exits, so that it never ends while a library is being loaded.
    package nonisolated static func startEarly(font: String) {
        warmUpFont = font
        polku_graphviz_start_fonts()
        ahead.open()
        // A thread of its own starts at once (the first job of Dispatch's pool started 1 to 5
        // ms later, and this thread is what a small render waits for). Without one, the first
        // render starts Graphviz itself.
        earlyThread = OwnThread {
            _ = Graphviz.shared
            if let dot = ahead.take() {
                dot.withCString { dot in font.withCString { polku_graphviz_measure_ahead(dot, $0, 1) } }
            }
        }
        if earlyThread == nil { ahead.give(nil) }
    }

    /// Waits for what `startEarly` began (at once when it was never called).
    package nonisolated static func waitUntilStarted() {
        ahead.give(nil)
        earlyThread?.join()
        earlyThread = nil
    }

    private init() {
        let executor = GraphvizExecutor()
        self.executor = executor
        // On the queue as well, so that every Graphviz call of the process happens there. The
        // handler goes in before gvContext, which loads the plugins and reports what fails.
        // The context measures text through Polku's remembering layer (polku_graphviz_text.h).
        (context, startupMessages) = executor.queue.sync {
            polku_install_error_handler()
            polku_capture_errors()
            let context = polku_graphviz_context()
            if context != nil, let font = Graphviz.warmUpFont {
                font.withCString { polku_graphviz_warm_up($0) }
            }
            return (context, Graphviz.captured())
        }
    }

    /// Lays out a DOT graph with the given engine and renders it, on Graphviz's own queue: the
    /// caller's thread is free while Graphviz works. Polku's diagrams pin every position and
    /// edge, so they use `nop2` (what `neato -n2` does); their DOT text says `layout="nop2"`
    /// too, so the `dot` command draws the same picture from the file.
    package func render(dot: String, format: GraphvizFormat, layout: String = "nop2") async throws(GraphvizError) -> [UInt8] {
        try renderHere(dot: dot, format: format, layout: layout)
    }

    /// `render` for synchronous callers: waits on the calling thread until Graphviz is done.
    /// Never call it from async code: it would hold a thread of Swift's cooperative pool (of
    /// which there are as many as cores) for the whole render; await `render` instead.
    @available(*, noasync, message: "this blocks the calling thread; await render(dot:format:layout:) instead")
    package nonisolated func renderBlocking(dot: String, format: GraphvizFormat, layout: String = "nop2") throws(GraphvizError) -> [UInt8] {
        let result = executor.queue.sync {
            // On the queue, so on this actor's executor: `checkIsolated` verifies it.
            assumeIsolated { graphviz in
                Result { () throws(GraphvizError) -> [UInt8] in
                    try graphviz.renderHere(dot: dot, format: format, layout: layout)
                }
            }
        }
        return try result.get()
    }

    private func renderHere(dot: String, format: GraphvizFormat, layout: String) throws(GraphvizError) -> [UInt8] {
        // The first render of a process that started early hands its text to that thread,
        // which measures an SVG's texts while this lays it out (see `startEarly`); the thread
        // measures for this render only, whatever happens.
        Self.ahead.give(format == .svg ? dot : nil)
        defer { polku_graphviz_end_ahead() }
        guard let context else {
            throw GraphvizError(.cannotStart, details: startupMessages)
        }
        if let kept {
            gvFreeLayout(context, kept)
            agclose(kept)
            self.kept = nil
        }
        polku_capture_errors()
        // SVG needs only the size of each text: measured once, reused (see polku_graphviz_text.h).
        polku_remember_text(format == .svg ? 1 : 0)
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError(.cannotRead, details: Self.captured())
        }
        var keep = false
        defer { if !keep { agclose(graph) } }
        let laidOut = gvLayout(context, graph, layout)
        polku_graphviz_end_ahead()
        if laidOut != 0 {
            let said = Self.captured()
            if Self.saysPluginsMissing(said) {
                throw GraphvizError(.noLayoutPlugins, details: withStartup(said))
            }
            throw GraphvizError(.cannotLayOut, details: said)
        }
        defer { if !keep { gvFreeLayout(context, graph) } }
        if agerrors() > 0 {
            throw GraphvizError(.errorWhileLayingOut, details: Self.captured())
        }
        var data: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = polku_render_data(context, graph, format.device, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data, length > 0 else {
            let said = Self.captured()
            if Self.saysPluginsMissing(said) {
                throw GraphvizError(.noCairo(format), details: withStartup(said))
            }
            throw GraphvizError(.cannotRender(format), details: said)
        }
        if agerrors() > 0 {
            throw GraphvizError(.errorWhileRendering, details: Self.captured())
        }
        if Self.keepsLastGraph {
            keep = true
            kept = graph
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    /// Graphviz 2.42 words for "no such plugin": `Layout type: "x" not recognized`,
    /// `Format: "x" not recognized`, `renderer for png:cairo is unavailable`, and
    /// `Could not load "…libgvplugin_pango.so.6" - file not found` (listed but not installed).
    private static func saysPluginsMissing(_ said: String) -> Bool {
        said.contains("not recognized") || said.contains("is unavailable") || said.contains("Could not load")
    }

    /// `said`, after what Graphviz said at start-up if that is not in it already.
    private func withStartup(_ said: String) -> String {
        startupMessages.isEmpty || said.contains(startupMessages) ? said : "\(startupMessages)\n\(said)"
    }

    /// What Graphviz said since `polku_capture_errors`, each line once (a plugin that cannot
    /// be loaded is reported at every attempt to use it).
    private static func captured() -> String {
        var seen = Set<Substring>()
        return String(cString: polku_captured_errors())
            .split(separator: "\n", omittingEmptySubsequences: true)
            .filter { seen.insert($0).inserted }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One text handed from the thread that renders to the thread `Graphviz.startEarly` began,
/// once: that thread waits for it (or for word that none will come) after starting Graphviz.
private final class Handover: @unchecked Sendable {
    private let condition = NSCondition()
    private enum State { case closed, open, given(String?) }
    private var state = State.closed

    /// A thread will `take`: the next `give` is for it.
    func open() {
        condition.lock()
        state = .open
        condition.unlock()
    }

    /// Hands `text` over if a thread waits for it; otherwise, or after the first time,
    /// nothing happens. `nil` tells the waiting thread that nothing will come.
    func give(_ text: String?) {
        condition.lock()
        if case .open = state {
            state = .given(text)
            condition.signal()
        }
        condition.unlock()
    }

    /// Waits for `give`, and closes.
    func take() -> String? {
        condition.lock()
        defer { condition.unlock() }
        while case .open = state { condition.wait() }
        guard case .given(let text) = state else { return nil }
        state = .closed
        return text
    }
}
