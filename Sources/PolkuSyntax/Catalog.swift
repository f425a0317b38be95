/// Every error Polku reports, with its stable name and its explanation: errors in a journey
/// file, and problems with files, the configuration and Graphviz.
///
/// Messages are written for library staff: they say what is wrong in plain words, and the
/// `help` says what to write instead. `polku explain NAME` prints `explanation`.
package enum ErrorCode: String, CaseIterable, Sendable {
    case binaryFile = "binary-file"
    case invalidUTF8 = "invalid-utf8"
    case missingJourney = "missing-journey"
    case journeyNotFirst = "journey-not-first"
    case duplicateJourney = "duplicate-journey"
    case missingTitle = "missing-title"
    case missingColon = "missing-colon"
    case missingKeyword = "missing-keyword"
    case unknownKeyword = "unknown-keyword"
    case orphanAttribute = "orphan-attribute"
    case misplacedAttribute = "misplaced-attribute"
    case duplicateAttribute = "duplicate-attribute"
    case emptyValue = "empty-value"
    case textAfterPhase = "text-after-phase"
    case missingId = "missing-id"
    case invalidId = "invalid-id"
    case duplicateId = "duplicate-id"
    case unknownChannel = "unknown-channel"
    case unknownStep = "unknown-step"
    case unknownPersona = "unknown-persona"
    case invalidRating = "invalid-rating"
    case stepOutsidePhase = "step-outside-phase"
    case missingChannel = "missing-channel"
    case unknownRule = "unknown-rule"
    case allowWithoutReason = "allow-without-reason"
    case cannotRead = "cannot-read"
    case noJourneys = "no-journeys"
    case cannotWrite = "cannot-write"
    case configSyntax = "config-syntax"
    case configUnknownRule = "config-unknown-rule"
    case configInvalid = "config-invalid"
    case graphvizUnavailable = "graphviz-unavailable"
    case graphvizFailed = "graphviz-failed"
    case diagramTooLarge = "diagram-too-large"
    case tooManyErrors = "too-many-errors"
    case importInvalid = "import-invalid"
    case importGuessed = "import-guessed"

    /// The diagnostic code of this error.
    package var code: DiagnosticCode { .error(self) }

    /// False for what only `polku import` says about the file it reads, which a check of
    /// journeys (and its SARIF rules) never reports.
    package var comesFromChecking: Bool { self != .importInvalid && self != .importGuessed }

    /// What the error means and how to fix it, for `polku explain`, in English (the three
    /// languages are `explanationText`).
    package var explanation: String { explanationText.en }
}

/// Builders for each error, so every message is written once (its sentences, in three
/// languages, are in `SyntaxMessage`).
package enum Catalog {
    package static func error(_ code: ErrorCode, _ message: Message, _ range: SourceRange, label: Message? = nil,
                      secondary: [DiagnosticLabel] = [], notes: [Message] = [], help: Message? = nil) -> Diagnostic {
        Diagnostic(.error, code: code.code, text: message, range: range, label: label,
                   secondary: secondary, notes: notes, help: help)
    }

    /// A sentence of the catalogue with its values.
    static func m(_ key: SyntaxMessage, _ values: MessageValue...) -> Message { Message(key, values: values) }

    /// Quoted ids or names as a list: "`a`, `b` and `c`".
    static func quoted(_ names: [String], _ conjunction: MessageValue.Conjunction = .and) -> MessageValue {
        .list(names.map { .text("`\($0)`") }, conjunction)
    }

    static func binaryFile(_ source: SourceFile, at offset: Int) -> Diagnostic {
        error(.binaryFile, m(.binaryFile), SourceRange(offset, offset + 1),
              label: m(.binaryFileLabel), help: m(.binaryFileHelp))
    }

    /// A file saved as UTF-16 (a byte order mark FF FE or FE FF, or every other byte NUL).
    static func utf16(at offset: Int) -> Diagnostic {
        error(.binaryFile, m(.utf16), SourceRange(offset, offset + 2), label: m(.utf16Label), help: m(.utf16Help))
    }

    static func invalidUTF8(_ source: SourceFile, at offset: Int) -> Diagnostic {
        let byte = source.bytes[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        return error(.invalidUTF8, m(.invalidUTF8, .text(hex.count == 1 ? "0" + hex : hex)),
                     SourceRange(offset, offset + 1), label: m(.invalidUTF8Label),
                     notes: [m(.invalidUTF8Note)], help: m(.invalidUTF8Help))
    }

    static func missingJourney(at range: SourceRange, fileIsEmpty: Bool) -> Diagnostic {
        error(.missingJourney, m(fileIsEmpty ? .noJourney : .journeyNotAtStart),
              SourceRange(range.start, fileIsEmpty ? range.start : range.end), help: m(.journeyLineHelp))
    }

    static func journeyNotFirst(_ source: SourceFile, at keyword: SourceRange, firstStatement: SourceRange) -> Diagnostic {
        error(.journeyNotFirst, m(.journeyNotFirst), keyword, label: m(.journeyNotFirstLabel),
              secondary: [DiagnosticLabel(firstStatement, m(.fileStartsHere))],
              help: m(.journeyNotFirstHelp, .number(source.line(of: firstStatement.start))))
    }

    static func duplicateJourney(at keyword: SourceRange, first: SourceRange) -> Diagnostic {
        error(.duplicateJourney, m(.duplicateJourney), keyword, label: m(.secondJourney),
              secondary: [DiagnosticLabel(first, m(.journeyStartsHere))], help: m(.duplicateJourneyHelp))
    }

    static func missingTitle(_ kind: HeaderKind, line: SourceRange, colonEnd: Int) -> Diagnostic {
        error(.missingTitle, m(kind == .journey ? .journeyNoTitle : .stepNoTitle),
              SourceRange(line.start, colonEnd), label: m(.titleMissing),
              help: m(kind == .journey ? .journeyTitleHelp : .stepTitleHelp))
    }

    static func missingColon(_ source: SourceFile, words: SourceRange, continuation: Bool) -> Diagnostic {
        let help = continuation ? m(.continuationHelp) : m(.missingColonHelp, .text(String(source.text(words).prefix(40))))
        return error(.missingColon, m(.missingColon), words, label: m(.missingColonLabel), help: help)
    }

    /// A line that starts with a keyword but lacks its colon (`presence 2`, `before`,
    /// `palvelun aikana`): `suggestion` is the line as it should be.
    static func keywordWithoutColon(_ keyword: String, _ range: SourceRange, suggestion: String) -> Diagnostic {
        error(.missingColon, m(.keywordWithoutColon, .text(keyword)), range, label: m(.keywordWithoutColonLabel),
              help: m(.keywordWithoutColonHelp, .text(suggestion)))
    }

    static func missingKeyword(at colon: SourceRange) -> Diagnostic {
        error(.missingKeyword, m(.missingKeyword), colon, help: m(.missingKeywordHelp))
    }

    static func unknownKeyword(_ source: SourceFile, head: SourceRange, words: [SourceRange], firstWord: String,
                               headText: String, context: DeclarationKind?) -> Diagnostic {
        let shown = source.text(head)
        var contextKinds: [AttributeKind] = []
        if let context { contextKinds = Parser.allowedAttributes(context) }
        let contextWords = contextKinds.map { Keywords.entry(for: .attribute($0)).en[0] }
        let everything = Keywords.spellings(kinds: ["attribute", "phase", "header"])
        var help: Message?
        if let near = Suggestions.closest(to: headText, among: contextWords + everything) {
            help = m(.didYouMeanKey, .text(near))
        } else if words.count > 1,
                  let near = Suggestions.closest(to: firstWord, among: Keywords.spellings(kinds: ["header"])) {
            help = m(.didYouMeanHeader, .text(near), .text(source.text(SourceRange(words[1].start, words.last!.end))))
        } else if let context {
            let allowed = MessageValue.list(contextKinds.map { .message(m(.keywordWithColon, .keyword(.attribute($0)))) }, .or)
            switch context {
            case .journey: help = m(.underJourney, allowed)
            case .persona: help = m(.underPersona, allowed)
            case .channel: help = m(.underChannel, allowed)
            case .step: help = m(.underStep, allowed)
            case .phase: help = m(.underPhase)
            }
        }
        return error(.unknownKeyword, m(.unknownKeyword, .text(shown)), head,
                     label: m(.unknownKeywordLabel), help: help)
    }

    static func orphanAttribute(_ source: SourceFile, _ a: AttributeSyntax) -> Diagnostic {
        let key = source.text(a.keyword)
        return error(.orphanAttribute, m(.orphanAttribute, .text(key)), a.keyword,
                     label: m(.orphanAttributeLabel), help: m(.orphanAttributeHelp))
    }

    static func misplacedAttribute(_ source: SourceFile, _ a: AttributeSyntax, owner: DeclarationKind,
                                   ownerLine: SourceRange) -> Diagnostic {
        let key = source.text(a.keyword)
        let homes: [HeaderKind] = [HeaderKind.journey, .persona, .channel, .step].filter {
            let owner: DeclarationKind = switch $0 {
            case .journey: .journey
            case .persona: .persona
            case .channel: .channel
            case .step: .step
            }
            return Parser.allows(owner, a.kind)
        }
        var notes: [Message] = []
        let message: Message
        switch owner {
        case .journey: message = m(.misplacedUnderJourney, .text(key))
        case .persona: message = m(.misplacedUnderPersona, .text(key))
        case .channel: message = m(.misplacedUnderChannel, .text(key))
        case .step: message = m(.misplacedUnderStep, .text(key))
        case .phase(let phase):
            message = m(.misplacedUnderPhase, .text(key), .keyword(.phase(phase)))
            notes.append(m(.phaseTakesNoAttributes))
        }
        let list = MessageValue.list(homes.map { .message(m(.quotedKeyword, .keyword(.header($0)))) }, .or)
        return error(.misplacedAttribute, message, a.keyword, label: m(.misplacedLabel),
                     secondary: [DiagnosticLabel(ownerLine, m(.belongsHere))],
                     notes: notes, help: m(.misplacedHelp, .text(key), list))
    }

    static func emptyValue(_ source: SourceFile, _ a: AttributeSyntax) -> Diagnostic {
        let key = source.text(a.keyword)
        return error(.emptyValue, m(.emptyValue, .text(key)), a.keyword,
                     label: m(.emptyValueLabel), help: m(.emptyValueHelp, .text(key)))
    }

    static func textAfterPhase(_ text: SourceRange, phase: Phase) -> Diagnostic {
        error(.textAfterPhase, m(.textAfterPhase), text, label: m(.textAfterPhaseLabel), help: m(.textAfterPhaseHelp))
    }

    static func missingId(_ kind: HeaderKind, at keyword: SourceRange) -> Diagnostic {
        error(.missingId, m(kind == .persona ? .personaNoId : .channelNoId), keyword, label: m(.idMissing),
              help: m(kind == .persona ? .personaIdHelp : .channelIdHelp))
    }

    static func journeyWithId(_ source: SourceFile, words: SourceRange) -> Diagnostic {
        error(.invalidId, m(.journeyWithId), words, label: m(.journeyWithIdLabel),
              help: m(.journeyWithIdHelp, .text(source.text(words))))
    }

    static func idWithSpaces(_ source: SourceFile, range: SourceRange, words: [SourceRange]) -> Diagnostic {
        let joined = words.map { source.text($0) }.joined(separator: "-")
        return error(.invalidId, m(.idWithSpaces, .text(source.text(range))), range,
                     label: m(.idWithSpacesLabel), help: m(.idWithSpacesHelp, .text(joined)))
    }

    static func invisibleInId(range: SourceRange, offset: Int, scalar: Unicode.Scalar) -> Diagnostic {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        let name = scalar.properties.name.map { " (\($0.lowercased()))" } ?? ""
        return error(.invalidId, m(.invisibleInId, .text(code + name)),
                     SourceRange(offset, offset + String(scalar).utf8.count), label: m(.invisibleInIdLabel),
                     notes: [m(.invisibleInIdNote)], help: m(.invisibleInIdHelp))
    }

    static func invalidId(_ source: SourceFile, range: SourceRange, badOffset: Int) -> Diagnostic {
        let bad = source.text(SourceRange(badOffset, badOffset + 1))
        return error(.invalidId, m(.invalidId, .text(bad)), SourceRange(badOffset, badOffset + 1),
                     label: m(.invalidIdLabel), help: m(.invalidIdHelp))
    }
}

// MARK: - Resolution

extension Catalog {
    package static func stepOutsidePhase(at keyword: SourceRange) -> Diagnostic {
        error(.stepOutsidePhase, m(.stepOutsidePhase), keyword, label: m(.stepOutsidePhaseLabel), help: m(.stepOutsidePhaseHelp))
    }

    package static func missingChannel(at keyword: SourceRange) -> Diagnostic {
        error(.missingChannel, m(.missingChannel), keyword, label: m(.missingChannelLabel), help: m(.missingChannelHelp))
    }

    /// What an id names: a step, a persona or a channel.
    package enum IdKind: Sendable { case step, persona, channel }

    /// A second step, persona or channel with an id already taken; `aliases` names two
    /// spellings of one built-in channel.
    package static func duplicateId(_ what: IdKind, _ id: String, _ range: SourceRange, first: SourceRange,
                                   aliases: (String, String, String)? = nil) -> Diagnostic {
        let (message, label, firstLabel): (SyntaxMessage, SyntaxMessage, SyntaxMessage) = switch what {
        case .step: (.duplicateStep, .secondStep, .firstStep)
        case .persona: (.duplicatePersona, .secondPersona, .firstPersona)
        case .channel: (.duplicateChannel, .secondChannel, .firstChannel)
        }
        var d = error(.duplicateId, m(message, .text(id)), range, label: m(label, .text(id)),
                      secondary: [DiagnosticLabel(first, m(firstLabel))], help: m(.duplicateIdHelp))
        if let (a, b, builtin) = aliases {
            d.noteTexts = [m(.twoNamesOfBuiltin, .text(a), .text(b), .text(builtin))]
        }
        return d
    }

    package static func duplicateAttribute(key: String, at keyword: SourceRange, first: SourceRange) -> Diagnostic {
        error(.duplicateAttribute, m(.duplicateAttribute, .text(key)), keyword, label: m(.duplicateAttributeLabel),
              secondary: [DiagnosticLabel(first, m(.duplicateAttributeFirst))], help: m(.duplicateAttributeHelp, .text(key)))
    }

    /// A reference to an id that does not exist, with the nearest id as a suggestion and
    /// the ids that do exist as a note (when there are few enough to read).
    package static func unknownReference(_ what: IdKind, _ name: String, _ range: SourceRange, code: ErrorCode,
                                        known: [String], candidates: [String]? = nil) -> Diagnostic {
        let (message, label, none, here): (SyntaxMessage, SyntaxMessage, SyntaxMessage, SyntaxMessage) = switch what {
        case .step: (.noSuchStep, .unknownStepLabel, .noStepIds, .stepIdsHere)
        case .persona: (.noSuchPersona, .unknownPersonaLabel, .noPersonaIds, .personaIdsHere)
        case .channel: (.noSuchChannel, .unknownChannelLabel, .noStepIds, .channelIdsHere)
        }
        var d = error(code, m(message, .text(name)), range, label: m(label))
        if let near = Suggestions.closest(to: name, among: candidates ?? known) {
            d.helpText = m(.didYouMean, .text(near))
        }
        if known.isEmpty {
            d.noteTexts = [m(none)]
        } else if known.count <= 12 {
            d.noteTexts = [m(here, quoted(known))]
        }
        return d
    }

    package static func unknownChannel(_ name: String, _ range: SourceRange, declared: [String]) -> Diagnostic {
        let builtins = BuiltinChannel.allCases.map(\.rawValue)
        let aliases = Keywords.spellings(kinds: ["channel"])
        var d = unknownReference(.channel, name, range, code: .unknownChannel, known: declared + builtins,
                                 candidates: declared + aliases)
        // A longer word made on a built-in name (`webbsida`, `verkkopalvelu`): the spelling
        // that begins the same way and is nearest in length.
        if d.helpText == nil, let near = Suggestions.sharingPrefix(name.lowercased(), among: aliases) {
            d.helpText = m(.didYouMean, .text(near))
        }
        // The built-in channels by the names of the file's language.
        let builtinList = MessageValue.list(BuiltinChannel.allCases.map { .keyword(.channel($0)) }, .and)
        d.noteTexts = [declared.isEmpty ? m(.builtinChannels, builtinList)
                       : m(.builtinAndDeclared, builtinList, .text(Suggestions.listing(declared, quoted: false)))]
        if d.helpText == nil {
            d.helpText = m(.declareChannelHelp, .text(name))
        }
        return d
    }

    package static func unknownStep(_ name: String, _ range: SourceRange, known: [String]) -> Diagnostic {
        var d = unknownReference(.step, name, range, code: .unknownStep, known: known)
        if d.helpText == nil { d.helpText = m(.unknownStepHelp) }
        return d
    }

    package static func unknownPersona(_ name: String, _ range: SourceRange, known: [String]) -> Diagnostic {
        unknownReference(.persona, name, range, code: .unknownPersona, known: known)
    }

    package static func invalidRating(key: String, raw: String, at value: SourceRange) -> Diagnostic {
        let message = Int(raw) == nil ? m(.ratingNotNumber, .text(key), .text(raw)) : m(.ratingOutOfRange, .text(key), .text(raw))
        return error(.invalidRating, message, value, label: m(.ratingLabel), help: m(.ratingHelp))
    }
}

// MARK: - `allow:` lines

extension Catalog {
    package static func allowWithoutRule(_ value: SourceRange) -> Diagnostic {
        error(.unknownRule, m(.allowWithoutRule), value, label: m(.allowWithoutRuleLabel),
              notes: [m(.rulesListsEveryRule)], help: m(.allowWithoutRuleHelp))
    }

    package static func allowWithoutReason(_ value: SourceRange) -> Diagnostic {
        error(.allowWithoutReason, m(.allowWithoutReason), value, label: m(.allowWithoutReasonLabel),
              help: m(.allowWithoutReasonHelp))
    }

    package static func allowCannotAccept(_ name: String, _ range: SourceRange) -> Diagnostic {
        error(.unknownRule, m(.allowCannotAccept, .text(name)), range, label: m(.allowCannotAcceptLabel),
              help: m(.allowCannotAcceptHelp))
    }

    package static func unknownRuleInAllow(_ name: String, _ range: SourceRange, rules: [String]) -> Diagnostic {
        var d = error(.unknownRule, m(.noSuchRule, .text(name)), range, label: m(.noSuchRuleLabel),
                      notes: [m(.rulesListsEveryRule)])
        if let near = Suggestions.closest(to: name, among: rules) { d.helpText = m(.didYouMean, .text(near)) }
        return d
    }
}

// MARK: - Limits

extension Catalog {
    /// The most errors kept for one file, by the parser and by the resolver each.
    package static let errorLimit = 1_000

    /// Said once, at the end, when errors past the limit were counted but not kept.
    package static func tooManyErrors(_ count: Int, after last: SourceRange) -> Diagnostic {
        error(.tooManyErrors, count == 1 ? m(.oneMoreError) : m(.moreErrors, .number(count)), SourceRange(last.start, last.start),
              label: m(.tooManyErrorsLabel), help: m(.tooManyErrorsHelp))
    }
}

/// The parser's name for itself in catalog code.
typealias Parser = JourneyParser

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
