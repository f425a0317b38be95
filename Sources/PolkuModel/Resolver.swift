#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolkuLanes
import PolkuSyntax

/// Turns a syntax tree into a `Journey`: looks up every id, puts every step in its phase and
/// channel, and computes the flow. Reports every resolution error and keeps going, so one
/// unknown id never hides the next one.
package struct Resolver {
    private let source: SourceFile
    private var diagnostics: [Diagnostic] = []
    /// Errors past `Catalog.errorLimit`, counted but not kept.
    private var unreported = 0

    /// Keeps an error, up to the limit; past it the error is only counted.
    private mutating func report(_ d: Diagnostic) {
        if diagnostics.count < Catalog.errorLimit { diagnostics.append(d) } else { unreported += 1 }
    }

    /// True when no more errors are kept: a caller skips building an expensive message (with
    /// its did-you-mean search) and counts it instead.
    private mutating func countedOnly() -> Bool {
        guard diagnostics.count >= Catalog.errorLimit else { return false }
        unreported += 1
        return true
    }

    private var channels: [Channel] = []
    private var channelIndex: [String: Int] = [:]
    /// Channel names as written, other than canonical ids, that have been resolved.
    private var channelsByName: [String: Int] = [:]
    private var personas: [Persona] = []
    private var personaIndex: [String: Int] = [:]
    private var steps: [Step] = []
    /// A step's attribute texts as they are met, before `Step.setTexts` groups them (one
    /// buffer for every step).
    private var stepTexts: [(StepTextKind, SourceRange)] = []
    /// Every step's attribute texts, grouped by step and kind: the journey's `StepTextStore`.
    private var textRanges: [SourceRange] = []
    private var stepIds: StepIds
    /// The ids hashed ahead (`hash(_:)`), declaration `i`'s at `i % fetchAhead`.
    private var idHashes = [UInt64](repeating: 0, count: Resolver.fetchAhead)
    /// Channel names as written in `via:` lines met last, with their channels (at most eight).
    private var recentChannels: [(SourceRange, Int)] = []
    /// The `next:` lines met, resolved once every id is known: the step, the list of ids
    /// (split only then), and the line.
    private var pendingNext: [(step: Int, value: SourceRange, line: SourceRange)] = []

    /// Attribute lines met by pass 1.
    private var attributeCount = 0
    /// Whether the first `journey:` has a `via:`, once pass 1 has met it.
    private var journeyVia: Bool?

    /// What pass 2 carries from one chunk of declarations to the next.
    private struct Progress {
        var journey: Journey
        var phase: Phase?
        var sections: [PhaseSection] = []
        var sawJourney = false

        init(_ source: SourceFile) {
            journey = Journey(source: source, title: Text("", SourceRange(0, 0)), language: .en, header: SourceRange(0, 0))
        }
    }

    /// - Parameters:
    ///   - declarations: how many steps there may be: the declarations, or a guess that errs high.
    ///   - ids: how many step ids there are likely to be (the table grows past it).
    private init(_ source: SourceFile, declarations: Int, ids: Int) {
        self.source = source
        // About one declaration for each step. Sized once: growing an array of large structs
        // copies them again and again.
        stepIds = StepIds(source, capacity: declarations, expected: ids)
        steps.reserveCapacity(declarations)
    }

    /// Resolves a tree. The journey is always returned; it is sound to use only when the
    /// diagnostics hold no errors.
    package static func resolve(_ tree: SyntaxTree) -> (Journey, [Diagnostic]) {
        let (journey, diagnostics, _) = resolveCounting(tree)
        return (journey, diagnostics)
    }

    /// Also says how many errors past `Catalog.errorLimit` were counted but not kept.
    package static func resolveCounting(_ tree: SyntaxTree) -> (Journey, [Diagnostic], unreported: Int) {
        var chunks = [tree.declarations] + tree.declarationChunks
        return resolveChunks(tree, &chunks, consuming: false)
    }

    /// As `resolveCounting`, for a caller that needs only the journey: the tree's
    /// declarations are taken from it, their attribute lines let go of once read (an array
    /// of them at a time, as the parser made them), and each chunk of declarations
    /// (`SyntaxTree.declarationChunks`) once all of it is read, so that the syntax is freed
    /// as the model grows (for a journey of 100,000 steps, letting go of the attributes took
    /// 10 MiB off the resolver's peak, and of the chunks about 5 more).
    package static func resolveConsuming(_ tree: inout SyntaxTree) -> (Journey, [Diagnostic], unreported: Int) {
        var chunks = [tree.declarations] + tree.declarationChunks
        tree.declarations = []
        tree.declarationChunks = []
        return resolveChunks(tree, &chunks, consuming: true)
    }

    private static func resolveChunks(_ tree: SyntaxTree, _ chunks: inout [[Declaration]],
                                      consuming: Bool) -> (Journey, [Diagnostic], unreported: Int) {
        let declarations = chunks.reduce(0) { $0 + $1.count }
        var resolver = Resolver(tree.source, declarations: declarations, ids: declarations)
        return resolver.withFile { resolver in
            // Pass 1: declare channels and personas so later steps can name ones declared below them.
            for c in chunks.indices { _ = resolver.declare(chunks[c]) }
            // At most one text for each attribute line.
            resolver.textRanges.reserveCapacity(resolver.attributeCount)
            // Pass 2: the journey, steps and every reference, in file order.
            var progress = Progress(tree.source)
            for c in chunks.indices { resolver.resolve(&chunks[c], &progress, consuming: consuming) }
            var (journey, diagnostics) = resolver.finish(progress)
            journey.language = tree.language
            return (journey, diagnostics, resolver.unreported)
        }
    }

    /// Runs `body` with the file's bytes at hand for the step-id table (`StepIds.file`).
    private mutating func withFile<T>(_ body: (inout Resolver) -> T) -> T {
        source.bytes.withUnsafeBufferPointer { file in
            stepIds.file = file
            defer { stepIds.file = UnsafeBufferPointer(start: nil, count: 0) }
            return body(&self)
        }
    }

    /// Resolves the declarations of `source` chunk by chunk as a parser hands them over on
    /// another thread (`JourneyParser.parse(_:chunksTo:)`), each chunk as it comes, letting go
    /// of it once read: `next` waits for the next chunk, and gives nil after the last.
    ///
    /// Each chunk is declared (pass 1) and then resolved (pass 2) before the next is read,
    /// which gives what `resolveConsuming` gives as long as no chunk after the first
    /// declares a channel, a persona or the journey (a step above may name them). When one
    /// does, this stops and returns nil, and the caller resolves the file the ordinary way.
    /// The journey's `language` is left to the caller, which knows it once parsing ends.
    /// - Parameter room: told, before the first chunk is asked for, where the steps and
    ///   their texts will be written, so that the parser's thread can make that memory ready.
    package static func resolveStreaming(_ source: SourceFile, room: (ResolverRoom) -> Void = { _ in },
                                         next: () -> [Declaration]?) -> (Journey, [Diagnostic], unreported: Int)? {
        // The declarations are not known yet: about one header in four lines, as the parser
        // guesses (untouched capacity costs no memory); the id table grows if it must.
        let guess = source.lineCount / 4 + 1
        var resolver = Resolver(source, declarations: guess, ids: guess / 2)
        // At most one text for each attribute line.
        resolver.textRanges.reserveCapacity(source.lineCount)
        room(ResolverRoom(steps: resolver.steps, texts: resolver.textRanges, ids: resolver.stepIds.entryRoom))
        return resolver.withFile { resolver in
            var progress = Progress(source)
            var first = true
            while var chunk = next() {
                if resolver.declare(chunk) && !first { return nil }
                first = false
                resolver.resolve(&chunk, &progress, consuming: true)
            }
            let (journey, diagnostics) = resolver.finish(progress)
            return (journey, diagnostics, resolver.unreported)
        }
    }

    /// Pass 1 over a chunk: declares its channels and personas, and notes whether the first
    /// journey has a `via:`. Says whether the chunk had any of those.
    private mutating func declare(_ chunk: [Declaration]) -> Bool {
        var found = false
        // Read in place, by index: a copy of a declaration retains and releases its parts.
        for i in chunk.indices {
            attributeCount += chunk[i].attributes.count
            switch chunk[i].kind {
            case .channel:
                declareChannel(chunk[i])
                found = true
            case .persona:
                declarePersona(chunk[i])
                found = true
            case .journey where journeyVia == nil:
                journeyVia = chunk[i].attributes.contains { $0.kind == .via }
                found = true
            default: break
            }
        }
        return found
    }

    /// Pass 2 over a chunk: the journey, steps and every reference, in file order. When
    /// `consuming`, each run of declarations' attribute lines, then the chunk, are let go of
    /// once read.
    private mutating func resolve(_ chunk: inout [Declaration], _ progress: inout Progress, consuming: Bool) {
        // The declarations and their attribute lines are read in place, through pointers: a
        // declaration copied out of the chunk, or its lines' array taken from it, is retained
        // and released (three times for each step, a tenth of the resolver's instructions).
        chunk.withUnsafeMutableBufferPointer { declarations in
            var start = 0
            while start < declarations.count {
                // The declarations from `start` whose attribute lines are views into one
                // array: the parser's chunk of them (a tree kept whole holds several).
                var end = start
                var held: AttributeList?
                while end < declarations.count {
                    if !declarations[end].attributes.isEmpty {
                        if let held, !declarations[end].attributes.sharesStorage(with: held) { break }
                        if held == nil { held = declarations[end].attributes }
                    }
                    end += 1
                }
                (held ?? AttributeList()).withUnsafeArray { lines in
                    resolve(UnsafeBufferPointer(rebasing: declarations[start..<end]), lines, &progress)
                }
                // Their attribute lines are not read again: let go of (the last run's go
                // with the chunk).
                if consuming && end < declarations.count {
                    for i in start..<end { declarations[i].attributes = AttributeList() }
                }
                start = end
            }
        }
        // The chunk's declarations are not read again.
        if consuming { chunk = [] }
    }

    /// Pass 2 over declarations whose attribute lines are views into `lines`.
    private mutating func resolve(_ chunk: UnsafeBufferPointer<Declaration>, _ lines: UnsafeBufferPointer<AttributeSyntax>,
                                  _ progress: inout Progress) {
        // A journey `via:` that failed to resolve was already reported; steps that rely on it
        // should not each report a missing channel too.
        let journeyHasVia = journeyVia ?? false
        for j in 0..<min(Self.fetchAhead, chunk.count) { fetch(chunk, lines, j) }
        for j in 0..<min(Self.hashAhead, chunk.count) { idHashes[j % Self.fetchAhead] = hash(chunk, lines, j) }
        for i in chunk.indices {
            if i + Self.fetchAhead < chunk.count { fetch(chunk, lines, i + Self.fetchAhead) }
            if i + Self.hashAhead < chunk.count { idHashes[(i + Self.hashAhead) % Self.fetchAhead] = hash(chunk, lines, i + Self.hashAhead) }
            switch chunk[i].kind {
            case .journey:
                guard !progress.sawJourney else { continue }
                progress.sawJourney = true
                journeyHeader(chunk[i], into: &progress.journey)
            case .phase(let phase):
                progress.phase = phase
                progress.sections.append(PhaseSection(phase: phase, header: chunk[i].line, steps: []))
            case .step:
                guard let phase = progress.phase else {
                    report(Catalog.stepOutsidePhase(at: chunk[i].keyword))
                    continue
                }
                if let index = step(chunk.baseAddress! + i, lines.extracting(chunk[i].attributes.bounds),
                                    idHash: idHashes[i % Self.fetchAhead], phase: phase,
                                    journeyDefault: progress.journey.defaultChannel, journeyHasVia: journeyHasVia) {
                    progress.sections[progress.sections.count - 1].steps.append(index)
                }
            case .channel:
                channelAttributes(chunk[i])
            case .persona:
                personaChannels(chunk[i])
            }
        }
    }

    // Memory asked for ahead of pass 2. A chunk's declarations and their attribute lines
    // were written by the parser on another core, the ids' bytes in the file were read
    // long before, and the id table's slots are read at random: each read waited for the
    // memory (a third of the resolver's time at 100,000 steps). So while declaration `i`
    // is resolved, the attribute lines and the id's bytes of `i + fetchAhead` are asked for,
    // and the id of `i + hashAhead` (its bytes now at hand) is hashed and its slot asked for,
    // with the bytes its `via:` and `mood:` lines will be compared by.

    /// How far ahead the declarations' attribute lines and ids are asked for.
    private static let fetchAhead = 16
    /// How far ahead the ids are hashed (less than `fetchAhead`).
    private static let hashAhead = 8

    /// Asks for the memory of declaration `j`'s attribute lines and its id's bytes.
    private func fetch(_ chunk: UnsafeBufferPointer<Declaration>, _ lines: UnsafeBufferPointer<AttributeSyntax>, _ j: Int) {
        let own = lines.extracting(chunk[j].attributes.bounds)
        if let base = own.baseAddress, !own.isEmpty {
            let raw = UnsafeRawPointer(base), bytes = own.count * MemoryLayout<AttributeSyntax>.stride
            for offset in stride(from: 0, to: bytes, by: 64) { Cache.prefetch(raw + offset) }
            Cache.prefetch(raw + bytes - 1)
        }
        if let id = chunk[j].id, let file = stepIds.file.baseAddress { Cache.prefetch(file + id.start) }
    }

    /// The hash of step `j`'s id (`StepIds.hashAhead`), 0 for any other declaration; asks for
    /// the bytes of its `via:` and `mood:` values.
    private mutating func hash(_ chunk: UnsafeBufferPointer<Declaration>, _ lines: UnsafeBufferPointer<AttributeSyntax>,
                               _ j: Int) -> UInt64 {
        guard case .step = chunk[j].kind else { return 0 }
        if let file = stepIds.file.baseAddress {
            for a in lines.extracting(chunk[j].attributes.bounds) where a.kind == .via || a.kind == .mood {
                Cache.prefetch(file + a.value.start)
            }
        }
        guard let id = chunk[j].id else { return 0 }
        return stepIds.hashAhead(id)
    }

    /// After pass 2: the flow, the steps' texts, and the channels in their order.
    private mutating func finish(_ progress: Progress) -> (Journey, [Diagnostic]) {
        var journey = progress.journey
        let sections = progress.sections
        let store = StepTextStore(source, textRanges)
        textRanges = []
        if journey.focus.isEmpty { journey.focus = Array(personas.indices) }

        // Channels in the order they are first declared or used.
        let order = channels.indices.sorted { channels[$0].firstMention.start < channels[$1].firstMention.start }
        var remap = [Int](repeating: 0, count: channels.count)
        for (new, old) in order.enumerated() { remap[old] = new }
        journey.channels = order.map { channels[$0] }
        // One pass over the steps (17 MB of them at 100,000 steps): each goes on to the next
        // unless a `next:` line says otherwise (`resolveNext`), is given its texts, and its
        // channel's place in the new order.
        // A large journey's steps on two threads, a half each: the parser's thread has
        // ended by now, and this was 10 ms on one thread at 100,000 steps (with `resolveNext`).
        let lanes = steps.count >= Self.parallelSteps ? 2 : 1
        let stepCounts = Lanes.Slots<[Int]>(count: lanes, empty: [])
        let newPlace = remap
        steps.withUnsafeMutableBufferPointer { buffer in
            let (all, count, channelCount) = (Lanes.Parts(buffer.baseAddress), buffer.count, journey.channels.count)
            Lanes.run(lanes) { lane in
                var counts = [Int](repeating: 0, count: channelCount)
                for i in count * lane / lanes..<count * (lane + 1) / lanes {
                    all.update(i) { step in
                        step.flow = Flow.following(i, count: count)
                        step.attach(store)
                        step.channel = newPlace[step.channel]
                        counts[step.channel] += 1
                    }
                }
                stepCounts.buffer[lane] = counts
            }
        }
        for lane in 0..<lanes {
            for (c, n) in stepCounts.take(lane).enumerated() { journey.channels[c].stepCount += n }
        }
        if lanes == 1 || !resolveNextSideBySide(lanes) { resolveNext() }
        for i in personas.indices { personas[i].channels = personas[i].channels.map { remap[$0] } }
        journey.defaultChannel = journey.defaultChannel.map { remap[$0] }
        journey.personas = personas
        journey.steps = steps
        journey.sections = sections
        return (journey, diagnostics)
    }

    // MARK: - Declarations

    private func text(_ range: SourceRange) -> String { source.text(range) }

    /// The canonical id of a channel name: the English name for a built-in one.
    private func canonicalChannel(_ name: String) -> (String, BuiltinChannel?) {
        if let builtin = Keywords.builtinChannel(named: name) { return (builtin.rawValue, builtin) }
        return (name, nil)
    }

    private mutating func declareChannel(_ d: Declaration) {
        guard let idRange = d.id else { return }
        let (id, builtin) = canonicalChannel(text(idRange))
        if let existing = channelIndex[id], channels[existing].declaration != nil {
            let first = channels[existing].idRange ?? idRange
            let aliases = builtin != nil && text(idRange) != text(first) ? (text(idRange), text(first), id) : nil
            report(Catalog.duplicateId(.channel, text(idRange), idRange, first: first, aliases: aliases))
            return
        }
        var channel = Channel(id: id, builtin: builtin, firstMention: d.line)
        channel.declaration = d.line
        channel.idRange = idRange
        if !d.title.isEmpty { channel.label = Text(source, d.title) }
        channelIndex[id] = channels.count
        channels.append(channel)
    }

    private mutating func declarePersona(_ d: Declaration) {
        guard let idRange = d.id else { return }
        let id = text(idRange)
        if let existing = personaIndex[id] {
            report(Catalog.duplicateId(.persona, id, idRange, first: personas[existing].idRange))
            return
        }
        personaIndex[id] = personas.count
        personas.append(Persona(id: id, idRange: idRange, description: Text(source, d.title), declaration: d.line))
    }

    // MARK: - Attributes

    /// Reports a repeated single-valued attribute and says whether this one should be used.
    /// `seen` is a bit set of the single-valued kinds met so far under the same header.
    /// The single-valued attribute kinds met so far under one header: a bit set, and the
    /// first line of a kind once it has been repeated (found once, however many repeats).
    private struct Seen {
        var bits: UInt32 = 0
        var firsts: [Int: SourceRange] = [:]
    }

    private mutating func firstOfItsKind(_ a: AttributeSyntax, in d: Declaration, seen: inout Seen) -> Bool {
        d.attributes.withUnsafeAttributes { firstOfItsKind(a, in: $0, seen: &seen) }
    }

    /// - Parameter lines: the declaration's attribute lines.
    private mutating func firstOfItsKind(_ a: AttributeSyntax, in lines: UnsafeBufferPointer<AttributeSyntax>,
                                         seen: inout Seen) -> Bool {
        if a.kind.isRepeatable { return true }
        let bit = UInt32(1) << UInt32(a.kind.ordinal)
        if seen.bits & bit != 0 {
            let first = seen.firsts[a.kind.ordinal] ?? lines.first { $0.kind == a.kind }!.line
            seen.firsts[a.kind.ordinal] = first
            report(Catalog.duplicateAttribute(key: text(a.keyword), at: a.keyword, first: first))
            return false
        }
        seen.bits |= bit
        return true
    }

    private mutating func journeyHeader(_ d: Declaration, into journey: inout Journey) {
        journey.title = Text(source, d.title)
        journey.header = d.line
        journey.keyword = d.keyword
        var seen = Seen()
        for a in d.attributes.elements where firstOfItsKind(a, in: d, seen: &seen) {
            let value = Text(source, a.value)
            switch a.kind {
            case .via: journey.defaultChannel = channelReference(value)
            case .note: journey.notes.append(value)
            case .allow: journey.allows.append(value)
            case .for:
                journey.forLine = a.line
                for (name, range) in items(a.value) {
                    if let p = personaIndex[name] {
                        if !journey.focus.contains(p) { journey.focus.append(p) }
                    } else {
                        if !countedOnly() { report(Catalog.unknownPersona(name, range, known: personas.map(\.id))) }
                    }
                }
            default: break
            }
        }
    }

    private mutating func channelAttributes(_ d: Declaration) {
        guard let idRange = d.id else { return }
        let (id, _) = canonicalChannel(text(idRange))
        guard let index = channelIndex[id], channels[index].declaration == d.line else { return }
        var seen = Seen()
        for a in d.attributes.elements where firstOfItsKind(a, in: d, seen: &seen) {
            let value = Text(source, a.value)
            switch a.kind {
            case .competence:
                channels[index].competence = value
                channels[index].competenceValue = rating(a)
            case .presence:
                channels[index].presence = value
                channels[index].presenceValue = rating(a)
            case .note: channels[index].notes.append(value)
            default: break
            }
        }
    }

    private mutating func personaChannels(_ d: Declaration) {
        guard let idRange = d.id, let index = personaIndex[text(idRange)],
              personas[index].declaration == d.line else { return }
        var seen = Seen()
        for a in d.attributes.elements where firstOfItsKind(a, in: d, seen: &seen) {
            let value = Text(source, a.value)
            switch a.kind {
            case .uses: personas[index].uses.append(value)
            case .assurance: personas[index].assurance.append(value)
            case .note: personas[index].notes.append(value)
            case .channels:
                personas[index].channelsAttribute = a.line
                for range in source.listItems(a.value) where !range.isEmpty {
                    if let c = channelReference(Text(source, range)), !personas[index].channels.contains(c) {
                        personas[index].channels.append(c)
                    }
                }
            default: break
            }
        }
    }

    /// - Parameters:
    ///   - d: the step's declaration, read in place.
    ///   - lines: its attribute lines.
    ///   - idHash: the id's hash (`hash(_:)`).
    private mutating func step(_ d: UnsafePointer<Declaration>, _ lines: UnsafeBufferPointer<AttributeSyntax>,
                               idHash: UInt64, phase: Phase, journeyDefault: Int?, journeyHasVia: Bool) -> Int? {
        let index = steps.count
        var id: String?
        if let idRange = d.pointee.id {
            let name = text(idRange)
            if let existing = stepIds.insert(idRange, hash: idHash, step: index) {
                report(Catalog.duplicateId(.step, name, idRange, first: steps[existing].idRange ?? steps[existing].header))
            } else {
                id = name
            }
        }
        let lastLine = lines.last?.line.end ?? d.pointee.line.end
        var seen = Seen()
        var via: SourceRange?
        var channel = -1
        var mood: Text?
        var moodValue: Int?
        stepTexts.removeAll(keepingCapacity: true)
        for a in lines where firstOfItsKind(a, in: lines, seen: &seen) {
            switch a.kind {
            case .via:
                via = a.line
                channel = viaChannel(a.value) ?? -1
            case .mood:
                mood = Text(source, a.value)
                moodValue = rating(a)
            case .next:
                pendingNext.append((index, a.value, a.line))
            default:
                if let kind = StepTextKind(a.kind) { stepTexts.append((kind, a.value)) }
            }
        }
        if channel < 0 {
            if via == nil {
                if let fallback = journeyDefault {
                    channel = fallback
                } else if !journeyHasVia {
                    report(Catalog.missingChannel(at: d.pointee.keyword))
                }
            }
            if channel < 0 { channel = use(builtin: .other, at: d.pointee.line) }
        }
        // Made in its place in the array and filled in there: a step copied (into the array,
        // from a local) costs a retain and a release of each of its references.
        // `id` and `mood` are given to the step as their last use (a use after would keep
        // them alive beside the step's: a retain and a release more of each).
        let header = d.pointee.line, idRange = id == nil ? nil : d.pointee.id
        steps.append(Step(index: index, id: consume id, idRange: idRange, title: Text(source, d.pointee.title),
                          phase: phase, channel: channel, header: header, keyword: d.pointee.keyword,
                          extent: SourceRange(header.start, lastLine), via: via, mood: consume mood, moodValue: moodValue))
        steps[index].setTexts(stepTexts, into: &textRanges)
        return index
    }

    // MARK: - References

    /// Splits a comma-separated list into trimmed items with their ranges.
    private func items(_ range: SourceRange) -> [(String, SourceRange)] {
        source.listItems(range).filter { !$0.isEmpty }.map { (source.text($0), $0) }
    }

    private mutating func use(builtin: BuiltinChannel, at range: SourceRange) -> Int {
        if let index = channelIndex[builtin.rawValue] { return index }
        channelIndex[builtin.rawValue] = channels.count
        channels.append(Channel(id: builtin.rawValue, builtin: builtin, firstMention: range))
        return channels.count - 1
    }

    /// The channel a step's `via:` names, as `channelReference` finds it. A name spelt as one
    /// of the last few met is found by its bytes: most steps of a journey name a handful of
    /// channels, and this finds them without making a string.
    private mutating func viaChannel(_ name: SourceRange) -> Int? {
        let length = name.count
        guard length > 0 else { return channelReference(Text(source, name)) }
        let found: Int? = source.bytes.withUnsafeBufferPointer { b in
            for (written, index) in recentChannels where written.count == length
                && memcmp(b.baseAddress! + written.start, b.baseAddress! + name.start, length) == 0 {
                return index
            }
            return nil
        }
        if let found {
            if name.start < channels[found].firstMention.start { channels[found].firstMention = name }
            return found
        }
        guard let index = channelReference(Text(source, name)) else { return nil }
        if recentChannels.count == 8 { recentChannels.removeFirst() }
        recentChannels.append((name, index))
        return index
    }

    /// The index of the channel a name refers to, or nil after reporting `unknown-channel`.
    private mutating func channelReference(_ name: Text) -> Int? {
        // Fast path: the canonical id as written (`desk`, or a declared id), or a name met
        // before (`palvelupiste`, `Desk`), without working out its canonical id again.
        let written = name.value
        var found = channelIndex[written] ?? channelsByName[written]
        if found == nil {
            let (id, builtin) = canonicalChannel(written)
            found = channelIndex[id] ?? builtin.map { use(builtin: $0, at: name.range) }
            if let found { channelsByName[written] = found }
        }
        if let index = found {
            if name.range.start < channels[index].firstMention.start { channels[index].firstMention = name.range }
            return index
        }
        if !countedOnly() {
            let declared = channels.filter { $0.builtin == nil }.map(\.id)
            report(Catalog.unknownChannel(name.value, name.range, declared: declared))
        }
        return nil
    }

    private mutating func rating(_ a: AttributeSyntax) -> Int? {
        // The usual rating, one digit, read from its byte.
        if a.value.count == 1, case let digit = source.bytes[a.value.start], digit >= 0x31 && digit <= 0x35 {
            return Int(digit - 0x30)
        }
        let raw = text(a.value)
        if let n = Int(raw), (1...5).contains(n) { return n }
        report(Catalog.invalidRating(key: text(a.keyword), raw: raw, at: a.value))
        return nil
    }

    /// From this many steps on, `finish` works on two threads.
    package static let parallelSteps = 4096

    /// `resolveNext` on `lanes` threads, each for its part of the `next:` lines, when every
    /// step they name is found without changing the id table (every id and name ASCII).
    /// False, with some flows set, when not: `resolveNext` then sets them all (and says
    /// which steps were not found, in order).
    private mutating func resolveNextSideBySide(_ lanes: Int) -> Bool {
        let failed = Lanes.Slots<Bool>(count: lanes, empty: false)
        let (ids, pending) = (Lanes.Shared(stepIds), pendingNext)
        let source = source
        steps.withUnsafeMutableBufferPointer { buffer in
            let all = Lanes.Parts(buffer.baseAddress)
            Lanes.run(lanes) { lane in
                var targets: [Int] = []
                for p in pending.count * lane / lanes..<pending.count * (lane + 1) / lanes {
                    var found = true
                    let ends = Self.readNext(pending[p].value, source, ids.value.file, into: &targets) { range in
                        guard found, case let target?? = ids.value.stepIfASCII(named: range) else {
                            found = false
                            return nil
                        }
                        return target
                    }
                    guard found else {
                        failed.buffer[lane] = true
                        return
                    }
                    all.update(pending[p].step) {
                        $0.flow = Flow(successors: Successors(targets), ends: ends, explicit: pending[p].line)
                    }
                }
            }
        }
        return !(0..<lanes).contains { failed.take($0) }
    }

    /// The flow of each step with a `next:` line. Its items are read in place and its steps
    /// gathered in one array kept for all the lines (an array of the items and a new array of
    /// steps for each line took half of the instructions: at 100,000 steps, the 10,000 lines
    /// were 10 ms on one thread at the end of resolving, while the parser's was idle).
    private mutating func resolveNext() {
        // Every id, for a did-you-mean: gathered only when a step is not found.
        var ids: [String]?
        var targets: [Int] = []
        // Once, not for each line (the closure below has `self` to change).
        let source = source
        for (index, value, line) in pendingNext {
            let ends = Self.readNext(value, source, stepIds.file, into: &targets) { range in
                if let target = stepIds.step(named: range) { return target }
                if !countedOnly() {
                    let known = ids ?? steps.compactMap(\.id)
                    ids = known
                    report(Catalog.unknownStep(source.text(range), range, known: known))
                }
                return nil
            }
            steps[index].flow = Flow(successors: Successors(targets), ends: ends, explicit: line)
        }
    }

    /// Reads the `next:` list at `value`: its steps, each once, in order into `targets` (which
    /// it empties first), as `step` finds them (nil for one it does not); true when an item
    /// is `end` in some language.
    @inline(__always)
    private static func readNext(_ value: SourceRange, _ source: SourceFile, _ file: UnsafeBufferPointer<UInt8>,
                                 into targets: inout [Int], step: (SourceRange) -> Int?) -> Bool {
        var ends = false
        targets.removeAll(keepingCapacity: true)
        source.forEachListItem(value) { range in
            guard !range.isEmpty else { return }
            if Keywords.isEnd(UnsafeBufferPointer(rebasing: file[range.start..<range.end])) {
                ends = true
            } else if let target = step(range), !targets.contains(target) {
                targets.append(target)
            }
        }
        return ends
    }
}

/// Where a resolver writes a large journey's steps, their ids and their texts (the room it
/// reserved for them), for another thread to make ready ahead of it (`Analysis.streamed`):
/// 17 MB of steps at 100,000 steps, each page of which was a fault in the middle of resolving.
package struct ResolverRoom: Sendable {
    /// The addresses of the arrays' storage (0 when there is none), never read through:
    /// only handed to `Pages.populate`, which leaves what memory holds as it is.
    private let steps: Int
    private let stepCapacity: Int
    private let texts: Int
    private let textCapacity: Int
    /// The step ids' entries (`StepIds`): at most one for each step.
    private let ids: (address: Int, capacity: Int)

    fileprivate init(steps: [Step], texts: [SourceRange], ids: (address: Int, capacity: Int)) {
        func address<T>(_ array: [T]) -> Int {
            array.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        }
        (self.steps, stepCapacity) = (address(steps), steps.capacity)
        (self.texts, textCapacity) = (address(texts), texts.capacity)
        self.ids = ids
    }

    /// Makes ready the memory of steps `steps` (and their ids' entries) and texts `texts`, as
    /// far as room for them was reserved (past it, the resolver's arrays have moved: their
    /// new place is not known).
    package func populate(steps: Range<Int>, texts: Range<Int>) {
        Self.populate(steps, at: self.steps, capacity: stepCapacity, stride: MemoryLayout<Step>.stride)
        Self.populate(steps, at: ids.address, capacity: ids.capacity, stride: StepIds.entryStride)
        Self.populate(texts, at: self.texts, capacity: textCapacity, stride: MemoryLayout<SourceRange>.stride)
    }

    private static func populate(_ range: Range<Int>, at base: Int, capacity: Int, stride: Int) {
        let upper = min(range.upperBound, capacity)
        guard range.lowerBound < upper, let start = UnsafeRawPointer(bitPattern: base + range.lowerBound * stride)
        else { return }
        Pages.populate(start, bytes: (upper - range.lowerBound) * stride)
    }
}
