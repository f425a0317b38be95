import PolkuCheck
import PolkuLanes
import PolkuModel
import PolkuSyntax

/// A journey as a checklist: what every output format (Markdown, HTML, CSV) is written from,
/// so the three always say the same thing. Built from the checked journey.
package struct Checklist: Sendable {
    /// One line to tick or to talk about.
    package struct Item: Sendable {
        /// `note` and `mood` are for reading, not for ticking: they get no checkbox.
        package enum Kind: String, CaseIterable, Sendable {
            case step, need, recommend, followUp = "follow-up", feedback, note, mood, question

            /// The kind's place in `allCases`: a writer keeps what it writes for each kind
            /// (its label, escaped) in an array, read by this.
            package var index: Int {
                switch self {
                case .step: 0
                case .need: 1
                case .recommend: 2
                case .followUp: 3
                case .feedback: 4
                case .note: 5
                case .mood: 6
                case .question: 7
                }
            }
        }
        package var kind: Kind
        package var text: String
        /// For questions: the checker rule that raised it.
        package var rule: String?
        /// For steps: the step's place in the journey, 1, 2, 3 … in file order, as on the
        /// diagram's cards.
        package var number: Int?
        package var children: [Item] = []
        /// For a question about a channel: the channel's name (the CSV's channel column).
        package var channel: String?
        /// The line of the file it comes from (a step's header, a `recommend:` line, the
        /// finding's place), for the CSV.
        package var line: Int?

        /// A step's text after its number ("3. Title"); other items' text as it is.
        package var numberedText: String { number.map { "\($0). \(text)" } ?? text }
    }

    package struct Section: Sendable {
        package var phase: Phase
        package var heading: String
        /// Step items, each with its sub-items.
        package var items: [Item]
        /// Each step's own columns, for the CSV.
        package var steps: [StepColumns] = []
    }

    /// A step's cells in the CSV, on each of its rows.
    package struct StepColumns: Sendable {
        package var number: Int
        package var id: String
        package var channel: String
        package var roles: String
        /// The mood, 1 to 5 (shown as `4/5`).
        package var moodValue: Int?
    }

    package struct ChannelRow: Sendable {
        package var name: String
        package var competence: String
        package var presence: String
        package var notes: String
    }

    package struct PersonaRow: Sendable {
        package var name: String
        package var uses: String
        package var channels: String
        package var assurance: String
    }

    package struct SummaryRow: Sendable {
        package var heading: String
        package var steps = 0, recommendations = 0, followUps = 0, questions = 0
    }

    package var language: KeywordLanguage
    package var title: String
    /// The journey's `note:` lines, shown near the top.
    package var journeyNotes: [String]
    /// The personas the journey follows ("id – description"), each with its `note:` lines.
    package var personaLines: [String]
    package var personaNotes: [[String]]
    /// The ids of the personas in `personaLines`, to say whose note a CSV row is.
    package var personaIds: [String]
    package var journeyQuestions: [Item]
    package var sections: [Section]
    package var channels: [ChannelRow]
    package var personas: [PersonaRow]
    package var summary: [SummaryRow]
    package var accepted: [String]
    /// The journey file's size in bytes: what a writer reserves room for (a checklist is
    /// about as long as its journey), so that its buffer is not copied again and again as it
    /// grows. Reserved room that is never written takes no memory.
    package var sizeHint: Int

    package func t(_ phrase: Phrase) -> String { Localized.text(phrase, language) }

    /// "served by" in the checklist's language.
    private let servedBy: String

    /// A step's channel, and who serves there, as its heading shows them ("desk · served
    /// by: librarian"): `n` is the step's place in `section`.
    package func stepChannel(_ section: Section, _ n: Int) -> String {
        var bytes: [UInt8] = []
        stepChannel(section, n, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `stepChannel`, appended to `bytes`: a writer escapes it from there, with no string
    /// made for each step.
    package func stepChannel(_ section: Section, _ n: Int, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: section.steps[n].channel.utf8)
        guard !section.steps[n].roles.isEmpty else { return }
        bytes.append(contentsOf: " · ".utf8)
        bytes.append(contentsOf: servedBy.utf8)
        bytes.append(contentsOf: ": ".utf8)
        bytes.append(contentsOf: section.steps[n].roles.utf8)
    }

    /// From how many steps a checklist is made and written on two threads (tests make it
    /// small, to see the same checklist either way).
    package let parallelFrom: Int

    package init(_ result: CheckResult, language: KeywordLanguage? = nil, parallelFrom: Int = Checklist.parallelSteps) {
        self.parallelFrom = parallelFrom
        let journey = result.analysis.journey
        sizeHint = result.analysis.source.bytes.count
        let language = language ?? journey.language
        self.language = language
        func t(_ p: Phrase) -> String { Localized.text(p, language) }
        servedBy = t(.servedBy)
        title = journey.title.value

        // Questions from findings, on their step or about the journey.
        var stepQuestions = [[Item]](repeating: [], count: journey.steps.count)
        var journeyQuestions: [Item] = []
        let source = result.analysis.source
        // Lines are looked up mostly in file order: from the last one found, forward.
        var lines = LineCursor(source)
        func line(_ range: SourceRange) -> Int? { source.bytes.isEmpty ? nil : lines.line(of: range.start) }
        for d in result.diagnostics where d.severity != .error {
            let question = FindingWords.question(d, language, journey: journey)
            let at = d.hasPosition ? line(d.range) : nil
            if let step = FindingWords.step(of: d) {
                stepQuestions[step].append(Item(kind: .question, text: question, rule: d.code.name, line: at))
            } else {
                // About the whole journey: the question, and which part in the finding's words.
                let text = FindingWords.detail(d, language, journey: journey).map { "\(question) \($0)" } ?? question
                journeyQuestions.append(Item(kind: .question, text: text, rule: d.code.name,
                                             channel: FindingWords.channel(of: d, language, journey: journey), line: at))
            }
        }
        self.journeyQuestions = journeyQuestions

        journeyNotes = journey.notes.map(\.value)
        personaLines = journey.focus.map { i in
            let p = journey.personas[i]
            return p.description.value.isEmpty ? p.id : "\(p.id) – \(p.description.value)"
        }
        personaNotes = journey.focus.map { journey.personas[$0].notes.map(\.value) }
        personaIds = journey.focus.map { journey.personas[$0].id }

        // Each step's item and columns, in the sections' order (by phase, in file order
        // within each); a large journey's on two threads, a half each.
        let made = Self.stepParts(journey, language: language, questions: stepQuestions, source: source,
                                  parallelFrom: parallelFrom)
        var sections: [Section] = []
        var summary: [SummaryRow] = []
        for (p, phase) in Phase.allCases.enumerated() {
            let heading = Labels.phaseHeading(phase, language)
            sections.append(Section(phase: phase, heading: heading, items: made.items[p], steps: made.columns[p]))
            summary.append(SummaryRow(heading: heading, steps: made.items[p].count, recommendations: made.counts[p].recommendations,
                                      followUps: made.counts[p].followUps, questions: made.counts[p].questions))
        }
        var total = SummaryRow(heading: t(.total))
        for r in summary {
            total.steps += r.steps
            total.recommendations += r.recommendations
            total.followUps += r.followUps
            total.questions += r.questions
        }
        total.questions += journeyQuestions.count
        summary.append(total)
        self.sections = sections
        self.summary = summary

        // Every channel of the journey, rated or not: the table is for the team to fill in.
        channels = journey.channels.indices.map { i in
            let c = journey.channels[i]
            var name = journey.channelShortName(i, language)
            if let label = c.label?.value, !label.isEmpty, label != name { name += " (\(label))" }
            return ChannelRow(name: name,
                              competence: c.competenceValue.map { "\($0)/5" } ?? "",
                              presence: c.presenceValue.map { "\($0)/5" } ?? "",
                              notes: c.notes.map(\.value).joined(separator: "; "))
        }
        personas = journey.personas.map { p in
            PersonaRow(name: p.description.value.isEmpty ? p.id : "\(p.id) – \(p.description.value)",
                       uses: p.uses.map(\.value).joined(separator: "; "),
                       channels: p.channels.map { journey.channelShortName($0, language) }.joined(separator: ", "),
                       assurance: p.assurance.map(\.value).joined(separator: "; "))
        }
        accepted = result.suppressed.map { s in
            let q = FindingWords.question(forRule: s.diagnostic.code, language) ?? s.diagnostic.code.name
            return "\(q) (\(s.diagnostic.code.name)) – \(t(.because)) \(s.reason)"
        }
    }

    /// Steps from which a checklist is made and written on two threads.
    package static let parallelSteps = 4096

    /// The items and columns of each phase's steps (`Phase.allCases`' order, in file order
    /// within a phase), and how many recommendations, follow-ups and questions each phase's
    /// steps have. At `parallelFrom` steps or more, each of two threads makes half of them, in
    /// place, and they are moved into their sections' arrays without a copy.
    static func stepParts(_ journey: Journey, language: KeywordLanguage, questions: [[Item]], source: SourceFile,
                          parallelFrom: Int) -> (items: [[Item]], columns: [[StepColumns]], counts: [SummaryRow]) {
        let phases = Phase.allCases.count
        // The steps in the sections' order, and where each section starts in it.
        let (order, starts) = {
            var byPhase = [[Int]](repeating: [], count: phases)
            for i in journey.steps.indices { byPhase[journey.steps[i].phase.order].append(i) }
            var order: [Int] = [], starts: [Int] = []
            order.reserveCapacity(journey.steps.count)
            for p in 0..<phases {
                starts.append(order.count)
                order += byPhase[p]
            }
            starts.append(order.count)
            return (order, starts)
        }()
        let total = order.count
        let items = UnsafeMutablePointer<Item>.allocate(capacity: max(total, 1))
        let columns = UnsafeMutablePointer<StepColumns>.allocate(capacity: max(total, 1))
        defer {
            items.deallocate()
            columns.deallocate()
        }
        let lanes = total >= parallelFrom ? 2 : 1
        // Each lane's counts, a row a phase.
        let counts = Lanes.Slots<[SummaryRow]>(count: lanes, empty: [])
        let itemParts = Lanes.Parts(items), columnParts = Lanes.Parts(columns)
        Lanes.run(lanes) { lane in
            var sums = [SummaryRow](repeating: SummaryRow(heading: ""), count: phases)
            // Lines are looked up mostly in file order: from the last one found, forward.
            var lines = LineCursor(source)
            func line(_ range: SourceRange) -> Int? { source.bytes.isEmpty ? nil : lines.line(of: range.start) }
            var p = 0
            for k in (total * lane / lanes)..<(total * (lane + 1) / lanes) {
                while k >= starts[p + 1] { p += 1 }
                let step = journey.steps[order[k]]
                var item = Item(kind: .step, text: step.title.value, number: step.index + 1, line: line(step.title.range))
                let asked = questions[step.index]
                item.children.reserveCapacity(step.texts.count + 1 + asked.count)
                for n in step.needs { item.children.append(Item(kind: .need, text: n.value, line: line(n.range))) }
                for r in step.recommendations { item.children.append(Item(kind: .recommend, text: r.value, line: line(r.range))) }
                for f in step.followUps { item.children.append(Item(kind: .followUp, text: f.value, line: line(f.range))) }
                for f in step.feedback { item.children.append(Item(kind: .feedback, text: f.value, line: line(f.range))) }
                for n in step.notes { item.children.append(Item(kind: .note, text: n.value, line: line(n.range))) }
                if let mood = step.moodValue { item.children.append(Item(kind: .mood, text: "\(mood)/5")) }
                item.children += asked
                itemParts.initialize(k, to: item)
                let by = step.by.map(\.value).joined(separator: ", ")
                columnParts.initialize(k, to: StepColumns(number: step.index + 1, id: step.id ?? "",
                                                          channel: journey.channelShortName(step.channel, language),
                                                          roles: by, moodValue: step.moodValue))
                sums[p].recommendations += step.recommendations.count
                sums[p].followUps += step.followUps.count
                sums[p].questions += asked.count
            }
            counts.buffer[lane] = sums
        }
        var sums = [SummaryRow](repeating: SummaryRow(heading: ""), count: phases)
        for lane in 0..<lanes {
            for (p, row) in counts.take(lane).enumerated() {
                sums[p].recommendations += row.recommendations
                sums[p].followUps += row.followUps
                sums[p].questions += row.questions
            }
        }
        // Each section's part moved out of the whole.
        func moved<T>(_ whole: UnsafeMutablePointer<T>, _ p: Int) -> [T] {
            let count = starts[p + 1] - starts[p]
            // None: the empty array, untouched (an array made with room for none would write
            // to the one empty array every thread shares).
            if count == 0 { return [] }
            return [T](unsafeUninitializedCapacity: count) { buffer, made in
                buffer.baseAddress!.moveInitialize(from: whole + starts[p], count: count)
                made = count
            }
        }
        return ((0..<phases).map { moved(items, $0) }, (0..<phases).map { moved(columns, $0) }, sums)
    }

    /// The word for an item's kind, in the checklist's language.
    package func kindLabel(_ kind: Item.Kind) -> String {
        switch kind {
        case .step: t(.kindStep)
        case .need: t(.need)
        case .recommend: t(.recommend)
        case .followUp: t(.followUp)
        case .feedback: t(.feedback)
        case .note: t(.note)
        case .mood: t(.mood)
        case .question: t(.kindQuestion)
        }
    }
}

/// Where a checklist writer's bytes go: all kept for the caller, or handed to `send` about a
/// megabyte at a time as the steps are written, so that a long checklist (90 MB of HTML at
/// 100,000 steps) is never in memory whole and the same megabyte of memory is reused.
struct Pieces {
    let send: (([UInt8]) -> Void)?
    static let size = 1 << 20

    /// The room to reserve: the whole document, or a piece and some.
    func capacity(whole: Int) -> Int { send == nil ? whole : Self.size + (1 << 16) }

    /// Hands `out` to `send` once it holds a piece's worth.
    @inline(__always)
    func pass(_ out: inout [UInt8]) {
        if let send, out.count >= Self.size {
            send(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// `more`, written after `out`: handed on through `out` a piece at a time (the pieces
    /// the same size as any), or without `send`, appended to `out`.
    func join(_ out: inout [UInt8], _ more: [UInt8]) {
        guard send != nil else { return out.append(contentsOf: more) }
        more.withUnsafeBufferPointer { more in
            var i = 0
            while i < more.count {
                let take = min(more.count - i, max(Self.size - out.count, 1))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: more[i..<(i + take)]))
                i += take
                pass(&out)
            }
        }
    }
}

/// A writer of a checklist's sections of steps (Markdown, HTML, CSV): what
/// `Checklist.writeSteps` calls, in order, on two threads for a large journey.
protocol StepsWriter: SendableMetatype {
    /// The bytes written, handed on by `Pieces` after each step.
    var out: [UInt8] { get set }
    /// The start of section `s`: its heading, and what it says when it has no steps.
    mutating func start(_ c: Checklist, _ s: Int)
    /// Step `n` of section `s`, with its lines.
    mutating func step(_ c: Checklist, _ s: Int, _ n: Int)
    /// The end of section `s` (after its steps, or after its start when it has none).
    mutating func end(_ c: Checklist, _ s: Int)
}

extension Checklist {
    /// Every section's start, steps and end written with `w`, in order, its bytes given to
    /// `pieces` after each step. From `parallelFrom` steps on, the second half of the steps
    /// is written at the same time on another thread, by a writer `other` makes, into bytes
    /// of its own that follow the first half's: the same bytes as one writer's.
    func writeSteps<W: StepsWriter>(_ w: inout W, _ pieces: Pieces, other: @escaping @Sendable () -> W) {
        let total = sections.reduce(0) { $0 + $1.items.count }
        let end = (sections.count, 0)
        guard total > 0, total >= parallelFrom else { return write(&w, pieces, from: (0, 0), to: end) }
        // Where the second half starts: a section and its step (never in an empty section).
        var s = 0, n = total / 2
        while n >= sections[s].items.count {
            n -= sections[s].items.count
            s += 1
        }
        let split = (s, n)
        let (_, rest) = OwnThread.sideBySide({ write(&w, pieces, from: (0, 0), to: split) }, { [self] in
            var second = other()
            write(&second, Pieces(send: nil), from: split, to: end)
            return second.out
        })
        pieces.join(&w.out, rest)
    }

    /// The part from step `from` to step `to` (not written), each a section and a step of it:
    /// a section's start belongs with its first step, its end with its last.
    private func write<W: StepsWriter>(_ w: inout W, _ pieces: Pieces, from: (Int, Int), to: (Int, Int)) {
        var (s, n) = from
        while s < to.0 || (s == to.0 && n < to.1) {
            if n == 0 { w.start(self, s) }
            let count = sections[s].items.count
            let stop = s == to.0 ? to.1 : count
            while n < stop {
                w.step(self, s, n)
                pieces.pass(&w.out)
                n += 1
            }
            guard n == count else { break }
            w.end(self, s)
            (s, n) = (s + 1, 0)
        }
    }
}
