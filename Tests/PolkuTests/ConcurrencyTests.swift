import Dispatch
import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuGraphviz
import PolkuModel
import PolkuSyntax
import Testing

/// Graphviz behind its actor: renders from many tasks at once give the same bytes as one by
/// one, a render in flight leaves its caller's thread free, and errors say whose problem
/// they are.
@Suite struct ConcurrencyTests {
    /// The DOT text of every example journey, as `polku render` draws it.
    static func exampleDots() throws -> [String] {
        try Fixture.examples.map { path in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path(path))))
            return SwimlaneDiagram.dot(Checker.check(Analysis(SourceFile(name: path, bytes: bytes))))
        }
    }

    /// A journey of `steps` steps over five channels and the three phases, whose diagram
    /// takes Graphviz tens of milliseconds to draw.
    static func longJourneyDot(steps: Int) -> String {
        let channels = ["desk", "phone", "email", "chat", "web"]
        var text = "journey: A long journey\nvia: desk\n"
        for i in 0..<steps {
            if i == 0 { text += "before:\n" } else if i == steps / 3 { text += "during:\n" } else if i == 2 * steps / 3 { text += "after:\n" }
            text += "  step s\(i): Customer takes step number \(i) of the journey\n    via: \(channels[i % channels.count])\n"
        }
        return SwimlaneDiagram.dot(Checker.check(Analysis(SourceFile(name: "long.polku", text: text))))
    }

    @Test func twoHundredDiagramsFromEightTasksAreTheBytesOfOneByOne() async throws {
        let dots = try Self.exampleDots()
        #expect(dots.count >= 5)
        let jobs = (0..<200).map { dots[$0 % dots.count] }
        var oneByOne: [[UInt8]] = []
        for dot in jobs { oneByOne.append(try await Graphviz.shared.render(dot: dot, format: .svg)) }
        #expect(Set(oneByOne).count == dots.count, "each example has its own picture, the same every time")

        // Two plain threads use the blocking door while the eight tasks await.
        async let fromThreadA = Self.drawOnAThread(jobs, Array(stride(from: 0, to: 40, by: 2)))
        async let fromThreadB = Self.drawOnAThread(jobs, Array(stride(from: 1, to: 40, by: 2)))
        let concurrent = try await withThrowingTaskGroup(of: [(Int, [UInt8])].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var mine: [(Int, [UInt8])] = []
                    for i in stride(from: task, to: jobs.count, by: 8) {
                        mine.append((i, try await Graphviz.shared.render(dot: jobs[i], format: .svg)))
                    }
                    return mine
                }
            }
            var all = [[UInt8]](repeating: [], count: jobs.count)
            for try await part in group {
                for (i, bytes) in part { all[i] = bytes }
            }
            return all
        }
        let differing = jobs.indices.filter { concurrent[$0] != oneByOne[$0] }
        #expect(differing.isEmpty, "diagrams \(differing) differ when drawn from eight tasks")
        for (i, bytes) in await fromThreadA + fromThreadB {
            #expect(bytes == oneByOne[i], "diagram \(i) drawn with renderBlocking on a thread differs")
        }
    }

    /// Draws the diagrams with the given indices on a thread of its own (not one of the
    /// cooperative pool's), with the blocking call as the command line does.
    static func drawOnAThread(_ jobs: [String], _ indices: [Int]) async -> [(Int, [UInt8])] {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: indices.map { ($0, (try? Graphviz.shared.renderBlocking(dot: jobs[$0], format: .svg)) ?? []) })
            }.start()
        }
    }

    /// Swift's cooperative pool has as many threads as cores (two here) and is shared with
    /// every other test running in parallel, so a timing check on it could fail for reasons
    /// of its own. The same question, asked exactly: the renders and a probe run on a task
    /// executor with one thread. If a render held its caller's thread, that thread would be
    /// inside Graphviz from the render's start to its end and the probe could not tick in
    /// between, on every run; with the actor, the caller is suspended and the thread is free.
    @available(macOS 15.0, *)
    @Test func aRenderInFlightLeavesItsCallersThreadFree() async throws {
        let dot = Self.longJourneyDot(steps: 300)
        let executor = OneThreadExecutor()
        let clock = ContinuousClock()
        let renders = 4
        let (intervals, ticks) = await withTaskGroup(of: Event.self) { group in
            for _ in 0..<renders {
                group.addTask(executorPreference: executor) {
                    let start = clock.now
                    let bytes = try? await Graphviz.shared.render(dot: dot, format: .svg)
                    return .rendered(start: start, end: clock.now, bytes: bytes?.count ?? 0)
                }
            }
            group.addTask(executorPreference: executor) {
                var ticks: [ContinuousClock.Instant] = []
                while !Task.isCancelled {
                    ticks.append(clock.now)
                    try? await Task.sleep(for: .milliseconds(1))
                }
                return .ticked(ticks)
            }
            var intervals: [(start: ContinuousClock.Instant, end: ContinuousClock.Instant, bytes: Int)] = []
            var ticks: [ContinuousClock.Instant] = []
            for await event in group {
                switch event {
                case .rendered(let start, let end, let bytes):
                    intervals.append((start, end, bytes))
                    if intervals.count == renders { group.cancelAll() }
                case .ticked(let probe):
                    ticks = probe
                }
            }
            return (intervals, ticks)
        }
        #expect(intervals.count == renders && intervals.allSatisfy { $0.bytes > 100_000 }, "every render drew the long journey")
        let inFlight = ticks.filter { tick in intervals.contains { $0.start < tick && tick < $0.end } }
        let longest = intervals.map { $0.start.duration(to: $0.end) }.max() ?? .zero
        #expect(!inFlight.isEmpty, "the probe never ran while a render was in flight (\(ticks.count) ticks, renders up to \(longest))")
    }

    @Test func aDiagramGraphvizCannotReadIsItsFailureNotTheInstallations() throws {
        do {
            _ = try Graphviz.shared.renderBlocking(dot: "digraph { a -> }", format: .svg)
            Issue.record("Graphviz drew a graph with a syntax error")
        } catch {
            #expect(error.kind == .failed)
            #expect(error.details.contains("syntax error"), "\(error.details)")
        }
        // The next render starts with a clean slate.
        let svg = try Graphviz.shared.renderBlocking(dot: "digraph { a -> b }", format: .svg, layout: "dot")
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    @Test func anUnknownLayoutIsAMissingPlugin() async {
        do {
            _ = try await Graphviz.shared.render(dot: "digraph { a -> b }", format: .svg, layout: "no-such-layout")
            Issue.record("Graphviz drew with a layout it does not have")
        } catch {
            #expect(error.kind == .unavailable)
            #expect(error.details.contains("not recognized"), "\(error.details)")
        }
    }
}

private enum Event: Sendable {
    case rendered(start: ContinuousClock.Instant, end: ContinuousClock.Instant, bytes: Int)
    case ticked([ContinuousClock.Instant])
}

/// A task executor with one thread (a serial queue): the cooperative pool, shrunk to one
/// thread and shared with no other test.
@available(macOS 15.0, *)
private final class OneThreadExecutor: TaskExecutor {
    let queue = DispatchQueue(label: "polku.tests.one-thread")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
