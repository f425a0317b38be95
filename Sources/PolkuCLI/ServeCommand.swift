import ArgumentParser
import Foundation
import PolkuDiagram
import PolkuIO
import PolkuPipeline
import PolkuServe
import PolkuSyntax

/// `polku serve`: the workshop page, live, for the projector.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Show a journey (or every journey in a folder) as a live page for a workshop.",
        discussion: """
        Open the address it prints in a browser (or use --open). The page shows the diagram, \
        the checker's findings as the workshop's questions (click one to see its card; click a \
        card to see its questions), the summary and the checklist, whose ticks stay after a \
        reload. Saving the file in any editor updates every open page within half a second; \
        "Edit the text" edits it in the page itself, and "Save" writes the file. The projector \
        view shows one question at a time, large (arrow keys or a presentation clicker move \
        between them).

        Only this computer can open the page unless --host says otherwise; then everyone on \
        the network can read and change the journeys. Ctrl-C stops the server.

        Examples:
          polku serve Examples/book-tipping.polku --open
          polku serve Examples/ --port 8080
          polku serve matka.polku --lang fi --layout compact
        """
    )

    @Argument(help: "A journey file, or a folder: every *.polku in it is listed (default: this folder).")
    var path: String = "."

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8765

    @Option(help: "The address to listen on. Anything but 127.0.0.1 lets everyone on the network read and change the journeys.")
    var host: String = "127.0.0.1"

    @Option(help: "Language of the page and the diagram: en, fi or sv (default: each journey's own).")
    var lang: KeywordLanguage?

    @Option(help: "The diagram's layout: auto, timeline or compact.")
    var layout: DiagramLayout = .auto

    @Flag(help: "Open the page in the desktop's browser.")
    var open = false

    @OptionGroup var checker: CheckerOptions

    /// The worker process that draws the server's pictures (started by the server itself).
    @Flag(help: .hidden)
    var renderWorker = false

    /// Draws in the server's own process (for `bench/serve`, which measures what that costs).
    @Flag(help: .hidden)
    var renderInProcess = false

    func run() throws {
        if renderWorker {
            let status = RenderWorkers.serveWorker()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let console = Console(language: lang)
        let speaks = console.speaks
        func t(_ key: ServeMessage, _ values: MessageValue...) -> String { Message(key, values: values).text(speaks, keywords: speaks) }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
        let workshop: Workshop
        do {
            workshop = try Workshop(ServeOptions(
                path: path, language: lang, fallback: console.fallback, layout: layout,
                settings: Pipeline.Settings(configuration: checker.config.map { .file($0) } ?? .nearest, overrides: checker.rules),
                render: renderInProcess ? .inProcess : Self.workerPlace()))
        } catch {
            console.error("polku: " + Message(PipelineMessage.cannotRead, .text(path), .message(Message(PipelineMessage.noSuchFileOrFolder)))
                .text(speaks, keywords: speaks))
            return try finish(.usage, console)
        }
        if !WorkshopServer.isLoopback(host) { console.error("polku: " + t(.networkWarning, .text(host))) }
        let server = WorkshopServer(workshop, host: host, port: port)
        let served = workshop.single == nil ? ServeMessage.servingFolder : ServeMessage.serving
        let name = path
        let openBrowser = open
        let running: @Sendable (Int) async -> Void = { _ in
            let address = server.address + "/"
            let lines = Message(served, .text(name), .text(address)).text(speaks, keywords: speaks) + "\n"
                + Message(ServeMessage.stop).text(speaks, keywords: speaks) + "\n"
            StandardStreams.write(Array(lines.utf8), to: .output)
            if openBrowser, let problem = Self.openBrowser(address) {
                StandardStreams.write(Array(("polku: " + Message(ServeMessage.cannotOpenBrowser, .text(problem)).text(speaks, keywords: speaks) + "\n").utf8), to: .error)
            }
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await server.run(running: running) } catch { outcome.set("\(error)") }
            done.signal()
        }
        done.wait()
        workshop.workers.stop()
        if let failure = outcome.get() {
            let lower = failure.lowercased()
            if lower.contains("address already in use") || lower.contains("eaddrinuse") {
                console.error("polku: " + t(.portInUse, .number(port)))
            } else {
                console.error("polku: " + t(.cannotListen, .text("\(host):\(port)"), .text(failure)))
            }
            return try finish(.usage, console)
        }
        console.error(t(.stopped))
        try finish(.ok, console)
    }

    /// Pictures are drawn in a worker: this same program, `serve --render-worker`.
    static func workerPlace() -> RenderPlace {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return .inProcess }
        return .worker(executable: executable, arguments: ["serve", "--render-worker"], rendersPerWorker: 200)
    }

    /// Starts the desktop's browser on `address`; what went wrong, or nil.
    static func openBrowser(_ address: String) -> String? {
        let candidates = ["xdg-open", "open", "sensible-browser", "chromium", "firefox"]
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "\(folder)/\(name)")
                process.arguments = [address]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                do { try process.run(); return nil } catch { return "\(name): \(error)" }
            }
        }
        return candidates.joined(separator: ", ")
    }

    /// What ended the server, shared between its task and the waiting thread.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var failure: String?
        func set(_ text: String) { lock.lock(); failure = text; lock.unlock() }
        func get() -> String? { lock.lock(); defer { lock.unlock() }; return failure }
    }
}
