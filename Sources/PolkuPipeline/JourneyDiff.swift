import PolkuCheck
import PolkuModel
import PolkuSyntax

/// What changed in meaning between two versions of a journey ("today against the plan"):
/// steps added, removed, moved to another phase or channel, and changed; what changed about
/// the journey as a whole; and which of the checker's findings the change fixed and which it
/// brought. Comments, layout and the keywords' language never count: two files that mean the
/// same journey are equal.
///
/// Steps are matched by id first, then the remaining ones by title (trimmed, ignoring case;
/// several steps with one title are paired in file order). The value holds no wording: the
/// reports (`DiffReports`) put it into words in a language.
package struct JourneyDiff: Sendable {
    /// A channel as the diff names it.
    package struct Channel: Sendable, Hashable {
        package var id: String
        package var label: String?
        package var builtin: BuiltinChannel?

        /// As people read it: the declared label, else the built-in channel's name, else the id.
        package func name(_ language: KeywordLanguage) -> String {
            if let label, !label.isEmpty { return label }
            if let builtin { return Labels.channel(builtin, language) }
            return id
        }
    }

    /// A step of one of the two journeys.
    package struct Step: Sendable, Hashable {
        /// Its place in its own journey (file order), from 0.
        package var index: Int
        package var id: String?
        package var title: String
        package var phase: Phase
        package var channel: Channel
        /// Its number in its journey, as on the diagram and in the checklists.
        package var number: Int { index + 1 }
        /// How the step is named: its id, else its title.
        package var name: String { id ?? title }
    }

    /// A step attribute the diff compares.
    package enum Attribute: String, CaseIterable, Sendable {
        case id, title, need, by, recommend, followUp = "follow-up", feedback, note, allow, mood, next

        /// The keyword that writes it, if it has one (`id` and `title` are parts of the header).
        package var keyword: AttributeKind? {
            switch self {
            case .id, .title: nil
            case .need: .need
            case .by: .by
            case .recommend: .recommend
            case .followUp: .followUp
            case .feedback: .feedback
            case .note: .note
            case .allow: .allow
            case .mood: .mood
            case .next: .next
            }
        }
    }

    /// One attribute of a matched step that differs.
    package enum Change: Sendable, Hashable {
        /// `id`, `title`, `mood`: the value before and after (nil: none).
        case value(Attribute, before: String?, after: String?)
        /// A repeatable attribute (`need`, `by`, `recommend`, …): the lines only in the old
        /// journey and those only in the new one, each in its file's order.
        case lines(Attribute, removed: [String], added: [String])
        /// Where the customer can go next, by step name (a step of the new journey, or one
        /// the new journey no longer has), and whether the customer can leave here.
        case next(before: [String], endsBefore: Bool, after: [String], endsAfter: Bool)

        package var attribute: Attribute {
            switch self {
            case .value(let a, _, _), .lines(let a, _, _): a
            case .next: .next
            }
        }
    }

    /// How two steps were found to be the same step.
    package enum Matching: String, Sendable { case id, title }

    /// A step in both journeys.
    package struct Matched: Sendable, Hashable {
        package var old: Step
        package var new: Step
        package var matchedBy: Matching
        package var changes: [Change]
        /// The step is in another phase or channel.
        package var moved: Bool { old.phase != new.phase || old.channel.id != new.channel.id }
    }

    /// A step only in the old journey, and where it would stand in the new one: after the
    /// new journey's step `after` (the one matched to the nearest step before it in the old
    /// file), or first in its phase (nil).
    package struct Removed: Sendable, Hashable {
        package var step: Step
        package var after: Int?
    }

    /// A channel's self-assessment.
    package enum Rating: String, Sendable { case competence, presence }

    /// What changed about the journey as a whole.
    package enum JourneyChange: Sendable, Hashable {
        case title(before: String, after: String)
        case defaultChannel(before: Channel?, after: Channel?)
        case personaAdded(id: String, description: String)
        case personaRemoved(id: String, description: String)
        case channelAdded(Channel)
        case channelRemoved(Channel)
        case rating(Channel, Rating, before: Int?, after: Int?)
    }

    /// A checker finding fixed or brought by the change: its rule, its subject (in the new
    /// journey's ids for a step both have), the step it is on, and its sentence.
    package struct Finding: Sendable, Hashable {
        package var rule: String
        package var subject: String
        package var step: Step?
        package var message: Message
        /// How the journey the finding comes from spells its keywords.
        package var keywords: KeywordLanguage
    }

    package var oldName: String
    package var newName: String
    package var oldTitle: String
    package var newTitle: String
    /// The new journey's keyword language: the reports' language unless one is asked for.
    package var language: KeywordLanguage
    package var journey: [JourneyChange]
    /// In the new journey's order.
    package var added: [Step]
    /// In the old journey's order.
    package var removed: [Removed]
    /// Steps in another phase or channel (with any other changes), in the new journey's order.
    package var moved: [Matched]
    /// Steps in the same place with other changes, in the new journey's order.
    package var changed: [Matched]
    package var fixed: [Finding]
    package var introduced: [Finding]
    /// For each step of the new journey, the old step it matches (nil: added).
    package var oldOfNew: [Int?]
    /// For each step of the old journey, the new step it matches (nil: removed).
    package var newOfOld: [Int?]

    /// Nothing differs in meaning: no step, journey or finding difference.
    package var isEqual: Bool {
        journey.isEmpty && added.isEmpty && removed.isEmpty && moved.isEmpty && changed.isEmpty
            && fixed.isEmpty && introduced.isEmpty
    }

    /// The difference between two checked journeys, both free of errors.
    package init(old: CheckedJourney, new: CheckedJourney) {
        let a = old.result.analysis.journey, b = new.result.analysis.journey
        oldName = old.source.name
        newName = new.source.name
        oldTitle = a.title.value
        newTitle = b.title.value
        language = new.language
        let (newOfOld, oldOfNew, matching) = Self.match(a, b)
        self.newOfOld = newOfOld
        self.oldOfNew = oldOfNew
        journey = Self.journeyChanges(a, b)
        added = b.steps.indices.filter { oldOfNew[$0] == nil }.map { Self.step(b, $0) }
        removed = a.steps.indices.filter { newOfOld[$0] == nil }.map { i in
            Removed(step: Self.step(a, i), after: (0..<i).reversed().lazy.compactMap { newOfOld[$0] }.first)
        }
        moved = []
        changed = []
        for j in b.steps.indices {
            guard let i = oldOfNew[j] else { continue }
            let m = Matched(old: Self.step(a, i), new: Self.step(b, j), matchedBy: matching[j]!,
                            changes: Self.changes(a, i, b, j, matchedBy: matching[j]!, newOfOld: newOfOld))
            if m.moved { moved.append(m) } else if !m.changes.isEmpty { changed.append(m) }
        }
        (fixed, introduced) = Self.findings(old, new, newOfOld: newOfOld)
    }

    // MARK: - Matching

    /// Which new step each old step is (and the other way round), and how each pair was found.
    static func match(_ a: PolkuModel.Journey, _ b: PolkuModel.Journey) -> (newOfOld: [Int?], oldOfNew: [Int?], matching: [Int: Matching]) {
        var newOfOld = [Int?](repeating: nil, count: a.steps.count)
        var oldOfNew = [Int?](repeating: nil, count: b.steps.count)
        var matching: [Int: Matching] = [:]
        var oldById: [String: Int] = [:]
        for step in a.steps { if let id = step.id, oldById[id] == nil { oldById[id] = step.index } }
        for step in b.steps {
            guard let id = step.id, let i = oldById[id], newOfOld[i] == nil else { continue }
            newOfOld[i] = step.index
            oldOfNew[step.index] = i
            matching[step.index] = .id
        }
        var oldByTitle: [String: [Int]] = [:]
        for step in a.steps where newOfOld[step.index] == nil { oldByTitle[titleKey(step.title.value), default: []].append(step.index) }
        for step in b.steps where oldOfNew[step.index] == nil {
            let key = titleKey(step.title.value)
            guard var candidates = oldByTitle[key], !candidates.isEmpty else { continue }
            let i = candidates.removeFirst()
            oldByTitle[key] = candidates
            newOfOld[i] = step.index
            oldOfNew[step.index] = i
            matching[step.index] = .title
        }
        return (newOfOld, oldOfNew, matching)
    }

    /// A title as matching compares it: trimmed, runs of blanks as one space, case ignored.
    static func titleKey(_ title: String) -> String { normalized(title).lowercased() }

    /// Text as the diff compares it: trimmed, runs of blanks as one space (layout, not meaning).
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func channel(_ journey: PolkuModel.Journey, _ index: Int) -> Channel {
        let c = journey.channels[index]
        return Channel(id: c.id, label: c.label?.value, builtin: c.builtin)
    }

    static func step(_ journey: PolkuModel.Journey, _ index: Int) -> Step {
        let s = journey.steps[index]
        return Step(index: index, id: s.id, title: s.title.value, phase: s.phase, channel: channel(journey, s.channel))
    }

    // MARK: - Steps

    /// The attributes of a matched pair that differ, in the order of `Attribute`.
    static func changes(_ a: PolkuModel.Journey, _ i: Int, _ b: PolkuModel.Journey, _ j: Int, matchedBy: Matching,
                        newOfOld: [Int?]) -> [Change] {
        let old = a.steps[i], new = b.steps[j]
        var out: [Change] = []
        if old.id != new.id { out.append(.value(.id, before: old.id, after: new.id)) }
        if matchedBy == .id && normalized(old.title.value) != normalized(new.title.value) {
            out.append(.value(.title, before: old.title.value, after: new.title.value))
        }
        let lines: [(Attribute, KeyPath<PolkuModel.Step, StepTexts>)] = [
            (.need, \.needs), (.by, \.by), (.recommend, \.recommendations), (.followUp, \.followUps),
            (.feedback, \.feedback), (.note, \.notes), (.allow, \.allows),
        ]
        for (attribute, path) in lines {
            let (removed, added) = lineDifference(old[keyPath: path].map(\.value), new[keyPath: path].map(\.value))
            if !removed.isEmpty || !added.isEmpty { out.append(.lines(attribute, removed: removed, added: added)) }
        }
        if old.moodValue != new.moodValue {
            out.append(.value(.mood, before: old.moodValue.map(String.init), after: new.moodValue.map(String.init)))
        }
        // Successors compared by identity: an old successor is the new step it matches, or
        // itself when the new journey no longer has it.
        func identity(_ k: Int, old: Bool) -> String {
            if old, let n = newOfOld[k] { return "n\(n)" }
            return (old ? "o" : "n") + "\(k)"
        }
        let before = old.flow.successors.map { identity($0, old: true) }
        let after = new.flow.successors.map { identity($0, old: false) }
        if before.sorted() != after.sorted() || old.flow.ends != new.flow.ends {
            func name(_ k: Int, old: Bool) -> String {
                if old, let n = newOfOld[k] { return b.steps[n].displayName }
                return (old ? a : b).steps[k].displayName
            }
            out.append(.next(before: old.flow.successors.map { name($0, old: true) }, endsBefore: old.flow.ends,
                             after: new.flow.successors.map { name($0, old: false) }, endsAfter: new.flow.ends))
        }
        return out
    }

    /// The lines only in `old` and those only in `new`, as multisets (order is layout),
    /// each in its own order; lines compared with their blanks normalised.
    static func lineDifference(_ old: [String], _ new: [String]) -> (removed: [String], added: [String]) {
        multisetDifference(old, new, key: normalized)
    }

    /// The items only in `old` and those only in `new`, counted by `key` (two equal items
    /// in `old` and one in `new` leave one removed), each in its own order.
    static func multisetDifference<T>(_ old: [T], _ new: [T], key: (T) -> String) -> (removed: [T], added: [T]) {
        func minus(_ these: [T], _ those: [T]) -> [T] {
            var counts: [String: Int] = [:]
            for item in those { counts[key(item), default: 0] += 1 }
            return these.filter { item in
                let k = key(item)
                guard let n = counts[k], n > 0 else { return true }
                counts[k] = n - 1
                return false
            }
        }
        return (minus(old, new), minus(new, old))
    }

    // MARK: - The journey

    static func journeyChanges(_ a: PolkuModel.Journey, _ b: PolkuModel.Journey) -> [JourneyChange] {
        var out: [JourneyChange] = []
        if normalized(a.title.value) != normalized(b.title.value) { out.append(.title(before: a.title.value, after: b.title.value)) }
        let oldDefault = a.defaultChannel.map { channel(a, $0) }, newDefault = b.defaultChannel.map { channel(b, $0) }
        if oldDefault?.id != newDefault?.id { out.append(.defaultChannel(before: oldDefault, after: newDefault)) }
        let oldPersonas = Set(a.personas.map(\.id)), newPersonas = Set(b.personas.map(\.id))
        for p in b.personas where !oldPersonas.contains(p.id) { out.append(.personaAdded(id: p.id, description: p.description.value)) }
        for p in a.personas where !newPersonas.contains(p.id) { out.append(.personaRemoved(id: p.id, description: p.description.value)) }
        var oldChannels: [String: Int] = [:]
        for (k, c) in a.channels.enumerated() { oldChannels[c.id] = k }
        let newChannels = Set(b.channels.map(\.id))
        for k in b.channels.indices where oldChannels[b.channels[k].id] == nil { out.append(.channelAdded(channel(b, k))) }
        for k in a.channels.indices where !newChannels.contains(a.channels[k].id) { out.append(.channelRemoved(channel(a, k))) }
        for k in b.channels.indices {
            guard let o = oldChannels[b.channels[k].id] else { continue }
            let before = a.channels[o], after = b.channels[k]
            if before.competenceValue != after.competenceValue {
                out.append(.rating(channel(b, k), .competence, before: before.competenceValue, after: after.competenceValue))
            }
            if before.presenceValue != after.presenceValue {
                out.append(.rating(channel(b, k), .presence, before: before.presenceValue, after: after.presenceValue))
            }
        }
        return out
    }

    // MARK: - Findings

    /// The findings only in the old journey (fixed) and only in the new one (introduced),
    /// as multisets of `FindingKey`s, a finding on an old step keyed by the new step it
    /// matches; each list in its journey's order.
    static func findings(_ old: CheckedJourney, _ new: CheckedJourney, newOfOld: [Int?]) -> (fixed: [Finding], introduced: [Finding]) {
        let a = old.result.analysis.journey, b = new.result.analysis.journey
        func finding(_ d: Diagnostic, _ journey: PolkuModel.Journey, keywords: KeywordLanguage, mapped: Bool) -> Finding {
            var subject = FindingKey.subject(d, journey)
            var step: Step?
            if case .step(let i)? = d.subject, journey.steps.indices.contains(i) {
                if mapped, let n = newOfOld[i] {
                    subject = b.steps[n].id.map { "step:\($0)" } ?? "step-title:\(b.steps[n].title.value)"
                    step = Self.step(b, n)
                } else {
                    step = Self.step(journey, i)
                }
            }
            return Finding(rule: d.code.name, subject: subject, step: step, message: d.text, keywords: keywords)
        }
        let before = old.result.diagnostics.filter(FindingKey.isFinding).map { finding($0, a, keywords: old.language, mapped: true) }
        let after = new.result.diagnostics.filter(FindingKey.isFinding).map { finding($0, b, keywords: new.language, mapped: false) }
        let (fixed, introduced) = multisetDifference(before, after) { "\($0.rule)\t\($0.subject)" }
        return (fixed, introduced)
    }
}
