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
    /// between them, so the parser, the faster, does not hold the file's syntax while it waits.
    /// With its time to spare, the parser's thread also takes the page faults of the memory
    /// the resolver writes steps to (`Readied`).
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
                // The resolver took a chunk to make room for this one.
                readied.ready(taken: handOver.taken(), room: handOver.resolverRoom())
                return put
            }
            handOver.finish(tree)
            // The last chunks, as the resolver takes each.
            while readied.unready, let taken = handOver.waitForTake() {
                readied.ready(taken: taken, room: handOver.resolverRoom())
            }
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

/// On the parser's thread, which has time to spare (resolving takes longer than parsing):
/// the resolver's memory for the steps and texts of each chunk, made ready once the
/// resolver has taken the chunk (`ResolverRoom`), while it makes the first steps of it.
/// Not sooner: memory readied for chunks still waiting would be in use beside their
/// syntax, and raise the peak (by 3 MiB a chunk at 100,000 steps).
private struct Readied {
    /// For each chunk handed over: the steps and step texts in it and the chunks before it,
    /// the most the resolver makes of them.
    private var ends: [(steps: Int, texts: Int)] = []
    /// The chunks whose memory is ready, or that were taken before the room was known.
    private var done = 0

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

    /// Whether a chunk handed over is not readied yet.
    var unready: Bool { done < ends.count }

    /// Readies the chunks taken so far (the first `taken`) that are not ready yet.
    mutating func ready(taken: Int, room: ResolverRoom?) {
        let taken = min(taken, ends.count)
        guard taken > done else { return }
        if let room {
            let (steps, texts) = done == 0 ? (0, 0) : ends[done - 1]
            room.populate(steps: steps..<ends[taken - 1].steps, texts: texts..<ends[taken - 1].texts)
        }
        done = taken
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
        /// Chunks the resolver has taken.
        var taken = 0
    }

    private let state = Locked(State())
    /// Signalled for each chunk put, and once more at the end.
    private let waiting = DispatchSemaphore(value: 0)
    /// Room for chunks not yet taken: two. Given at start rather than as the initial value,
    /// which the semaphore would insist on finding again when it is freed (it is not, when
    /// the resolver stops early and chunks are let go of untaken).
    private let room = DispatchSemaphore(value: 0)
    /// Signalled for each chunk taken, and once more when the resolver stops.
    private let took = DispatchSemaphore(value: 0)

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

    /// On the parser's thread: how many chunks the resolver has taken.
    func taken() -> Int {
        state.withLock { $0.taken }
    }

    /// On the parser's thread, once parsing has ended: waits for the resolver to take a
    /// chunk, then says how many it has taken; nil once it has stopped.
    func waitForTake() -> Int? {
        took.wait()
        return state.withLock { $0.stopped ? nil : $0.taken }
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
            state.taken += 1
            return state.chunks.removeFirst()
        }
        if chunk != nil {
            room.signal()
            took.signal()
        }
        return chunk
    }

    /// On the resolver's thread: no more chunks are wanted; the parser stops at its next one.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
        took.signal()
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
