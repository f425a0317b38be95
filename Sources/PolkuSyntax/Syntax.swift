/// An attribute line, `key: text`, attached to the header above it.
package struct AttributeSyntax: Sendable {
    package var kind: AttributeKind
    /// The key, without the colon.
    package var keyword: SourceRange
    package var languages: KeywordLanguages
    /// The text after the colon, trimmed.
    package var value: SourceRange
    /// The whole line.
    package var line: SourceRange
}

/// What a header line declares.
package enum DeclarationKind: Hashable, Sendable {
    case journey, persona, channel, step
    case phase(Phase)

    /// The word a person would use for it in a message.
    package var noun: String {
        switch self {
        case .journey: "the journey"
        case .persona: "a persona"
        case .channel: "a channel"
        case .step: "a step"
        case .phase(let p): "the `\(p.rawValue):` phase"
        }
    }
}

/// A header line and the attribute lines that belong to it.
package struct Declaration: Sendable {
    package var kind: DeclarationKind
    /// The keyword (for a phase, all of its words).
    package var keyword: SourceRange
    package var languages: KeywordLanguages
    /// The id after the keyword, for `persona`, `channel` and `step`.
    package var id: SourceRange?
    /// The text after the colon, trimmed (may be empty).
    package var title: SourceRange
    /// The whole header line.
    package var line: SourceRange
    package var attributes: [AttributeSyntax] = []
}

/// The syntax tree of one file: its declarations in file order, every syntax error, and a
/// node for every line, so the file can be printed back byte for byte (see `lines`).
/// The parser always returns a tree, however broken the file, so later stages can still work.
package struct SyntaxTree: Sendable {
    package var source: SourceFile
    /// The header lines that could be read, each with its valid attributes. An attribute with
    /// an error is not here but in `detachedAttributes`.
    package var declarations: [Declaration]
    package var diagnostics: [Diagnostic]
    /// Errors past `Catalog.errorLimit`, counted but not kept.
    package var unreportedErrors = 0
    /// Attribute lines that belong to no declaration: orphan, misplaced and empty ones, and
    /// those under a header line that could not be read. `lines` says which line each is.
    package internal(set) var detachedAttributes: [AttributeSyntax]
    /// One compact node per line, in file order (one node for a binary file).
    var nodes: [LineNode]

    /// The language most of the file's keywords are written in (English on a tie),
    /// counting only words that belong to one language. Worked out once, when parsing ends.
    package let language: KeywordLanguage

    /// A tree without line nodes (`lines` is empty and `printed()` gives only the byte order
    /// mark), for code that builds declarations by hand. The parser fills in the lines.
    package init(source: SourceFile, declarations: [Declaration], diagnostics: [Diagnostic]) {
        self.init(source: source, declarations: declarations, diagnostics: diagnostics, nodes: [], detachedAttributes: [])
    }

    init(source: SourceFile, declarations: [Declaration], diagnostics: [Diagnostic], nodes: [LineNode],
         detachedAttributes: [AttributeSyntax]) {
        self.source = source
        self.declarations = declarations
        self.diagnostics = diagnostics
        self.nodes = nodes
        self.detachedAttributes = detachedAttributes
        self.language = Self.majorityLanguage(declarations)
    }

    static func majorityLanguage(_ declarations: [Declaration]) -> KeywordLanguage {
        // Counts by the set's raw value: 1 English, 2 Finnish, 4 Swedish, others ignored.
        var counts = [Int](repeating: 0, count: 8)
        for d in declarations {
            counts[Int(d.languages.rawValue & 7)] += 1
            for a in d.attributes { counts[Int(a.languages.rawValue & 7)] += 1 }
        }
        var best = KeywordLanguage.en
        for language in KeywordLanguage.allCases
        where counts[Int(KeywordLanguages(language).rawValue)] > counts[Int(KeywordLanguages(best).rawValue)] {
            best = language
        }
        return best
    }
}
