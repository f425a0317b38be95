/// The three keyword languages. Keywords of all three are accepted, even mixed in one file.
package enum KeywordLanguage: String, Sendable, CaseIterable, Codable {
    case en, fi, sv
}

/// The statements that open a block: `journey:`, `persona <id>:`, `channel <id>:`, `step <id>:`.
package enum HeaderKind: String, Sendable, CaseIterable {
    case journey, persona, channel, step
}

/// The three phases of a service journey, in the order they happen.
package enum Phase: String, Sendable, CaseIterable, Codable, Comparable {
    case before, during, after

    /// Where the phase comes in the journey: 0, 1 or 2.
    package var order: Int {
        switch self {
        case .before: 0
        case .during: 1
        case .after: 2
        }
    }

    package static func < (a: Phase, b: Phase) -> Bool { a.order < b.order }
}

/// Every `key:` an attribute line may start with.
public enum AttributeKind: String, Sendable, CaseIterable, Codable {
    case via, note, `for`, uses, channels, assurance, competence, presence
    case need, by, recommend, followUp = "follow-up", feedback, next, mood, allow

    /// A small number for each kind, for bit sets.
    public var ordinal: Int {
        switch self {
        case .via: 0
        case .note: 1
        case .for: 2
        case .uses: 3
        case .channels: 4
        case .assurance: 5
        case .competence: 6
        case .presence: 7
        case .need: 8
        case .by: 9
        case .recommend: 10
        case .followUp: 11
        case .feedback: 12
        case .next: 13
        case .mood: 14
        case .allow: 15
        }
    }

    /// Attributes that may appear more than once under the same header.
    public var isRepeatable: Bool {
        switch self {
        case .note, .uses, .assurance, .need, .by, .recommend, .followUp, .feedback, .allow: true
        case .via, .for, .channels, .competence, .presence, .next, .mood: false
        }
    }
}

/// The built-in channels, usable without a `channel` declaration.
package enum BuiltinChannel: String, Sendable, CaseIterable, Codable {
    case desk, premises, phone, email, chat, social, web, other
}

/// What a keyword means, whatever language it was written in.
package enum KeywordMeaning: Hashable, Sendable {
    case header(HeaderKind)
    case phase(Phase)
    case attribute(AttributeKind)
    case end
    /// The word between the rules and the reason in `allow: <rules> because <reason>`.
    case because
    case channel(BuiltinChannel)

    /// The table's first column.
    package var kind: String {
        switch self {
        case .header: "header"
        case .phase: "phase"
        case .attribute: "attribute"
        case .end, .because: "value"
        case .channel: "channel"
        }
    }

    /// The table's second column.
    package var name: String {
        switch self {
        case .header(let h): h.rawValue
        case .phase(let p): p.rawValue
        case .attribute(let a): a.rawValue
        case .end: "end"
        case .because: "because"
        case .channel(let c): c.rawValue
        }
    }
}

/// One row of the keyword table: a meaning and its spellings in each language, preferred first.
package struct KeywordEntry: Sendable {
    package let meaning: KeywordMeaning
    package let en: [String]
    package let fi: [String]
    package let sv: [String]

    package func spellings(_ language: KeywordLanguage) -> [String] {
        switch language {
        case .en: en
        case .fi: fi
        case .sv: sv
        }
    }

    /// Every spelling, English first, each once.
    var spellingsInEveryLanguage: [String] {
        var all: [String] = []
        for spelling in en + fi + sv where !all.contains(spelling) { all.append(spelling) }
        return all
    }

    /// The word the formatter, diagrams and checklists use in `language`.
    package func preferred(_ language: KeywordLanguage) -> String { spellings(language)[0] }
}

/// The keyword tables and their look-ups. The table itself, `Keywords.table`, is in
/// `KeywordTable.swift`, generated from `Grammar/keywords.tsv` (the one place keywords are
/// written) by `scripts/generate-keywords`.
package enum Keywords {
    /// A spelling's meaning and the languages it belongs to.
    package struct Match: Sendable {
        package let meaning: KeywordMeaning
        package let languages: [KeywordLanguage]
    }

    /// Lower-cased spelling (single spaces) to its meanings. A spelling may mean different
    /// things in different positions (`under` the phase), so look-ups filter by kind.
    package static let bySpelling: [String: [Match]] = {
        var result: [String: [(KeywordMeaning, KeywordLanguage)]] = [:]
        for entry in table {
            for language in KeywordLanguage.allCases {
                for spelling in entry.spellings(language) {
                    result[spelling, default: []].append((entry.meaning, language))
                }
            }
        }
        return result.mapValues { pairs in
            var matches: [Match] = []
            for (meaning, language) in pairs {
                if let i = matches.firstIndex(where: { $0.meaning == meaning }) {
                    matches[i] = Match(meaning: meaning, languages: matches[i].languages + [language])
                } else {
                    matches.append(Match(meaning: meaning, languages: [language]))
                }
            }
            return matches
        }
    }()

    /// Spellings of one kind, for the parser's hot path.
    static let headers = bySpelling.compactMapValues { $0.first { $0.meaning.kind == "header" } }
    static let phases = bySpelling.compactMapValues { $0.first { $0.meaning.kind == "phase" } }
    static let attributes = bySpelling.compactMapValues { $0.first { $0.meaning.kind == "attribute" } }

    /// The entry for a meaning.
    package static func entry(for meaning: KeywordMeaning) -> KeywordEntry {
        table.first { $0.meaning == meaning }!
    }

    /// The meaning of `word` (already lower-cased) among keywords of one kind.
    package static func lookup(_ word: String, kind: String) -> Match? {
        bySpelling[word]?.first { $0.meaning.kind == kind }
    }

    /// Whether the bytes `name` (a word of a file, not lower-cased) are the `end` value in
    /// some language and case, as `lookup(name.lowercased(), kind: "value")` finds it: on the
    /// bytes when they are ASCII (every spelling of `end` is), with no string made for each
    /// item of a `next:` line.
    package static func isEnd(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var all: UInt8 = 0
        for b in name { all |= b }
        guard all < 0x80 else {
            return lookup(String(decoding: name, as: UTF8.self).lowercased(), kind: "value")?.meaning == .end
        }
        outer: for spelling in endSpellings where spelling.count == name.count {
            for i in 0..<name.count where spelling[i] != KeywordBytes.folded(name[i]) { continue outer }
            return true
        }
        return false
    }

    /// The spellings that `lookup(_:kind: "value")` reads as `end`.
    static let endSpellings: [[UInt8]] = entry(for: .end).spellingsInEveryLanguage
        .filter { lookup($0, kind: "value")?.meaning == .end }.map { Array($0.utf8) }

    /// The built-in channel a name means, in any language and case, two-word names written
    /// with a space as well as with the table's hyphen (`sociala medier`, `kirjaston tilat`).
    package static func builtinChannel(named name: String) -> BuiltinChannel? {
        let lowered = name.lowercased()
        let spelled = lowered.contains(" ") ? lowered.split(separator: " ").joined(separator: "-") : lowered
        if let match = lookup(spelled, kind: "channel"), case .channel(let builtin) = match.meaning { return builtin }
        return nil
    }

    /// A channel's canonical id: the English name of a built-in channel named in any language
    /// (`palvelupiste` → `desk`), else the name as it is.
    package static func channelId(_ name: String) -> String { builtinChannel(named: name)?.rawValue ?? name }

    /// Every spelling of every keyword of the given kinds, for "did you mean" suggestions.
    package static func spellings(kinds: Set<String>) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for entry in table where kinds.contains(entry.meaning.kind) {
            for language in KeywordLanguage.allCases {
                for s in entry.spellings(language) where seen.insert(s).inserted { result.append(s) }
            }
        }
        return result
    }
}
