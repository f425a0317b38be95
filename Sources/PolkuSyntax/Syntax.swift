/// An attribute line, `key: text`, attached to the header above it.
/// Its byte fields come last, so that it takes 28 bytes rather than 32 (a journey of
/// 100,000 steps has 600,000 attribute lines).
public struct AttributeSyntax: Sendable {
    /// The key, without the colon.
    public var keyword: SourceRange
    /// The text after the colon, trimmed.
    public var value: SourceRange
    /// The whole line.
    public var line: SourceRange
    public var kind: AttributeKind
    public var languages: KeywordLanguages

    package init(kind: AttributeKind, keyword: SourceRange, languages: KeywordLanguages, value: SourceRange,
                 line: SourceRange) {
        (self.kind, self.keyword, self.languages, self.value, self.line) = (kind, keyword, languages, value, line)
    }
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
    package var attributes = AttributeList()
}

/// The attribute lines of one declaration, in file order: a view into one array that holds
/// every declaration's attributes. Indices start at 0, as in an array.
public struct AttributeList: RandomAccessCollection, Sendable {
    @usableFromInline var storage: [AttributeSyntax]
    @usableFromInline var lower: Int32
    @usableFromInline var upper: Int32

    /// No attributes.
    public init() { (storage, lower, upper) = ([], 0, 0) }

    /// All of `attributes`.
    package init(_ attributes: [AttributeSyntax]) {
        (storage, lower, upper) = (attributes, 0, Int32(attributes.count))
    }

    /// The attributes at `range` of this list.
    func slice(_ range: Range<Int>) -> AttributeList {
        var list = self
        list.lower = lower + Int32(range.lowerBound)
        list.upper = lower + Int32(range.upperBound)
        return list
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(upper - lower) }
    public subscript(index: Int) -> AttributeSyntax {
        precondition(index >= 0 && index < endIndex, "attribute index out of range")
        return storage[Int(lower) + index]
    }

    /// The same attributes as an array slice (its indices are not 0-based): for a loop in
    /// another module over many declarations, which then walks a slice without calling into
    /// this module for each attribute.
    @inlinable public var elements: ArraySlice<AttributeSyntax> { storage[Int(lower)..<Int(upper)] }

    /// Runs `body` with the attributes' memory: for a reader that asks for it ahead of
    /// reading it (the resolver, on memory the parser wrote on another core).
    @inlinable public func withUnsafeAttributes<R>(_ body: (UnsafeBufferPointer<AttributeSyntax>) -> R) -> R {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(lower)..<Int(upper)])) }
    }

    /// Where the list stands in the array it is a view into (`withUnsafeArray`).
    @inlinable package var bounds: Range<Int> { Int(lower)..<Int(upper) }

    /// Runs `body` with the whole array the list is a view into: for a reader of many
    /// declarations whose lists are views into one array (a chunk's, as the parser makes
    /// them), which then reads each list's lines at its `bounds` through one pointer
    /// rather than retaining and releasing the array for each declaration.
    @inlinable package func withUnsafeArray<R>(_ body: (UnsafeBufferPointer<AttributeSyntax>) -> R) -> R {
        storage.withUnsafeBufferPointer(body)
    }

    /// Whether the two lists are views into one array (one of the parser's chunks).
    @inlinable package func sharesStorage(with other: AttributeList) -> Bool {
        storage.withUnsafeBufferPointer { a in other.storage.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } }
    }
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
    /// The declarations of a tree parsed without line nodes (`JourneyParser.parse(_:lines:)`),
    /// in file order, in chunks of at most `JourneyParser.declarationChunk`; `declarations`
    /// is then empty. The resolver lets go of each chunk once it has read it
    /// (`Resolver.resolveConsuming`).
    package var declarationChunks: [[Declaration]]
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
         detachedAttributes: [AttributeSyntax], declarationChunks: [[Declaration]] = [],
         handedOff: LanguageCounts? = nil) {
        self.source = source
        self.declarations = declarations
        self.declarationChunks = declarationChunks
        self.diagnostics = diagnostics
        self.nodes = nodes
        self.detachedAttributes = detachedAttributes
        // With the declarations handed off as they were parsed, their languages were counted then.
        var languages = handedOff ?? LanguageCounts()
        languages.add(declarations)
        for chunk in declarationChunks { languages.add(chunk) }
        self.language = languages.majority
    }

    /// Every declaration, whether kept in one array or in chunks.
    package var allDeclarations: [Declaration] {
        declarationChunks.isEmpty ? declarations : declarations + declarationChunks.joined()
    }
}

/// How many keywords of a file's declarations are in each language, counting only words
/// that belong to one language: for `SyntaxTree.language`.
struct LanguageCounts: Sendable {
    /// By the set's raw value: 1 English, 2 Finnish, 4 Swedish, others ignored.
    private var counts = [Int](repeating: 0, count: 8)

    mutating func add(_ declarations: [Declaration]) {
        for d in declarations {
            counts[Int(d.languages.rawValue & 7)] += 1
            for a in d.attributes { counts[Int(a.languages.rawValue & 7)] += 1 }
        }
    }

    /// The language most keywords are in (English on a tie).
    var majority: KeywordLanguage {
        var best = KeywordLanguage.en
        for language in KeywordLanguage.allCases
        where counts[Int(KeywordLanguages(language).rawValue)] > counts[Int(KeywordLanguages(best).rawValue)] {
            best = language
        }
        return best
    }
}
