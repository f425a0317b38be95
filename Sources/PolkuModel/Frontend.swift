import Dispatch
import PolkuLanes
import PolkuSyntax

/// The front end in one call: parse, then resolve.
///
/// `tree.language` is computed before any declarations are dropped, so it stays right.
package struct Analysis: Sendable {
    package var tree: SyntaxTree
    package var journey: Journey
    /// Syntax and resolution errors, in file order.
    package var diagnostics: [Diagnostic]

    package var source: SourceFile { tree.source }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// - Parameter keepSyntax: keep the syntax tree (declarations and every line) after
    ///   resolving; a caller that only needs the journey passes false: the tree is then
    ///   parsed without its line nodes, and its declarations are let go of as they are
    ///   resolved (`Resolver.resolveConsuming`). A large file (`streamingSize`) is then also
    ///   parsed on another thread while the chunks already parsed are resolved (`streamed`).
    package init(_ source: SourceFile, keepSyntax: Bool = true) {
        if !keepSyntax, source.bytes.count >= Self.streamingSize, let analysis = Self.streamed(source) {
            self = analysis
            return
        }
        var tree = JourneyParser.parse(source, lines: keepSyntax)
        let (journey, resolution, unresolved) = keepSyntax ? Resolver.resolveCounting(tree)
            : Resolver.resolveConsuming(&tree)
        if !keepSyntax { tree.dropSyntax() }
        self.init(tree, journey, resolution, unresolved: unresolved)
    }

    /// From this size on (4 MiB, about 16,000 steps: a chunk of declarations), a file
    /// analysed without its syntax is parsed and resolved side by side (`streamed`).
    package static let streamingSize = 4 << 20

    /// Analyses a file without its syntax on two threads: the parser hands each chunk of
    /// declarations to the resolver as soon as it has read it, and goes on with the next,
    /// while the resolver reads the chunk (for a journey of 100,000 steps, parsing took a
    /// fifth of `check`'s time, now mostly hidden behind resolving). At most two chunks wait
    /// between them, so the parser, when it is ahead, does not hold the file's syntax while it
    /// waits. Ahead, with time to spare, the parser's thread also takes the page faults of the
    /// memory the resolver writes steps to (`Readied`).
    ///
    /// Returns the same analysis as `Analysis(source, keepSyntax: false)` read on one thread;
    /// nil when a chunk after the first (the first 1,024 declarations,
    /// `JourneyParser.firstHandOff`) declares a channel, a persona or the journey, which a
    /// step resolved already may have named (`Resolver.resolveStreaming`): the caller then
    /// analyses the file the ordinary way, and the file has taken the time of two analyses.
    /// - Parameter chunkLimit: declarations in a chunk (fewer only for a test).
    package static func streamed(_ source: SourceFile, chunkLimit: Int = JourneyParser.declarationChunk) -> Analysis? {
        let handOver = ChunkHandOver()
        guard var parser = OwnThread({
            var readied = Readied()
            let tree = JourneyParser.parse(source, chunkLimit: chunkLimit) { chunk in
                readied.add(chunk)
                let put = handOver.put(chunk)
                // With two chunks waiting, the parser is ahead and its next `put` waits
                // anyway: it readies the memory of this chunk, which the resolver reaches
                // after the one it is on and the one before this. Behind, the resolver waits
                // for chunks and has time for its own faults: the parser goes straight on.
                if handOver.waitingChunks() >= 2 { readied.ready(last: 1, room: handOver.resolverRoom()) }
                return put
            }
            handOver.finish(tree)
            // The chunks the resolver has yet to read, while it reads them.
            readied.ready(last: handOver.waitingChunks(), room: handOver.resolverRoom())
        }) else { return nil }
        let resolved = Resolver.resolveStreaming(source, room: handOver.setResolverRoom, next: handOver.next)
        if resolved == nil { handOver.stop() }
        // The parser ends at once after `stop`.
        parser.join()
        var tree = handOver.tree()
        guard let resolved else { return nil }
        var journey = resolved.0
        journey.language = tree.language
        tree.dropSyntax()
        return Analysis(tree, journey, resolved.1, unresolved: resolved.unreported)
    }

    private init(_ tree: SyntaxTree, _ journey: Journey, _ resolution: [Diagnostic], unresolved: Int) {
        self.tree = tree
        self.journey = journey
        // A file that is not text has nothing more worth saying.
        let binary = tree.diagnostics.contains { $0.code == ErrorCode.binaryFile.code }
        var all = (tree.diagnostics + (binary ? [] : resolution)).sortedByPosition()
        // At most `Catalog.errorLimit` errors, then how many more there are.
        let more = tree.unreportedErrors + (binary ? 0 : unresolved) + max(0, all.count - Catalog.errorLimit)
        if more > 0 {
            all.removeLast(max(0, all.count - Catalog.errorLimit))
            all.append(Catalog.tooManyErrors(more, after: all.last?.range ?? SourceRange(0, 0)))
        }
        diagnostics = all
    }
}

/// On the parser's thread, when it has time to spare (the resolver is behind): the resolver's
/// memory for the steps, ids and texts of each chunk (`ResolverRoom`), made ready as the
/// chunk is handed over, while the resolver is still on an earlier one. Readied only once the
/// resolver took the chunk, it came too late: the resolver, starting on the chunk at once,
/// met nearly every page first and took its fault (4,200 of them at 100,000 steps, counted
/// with `perf`). Readied always, it slowed the parser when the parser was the slower of the
/// two (the faults are the same work on either thread). Memory readied for the (at most two)
/// chunks waiting is in use beside their syntax: 0.4 MiB a chunk at 100,000 steps.
private struct Readied {
    /// For each chunk handed over: the steps and step texts in it and the chunks before it,
    /// the most the resolver makes of them.
    private var ends: [(steps: Int, texts: Int)] = []

    /// Counts the steps and texts of the chunk about to be handed over.
    mutating func add(_ chunk: [Declaration]) {
        var (steps, texts) = ends.last ?? (0, 0)
        // Read in place, by index: a copy of a declaration retains and releases its parts.
        for i in chunk.indices where chunk[i].kind == .step {
            steps += 1
            for a in chunk[i].attributes.elements where StepTextKind(a.kind) != nil { texts += 1 }
        }
        ends.append((steps, texts))
    }

    /// Readies the last `count` chunks handed over; none before the resolver has said where
    /// it writes (`room` is nil until then).
    func ready(last count: Int, room: ResolverRoom?) {
        guard let room, count > 0, !ends.isEmpty else { return }
        let first = max(0, ends.count - count)
        let (steps, texts) = first == 0 ? (0, 0) : ends[first - 1]
        room.populate(steps: steps..<ends[ends.count - 1].steps, texts: texts..<ends[ends.count - 1].texts)
    }
}

/// Chunks of declarations passed from the parser's thread to the resolver's, in file order,
/// then the parsed tree (`Analysis.streamed`).
private final class ChunkHandOver: Sendable {
    private struct State {
        var chunks: [[Declaration]] = []
        var tree: SyntaxTree?
        var stopped = false
        var resolverRoom: ResolverRoom?
    }

    private let state = Locked(State())
    /// Signalled for each chunk put, and once more at the end.
    private let waiting = DispatchSemaphore(value: 0)
    /// Room for chunks not yet taken: two. Given at start rather than as the initial value,
    /// which the semaphore would insist on finding again when it is freed (it is not, when
    /// the resolver stops early and chunks are let go of untaken).
    private let room = DispatchSemaphore(value: 0)

    init() {
        room.signal()
        room.signal()
    }

    /// On the resolver's thread, before it asks for a chunk: where it writes steps and texts.
    func setResolverRoom(_ room: ResolverRoom) {
        state.withLock { $0.resolverRoom = room }
    }

    /// On the parser's thread: where the resolver writes steps and texts, once it has said.
    func resolverRoom() -> ResolverRoom? {
        state.withLock { $0.resolverRoom }
    }

    /// On the parser's thread: the chunks handed over that the resolver has not taken.
    func waitingChunks() -> Int {
        state.withLock { $0.chunks.count }
    }

    /// On the parser's thread: waits for room, then passes the chunk over. False once the
    /// resolver wants no more.
    func put(_ chunk: [Declaration]) -> Bool {
        room.wait()
        let taken = state.withLock { state in
            guard !state.stopped else { return false }
            state.chunks.append(chunk)
            return true
        }
        if taken { waiting.signal() }
        return taken
    }

    /// On the parser's thread: the tree, once parsing has ended.
    func finish(_ tree: SyntaxTree) {
        state.withLock { $0.tree = tree }
        waiting.signal()
    }

    /// On the resolver's thread: the next chunk, once there is one; nil after the last.
    func next() -> [Declaration]? {
        waiting.wait()
        let chunk = state.withLock { state in
            guard !state.chunks.isEmpty else { return nil as [Declaration]? }
            return state.chunks.removeFirst()
        }
        if chunk != nil { room.signal() }
        return chunk
    }

    /// On the resolver's thread: no more chunks are wanted; the parser stops at its next one.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
    }

    /// On the resolver's thread, once the parser's has ended: the tree. Chunks still waiting
    /// (after `stop`) are let go of.
    func tree() -> SyntaxTree {
        state.withLock { state in
            state.chunks = []
            guard let tree = state.tree else { preconditionFailure("the parser's thread ended without its tree") }
            return tree
        }
    }
}
