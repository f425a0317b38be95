/// The three keyword languages. Keywords of all three are accepted, even mixed in one file.
public enum KeywordLanguage: String, Sendable, CaseIterable, Codable {
    case en, fi, sv
}

/// The statements that open a block: `journey:`, `persona <id>:`, `channel <id>:`, `step <id>:`.
public enum HeaderKind: String, Sendable, CaseIterable {
    case journey, persona, channel, step
}

/// The three phases of a service journey, in the order they happen.
public enum Phase: String, Sendable, CaseIterable, Codable, Comparable {
    case before, during, after

    public static func < (a: Phase, b: Phase) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
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
public enum BuiltinChannel: String, Sendable, CaseIterable, Codable {
    case desk, premises, phone, email, chat, social, web, other
}

/// What a keyword means, whatever language it was written in.
public enum KeywordMeaning: Hashable, Sendable {
    case header(HeaderKind)
    case phase(Phase)
    case attribute(AttributeKind)
    case end
    /// The word between the rules and the reason in `allow: <rules> because <reason>`.
    case because
    case channel(BuiltinChannel)

    /// The table's first column.
    public var kind: String {
        switch self {
        case .header: "header"
        case .phase: "phase"
        case .attribute: "attribute"
        case .end, .because: "value"
        case .channel: "channel"
        }
    }

    /// The table's second column.
    public var name: String {
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
public struct KeywordEntry: Sendable {
    public let meaning: KeywordMeaning
    public let en: [String]
    public let fi: [String]
    public let sv: [String]

    public func spellings(_ language: KeywordLanguage) -> [String] {
        switch language {
        case .en: en
        case .fi: fi
        case .sv: sv
        }
    }

    /// The word the formatter, diagrams and checklists use in `language`.
    public func preferred(_ language: KeywordLanguage) -> String { spellings(language)[0] }
}

/// The keyword tables. `Grammar/keywords.tsv` is the authoritative copy and a test keeps
/// the two identical; edit both together.
public enum Keywords {
    public static let table: [KeywordEntry] = [
        .init(meaning: .header(.journey), en: ["journey"], fi: ["palvelupolku", "polku"], sv: ["kundresa", "resa"]),
        .init(meaning: .header(.persona), en: ["persona"], fi: ["asiakasprofiili", "profiili"], sv: ["kundprofil", "persona"]),
        .init(meaning: .header(.channel), en: ["channel"], fi: ["kanava"], sv: ["kanal"]),
        .init(meaning: .header(.step), en: ["step"], fi: ["vaihe"], sv: ["steg"]),
        .init(meaning: .phase(.before), en: ["before"], fi: ["ennen palvelua", "ennen"], sv: ["före tjänsten", "före"]),
        .init(meaning: .phase(.during), en: ["during"], fi: ["palvelun aikana", "aikana"], sv: ["under tjänsten", "under"]),
        .init(meaning: .phase(.after), en: ["after"], fi: ["palvelun jälkeen", "jälkeen"], sv: ["efter tjänsten", "efter"]),
        .init(meaning: .attribute(.via), en: ["via"], fi: ["kautta"], sv: ["via"]),
        .init(meaning: .attribute(.note), en: ["note"], fi: ["huom", "muistiinpano"], sv: ["anteckning", "not"]),
        .init(meaning: .attribute(.for), en: ["for"], fi: ["kenelle"], sv: ["för"]),
        .init(meaning: .attribute(.uses), en: ["uses"], fi: ["käyttää", "käyttötavat"], sv: ["använder"]),
        .init(meaning: .attribute(.channels), en: ["channels"], fi: ["kanavat"], sv: ["kanaler"]),
        .init(meaning: .attribute(.assurance), en: ["assurance"], fi: ["varmistus", "toteutumisen varmistaminen"], sv: ["säkerställande"]),
        .init(meaning: .attribute(.competence), en: ["competence"], fi: ["osaaminen"], sv: ["kompetens"]),
        .init(meaning: .attribute(.presence), en: ["presence"], fi: ["läsnäolo"], sv: ["närvaro"]),
        .init(meaning: .attribute(.need), en: ["need"], fi: ["tarve"], sv: ["behov"]),
        .init(meaning: .attribute(.by), en: ["by"], fi: ["palvelee", "rooli"], sv: ["roll", "av"]),
        .init(meaning: .attribute(.recommend), en: ["recommend"], fi: ["suosittele", "vinkkaa"], sv: ["rekommendera", "tipsa"]),
        .init(meaning: .attribute(.followUp), en: ["follow-up", "followup"], fi: ["jatko", "seuranta"], sv: ["uppföljning"]),
        .init(meaning: .attribute(.feedback), en: ["feedback"], fi: ["palaute"], sv: ["återkoppling", "synpunkter"]),
        .init(meaning: .attribute(.next), en: ["next"], fi: ["seuraava"], sv: ["nästa"]),
        .init(meaning: .attribute(.mood), en: ["mood"], fi: ["tunnelma"], sv: ["känsla"]),
        .init(meaning: .attribute(.allow), en: ["allow"], fi: ["salli"], sv: ["tillåt"]),
        .init(meaning: .end, en: ["end"], fi: ["loppu"], sv: ["slut"]),
        .init(meaning: .because, en: ["because"], fi: ["koska"], sv: ["eftersom"]),
        .init(meaning: .channel(.desk), en: ["desk"], fi: ["palvelupiste"], sv: ["disk", "informationsdisk"]),
        .init(meaning: .channel(.premises), en: ["premises"], fi: ["tilat", "kirjaston-tilat"], sv: ["lokaler", "bibliotekets-lokaler"]),
        .init(meaning: .channel(.phone), en: ["phone"], fi: ["puhelin"], sv: ["telefon"]),
        .init(meaning: .channel(.email), en: ["email", "e-mail"], fi: ["sähköposti"], sv: ["e-post"]),
        .init(meaning: .channel(.chat), en: ["chat"], fi: ["chatti"], sv: ["chatt"]),
        .init(meaning: .channel(.social), en: ["social"], fi: ["some"], sv: ["sociala-medier"]),
        .init(meaning: .channel(.web), en: ["web"], fi: ["verkko", "verkkosivut"], sv: ["webb", "webbplats"]),
        .init(meaning: .channel(.other), en: ["other"], fi: ["muu"], sv: ["annat"]),
    ]

    /// A spelling's meaning and the languages it belongs to.
    public struct Match: Sendable {
        public let meaning: KeywordMeaning
        public let languages: [KeywordLanguage]
    }

    /// Lower-cased spelling (single spaces) to its meanings. A spelling may mean different
    /// things in different positions (`under` the phase), so look-ups filter by kind.
    public static let bySpelling: [String: [Match]] = {
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
    public static func entry(for meaning: KeywordMeaning) -> KeywordEntry {
        table.first { $0.meaning == meaning }!
    }

    /// The meaning of `word` (already lower-cased) among keywords of one kind.
    public static func lookup(_ word: String, kind: String) -> Match? {
        bySpelling[word]?.first { $0.meaning.kind == kind }
    }

    /// Every spelling of every keyword of the given kinds, for "did you mean" suggestions.
    public static func spellings(kinds: Set<String>) -> [String] {
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
