import Foundation
import PolkuDiagram
import PolkuSyntax

/// Keeps open pages up to date: looks at the files of every journey a page follows (the
/// journey and any `polku.toml` that could apply) every `pollInterval`, and when one changed,
/// sends each page the journey's new view as a server-sent event.
///
/// Looking (`stat`, a few files) rather than asking the system to tell (inotify) works the
/// same for editors that write in place and those that write a new file and rename it, and
/// on every file system; at 25 ms it costs nothing measurable (a few `stat` calls).
package actor LiveJourneys {
    struct Subscriber {
        var choice: ViewChoice
        var continuation: AsyncStream<String>.Continuation
    }

    /// What `stat` says about a file: enough to see that it changed (or appeared, or went).
    struct Stamp: Equatable {
        var inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    let workshop: Workshop
    private var subscribers: [String: [Int: Subscriber]] = [:]
    private var stamps: [String: [Stamp?]] = [:]
    /// The files looked at for each followed journey, found once when the first page follows
    /// it (not on every look).
    private var watched: [String: [String]] = [:]
    private var nextID = 0
    /// How many times each journey's views have been made for its pages: a view made while
    /// a newer one was being made is not sent (the pages would step back in time).
    private var generation: [String: Int] = [:]
    /// Views sent, for tests and the benchmark.
    package private(set) var eventsSent = 0

    package init(_ workshop: Workshop) {
        self.workshop = workshop
    }

    /// Events for a page following `relative`: the current view first, then one after every
    /// change. Nil if the journey is not served.
    package func subscribe(_ relative: String, choice: ViewChoice) async -> AsyncStream<String>? {
        guard workshop.resolve(relative) != nil else { return nil }
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { _ in Task { await self.unsubscribe(relative, id) } }
        if stamps[relative] == nil {
            let files = workshop.watchedFiles(relative)
            watched[relative] = files
            stamps[relative] = Self.stamps(files)
        }
        subscribers[relative, default: [:]][id] = Subscriber(choice: choice, continuation: continuation)
        // From here on every change reaches this page; the first view is sent unless a change
        // came while it was being made (then the newer view is on its way).
        let started = generation[relative, default: 0]
        if let view = await workshop.view(relative, choice: choice), generation[relative, default: 0] == started {
            continuation.yield(Self.event(view))
            eventsSent += 1
        }
        return stream
    }

    private func unsubscribe(_ relative: String, _ id: Int) {
        subscribers[relative]?[id] = nil
        if subscribers[relative]?.isEmpty == true {
            subscribers[relative] = nil
            stamps[relative] = nil
            watched[relative] = nil
            generation[relative] = nil
        }
    }

    package var subscriberCount: Int { subscribers.values.reduce(0) { $0 + $1.count } }

    /// Looks at every followed journey's files once; sends the journeys that changed.
    package func look() async {
        for relative in subscribers.keys.sorted() {
            let now = Self.stamps(watched[relative] ?? [])
            guard now != stamps[relative] else { continue }
            stamps[relative] = now
            await send(relative)
        }
    }

    /// Sends every page following `relative` its view, made once for each way it is seen.
    package func send(_ relative: String) async {
        guard let following = subscribers[relative] else { return }
        generation[relative, default: 0] += 1
        let mine = generation[relative]
        var made: [ViewChoice: String] = [:]
        for choice in Set(following.values.map(\.choice)) {
            guard let view = await workshop.view(relative, choice: choice) else { continue }
            made[choice] = Self.event(view)
        }
        guard generation[relative] == mine else { return }
        for (_, subscriber) in (subscribers[relative] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let event = made[subscriber.choice] else { continue }
            subscriber.continuation.yield(event)
            eventsSent += 1
        }
    }

    /// A comment line every page gets now and then, so that a page that went away is noticed
    /// (writing to it fails) and proxies keep the connection open.
    package func ping() {
        for following in subscribers.values {
            for subscriber in following.values { subscriber.continuation.yield(": ping\n\n") }
        }
    }

    /// Ends every page's events (when the server stops).
    package func finishAll() {
        for following in subscribers.values {
            for subscriber in following.values { subscriber.continuation.finish() }
        }
        subscribers = [:]
        stamps = [:]
        watched = [:]
    }

    /// Looks for changes until cancelled.
    package func watch(every interval: Duration) async {
        var sincePing = Duration.zero
        while !Task.isCancelled {
            await look()
            try? await Task.sleep(for: interval)
            sincePing += interval
            if sincePing >= .seconds(15) {
                ping()
                sincePing = .zero
            }
        }
        finishAll()
    }

    static func event(_ view: JourneyView) -> String {
        "event: view\ndata: \(view.json)\n\n"
    }

    static func stamps(_ files: [String]) -> [Stamp?] {
        files.map { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        }
    }
}
