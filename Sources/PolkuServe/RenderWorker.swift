import Foundation
import PolkuGraphviz
import Synchronization

/// Where the workshop server's pictures are drawn.
///
/// Graphviz keeps a few kilobytes of every picture it draws (measured in `bench/RESULTS.md`:
/// about 9 KB for a small journey, 90 KB for 50 steps), which a server that redraws on every
/// save would collect without end. So the server draws in a worker process (`polku serve
/// --render-worker`) and replaces it after `rendersPerWorker` pictures; its own memory stays
/// flat and a crash in Graphviz costs one picture, not the workshop.
package enum RenderPlace: Sendable {
    /// In this process (tests, and where no executable can be started).
    case inProcess
    /// In a worker: `executable` started with `arguments`.
    case worker(executable: String, arguments: [String], rendersPerWorker: Int)
}

/// Draws DOT text in a worker process, one picture at a time, replacing the worker after
/// `rendersPerWorker` pictures or when it stops.
package final class RenderWorkers: Sendable {
    private struct Worker: @unchecked Sendable {  // used only on `queue`
        var process: Process
        var input: FileHandle
        var output: FileHandle
        var renders = 0
    }

    private let place: RenderPlace
    private let current = Mutex<Worker?>(nil)
    /// The exchanges block on pipes: they run one at a time on this queue, never on a thread
    /// of Swift's cooperative pool.
    private let queue = DispatchQueue(label: "polku.render-worker")
    /// How many workers have been started (for tests and the benchmark).
    private let started = Atomic<Int>(0)

    package init(_ place: RenderPlace) {
        self.place = place
        // A worker that died must not take the server with it when the server writes to its pipe.
        signal(SIGPIPE, SIG_IGN)
    }

    package var workersStarted: Int { started.load(ordering: .relaxed) }

    /// The process ID of the worker running now, if any.
    package var workerProcessID: Int32? { current.withLock { $0?.process.processIdentifier } }

    /// Draws `dot` as `format`.
    package func render(dot: String, format: GraphvizFormat) async throws(GraphvizError) -> [UInt8] {
        guard case .worker(let executable, let arguments, let limit) = place else {
            return try await Graphviz.shared.render(dot: dot, format: format)
        }
        let result: Result<[UInt8], GraphvizError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.exchange(dot, format, executable, arguments, limit))
            }
        }
        return try result.get()
    }

    /// Stops the worker (when the server stops).
    package func stop() {
        queue.sync { current.withLock { worker in
            if let w = worker { Self.retire(w) }
            worker = nil
        } }
    }

    private func exchange(_ dot: String, _ format: GraphvizFormat, _ executable: String, _ arguments: [String],
                          _ limit: Int) -> Result<[UInt8], GraphvizError> {
        // A worker that stopped (or was killed) is replaced once for this picture.
        var lastProblem = ""
        for _ in 0..<2 {
            let worker: Worker
            do {
                worker = try current.withLock { w in
                    if let existing = w, existing.renders < limit, existing.process.isRunning { return existing }
                    if let old = w { Self.retire(old) }
                    let fresh = try Self.start(executable, arguments)
                    started.add(1, ordering: .relaxed)
                    w = fresh
                    return fresh
                }
            } catch {
                return .failure(GraphvizError(.cannotStart, details: "the render worker \(executable) could not start: \(error)"))
            }
            do {
                let reply = try Self.ask(worker, dot, format)
                current.withLock { $0?.renders += 1 }
                return reply
            } catch {
                lastProblem = "\(error)"
                current.withLock { w in
                    if let old = w { Self.retire(old) }
                    w = nil
                }
            }
        }
        return .failure(GraphvizError(.errorWhileRendering, details: "the render worker stopped: \(lastProblem)"))
    }

    private static func start(_ executable: String, _ arguments: [String]) throws -> Worker {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return Worker(process: process, input: input.fileHandleForWriting, output: output.fileHandleForReading)
    }

    /// Closes the worker's input, so it ends; waits for it.
    private static func retire(_ worker: Worker) {
        try? worker.input.close()
        if worker.process.isRunning {
            // It ends on end of input; one that hangs is stopped.
            let deadline = Date().addingTimeInterval(2)
            while worker.process.isRunning, Date() < deadline { usleep(2_000) }
            if worker.process.isRunning { worker.process.terminate() }
        }
        worker.process.waitUntilExit()
        try? worker.output.close()
    }

    struct WorkerStopped: Error, CustomStringConvertible {
        var description: String
    }

    /// One request and its reply: `FORMAT LENGTH\n` and the DOT text; `ok LENGTH\n` and the
    /// picture, or `error PROBLEM LENGTH\n` and what Graphviz said.
    private static func ask(_ worker: Worker, _ dot: String, _ format: GraphvizFormat) throws -> Result<[UInt8], GraphvizError> {
        let body = Array(dot.utf8)
        try worker.input.write(contentsOf: Data("\(format.rawValue) \(body.count)\n".utf8) + Data(body))
        let header = try readLine(worker.output).split(separator: " ")
        guard let last = header.last, let length = Int(last), length >= 0 else {
            throw WorkerStopped(description: "its reply could not be read")
        }
        let payload = try readExactly(worker.output, length)
        if header.first == "ok" { return .success(payload) }
        let problem = header.count == 3 ? Problem(String(header[1]), format) : .errorWhileRendering
        return .failure(GraphvizError(problem, details: String(decoding: payload, as: UTF8.self)))
    }

    private static func readLine(_ handle: FileHandle) throws -> String {
        var bytes: [UInt8] = []
        while bytes.count < 200 {
            guard let data = try handle.read(upToCount: 1), let byte = data.first else {
                throw WorkerStopped(description: "it ended")
            }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        throw WorkerStopped(description: "its reply has no header")
    }

    private static func readExactly(_ handle: FileHandle, _ count: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            guard let data = try handle.read(upToCount: count - bytes.count), !data.isEmpty else {
                throw WorkerStopped(description: "it ended in the middle of a reply")
            }
            bytes += data
        }
        return bytes
    }

    typealias Problem = GraphvizError.Problem

    // MARK: - The worker's side

    /// The worker process: reads requests on standard input until it ends, draws each with
    /// Graphviz in this process, and writes the replies on standard output.
    package static func serveWorker() -> Int32 {
        let input = FileHandle.standardInput, output = FileHandle.standardOutput
        while true {
            guard let line = try? readLine(input) else { return 0 }
            let parts = line.split(separator: " ")
            guard parts.count == 2, let format = GraphvizFormat(rawValue: String(parts[0])), let length = Int(parts[1]),
                  length >= 0, let body = try? readExactly(input, length) else { return 2 }
            let reply: Data
            do {
                let picture = try Graphviz.shared.renderBlocking(dot: String(decoding: body, as: UTF8.self), format: format)
                reply = Data("ok \(picture.count)\n".utf8) + Data(picture)
            } catch {
                let details = Array(error.details.utf8)
                reply = Data("error \(name(error.problem)) \(details.count)\n".utf8) + Data(details)
            }
            do { try output.write(contentsOf: reply) } catch { return 0 }
        }
    }

    static func name(_ problem: Problem) -> String {
        switch problem {
        case .cannotStart: "cannotStart"
        case .noLayoutPlugins: "noLayoutPlugins"
        case .noCairo: "noCairo"
        case .cannotRead: "cannotRead"
        case .cannotLayOut: "cannotLayOut"
        case .errorWhileLayingOut: "errorWhileLayingOut"
        case .cannotRender: "cannotRender"
        default: "errorWhileRendering"
        }
    }
}

extension GraphvizError.Problem {
    init(_ name: String, _ format: GraphvizFormat) {
        switch name {
        case "cannotStart": self = .cannotStart
        case "noLayoutPlugins": self = .noLayoutPlugins
        case "noCairo": self = .noCairo(format)
        case "cannotRead": self = .cannotRead
        case "cannotLayOut": self = .cannotLayOut
        case "errorWhileLayingOut": self = .errorWhileLayingOut
        case "cannotRender": self = .cannotRender(format)
        default: self = .errorWhileRendering
        }
    }
}
