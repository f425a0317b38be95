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

    /// The diagnostic code of this error.
    package var code: DiagnosticCode { .error(self) }

    /// What the error means and how to fix it, for `polku explain`.
    package var explanation: String {
        switch self {
        case .binaryFile: "The file contains a NUL byte, so it is not a text file. Check that you opened the right file; journey files are plain text saved as UTF-8."
        case .invalidUTF8: "The file contains bytes that are not UTF-8 text, often because it was saved in an older encoding (Latin-1 or Windows-1252). Save it again as UTF-8 in your editor. Polku shows the first bad byte and reads the rest as well as it can."
        case .missingJourney: "Every journey file starts with a line `journey: <title>` (or `palvelupolku:`, `kundresa:`) that names the journey."
        case .journeyNotFirst: "The `journey:` line must be the first line of the file (comments and blank lines may come before it)."
        case .duplicateJourney: "A file describes one journey, so it has one `journey:` line. Put a second journey in a file of its own."
        case .missingTitle: "Journeys and steps need a title after the colon, for example `step ask: Asks for a book`."
        case .missingColon: "Every line is a keyword, a colon and text, for example `recommend: the e-book collection`. Text cannot continue on the next line: keep it on one line, or start another attribute such as `note:`."
        case .missingKeyword: "A line starts with a colon. Write the keyword before it, for example `note: ...`."
        case .unknownKeyword: "The word before the colon is not one Polku knows. Keywords may be English, Finnish or Swedish; see Grammar/keywords.tsv for the full list."
        case .orphanAttribute: "An attribute such as `via:` or `recommend:` belongs to the header above it (the journey, a persona, a channel or a step). This one has no header above it."
        case .misplacedAttribute: "Each attribute belongs to one kind of header: `competence:` and `presence:` rate a channel, `recommend:` and `follow-up:` describe a step, `uses:` describes a persona, and so on. Move the line under the right header."
        case .duplicateAttribute: "Some attributes can be given only once under the same header (`via:`, `next:`, `mood:`, `competence:`, `presence:`, `channels:`, `for:`). Keep one of them."
        case .emptyValue: "An attribute needs text after the colon. Write the text, or remove the line."
        case .textAfterPhase: "Phase headers (`before:`, `during:`, `after:`) take no text after the colon. Put the text in a comment line starting with `#`."
        case .missingId: "Personas and channels need an id after the keyword, for example `persona student: First-year student`. Steps and other lines refer to them by that id."
        case .invalidId: "Ids are one word of letters, digits, `-` and `_`, for example `first-visit` or `kysyy_kirjaa`."
        case .duplicateId: "Two steps, two personas or two channels have the same id, so a reference to it would be ambiguous. Rename one of them."
        case .unknownChannel: "A `via:` or `channels:` names a channel that is neither built in (desk, premises, phone, email, chat, social, web, other, or their Finnish and Swedish names) nor declared with `channel <id>: <label>`."
        case .unknownStep: "A `next:` names a step id that no step has. Step ids are the word after `step`, for example `pickup` in `step pickup: Collects the copy`."
        case .unknownPersona: "A `for:` names a persona id that no `persona` line declares."
        case .invalidRating: "Ratings (`competence:`, `presence:`, `mood:`) are whole numbers from 1 (poor) to 5 (excellent)."
        case .stepOutsidePhase: "Every step happens before, during or after the service. Put a phase header (`before:`, `during:` or `after:`) above the step."
        case .missingChannel: "Every step happens in a channel. Give the step a `via:` line, or give the journey a default with `via:` under the `journey:` line."
        case .unknownRule: "An `allow:` line names a checker rule that does not exist. `polku rules` lists every rule by name."
        case .allowWithoutReason: "An `allow:` line accepts a finding, and has to say why, so the next reader knows it was decided and not forgotten: `allow: missing-recommendation because the customer is in a hurry` (in Finnish `koska`, in Swedish `eftersom`)."
        case .cannotRead: "Polku could not read a file it was given: there is no such file, it is a folder where a journey file was expected, or you may not read it. The message says which. Check the path; a folder is checked whole (every *.polku file in it and below it)."
        case .noJourneys: "A folder was given, but there are no journey files (*.polku) in it or below it. Check the path, or give the journey files themselves."
        case .cannotWrite: "Polku could not write an output file: the folder does not exist, you may not write there, the disk is full, or the output would replace the journey it was made from. Nothing is left half-written: a file that was there before is left as it was."
        case .configSyntax: "The configuration file (polku.toml) is not valid TOML, so none of it is used. The message shows the first place the TOML reader could not follow; a common cause is a value without quotes: write `missing-need = \"off\"`."
        case .configUnknownRule: "The configuration (polku.toml, or a --rule option) names a checker rule that does not exist. `polku rules` lists every rule by name."
        case .configInvalid: "The configuration (polku.toml, or a --rule option) has a section or a value Polku does not understand. polku.toml has two sections: `[rules]`, where each rule is set to \"error\", \"warning\", \"info\" or \"off\", and `[ignore]`, where a file pattern lists rule names: `\"drafts/*\" = [\"missing-need\"]`."
        case .graphvizUnavailable: "Graphviz, which Polku draws diagrams with, is not installed completely: its layout plugins are not registered, or the cairo plugin for PNG and PDF is missing. Install the libgvc6 package and run `dot -c` as root once."
        case .diagramTooLarge: "The diagram is too large to draw as a PNG picture that anyone could read: even at the lowest resolution Polku uses (18 pixels per inch) it would be wider or taller than 30,000 pixels, or larger than 100 million pixels in all. Draw it as SVG or PDF, which have no such limit."
        case .tooManyErrors: "The file has more than 1,000 errors, and Polku shows the first 1,000 (the first of them is usually the cause of many below it). Often the file is not a journey at all, or it was saved in another format. Fix the errors shown, or check that this is the file you meant, then check it again."
        case .graphvizFailed: "Graphviz could not draw the diagram Polku wrote for this journey. This is a bug in Polku; the message includes what Graphviz said, which helps to fix it."
        }
    }
}

/// Builders for each error, so every message is written once.
package enum Catalog {
    package static func error(_ code: ErrorCode, _ message: String, _ range: SourceRange, label: String? = nil,
                      secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code.code, message: message, range: range, label: label,
                   secondary: secondary, notes: notes, help: help)
    }

    static func binaryFile(_ source: SourceFile, at offset: Int) -> Diagnostic {
        error(.binaryFile, "this is not a text file: it contains a NUL byte", SourceRange(offset, offset + 1),
              label: "NUL byte", help: "check that this is the journey file you meant; journey files are plain UTF-8 text")
    }

    static func invalidUTF8(_ source: SourceFile, at offset: Int) -> Diagnostic {
        let byte = source.bytes[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        return error(.invalidUTF8, "the file is not valid UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start or continue a character here",
                     SourceRange(offset, offset + 1), label: "first bad byte",
                     notes: ["the rest of the file is read with this byte replaced by �"],
                     help: "save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)")
    }

    static func missingJourney(at range: SourceRange, fileIsEmpty: Bool) -> Diagnostic {
        error(.missingJourney,
              fileIsEmpty ? "the file has no journey in it" : "the file does not start with a `journey:` line",
              SourceRange(range.start, fileIsEmpty ? range.start : range.end),
              help: "start the file with a line such as `journey: Renewing loans by phone`")
    }

    static func journeyNotFirst(_ source: SourceFile, at keyword: SourceRange, firstStatement: SourceRange) -> Diagnostic {
        error(.journeyNotFirst, "the `journey:` line must come first", keyword,
              label: "move this line to the top",
              secondary: [DiagnosticLabel(firstStatement, "the file starts here")],
              help: "move the `journey:` line above line \(source.line(of: firstStatement.start))")
    }

    static func duplicateJourney(at keyword: SourceRange, first: SourceRange) -> Diagnostic {
        error(.duplicateJourney, "a file holds one journey, but this is a second `journey:` line", keyword,
              label: "second journey", secondary: [DiagnosticLabel(first, "the journey starts here")],
              help: "put the second journey in a file of its own")
    }

    static func missingTitle(_ kind: HeaderKind, line: SourceRange, colonEnd: Int) -> Diagnostic {
        let example = kind == .journey ? "journey: Renewing loans by phone" : "step ask: Asks for a book"
        return error(.missingTitle, "this \(kind == .journey ? "journey" : "step") has no title",
                     SourceRange(line.start, colonEnd), label: "title missing after the colon",
                     help: "write a title after the colon, for example `\(example)`")
    }

    static func missingColon(_ source: SourceFile, words: SourceRange, continuation: Bool) -> Diagnostic {
        var help = "write a keyword and a colon first, for example `note: \(source.text(words).prefix(40))`"
        if continuation {
            help = "text cannot continue on the next line: join it to the line above, or start it with `note:`"
        }
        return error(.missingColon, "this line has no colon, so Polku cannot tell what it is", words,
                     label: "expected `keyword: text`", help: help)
    }

    static func missingKeyword(at colon: SourceRange) -> Diagnostic {
        error(.missingKeyword, "this line starts with a colon and has no keyword", colon,
              help: "write a keyword before the colon, for example `note:`")
    }

    static func unknownKeyword(_ source: SourceFile, head: SourceRange, words: [SourceRange], firstWord: String,
                               headText: String, context: DeclarationKind?) -> Diagnostic {
        let shown = source.text(head)
        var contextWords: [String] = []
        if let context { contextWords = Parser.allowedAttributes(context).map { Keywords.entry(for: .attribute($0)).en[0] } }
        let everything = Keywords.spellings(kinds: ["attribute", "phase", "header"])
        var help: String?
        if let near = Suggestions.closest(to: headText, among: contextWords + everything) {
            help = "did you mean `\(near):`?"
        } else if words.count > 1,
                  let near = Suggestions.closest(to: firstWord, among: Keywords.spellings(kinds: ["header"])) {
            help = "did you mean `\(near) \(source.text(SourceRange(words[1].start, words.last!.end))):`?"
        } else if let context, !contextWords.isEmpty {
            help = "under \(context.noun) you can write \(Suggestions.list(contextWords.map { $0 + ":" }, conjunction: "or"))"
        }
        return error(.unknownKeyword, "`\(shown)` is not a keyword Polku knows", head,
                     label: "unknown keyword", help: help)
    }

    static func orphanAttribute(_ source: SourceFile, _ a: AttributeSyntax) -> Diagnostic {
        let key = source.text(a.keyword)
        return error(.orphanAttribute, "`\(key):` has no header above it to belong to", a.keyword,
                     label: "belongs to nothing",
                     help: "put it under the `journey:` line, a `persona`, a `channel` or a `step`")
    }

    static func misplacedAttribute(_ source: SourceFile, _ a: AttributeSyntax, owner: DeclarationKind,
                                   ownerLine: SourceRange) -> Diagnostic {
        let key = source.text(a.keyword)
        let homes: [DeclarationKind] = [.journey, .persona, .channel, .step].filter { Parser.allows($0, a.kind) }
        let where_ = homes.map(\.noun).joined(separator: " or ")
        var notes: [String] = []
        if case .phase = owner {
            notes.append("a phase header takes no attributes; steps go under it")
        }
        return error(.misplacedAttribute, "`\(key):` cannot go under \(owner.noun)", a.keyword,
                     label: "misplaced", secondary: [DiagnosticLabel(ownerLine, "this is what it would belong to")],
                     notes: notes, help: "`\(key):` belongs to \(where_); move it under one")
    }

    static func emptyValue(_ source: SourceFile, _ a: AttributeSyntax) -> Diagnostic {
        let key = source.text(a.keyword)
        return error(.emptyValue, "`\(key):` has no text after the colon", a.keyword,
                     label: "text missing", help: "write the text after `\(key):`, or remove the line")
    }

    static func textAfterPhase(_ text: SourceRange, phase: Phase) -> Diagnostic {
        error(.textAfterPhase, "a phase header takes no text after the colon", text,
              label: "unexpected text", help: "put this text in a comment line starting with `#`")
    }

    static func missingId(_ kind: HeaderKind, at keyword: SourceRange) -> Diagnostic {
        let example = kind == .persona ? "persona student: First-year student" : "channel kiosk: Self-service kiosk"
        return error(.missingId, "this \(kind.rawValue) has no id", keyword, label: "id missing after the keyword",
                     help: "write an id after the keyword, for example `\(example)`")
    }

    static func journeyWithId(_ source: SourceFile, words: SourceRange) -> Diagnostic {
        error(.invalidId, "the journey takes no id, only a title after the colon", words,
              label: "unexpected words", help: "write `journey: \(source.text(words))` with the title after the colon")
    }

    static func idWithSpaces(_ source: SourceFile, range: SourceRange, words: [SourceRange]) -> Diagnostic {
        let joined = words.map { source.text($0) }.joined(separator: "-")
        return error(.invalidId, "an id is one word, but `\(source.text(range))` has spaces", range,
                     label: "id with spaces", help: "join the words with `-`: `\(joined)`")
    }

    static func invisibleInId(range: SourceRange, offset: Int, scalar: Unicode.Scalar) -> Diagnostic {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        let name = scalar.properties.name.map { " (\($0.lowercased()))" } ?? ""
        return error(.invalidId, "this id contains an invisible or space-like character, \(code)\(name)",
                     SourceRange(offset, offset + String(scalar).utf8.count), label: "invisible character here",
                     notes: ["an id with such a character can look exactly like another id and still be different"],
                     help: "retype the id using letters, digits, `-` and `_` only")
    }

    static func invalidId(_ source: SourceFile, range: SourceRange, badOffset: Int) -> Diagnostic {
        let bad = source.text(SourceRange(badOffset, badOffset + 1))
        return error(.invalidId, "`\(bad)` cannot be part of an id", SourceRange(badOffset, badOffset + 1),
                     label: "not allowed in an id",
                     help: "ids are made of letters, digits, `-` and `_`, for example `first-visit`")
    }
}

// MARK: - Resolution

extension Catalog {
    package static func stepOutsidePhase(at keyword: SourceRange) -> Diagnostic {
        error(.stepOutsidePhase, "this step is not under a phase", keyword,
              label: "no `before:`, `during:` or `after:` above it",
              help: "put `before:`, `during:` or `after:` on a line above the step")
    }

    package static func missingChannel(at keyword: SourceRange) -> Diagnostic {
        error(.missingChannel, "this step names no channel, and the journey has no default channel",
              keyword, label: "which channel does this happen in?",
              help: "add a line such as `via: desk` under the step, or `via:` under the `journey:` line for every step")
    }

    /// A second step, persona or channel with an id already taken. `what` is "step",
    /// "persona" or "channel"; `aliases` names two spellings of one built-in channel.
    package static func duplicateId(_ what: String, _ id: String, _ range: SourceRange, first: SourceRange,
                                   aliases: (String, String, String)? = nil) -> Diagnostic {
        var d = error(.duplicateId, "there is already a \(what) with the id `\(id)`", range,
                      label: "second \(what) `\(id)`",
                      secondary: [DiagnosticLabel(first, "the first \(what) with this id")],
                      help: "give one of them another id")
        if let (a, b, builtin) = aliases {
            d.notes = ["`\(a)` and `\(b)` are two names of the built-in channel `\(builtin)`"]
        }
        return d
    }

    package static func duplicateAttribute(key: String, at keyword: SourceRange, first: SourceRange) -> Diagnostic {
        error(.duplicateAttribute, "`\(key):` is given twice here", keyword, label: "second one",
              secondary: [DiagnosticLabel(first, "first one")], help: "keep one `\(key):` line")
    }

    /// A reference to an id that does not exist, with the nearest id as a suggestion and
    /// the ids that do exist as a note (when there are few enough to read).
    package static func unknownReference(_ what: String, _ name: String, _ range: SourceRange, code: ErrorCode,
                                        known: [String], candidates: [String]? = nil) -> Diagnostic {
        var d = error(code, "there is no \(what) `\(name)` in this journey", range, label: "unknown \(what)")
        if let near = Suggestions.closest(to: name, among: candidates ?? known) {
            d.help = "did you mean `\(near)`?"
        }
        if known.isEmpty {
            d.notes = ["this journey has no \(what) ids yet"]
        } else if known.count <= 12 {
            d.notes = ["the \(what) ids here are \(Suggestions.list(known))"]
        }
        return d
    }

    package static func unknownChannel(_ name: String, _ range: SourceRange, declared: [String]) -> Diagnostic {
        let builtins = BuiltinChannel.allCases.map(\.rawValue)
        let aliases = Keywords.spellings(kinds: ["channel"])
        var d = unknownReference("channel", name, range, code: .unknownChannel, known: declared + builtins,
                                 candidates: declared + aliases)
        d.notes = ["built-in channels: \(builtins.joined(separator: ", "))"
                   + (declared.isEmpty ? "" : "; declared here: \(Suggestions.listing(declared, quoted: false))")]
        if d.help == nil {
            d.help = "use one of these, or declare it with a line such as `channel \(name): <label>`"
        }
        return d
    }

    package static func unknownStep(_ name: String, _ range: SourceRange, known: [String]) -> Diagnostic {
        var d = unknownReference("step", name, range, code: .unknownStep, known: known)
        if d.help == nil { d.help = "write a step id, or `end` where the customer leaves" }
        return d
    }

    package static func unknownPersona(_ name: String, _ range: SourceRange, known: [String]) -> Diagnostic {
        unknownReference("persona", name, range, code: .unknownPersona, known: known)
    }

    package static func invalidRating(key: String, raw: String, at value: SourceRange) -> Diagnostic {
        let message = Int(raw) == nil
            ? "`\(key):` is a rating from 1 to 5, but `\(raw)` is not a whole number"
            : "`\(key):` is a rating from 1 to 5, but this is \(raw)"
        return error(.invalidRating, message, value, label: "expected 1, 2, 3, 4 or 5",
                     help: "write a whole number from 1 (poor) to 5 (excellent)")
    }
}

// MARK: - `allow:` lines

extension Catalog {
    package static func allowWithoutRule(_ value: SourceRange) -> Diagnostic {
        error(.unknownRule, "this `allow:` does not name a rule", value,
              label: "rule missing", notes: ["`polku rules` lists every rule"],
              help: "start with the rule's name, for example `allow: missing-recommendation because ...`")
    }

    package static func allowWithoutReason(_ value: SourceRange) -> Diagnostic {
        error(.allowWithoutReason, "this `allow:` does not say why the finding is accepted",
              value, label: "reason missing",
              help: "write the reason after `because`, for example `allow: missing-recommendation because the customer is in a hurry`")
    }

    package static func allowCannotAccept(_ name: String, _ range: SourceRange) -> Diagnostic {
        error(.unknownRule, "`\(name)` cannot be accepted with `allow:`", range,
              label: "remove this", help: "remove the `allow:` line that accepts nothing instead")
    }

    package static func unknownRuleInAllow(_ name: String, _ range: SourceRange, rules: [String]) -> Diagnostic {
        var d = error(.unknownRule, "there is no checker rule `\(name)`", range, label: "unknown rule",
                      notes: ["`polku rules` lists every rule"])
        if let near = Suggestions.closest(to: name, among: rules) { d.help = "did you mean `\(near)`?" }
        return d
    }
}

// MARK: - Limits

extension Catalog {
    /// The most errors kept for one file, by the parser and by the resolver each.
    package static let errorLimit = 1_000

    /// Said once, at the end, when errors past the limit were counted but not kept.
    package static func tooManyErrors(_ count: Int, after last: SourceRange) -> Diagnostic {
        error(.tooManyErrors, "and \(count) more \(count == 1 ? "error" : "errors") that are not shown", SourceRange(last.start, last.start),
              label: "after this one", help: "fix the errors above first, or check that this is the journey file you meant")
    }
}

/// The parser's name for itself in catalog code.
typealias Parser = JourneyParser

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
