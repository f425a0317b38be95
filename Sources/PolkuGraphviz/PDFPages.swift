/// Joins PDF documents into one that has all their pages, in order, each page keeping its own
/// size. Graphviz's cairo PDF device writes one page per document, so a PDF of several pages
/// is made by rendering each page on its own and joining the results here.
///
/// What it reads is what cairo 1.16 writes: a classic cross-reference table (`xref`, then
/// `trailer` and `startxref`), plain `n 0 obj … endobj` objects, streams whose `/Length` is
/// an indirect object written after them, and `%` comments inside dictionaries
/// (`<< /Type /Page % 1`). Incremental updates (`/Prev`) and nested page trees are read too.
/// Cross-reference streams, object streams and encryption are not: such a document is refused
/// with a `.failed` error rather than joined wrongly.
///
/// How: every object keeps its bytes, except that the numbers of indirect references
/// (`12 0 R`) in its dictionaries, arrays and values are rewritten to the object's new number.
/// A small tokenizer finds those references, so the inside of a string (`(see 3 0 R)`,
/// `<…>`), of a comment, or of a stream is never touched; streams are copied byte for byte.
/// Each document's catalog, page-tree nodes and information dictionary are left out; one new
/// catalog, page tree (`/Kids` of every page in order) and information dictionary
/// (`/Producer (Polku)`) replace them, and references to the old ones point to the new ones
/// (so every page's `/Parent` is the new page tree). Objects are numbered 1, 2, 3 for the new
/// catalog, page tree and information, then document by document in the order of their old
/// numbers, with no gaps. The output depends on the input bytes only: no dates, no IDs.
package enum PDFPages {
    /// One PDF with the pages of `documents` in order. A single document is written anew
    /// too, so that it loses cairo's date (`/CreationDate`, the time of the render) as every
    /// joined one does.
    ///
    /// With `title` and `language` (a BCP 47 code such as `fi`), the document says them as
    /// readers and assistive technology look for them: `/Title` in its information
    /// dictionary, shown by viewers instead of the file's name (`/DisplayDocTitle`), and
    /// `/Lang` in its catalog, which a screen reader reads the text in.
    package static func join(_ documents: [[UInt8]], title: String? = nil, language: String? = nil) throws(GraphvizError) -> [UInt8] {
        guard !documents.isEmpty else { throw GraphvizError(.noPDFToJoin, details: "") }
        var parsed: [PDFDocument] = []
        parsed.reserveCapacity(documents.count)
        for (index, bytes) in documents.enumerated() {
            do throws(PDFMalformed) {
                parsed.append(try PDFDocument(bytes))
            } catch {
                throw GraphvizError(.pdfUnreadable(document: index + 1, count: documents.count, reason: error.reason), details: "")
            }
        }
        return write(parsed, title: title, language: language)
    }

    /// A PDF text string: UTF-16BE with its byte order mark, in hex (any character, no
    /// escaping to get wrong).
    package static func textString(_ text: String) -> String {
        var out = "<FEFF"
        for unit in text.utf16 {
            let hex = String(unit, radix: 16, uppercase: true)
            out += String(repeating: "0", count: 4 - hex.count) + hex
        }
        return out + ">"
    }

    /// A language code as a PDF string: the letters, digits and hyphens of a BCP 47 tag.
    package static func languageString(_ code: String) -> String {
        "(" + String(code.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) + ")"
    }

    // MARK: Writing

    /// The numbers of the objects every joined document gets anew.
    private enum New {
        static let catalog = 1, pages = 2, info = 3, firstCopied = 4
    }

    private static func write(_ documents: [PDFDocument], title: String?, language: String?) -> [UInt8] {
        // Number every object that is copied, document by document, in the order of old numbers.
        var numbers: [[Int: Int]] = []
        var next = New.firstCopied
        for document in documents {
            var map: [Int: Int] = [:]
            for number in document.numbers where !document.isReplaced(number) {
                map[number] = next
                next += 1
            }
            numbers.append(map)
        }
        var out: [UInt8] = []
        out.reserveCapacity(documents.reduce(1024) { $0 + $1.bytes.count })
        var offsets = [Int](repeating: 0, count: next)
        let version = documents.map(\.version).max { $0.lexicographicallyPrecedes($1) } ?? Array("1.5".utf8)
        out.append(contentsOf: "%PDF-".utf8)
        out.append(contentsOf: version)
        // A comment of bytes above 127, so that transfer programs take the file for binary.
        out.append(contentsOf: [0x0A, 0x25, 0xB5, 0xED, 0xAE, 0xFB, 0x0A])

        offsets[New.catalog] = out.count
        var catalog = "\(New.catalog) 0 obj\n<< /Type /Catalog\n   /Pages \(New.pages) 0 R\n"
        if title != nil { catalog += "   /ViewerPreferences << /DisplayDocTitle true >>\n" }
        if let language { catalog += "   /Lang \(languageString(language))\n" }
        out.append(contentsOf: (catalog + ">>\nendobj\n").utf8)
        offsets[New.pages] = out.count
        var kids: [Int] = []
        for (d, document) in documents.enumerated() { kids += document.pages.map { numbers[d][$0]! } }
        out.append(contentsOf: "\(New.pages) 0 obj\n<< /Type /Pages\n   /Kids [".utf8)
        for (i, kid) in kids.enumerated() {
            out.append(contentsOf: (i > 0 && i % 8 == 0 ? "\n      \(kid) 0 R" : " \(kid) 0 R").utf8)
        }
        out.append(contentsOf: " ]\n   /Count \(kids.count)\n>>\nendobj\n".utf8)
        offsets[New.info] = out.count
        let titled = title.map { "\n   /Title \(textString($0))" } ?? ""
        out.append(contentsOf: "\(New.info) 0 obj\n<< /Producer (Polku)\(titled)\n>>\nendobj\n".utf8)

        for (d, document) in documents.enumerated() {
            let renumber = { (number: Int, generation: Int) -> Int? in
                if number == document.catalog { return New.catalog }
                if number == document.info { return New.info }
                if document.pageNodes.contains(number) { return New.pages }
                guard document.objects[number]?.generation == generation else { return nil }
                return numbers[d][number]
            }
            for number in document.numbers where !document.isReplaced(number) {
                let object = document.objects[number]!
                let new = numbers[d][number]!
                offsets[new] = out.count
                out.append(contentsOf: "\(new) 0 obj\n".utf8)
                let span = object.value.span
                if let additions = document.additions[number] {
                    // A page that inherits attributes from a page-tree node, or has no /Parent:
                    // they go in before its closing `>>`.
                    document.rewrite(span.lowerBound..<span.upperBound - 2, of: object, renumber, into: &out)
                    for addition in additions {
                        out.append(contentsOf: "\n   ".utf8)
                        out.append(contentsOf: addition.key)
                        out.append(0x20)
                        if let value = addition.value {
                            document.rewrite(value.span, of: document.objects[addition.owner]!, renumber, into: &out)
                        } else {
                            out.append(contentsOf: "\(New.pages) 0 R".utf8)
                        }
                    }
                    out.append(contentsOf: "\n>>".utf8)
                } else {
                    document.rewrite(span, of: object, renumber, into: &out)
                }
                out.append(0x0A)
                if let data = object.stream {
                    out.append(contentsOf: "stream\n".utf8)
                    out.append(contentsOf: document.bytes[data])
                    out.append(contentsOf: "\nendstream\n".utf8)
                }
                out.append(contentsOf: "endobj\n".utf8)
            }
        }

        let xref = out.count
        out.append(contentsOf: "xref\n0 \(next)\n0000000000 65535 f \n".utf8)
        for offset in offsets.dropFirst() {
            var digits = [UInt8](repeating: 0x30, count: 10)
            var rest = offset
            for i in stride(from: 9, through: 0, by: -1) where rest > 0 {
                digits[i] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: digits)
            out.append(contentsOf: " 00000 n \n".utf8)
        }
        out.append(contentsOf: """
            trailer
            << /Size \(next)
               /Root \(New.catalog) 0 R
               /Info \(New.info) 0 R
            >>
            startxref
            \(xref)
            %%EOF

            """.utf8)
        return out
    }
}

// MARK: Reading

/// Why a document cannot be joined, in a few words.
private struct PDFMalformed: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A PDF token: where it is and what it is.
private struct PDFToken {
    enum Kind: Equatable {
        case integer(Int), real, name, string, keyword
        case dictionaryStart, dictionaryEnd, arrayStart, arrayEnd, end
    }

    var kind: Kind
    var range: Range<Int>
}

/// Splits PDF syntax outside streams into tokens: numbers, names, literal strings `( … )`
/// (with escapes and nested parentheses), hex strings `< … >`, `<<`, `>>`, `[`, `]` and
/// keywords. White space and `%` comments (to the end of the line) lie between tokens.
private struct PDFLexer {
    let bytes: [UInt8]
    var position: Int

    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): true
        default: false
        }
    }

    mutating func skipBlanks() {
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhiteSpace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() throws(PDFMalformed) -> PDFToken {
        skipBlanks()
        let start = position
        guard position < bytes.count else { return PDFToken(kind: .end, range: start..<start) }
        let byte = bytes[position]
        position += 1
        let kind: PDFToken.Kind
        switch byte {
        case UInt8(ascii: "("):
            var depth = 1
            while depth > 0 {
                guard position < bytes.count else { throw PDFMalformed("a string starting at byte \(start) does not end") }
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 1
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth -= 1
                default: break
                }
                position += 1
            }
            kind = .string
        case UInt8(ascii: "<"):
            if position < bytes.count, bytes[position] == UInt8(ascii: "<") {
                position += 1
                kind = .dictionaryStart
            } else {
                while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                guard position < bytes.count else { throw PDFMalformed("a hex string starting at byte \(start) does not end") }
                position += 1
                kind = .string
            }
        case UInt8(ascii: ">"):
            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                throw PDFMalformed("a lone '>' at byte \(start)")
            }
            position += 1
            kind = .dictionaryEnd
        case UInt8(ascii: "["): kind = .arrayStart
        case UInt8(ascii: "]"): kind = .arrayEnd
        case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            throw PDFMalformed("an unexpected '\(Character(Unicode.Scalar(byte)))' at byte \(start)")
        default:
            while position < bytes.count, !Self.isWhiteSpace(bytes[position]), !Self.isDelimiter(bytes[position]) {
                position += 1
            }
            kind = byte == UInt8(ascii: "/") ? .name : Self.classify(bytes[start..<position])
        }
        return PDFToken(kind: kind, range: start..<position)
    }

    /// A run of regular characters: an integer, another number, or a keyword.
    private static func classify(_ run: ArraySlice<UInt8>) -> PDFToken.Kind {
        var digits = run[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        if !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return .integer(negative ? -value : value)
        }
        if let first = run.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || (first >= 0x30 && first <= 0x39) {
            return .real
        }
        return .keyword
    }

    /// Whether `token` is the keyword `word`.
    func isKeyword(_ token: PDFToken, _ word: String) -> Bool {
        token.kind == .keyword && bytes[token.range].elementsEqual(word.utf8)
    }
}

/// A PDF value outside a stream, with where it is in the document.
private indirect enum Value {
    struct Entry {
        /// The key without its `/`, with `#xx` escapes decoded.
        var key: [UInt8]
        /// The key as written, `/` included.
        var keyRange: Range<Int>
        var value: Value
    }

    case dictionary([Entry], Range<Int>)
    case array([Value], Range<Int>)
    case reference(number: Int, generation: Int, Range<Int>)
    case integer(Int, Range<Int>)
    case name([UInt8], Range<Int>)
    /// Strings, other numbers, `true`, `false` and `null`.
    case other(Range<Int>)

    var span: Range<Int> {
        switch self {
        case .dictionary(_, let span), .array(_, let span), .reference(_, _, let span), .integer(_, let span),
             .name(_, let span), .other(let span): span
        }
    }

    /// The value of `key` if this is a dictionary that has it.
    subscript(key: String) -> Value? {
        guard case .dictionary(let entries, _) = self else { return nil }
        return entries.first { $0.key.elementsEqual(key.utf8) }?.value
    }

    func isName(_ name: String) -> Bool {
        if case .name(let bytes, _) = self { bytes.elementsEqual(name.utf8) } else { false }
    }
}

/// An indirect reference `n g R` where it is written.
private struct PDFReference {
    var number: Int
    var generation: Int
    var range: Range<Int>
}

/// Reads values from tokens, noting every indirect reference it meets.
private struct PDFParser {
    var lexer: PDFLexer
    var references: [PDFReference] = []

    init(_ bytes: [UInt8], at position: Int) { lexer = PDFLexer(bytes: bytes, position: position) }

    mutating func value(depth: Int = 0) throws(PDFMalformed) -> Value {
        try value(startingWith: lexer.next(), depth: depth)
    }

    mutating func value(startingWith token: PDFToken, depth: Int) throws(PDFMalformed) -> Value {
        guard depth < 100 else { throw PDFMalformed("values are nested more than 100 deep at byte \(token.range.lowerBound)") }
        switch token.kind {
        case .dictionaryStart:
            var entries: [Value.Entry] = []
            while true {
                let key = try lexer.next()
                if key.kind == .dictionaryEnd { return .dictionary(entries, token.range.lowerBound..<key.range.upperBound) }
                guard key.kind == .name else { throw PDFMalformed("a dictionary key at byte \(key.range.lowerBound) is not a name") }
                entries.append(Value.Entry(key: name(key.range), keyRange: key.range, value: try value(depth: depth + 1)))
            }
        case .arrayStart:
            var items: [Value] = []
            while true {
                let item = try lexer.next()
                if item.kind == .arrayEnd { return .array(items, token.range.lowerBound..<item.range.upperBound) }
                items.append(try value(startingWith: item, depth: depth + 1))
            }
        case .integer(let number):
            let saved = lexer
            if case .integer(let generation) = try lexer.next().kind {
                let r = try lexer.next()
                if lexer.isKeyword(r, "R") {
                    let range = token.range.lowerBound..<r.range.upperBound
                    references.append(PDFReference(number: number, generation: generation, range: range))
                    return .reference(number: number, generation: generation, range)
                }
            }
            lexer = saved
            return .integer(number, token.range)
        case .name:
            return .name(name(token.range), token.range)
        case .string, .real:
            return .other(token.range)
        case .keyword where lexer.isKeyword(token, "true") || lexer.isKeyword(token, "false") || lexer.isKeyword(token, "null"):
            return .other(token.range)
        case .keyword, .dictionaryEnd, .arrayEnd, .end:
            throw PDFMalformed("a value was expected at byte \(token.range.lowerBound)")
        }
    }

    /// A name token without its `/`, with `#xx` escapes decoded.
    private func name(_ range: Range<Int>) -> [UInt8] {
        let bytes = lexer.bytes
        var decoded: [UInt8] = []
        var i = range.lowerBound + 1
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "#"), i + 2 < range.upperBound,
               let high = Self.hexDigit(bytes[i + 1]), let low = Self.hexDigit(bytes[i + 2]) {
                decoded.append(high << 4 | low)
                i += 3
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        return decoded
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

/// One indirect object of a document.
private struct PDFObject {
    var generation: Int
    var value: Value
    /// Every `n g R` in the value, in order.
    var references: [PDFReference]
    /// The stream's data, if the object is a stream.
    var stream: Range<Int>?
}

/// What a page-tree node gives a page that does not say it itself (or a missing `/Parent`).
private struct PDFAddition {
    /// The key as written, `/` included.
    var key: [UInt8]
    /// The node whose value it is (whose references it has).
    var owner: Int
    /// Nil for a missing `/Parent`, which becomes the new page tree.
    var value: Value?
}

/// A document read: its objects, its pages in order, and which objects the joined document
/// replaces (catalog, page-tree nodes, information dictionary).
private struct PDFDocument {
    let bytes: [UInt8]
    /// `1.5` of `%PDF-1.5`.
    let version: [UInt8]
    var objects: [Int: PDFObject] = [:]
    /// Every object number, in order.
    var numbers: [Int] = []
    var catalog = -1
    var info = -1
    var pageNodes: Set<Int> = []
    var pages: [Int] = []
    var additions: [Int: [PDFAddition]] = [:]

    /// The attributes a page inherits from its ancestors in the page tree.
    static let inheritable = ["Resources", "MediaBox", "CropBox", "Rotate"]

    func isReplaced(_ number: Int) -> Bool { number == catalog || number == info || pageNodes.contains(number) }

    init(_ bytes: [UInt8]) throws(PDFMalformed) {
        self.bytes = bytes
        guard bytes.starts(with: "%PDF-".utf8) else { throw PDFMalformed("it does not start with %PDF-") }
        let version = Array(bytes.dropFirst(5).prefix { $0 >= 0x30 && $0 <= 0x39 || $0 == UInt8(ascii: ".") }.prefix(4))
        guard version.count >= 3 else { throw PDFMalformed("its header has no version") }
        self.version = version

        let (entries, trailer) = try Self.crossReferences(bytes)
        for (number, entry) in entries.sorted(by: { $0.key < $1.key }) {
            objects[number] = try Self.object(number, entry, in: bytes)
        }
        numbers = objects.keys.sorted()
        for number in numbers where objects[number]!.stream != nil {
            try findStreamData(of: number)
        }

        guard case .reference(let root, _, _)? = trailer["Root"] else { throw PDFMalformed("its trailer has no /Root") }
        catalog = root
        if case .reference(let number, _, _)? = trailer["Info"] { info = number }
        guard case .reference(let tree, _, _)? = objects[root]?.value["Pages"] else {
            throw PDFMalformed("its catalog (object \(root)) has no /Pages")
        }
        var visited: Set<Int> = []
        try collectPages(tree, inherited: [], depth: 0, visited: &visited)
    }

    /// The in-use entries of the cross-reference table (object number → offset and
    /// generation; newer sections first when the file was updated) and the newest trailer.
    private static func crossReferences(_ bytes: [UInt8]) throws(PDFMalformed) -> ([Int: (offset: Int, generation: Int)], Value) {
        let keyword = Array("startxref".utf8)
        var at = bytes.count - keyword.count
        while at >= 0, !bytes[at..<at + keyword.count].elementsEqual(keyword) { at -= 1 }
        guard at >= 0 else { throw PDFMalformed("it has no startxref") }
        var lexer = PDFLexer(bytes: bytes, position: at + keyword.count)
        guard case .integer(var offset) = try lexer.next().kind else { throw PDFMalformed("startxref gives no offset") }

        var entries: [Int: (offset: Int, generation: Int)] = [:]
        var seen: Set<Int> = []
        var sections: Set<Int> = []
        var newest: Value?
        while true {
            guard offset >= 0, offset < bytes.count, sections.insert(offset).inserted else {
                throw PDFMalformed("a cross-reference offset (\(offset)) is outside the file or repeats")
            }
            lexer.position = offset
            let first = try lexer.next()
            guard lexer.isKeyword(first, "xref") else {
                if case .integer = first.kind {
                    throw PDFMalformed("it has a cross-reference stream (PDF 1.5 compression), which Polku does not read")
                }
                throw PDFMalformed("startxref does not point to a cross-reference table")
            }
            while true {
                let token = try lexer.next()
                if lexer.isKeyword(token, "trailer") { break }
                guard case .integer(let start) = token.kind, case .integer(let count) = try lexer.next().kind,
                      start >= 0, count >= 0 else {
                    throw PDFMalformed("its cross-reference table is not understood")
                }
                for number in start..<start + count {
                    guard case .integer(let entryOffset) = try lexer.next().kind,
                          case .integer(let generation) = try lexer.next().kind else {
                        throw PDFMalformed("its cross-reference table is cut short")
                    }
                    let type = try lexer.next()
                    guard lexer.isKeyword(type, "n") || lexer.isKeyword(type, "f") else {
                        throw PDFMalformed("its cross-reference table has an entry that is neither n nor f")
                    }
                    guard number > 0, seen.insert(number).inserted else { continue }
                    if lexer.isKeyword(type, "n") { entries[number] = (entryOffset, generation) }
                }
            }
            var parser = PDFParser(bytes, at: lexer.position)
            let trailer = try parser.value()
            guard case .dictionary = trailer else { throw PDFMalformed("its trailer is not a dictionary") }
            if trailer["Encrypt"] != nil { throw PDFMalformed("it is encrypted") }
            if trailer["XRefStm"] != nil {
                throw PDFMalformed("it has a cross-reference stream (PDF 1.5 compression), which Polku does not read")
            }
            newest = newest ?? trailer
            guard case .integer(let previous, _)? = trailer["Prev"] else { break }
            offset = previous
        }
        return (entries, newest!)
    }

    /// The object the cross-reference table puts at `entry.offset`.
    private static func object(_ number: Int, _ entry: (offset: Int, generation: Int), in bytes: [UInt8]) throws(PDFMalformed) -> PDFObject {
        guard entry.offset > 0, entry.offset < bytes.count else {
            throw PDFMalformed("the cross-reference table puts object \(number) outside the file")
        }
        var parser = PDFParser(bytes, at: entry.offset)
        guard case .integer(number) = try parser.lexer.next().kind, case .integer(entry.generation) = try parser.lexer.next().kind,
              parser.lexer.isKeyword(try parser.lexer.next(), "obj") else {
            throw PDFMalformed("object \(number) is not where the cross-reference table says (byte \(entry.offset))")
        }
        let value = try parser.value()
        let end = try parser.lexer.next()
        var stream: Range<Int>?
        if parser.lexer.isKeyword(end, "stream") {
            guard case .dictionary = value else { throw PDFMalformed("the stream of object \(number) has no dictionary") }
            // The data starts after the end of line that follows `stream` (CR LF or LF).
            var start = end.range.upperBound
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            stream = start..<start
        } else if !parser.lexer.isKeyword(end, "endobj") {
            throw PDFMalformed("object \(number) does not end with endobj")
        }
        return PDFObject(generation: entry.generation, value: value, references: parser.references, stream: stream)
    }

    /// Sets the stream data of object `number` from its `/Length` (a number, or a reference to
    /// one, which cairo writes after the stream), and checks that `endstream` follows.
    private mutating func findStreamData(of number: Int) throws(PDFMalformed) {
        let object = objects[number]!
        let length: Int
        switch object.value["Length"] {
        case .integer(let direct, _)?:
            length = direct
        case .reference(let other, _, _)?:
            guard case .integer(let indirect, _)? = objects[other]?.value else {
                throw PDFMalformed("the /Length of stream \(number) refers to object \(other), which is not a number")
            }
            length = indirect
        default:
            throw PDFMalformed("stream \(number) has no /Length")
        }
        let start = object.stream!.lowerBound
        guard length >= 0, length <= bytes.count - start else { throw PDFMalformed("stream \(number) runs past the end of the file") }
        var lexer = PDFLexer(bytes: bytes, position: start + length)
        guard lexer.isKeyword(try lexer.next(), "endstream"), lexer.isKeyword(try lexer.next(), "endobj") else {
            throw PDFMalformed("stream \(number) does not end with endstream where its /Length says")
        }
        objects[number]!.stream = start..<start + length
    }

    /// Walks the page tree from `node`, depth first, noting pages in order, the tree's nodes,
    /// and what each page inherits.
    private mutating func collectPages(_ node: Int, inherited: [PDFAddition], depth: Int, visited: inout Set<Int>) throws(PDFMalformed) {
        guard depth < 64 else { throw PDFMalformed("its page tree is more than 64 deep") }
        guard visited.insert(node).inserted else { throw PDFMalformed("its page tree names object \(node) twice") }
        guard node != catalog, node != info else {
            throw PDFMalformed("its page tree names object \(node), its catalog or information dictionary")
        }
        guard let object = objects[node], case .dictionary(let entries, _) = object.value else {
            throw PDFMalformed("its page tree names object \(node), which is not a dictionary")
        }
        let type = object.value["Type"]
        if type?.isName("Pages") == true || (type == nil && object.value["Kids"] != nil) {
            pageNodes.insert(node)
            var passed = inherited
            for entry in entries where Self.inheritable.contains(where: { entry.key.elementsEqual($0.utf8) }) {
                passed.removeAll { $0.key.elementsEqual(bytes[entry.keyRange]) }
                passed.append(PDFAddition(key: Array(bytes[entry.keyRange]), owner: node, value: entry.value))
            }
            guard case .array(let kids, _)? = object.value["Kids"] else {
                throw PDFMalformed("page-tree node \(node) has no /Kids array")
            }
            for kid in kids {
                guard case .reference(let number, _, _) = kid else {
                    throw PDFMalformed("page-tree node \(node) has a kid that is not a reference")
                }
                try collectPages(number, inherited: passed, depth: depth + 1, visited: &visited)
            }
        } else if type == nil || type?.isName("Page") == true {
            pages.append(node)
            var missing = inherited.filter { addition in !entries.contains { bytes[$0.keyRange].elementsEqual(addition.key) } }
            if object.value["Parent"] == nil { missing.append(PDFAddition(key: Array("/Parent".utf8), owner: node, value: nil)) }
            if !missing.isEmpty { additions[node] = missing }
        } else {
            throw PDFMalformed("its page tree names object \(node), which is neither a page nor a page-tree node")
        }
    }

    /// Appends the bytes of `range` (inside `object`) with every reference in it renumbered,
    /// or `null` for a reference to an object that is not there.
    func rewrite(_ range: Range<Int>, of object: PDFObject, _ renumber: (Int, Int) -> Int?, into out: inout [UInt8]) {
        var cursor = range.lowerBound
        for reference in object.references where reference.range.lowerBound >= cursor && reference.range.upperBound <= range.upperBound {
            out.append(contentsOf: bytes[cursor..<reference.range.lowerBound])
            if let new = renumber(reference.number, reference.generation) {
                out.append(contentsOf: "\(new) 0 R".utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
            cursor = reference.range.upperBound
        }
        out.append(contentsOf: bytes[cursor..<range.upperBound])
    }
}
