#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a journey file into a `SyntaxTree`, following `Grammar/polku.ebnf` line by line.
///
/// Each line is one statement, so recovery is simple: a bad line gets one diagnostic and the
/// parser carries on with the next line. Attributes attach to the nearest header above them.
/// Every line, good or bad, also gets a node in the tree's `lines`, so nothing is lost.
package struct JourneyParser {
    private let source: SourceFile
    private var declarations: [Declaration] = []
    private var diagnostics: [Diagnostic] = []
    /// The first error on the line being read, for its node.
    private var lineError: ErrorCode?
    /// Errors past `Catalog.errorLimit`, counted but not kept: ten megabytes of lines that
    /// are all mistakes must not take gigabytes to say so.
    private var unreported = 0
    /// A node for each line read so far.
    private var nodes: [LineNode] = []
    private var detached: [AttributeSyntax] = []
    /// The index in `declarations` that attributes currently attach to.
    private var current: Int?
    /// The attributes the declaration at `current` takes, as bits by `AttributeKind.ordinal`
    /// (`AllowedAttributes`), set when it opens: an attribute line is checked against them
    /// without reading the declaration again.
    private var currentAllows: UInt32 = 0
    /// The keyword of the first `journey:` line, once met.
    private var journeyKeyword: SourceRange?
    private var firstStatement: SourceRange?
    /// The last statement line had text that might have been meant to continue.
    private var previousLineHadText = false
    /// After a header line that could not be read, its attribute lines are skipped quietly:
    /// they would otherwise each be reported as misplaced, for one mistake.
    private var skippingAttributes = false
    /// The buffer line heads are folded into for keyword look-up.
    private var keywordKey = KeywordKey()
    /// `KeywordBytes.parser`, held here: reading the static for each line would make sure
    /// it is set up and retain its arrays, every time.
    private let keywords = KeywordBytes.parser
    /// The attributes of the declarations from `chunkStart` on, in file order, in one array:
    /// a declaration's are the run from `attributeStarts[d - chunkStart]` to the next one's start. Each
    /// declaration is given its view of the array when the chunk is full or the file ends.
    /// Arrays of `chunkSize` attributes rather than one a declaration (100,000 of them for a
    /// journey of 100,000 steps), or one for the file: the resolver lets go of each chunk
    /// once it has read its declarations, so the syntax is not all held beside the model.
    private var attributes: [AttributeSyntax] = []
    /// Where each declaration's attributes start in its chunk's `attributes`, from the
    /// chunk's first declaration on.
    private var attributeStarts: [Int32] = []
    /// The first declaration whose attributes are in `attributes`.
    private var chunkStart = 0
    /// Attributes in a chunk before a new one is begun (1.8 MB).
    package static let chunkSize = 1 << 16
    /// The room for attributes each chunk of declarations is given when the chunks are
    /// handed off as they are parsed: twelve a declaration (they grow if they are more),
    /// 0.7 MB. Always the same and under a megabyte (`largeBlocks`), so that each array is
    /// taken from the memory an earlier chunk's array was given back in once resolved,
    /// rather than mapped afresh and faulted in page by page (4,100 faults at 100,000 steps
    /// with room for `chunkSize`). Chunks kept until the whole file is parsed get
    /// `chunkSize`: mapped on their own, each is given back to the system as soon as it is
    /// resolved, where memory from the heap would stay in it (2.3 MB more at the peak of a
    /// journey of 15,000 steps).
    static let handedOffAttributes = 12 * declarationChunk
    /// Declarations in a chunk before a new one is begun, when the declarations are kept in
    /// chunks (128 KB). Small, because the resolver reads the chunks on another thread as
    /// they come and is the slower of the two: what it has left when the parser ends is
    /// what waits for it (at 100,000 steps, 15–19 ms after the parser with chunks of 16,384,
    /// 10–15 ms with 2,048).
    package static let declarationChunk = 1 << 11
    /// Whether the declarations are kept in chunks (`SyntaxTree.declarationChunks`), each
    /// with its attributes, rather than in one array: so when lines are not kept, for the
    /// resolver to let go of each chunk once it has read it.
    private var chunksDeclarations: Bool { !keepsLines }
    /// The chunks of declarations closed so far, when they are kept in chunks.
    private var closedChunks: [[Declaration]] = []
    /// Declarations in the chunk being filled: `declarationChunk` (or fewer for a test), but
    /// at most `firstHandOff` in the first chunk handed off.
    private var chunkLimit: Int
    /// Declarations in each chunk after the first.
    private let fullChunk: Int
    /// The most declarations in the first chunk handed off: the resolver waits for it, and
    /// a small one is soon parsed (16,384 declarations took 7 ms).
    package static let firstHandOff = 1 << 10
    /// Takes each chunk as it is closed, instead of `closedChunks`, while the parser goes on
    /// (`parse(_:chunksTo:)`); returns false when it wants no more, and the parser stops.
    private let handOff: (([Declaration]) -> Bool)?
    /// The languages of the keywords in the chunks handed off.
    private var handedOffLanguages = LanguageCounts()
    /// The hand-off wanted no more chunks.
    private var stopped = false
    /// Whether to keep a node for every line (the lossless view, `SyntaxTree.lines`).
    private let keepsLines: Bool
    /// Whether the commonest lines are read straight from their bytes (`quickLine`).
    private let readsQuickly: Bool

    private init(_ source: SourceFile, keepsLines: Bool, readsQuickly: Bool, chunkLimit: Int = declarationChunk,
                 handOff: (([Declaration]) -> Bool)? = nil) {
        self.source = source
        self.keepsLines = keepsLines
        self.readsQuickly = readsQuickly
        self.chunkLimit = handOff == nil ? chunkLimit : min(chunkLimit, Self.firstHandOff)
        self.fullChunk = chunkLimit
        self.handOff = handOff
    }

    /// Parses a whole file. Never fails: problems come back as diagnostics in the tree.
    /// - Parameter lines: false for a caller that needs only the declarations and the
    ///   diagnostics: the tree then has no line nodes (`lines` is empty), which saves twelve
    ///   bytes a line (8 MB for a journey of 100,000 steps), and its declarations are in
    ///   `declarationChunks` rather than `declarations`.
    package static func parse(_ source: SourceFile, lines: Bool = true) -> SyntaxTree {
        var parser = JourneyParser(source, keepsLines: lines, readsQuickly: true)
        return parser.run()
    }

    /// Parses a file without line nodes, as `parse(_:lines: false)` does, but hands each chunk
    /// of declarations to `handOff` as soon as it is closed, in file order, rather than
    /// keeping it in the tree: so a resolver on another thread can read each chunk while the
    /// next is parsed (`Analysis`). The tree returned has no declarations; its diagnostics and
    /// language are the whole file's. When `handOff` returns false, parsing stops, and the
    /// tree returned is incomplete.
    /// - Parameter chunkLimit: declarations in a chunk (fewer than `declarationChunk` only
    ///   for a test); the first chunk has at most `firstHandOff`.
    package static func parse(_ source: SourceFile, chunkLimit: Int = declarationChunk,
                              chunksTo handOff: @escaping ([Declaration]) -> Bool) -> SyntaxTree {
        var parser = JourneyParser(source, keepsLines: false, readsQuickly: true, chunkLimit: max(1, chunkLimit),
                                   handOff: handOff)
        return parser.run()
    }

    /// Parses every line through the lexer's tokens, without the shortcut for the commonest
    /// lines: the reference the tests hold the shortcut to.
    package static func parseTokenByToken(_ source: SourceFile) -> SyntaxTree {
        var parser = JourneyParser(source, keepsLines: true, readsQuickly: false)
        return parser.run()
    }

    private mutating func run() -> SyntaxTree {
        if Self.looksLikeUTF16(source.bytes) {
            diagnostics.append(Catalog.utf16(at: 0))
            var node = LineNode(.binary)
            node.error = LineNode.encode(.binaryFile)
            return SyntaxTree(source: source, declarations: [], diagnostics: diagnostics,
                              nodes: keepsLines ? [node] : [],
                              detachedAttributes: [])
        }
        if let offset = source.firstNUL {
            diagnostics.append(Catalog.binaryFile(source, at: offset))
            var node = LineNode(.binary)
            node.error = LineNode.encode(.binaryFile)
            return SyntaxTree(source: source, declarations: [], diagnostics: diagnostics,
                              nodes: keepsLines ? [node] : [],
                              detachedAttributes: [])
        }
        // The bytes before the first that is not ASCII are well-formed UTF-8.
        if let high = source.firstNonASCII,
           let offset = Self.firstInvalidUTF8(source.bytes, from: max(source.contentStart, high)) {
            diagnostics.append(Catalog.invalidUTF8(source, at: offset))
        }
        // About one header in four lines in real journeys; untouched capacity costs no memory.
        let declarationCapacity = chunksDeclarations ? min(source.lineCount / 4 + 1, chunkLimit)
            : source.lineCount / 4 + 1
        declarations.reserveCapacity(declarationCapacity)
        attributeStarts.reserveCapacity(declarationCapacity)
        attributes.reserveCapacity(min(source.lineCount, Self.chunkSize))
        if keepsLines { nodes.reserveCapacity(source.lineCount) }
        var lexer = Lexer(source)
        var tokens: [Token] = []
        tokens.reserveCapacity(8)
        let bytes = source.bytes
        bytes.withUnsafeBufferPointer { b in
            while !stopped, let line = lexer.nextBounds() {
                lineError = nil
                var node: LineNode
                if readsQuickly, let quick = quickLine(b, line.range) {
                    node = quick
                } else {
                    lexer.lex(line.range, into: &tokens)
                    node = statement(LexedLine(number: line.number, range: line.range, tokens: tokens,
                                               terminator: line.terminator))
                }
                guard keepsLines else { continue }
                node.terminator = line.terminator
                if let lineError { node.error = LineNode.encode(lineError) }
                nodes.append(node)
            }
        }
        closeChunk(last: true)
        if journeyKeyword == nil {
            let at = firstStatement ?? SourceRange(source.contentStart, source.contentStart)
            diagnostics.append(Catalog.missingJourney(at: at, fileIsEmpty: firstStatement == nil))
        }
        var tree = SyntaxTree(source: source, declarations: declarations, diagnostics: diagnostics, nodes: nodes,
                              detachedAttributes: detached, declarationChunks: closedChunks,
                              handedOff: handOff == nil ? nil : handedOffLanguages)
        tree.unreportedErrors = unreported
        return tree
    }

    // MARK: - Statements

    /// Keeps an error of the line being read (up to the limit) and notes it for the line's node.
    private mutating func report(_ d: Diagnostic) {
        if lineError == nil, case .error(let code) = d.code { lineError = code }
        if diagnostics.count < Catalog.errorLimit { diagnostics.append(d) } else { unreported += 1 }
    }

    /// Reads the commonest lines straight from their bytes, as `statement` would read their
    /// tokens: a blank line, a comment, an attribute line whose keyword is one ASCII word
    /// (`  need: a book`), and a header line of an ASCII keyword and an ASCII id
    /// (`  step ask: ...`). Returns nil for any other line, which is then lexed and read by
    /// `statement`: a journey is mostly such lines, and this skips making their tokens and
    /// folding their keyword into a buffer.
    private mutating func quickLine(_ b: UnsafeBufferPointer<UInt8>, _ line: SourceRange) -> LineNode? {
        let end = line.end
        var i = line.start
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        if i == end { return LineNode(.blank) }
        if b[i] == UInt8(ascii: "#") { return LineNode(.comment) }
        let wordStart = i
        guard let (wordEnd, hash) = Self.quickWord(b, from: wordStart, to: end, limit: keywords.longest),
              wordEnd > wordStart else { return nil }
        if b[wordEnd] == 0x20 {
            return quickHeader(b, line, keyword: SourceRange(wordStart, wordEnd), keywordHash: hash)
        }
        guard let (kind, languages) = keywords.lookup(ascii: b.baseAddress! + wordStart, count: wordEnd - wordStart,
                                                      hash: hash, readable: b.count - wordStart)?.attribute else { return nil }
        let value = Blanks.trimmed(b, from: wordEnd + 1, to: end)
        if firstStatement == nil { firstStatement = line }
        previousLineHadText = !value.isEmpty
        return attribute(AttributeSyntax(kind: kind, keyword: SourceRange(wordStart, wordEnd), languages: languages,
                                         value: value, line: line))
    }

    /// `quickLine` for a line whose first word `keyword` is followed by a space: a header
    /// when the word is a header keyword and the second word an id of ASCII bytes, with the
    /// colon after it. `keywordHash` is the word's hash.
    private mutating func quickHeader(_ b: UnsafeBufferPointer<UInt8>, _ line: SourceRange, keyword: SourceRange,
                                      keywordHash: UInt32) -> LineNode? {
        let end = line.end
        let idStart = keyword.end + 1
        guard let (idEnd, _) = Self.quickWord(b, from: idStart, to: end, limit: .max), idEnd > idStart else { return nil }
        var i = idEnd
        while i < end && b[i] == 0x20 { i += 1 }
        guard i < end, b[i] == UInt8(ascii: ":") else { return nil }
        let readable = b.count - keyword.start
        guard let meanings = keywords.lookup(ascii: b.baseAddress! + keyword.start, count: keyword.count,
                                             hash: keywordHash, readable: readable),
              let (kind, languages) = meanings.header else { return nil }
        // The two words together may be a keyword (a phase is, in Finnish): `statement` reads
        // those, as it looks them up before the first word alone.
        let both = idEnd - keyword.start
        if meanings.opensLonger && both <= keywords.longest,
           keywords.lookup(ascii: b.baseAddress! + keyword.start, count: both,
                           hash: KeywordBytes.hash(ascii: b.baseAddress! + keyword.start, count: both, readable: readable),
                           readable: readable) != nil {
            return nil
        }
        let text = Blanks.trimmed(b, from: i + 1, to: end)
        if firstStatement == nil { firstStatement = line }
        previousLineHadText = !text.isEmpty
        return header(kind, keyword: keyword, languages: languages, idWords: CollectionOfOne(SourceRange(idStart, idEnd)),
                      text: text, line: line)
    }

    /// The end of the word at `start` (the first colon or space) and the hash of its bytes
    /// folded to lower case as `KeywordBytes` folds them (`KeywordBytes.hash`), read eight
    /// bytes at a time where eight can be read. Nil at a tab or a byte that is not ASCII,
    /// where `statement` reads the line; when the word reaches `end` (no colon follows); or
    /// when it is longer than `limit` bytes.
    @inline(__always)
    private static func quickWord(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                  limit: Int) -> (end: Int, hash: UInt32)? {
        var h: UInt64 = 0
        var i = start
        while i + 8 <= b.count {
            let x = KeywordBytes.eightBytes(b.baseAddress! + i)
            let stops = wordStops(x)
            // Where the first colon, space, tab or byte that is not ASCII is among the eight.
            let k = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
            guard i + k < end else { return nil }
            if k < 8 {
                guard b[i + k] == UInt8(ascii: ":") || b[i + k] == 0x20, i + k - start <= limit else { return nil }
                if k > 0 { h = KeywordBytes.mix(h, KeywordBytes.folded(eight: x & KeywordBytes.low(k))) }
                return (i + k, KeywordBytes.finish(h, count: i + k - start))
            }
            h = KeywordBytes.mix(h, KeywordBytes.folded(eight: x))
            i += 8
            guard i - start <= limit else { return nil }
        }
        // Fewer than eight bytes left in the file: byte by byte.
        var block: UInt64 = 0
        var shift: UInt64 = 0
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: ":") || c == 0x20 {
                guard i - start <= limit else { return nil }
                if shift > 0 { h = KeywordBytes.mix(h, block) }
                return (i, KeywordBytes.finish(h, count: i - start))
            }
            if c == 0x09 || c >= 0x80 { return nil }
            block |= UInt64(KeywordBytes.folded(c)) << shift
            shift += 8
            if shift == 64 {
                h = KeywordBytes.mix(h, block)
                (block, shift) = (0, 0)
            }
            i += 1
        }
        return nil
    }

    /// The top bit of each byte of `x` that is a colon, a space, a tab or not ASCII, exactly
    /// for the first such byte (a byte after it may be marked wrongly: a borrow runs on).
    @inline(__always)
    private static func wordStops(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
        return zeros(x ^ (0x3A &* ones)) | zeros(x ^ (0x20 &* ones)) | zeros(x ^ (0x09 &* ones)) | (x & high)
    }

    /// Reads one line; returns its node (the caller adds the line ending and the error).
    private mutating func statement(_ line: LexedLine) -> LineNode {
        let tokens = line.tokens
        guard let first = tokens.first else { return LineNode(.blank) }
        if first.kind == .comment { return LineNode(.comment) }
        if firstStatement == nil { firstStatement = line.range }
        let hadText = previousLineHadText
        previousLineHadText = false

        guard let colonIndex = tokens.firstIndex(where: { $0.kind == .colon }) else {
            let words = SourceRange(tokens.first!.range.start, tokens.last!.range.end)
            // A phase header without its colon (`before`, `palvelun aikana`) is still the
            // phase: the steps below it are read under it, and only the colon is reported.
            let all = normalized(tokens.map(\.range))
            if let match = Keywords.phases[all], case .phase(let phase) = match.meaning {
                report(Catalog.keywordWithoutColon(source.text(words), words, suggestion: source.text(words) + ":"))
                // A header without a colon: `pieces(of:)` gives it an empty colon where
                // it belongs, so the formatter can write one.
                return open(Declaration(kind: .phase(phase), keyword: words, languages: KeywordLanguages(match.languages),
                                        id: nil, title: SourceRange(words.end, words.end), line: line.range),
                            keywordWords: tokens.count)
            }
            // A keyword the line's header takes, its colon missing (`presence 2`, `mood 5`).
            if let kind = currentKind, let (keyword, rest) = keywordWithoutColon(tokens, under: kind) {
                let suggestion = source.text(keyword) + ":" + (rest.isEmpty ? "" : " " + source.text(rest))
                report(Catalog.keywordWithoutColon(source.text(keyword), keyword, suggestion: suggestion))
                return LineNode(.invalid)
            }
            report(Catalog.missingColon(source, words: words, continuation: hadText && current != nil))
            return LineNode(.invalid)
        }
        guard colonIndex > 0 else {
            report(Catalog.missingKeyword(at: tokens[colonIndex].range))
            return LineNode(.invalid)
        }
        let text = tokens[colonIndex + 1].range
        previousLineHadText = !text.isEmpty
        let head = SourceRange(tokens[0].range.start, tokens[colonIndex - 1].range.end)
        let headWords = tokens[..<colonIndex].lazy.map(\.range)
        let meanings = lookUp(headWords)

        if colonIndex == 1, let (kind, languages) = meanings?.attribute {
            return attribute(AttributeSyntax(kind: kind, keyword: head, languages: languages,
                                             value: text, line: line.range))
        }
        if let (phase, languages) = meanings?.phase {
            if !text.isEmpty { report(Catalog.textAfterPhase(text, phase: phase)) }
            return open(Declaration(kind: .phase(phase), keyword: head, languages: languages,
                                    id: nil, title: text, line: line.range), keywordWords: colonIndex)
        }
        if colonIndex > 1, let (kind, languages) = meanings?.attribute {
            return attribute(AttributeSyntax(kind: kind, keyword: head, languages: languages,
                                             value: text, line: line.range))
        }
        let firstMeanings = colonIndex == 1 ? meanings : lookUp(CollectionOfOne(tokens[0].range))
        if let (kind, languages) = firstMeanings?.header {
            return header(kind, keyword: tokens[0].range, languages: languages,
                          idWords: tokens[1..<colonIndex].lazy.map(\.range), text: text, line: line.range)
        }
        let words = tokens[..<colonIndex].map(\.range)
        let headText = normalized(words)
        let firstWord = key(words[0])
        report(Catalog.unknownKeyword(source, head: head, words: words, firstWord: firstWord,
                                                  headText: headText, context: currentKind))
        // Several words before the colon may be a header gone wrong (`stepp ask:`): its
        // attribute lines are then skipped. A misspelt attribute of two words (`follow up:`,
        // `feed back:`) is not: the lines after it still belong to the step above.
        if words.count > 1 && Suggestions.closest(to: headText, among: Keywords.spellings(kinds: ["attribute"])) == nil
            && Keywords.attributes[firstWord] == nil {
            skippingAttributes = true
        }
        return LineNode(.invalid)
    }

    /// The attribute keyword a line without a colon starts with, when the current header
    /// takes it (one or two words, `presence 2`, `toteutumisen varmistaminen ...`), and the
    /// rest of the line.
    private func keywordWithoutColon(_ tokens: [Token], under kind: DeclarationKind) -> (SourceRange, SourceRange)? {
        let words = tokens.filter { $0.kind != .colon }.map(\.range)
        for count in [2, 1] where words.count >= count {
            let spelled = normalized(Array(words[..<count]))
            guard let match = Keywords.attributes[spelled], case .attribute(let attribute) = match.meaning,
                  Self.allows(kind, attribute) else { continue }
            let keyword = SourceRange(words[0].start, words[count - 1].end)
            let rest = words.count > count ? SourceRange(words[count].start, words.last!.end) : SourceRange(keyword.end, keyword.end)
            return (keyword, rest)
        }
        return nil
    }

    private var currentKind: DeclarationKind? {
        current.map { declarations[$0].kind }
    }

    private mutating func header(_ kind: HeaderKind, keyword: SourceRange, languages: KeywordLanguages,
                                 idWords: some BidirectionalCollection<SourceRange>, text: SourceRange, line: SourceRange) -> LineNode {
        var id: SourceRange?
        if !idWords.isEmpty {
            let range = SourceRange(idWords.first!.start, idWords.last!.end)
            if kind == .journey {
                report(Catalog.journeyWithId(source, words: range))
            } else if idWords.count > 1 {
                report(Catalog.idWithSpaces(source, range: range, words: Array(idWords)))
            } else if let bad = Self.firstInvalidIdByte(source.bytes, range) {
                report(Catalog.invalidId(source, range: range, badOffset: bad))
            } else if let (offset, scalar) = Self.firstInvisibleScalar(source, range) {
                report(Catalog.invisibleInId(range: range, offset: offset, scalar: scalar))
            } else {
                id = range
            }
        } else if kind == .persona || kind == .channel {
            report(Catalog.missingId(kind, at: keyword))
        }
        if text.isEmpty && (kind == .journey || kind == .step) {
            report(Catalog.missingTitle(kind, line: line, colonEnd: text.start))
        }
        let declaration = Declaration(kind: Self.declarationKind(kind), keyword: keyword,
                                      languages: languages, id: id, title: text, line: line)
        if kind == .journey {
            if let previous = journeyKeyword {
                report(Catalog.duplicateJourney(at: keyword, first: previous))
            } else if let first = firstStatement, first != line {
                report(Catalog.journeyNotFirst(source, at: keyword, firstStatement: first))
            }
            if journeyKeyword == nil { journeyKeyword = keyword }
        }
        return open(declaration, keywordWords: 1)
    }

    /// Adds a declaration that the attribute lines below it belong to. `keywordWords` is how
    /// many of the line's words before the colon are the keyword.
    private mutating func open(_ declaration: Declaration, keywordWords: Int) -> LineNode {
        skippingAttributes = false
        if attributes.count >= Self.chunkSize
            || (chunksDeclarations && declarations.count - chunkStart >= chunkLimit) {
            closeChunk()
            attributes.reserveCapacity(handOff != nil ? Self.handedOffAttributes : Self.chunkSize)
        }
        current = declarations.count
        currentAllows = Self.allowed.bits(declaration.kind)
        declarations.append(declaration)
        attributeStarts.append(Int32(attributes.count))
        return LineNode(.header, first: declarations.count - 1, second: keywordWords)
    }

    private mutating func attribute(_ attribute: AttributeSyntax) -> LineNode {
        if skippingAttributes { return detach(attribute) }
        guard let index = current else {
            report(Catalog.orphanAttribute(source, attribute))
            return detach(attribute)
        }
        guard currentAllows & AllowedAttributes.bit(attribute.kind) != 0 else {
            let owner = declarations[index].kind
            report(Catalog.misplacedAttribute(source, attribute, owner: owner,
                                                          ownerLine: declarations[index].keyword))
            return detach(attribute)
        }
        if attribute.value.isEmpty {
            report(Catalog.emptyValue(source, attribute))
            return detach(attribute)
        }
        attributes.append(attribute)
        return LineNode(.attribute, first: index, second: attributes.count - 1 - Int(attributeStarts[index - chunkStart]))
    }

    /// Gives the chunk's declarations their views of `attributes`, and begins a new chunk
    /// unless the file has ended.
    private mutating func closeChunk(last: Bool = false) {
        let all = AttributeList(attributes)
        for d in chunkStart..<declarations.count {
            let start = Int(attributeStarts[d - chunkStart])
            let end = d + 1 < declarations.count ? Int(attributeStarts[d + 1 - chunkStart]) : attributes.count
            if start < end { declarations[d].attributes = all.slice(start..<end) }
        }
        attributes = []
        attributeStarts.removeAll(keepingCapacity: true)
        if chunksDeclarations {
            if let handOff {
                if !declarations.isEmpty && !stopped {
                    handedOffLanguages.add(declarations)
                    stopped = !handOff(declarations)
                }
            } else if !declarations.isEmpty {
                closedChunks.append(declarations)
            }
            declarations = []
            chunkLimit = fullChunk
            // Capacity for a whole chunk after the first, given back when the resolver lets
            // go of it.
            if !last { declarations.reserveCapacity(chunkLimit) }
            current = nil
        }
        chunkStart = declarations.count
    }

    /// Keeps an attribute that belongs to no declaration, for the lossless tree.
    private mutating func detach(_ attribute: AttributeSyntax) -> LineNode {
        detached.append(attribute)
        return LineNode(.detachedAttribute, first: detached.count - 1)
    }

    // MARK: - Tables

    private static func declarationKind(_ kind: HeaderKind) -> DeclarationKind {
        switch kind {
        case .journey: .journey
        case .persona: .persona
        case .channel: .channel
        case .step: .step
        }
    }

    /// Which attributes each header takes (`language.md`, "Concepts").
    package static func allowedAttributes(_ owner: DeclarationKind) -> [AttributeKind] {
        switch owner {
        case .journey: [.via, .for, .note, .allow]
        case .persona: [.uses, .channels, .assurance, .note]
        case .channel: [.competence, .presence, .note]
        case .step: [.via, .need, .by, .recommend, .followUp, .feedback, .next, .mood, .note, .allow]
        case .phase: []
        }
    }

    static func allows(_ owner: DeclarationKind, _ kind: AttributeKind) -> Bool {
        allowed.allows(owner, kind)
    }

    /// `allowedAttributes` as bit sets (by `AttributeKind.ordinal`), for the check on every
    /// attribute line.
    private struct AllowedAttributes {
        let journey = derived(.journey), persona = derived(.persona), channel = derived(.channel), step = derived(.step)

        @inline(__always)
        func allows(_ owner: DeclarationKind, _ kind: AttributeKind) -> Bool {
            bits(owner) & Self.bit(kind) != 0
        }

        /// The attributes `owner` takes.
        @inline(__always)
        func bits(_ owner: DeclarationKind) -> UInt32 {
            switch owner {
            case .journey: journey
            case .persona: persona
            case .channel: channel
            case .step: step
            case .phase: 0
            }
        }

        /// `kind`'s bit.
        @inline(__always)
        static func bit(_ kind: AttributeKind) -> UInt32 { UInt32(1) << UInt32(kind.ordinal) }

        private static func derived(_ owner: DeclarationKind) -> UInt32 {
            allowedAttributes(owner).reduce(0) { $0 | UInt32(1) << UInt32($1.ordinal) }
        }
    }

    private static let allowed = AllowedAttributes()

    // MARK: - Bytes

    /// What the words of a line head mean as a keyword, looked up on their bytes (as a
    /// string only when they hold non-ASCII letters other than Latin-1 ones).
    private mutating func lookUp(_ words: some Collection<SourceRange>) -> KeywordBytes.Meanings? {
        var unfoldable = false
        if let found = keywordKey.lookup(source.bytes, words: words, in: keywords, unfoldable: &unfoldable) { return found }
        return unfoldable ? keywords.lookup(normalized(Array(words))) : nil
    }

    /// The look-up key of one word: the bytes themselves when they are lower-case ASCII (the
    /// usual case, with no allocation for short words), else the lower-cased string.
    private func key(_ word: SourceRange) -> String {
        let bytes = source.bytes
        for i in word.start..<word.end {
            let b = bytes[i]
            if b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return normalized([word]) }
        }
        return String(decoding: bytes[word.start..<word.end], as: UTF8.self)
    }

    /// Lower-cased words joined by single spaces, for keyword look-up.
    private func normalized(_ words: [SourceRange]) -> String {
        var ascii = true
        var buffer: [UInt8] = []
        buffer.reserveCapacity(24)
        for (n, word) in words.enumerated() {
            if n > 0 { buffer.append(0x20) }
            for i in word.start..<word.end {
                let b = source.bytes[i]
                if b >= 0x80 { ascii = false }
                buffer.append(KeywordBytes.folded(b))
            }
        }
        let string = String(decoding: buffer, as: UTF8.self)
        return ascii ? string : string.lowercased()
    }

    /// Whether `text` may be an id as the parser reads one: a word of letters (any script),
    /// digits, `-` and `_`, with nothing invisible in it. For tools that make ids
    /// (`polku new`, a rename in an editor).
    package static func isValidId(_ text: String) -> Bool {
        let source = SourceFile(name: "", text: text)
        let range = SourceRange(0, source.bytes.count)
        return !text.isEmpty && firstInvalidIdByte(source.bytes, range) == nil && firstInvisibleScalar(source, range) == nil
    }

    /// Ids are letters (any script), digits, `-` and `_`. Returns the offset of the first
    /// byte that breaks that rule, checking ASCII bytes only (non-ASCII letters are welcome).
    static func firstInvalidIdByte(_ bytes: [UInt8], _ range: SourceRange) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            for i in range.start..<range.end {
                let c = b[i]
                // The ASCII bytes an id may hold, as two sets of 64 bits: `-` and the digits
                // in the first, the letters and `_` in the second.
                if c < 0x80 && (c < 0x40 ? Self.idBytesLow >> UInt64(c) : Self.idBytesHigh >> UInt64(c - 0x40)) & 1 == 0 {
                    return i
                }
            }
            return nil
        }
    }

    /// `-` (0x2D) and the digits (0x30–0x39), by their bytes.
    private static let idBytesLow: UInt64 = 1 << 0x2D | 0x3FF << 0x30
    /// The capitals (0x41–0x5A), `_` (0x5F) and the small letters (0x61–0x7A), by their
    /// bytes less 0x40.
    private static let idBytesHigh: UInt64 = 0x3FF_FFFF << 0x01 | 1 << 0x1F | 0x3FF_FFFF << 0x21

    /// The first character in an id that a reader cannot see or that looks like a space:
    /// format characters (zero-width spaces, right-to-left overrides), controls and
    /// non-ASCII spaces (a no-break space pasted from a word processor). Such an id could
    /// look the same as another one and still be different.
    @inline(__always)
    static func firstInvisibleScalar(_ source: SourceFile, _ range: SourceRange) -> (Int, Unicode.Scalar)? {
        // An id of ASCII alone has nothing invisible in it once its bytes are allowed. That
        // is nearly every id, told here before any of the Unicode work below is set up (the
        // search cost a header 85 instructions, a tenth of its reading, when it was all one
        // function): at once before the file's first byte that is not ASCII, else by a look
        // at the id's bytes.
        if range.end <= source.firstNonASCII ?? .max { return nil }
        let hasHigh = source.bytes.withUnsafeBufferPointer { b in (range.start..<range.end).contains { b[$0] >= 0x80 } }
        return hasHigh ? firstInvisibleScalarBeyondASCII(source, range) : nil
    }

    /// `firstInvisibleScalar` of an id with bytes that are not ASCII.
    @inline(never)
    private static func firstInvisibleScalarBeyondASCII(_ source: SourceFile, _ range: SourceRange) -> (Int, Unicode.Scalar)? {
        var offset = range.start
        for scalar in source.text(range).unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                return (offset, scalar)
            default:
                if scalar == "\u{FFFD}" { return (offset, scalar) }
            }
            offset += String(scalar).utf8.count
        }
        return nil
    }

    /// A file saved as UTF-16 ("Unicode" in Notepad): its byte order mark (FF FE or FE FF),
    /// or, without one, text whose every other byte is NUL (ASCII letters in UTF-16).
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) { return true }
        guard bytes.count >= 8 else { return false }
        let pairs = min(bytes.count / 2, 64)
        var little = 0, big = 0
        for k in 0..<pairs {
            if bytes[2 * k] != 0 && bytes[2 * k + 1] == 0 { little += 1 }
            if bytes[2 * k] == 0 && bytes[2 * k + 1] != 0 { big += 1 }
        }
        return little == pairs || big == pairs
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = start
            let n = b.count
            while i < n {
                // Eight ASCII bytes at a time (most of a journey is ASCII).
                if i + 8 <= n {
                    let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; high = 0x9F
                case 0xF0: need = 3; low = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; high = 0x8F
                default: return i
                }
                for k in 1...need {
                    guard i + k < n else { return i }
                    let d = b[i + k]
                    let lo: UInt8 = k == 1 ? low : 0x80
                    let hi: UInt8 = k == 1 ? high : 0xBF
                    if d < lo || d > hi { return i }
                }
                i += need + 1
            }
            return nil
        }
    }
}
