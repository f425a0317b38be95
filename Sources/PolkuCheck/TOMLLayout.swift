import PolkuSyntax

/// Where the parts of a TOML file are, so a problem in `polku.toml` can point at its own key
/// or value: the `[table]` headers, and each `key = value` with the table it is in and the
/// byte ranges of its key and value.
///
/// This only finds positions; TOMLKit reads the file and decides whether it is valid TOML.
/// On a file that is not valid TOML the layout is a best guess, and it never fails or loops.
/// It reads line by line, skipping blank lines and comments, and knows enough of TOML's
/// values (strings of every kind, arrays and inline tables over several lines) not to take
/// the inside of a value for a header or a key.
package struct TOMLLayout: Sendable {
    /// A `[table]` or `[[array.of.tables]]` header.
    package struct Header: Sendable, Hashable {
        /// The table's name, dotted parts with quotes removed: `[ignore]` is `["ignore"]`.
        package var path: [String]
        /// The name between the brackets.
        package var range: SourceRange
        package var isArrayOfTables: Bool
    }

    /// A `key = value`, on a line of its own or inside an inline table.
    package struct Entry: Sendable, Hashable {
        /// The table it is in: the path of the header above it (empty above every header), or
        /// for a key in an inline table, the path of that table.
        package var table: [String]
        /// The key's dotted parts with quotes removed and escapes decoded: `"drafts/*"` is
        /// `["drafts/*"]`, `a.b` is `["a", "b"]`.
        package var key: [String]
        /// The key as written, quotes included.
        package var keyRange: SourceRange
        /// The value as written, from its first byte to its last (an array or a string over
        /// several lines ends on a later line).
        package var valueRange: SourceRange
        /// When the value is an array: each of its items, in order.
        package var items: [SourceRange]

        /// The full path of the value: `table` followed by `key`.
        package var path: [String] { table + key }
    }

    package private(set) var headers: [Header] = []
    /// In the order their values end (a key inside an inline table comes before the line's key).
    package private(set) var entries: [Entry] = []
    /// Mistakes the TOML reader in TOMLKit (toml++ 3.4) does not expect: it stops the
    /// program on an assertion in a debug build, and goes on with a broken assumption in a
    /// release build. A file with one must not reach it.
    package enum ReaderTrap: Sendable, Hashable {
        /// Something other than a name after the `[` of a header: the end of the line, `=`, `ä`.
        case headerWithoutName
        /// `}` (or a Unicode line separator) where an array's next item should start: `[1, }`.
        case arrayItemMissing
        /// A date with something other than a time after it: `1979-05-27T-7:00`, `1979-05-27 0`.
        case brokenDateTime
    }

    /// The places of `ReaderTrap`s: the offset of the character at fault, and of the start of
    /// the header or the line's `key = value` it is in.
    package private(set) var readerTraps: [(offset: Int, statement: Int, trap: ReaderTrap)] = []

    /// Arrays and inline tables nested deeper than this are skipped, not followed.
    static let maxDepth = 64

    package init(_ source: SourceFile) {
        var scanner = TOMLScanner(bytes: source.bytes, i: source.contentStart)
        scanner.run()
        headers = scanner.headers
        entries = scanner.entries
        readerTraps = scanner.readerTraps
    }

    /// The entry whose full path is `path`.
    package func entry(at path: [String]) -> Entry? {
        entries.first { $0.path == path }
    }

    /// Where the key of the value at `path` is written: its entry's key, its `[header]`, or,
    /// for a table that only dotted keys or deeper headers make, the first of those.
    package func keyRange(of path: [String]) -> SourceRange? {
        locate(path)?.key
    }

    /// Where the value at `path` is written: its entry's value, else where `keyRange(of:)`
    /// points, else the value of an entry that contains it (an array of inline tables).
    package func valueRange(of path: [String]) -> SourceRange? {
        locate(path)?.value
    }

    private func locate(_ path: [String]) -> (key: SourceRange, value: SourceRange)? {
        if let entry = entry(at: path) { return (entry.keyRange, entry.valueRange) }
        if let header = headers.first(where: { $0.path == path }) { return (header.range, header.range) }
        // A table made by `[rules.x]` or `x.y = 1`: the first place that names it.
        let deeper = headers.filter { $0.path.starts(with: path) }.map(\.range)
            + entries.filter { $0.path.starts(with: path) }.map(\.keyRange)
        if let first = deeper.min() { return (first, first) }
        // Something inside a value the layout does not follow: the value.
        if let outer = entries.filter({ path.starts(with: $0.path) }).max(by: { $0.path.count < $1.path.count }) {
            return (outer.valueRange, outer.valueRange)
        }
        return nil
    }
}

/// The byte scanner behind `TOMLLayout`.
private struct TOMLScanner {
    let bytes: [UInt8]
    var i: Int
    var headers: [TOMLLayout.Header] = []
    var entries: [TOMLLayout.Entry] = []
    var readerTraps: [(offset: Int, statement: Int, trap: TOMLLayout.ReaderTrap)] = []
    /// Where the header or the top-level `key = value` being read starts.
    var statement = 0

    init(bytes: [UInt8], i: Int) {
        self.bytes = bytes
        self.i = i
    }

    var n: Int { bytes.count }

    mutating func run() {
        var table: [String] = []
        while i < n {
            skipSpaces()
            guard i < n else { break }
            statement = i
            switch bytes[i] {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                i += 1
                continue
            case UInt8(ascii: "#"):
                break
            case UInt8(ascii: "["):
                let isArray = i + 1 < n && bytes[i + 1] == UInt8(ascii: "[")
                i += isArray ? 2 : 1
                let afterBracket = i
                skipSpaces()
                // What toml++ checks before it reads the name: the end of the file, `]`, and
                // a second `[` after a space (`[ [x]]`); anything else must start a key.
                let checked = i == n || bytes[i] == UInt8(ascii: "]")
                    || (bytes[i] == UInt8(ascii: "[") && !isArray && i > afterBracket)
                if !checked && !Self.isBare(bytes[i]) && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "'") {
                    readerTraps.append((i, statement, .headerWithoutName))
                }
                if let (path, range) = key() {
                    headers.append(.init(path: path, range: range, isArrayOfTables: isArray))
                    table = path
                }
            default:
                _ = entry(in: table, depth: 0)
            }
            skipToLineEnd()
        }
    }

    /// `key = value` at `i`; appends it to `entries`.
    mutating func entry(in table: [String], depth: Int) -> Bool {
        guard let (path, keyRange) = key() else { return false }
        skipSpaces()
        guard i < n, bytes[i] == UInt8(ascii: "=") else { return false }
        i += 1
        skipSpaces()
        let start = i
        let items = value(path: table + path, depth: depth)
        entries.append(.init(table: table, key: path, keyRange: keyRange, valueRange: SourceRange(start, i), items: items))
        return true
    }

    /// A dotted key at `i`: its parts and its range (without the spaces after it, which are
    /// skipped too). Nil when there is no key here.
    mutating func key() -> ([String], SourceRange)? {
        let start = i
        var parts: [String] = []
        var end = i
        while true {
            guard i < n else { return nil }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                guard let text = singleLineString() else { return nil }
                parts.append(text)
            } else if Self.isBare(b) {
                let s = i
                while i < n && Self.isBare(bytes[i]) { i += 1 }
                parts.append(String(decoding: bytes[s..<i], as: UTF8.self))
            } else {
                return nil
            }
            end = i
            skipSpaces()
            guard i < n, bytes[i] == UInt8(ascii: ".") else { break }
            i += 1
            skipSpaces()
        }
        return (parts, SourceRange(start, end))
    }

    /// A value at `i`, leaving `i` after it. Returns the ranges of the items of an array.
    mutating func value(path: [String], depth: Int) -> [SourceRange] {
        guard i < n else { return [] }
        if depth > TOMLLayout.maxDepth {
            skipBalanced()
            return []
        }
        switch bytes[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if startsWith(bytes[i], count: 3) {
                multiLineString()
            } else {
                _ = singleLineString()
            }
            return []
        case UInt8(ascii: "["):
            i += 1
            var items: [SourceRange] = []
            var afterItem = false
            while true {
                skipSpacesNewlinesAndComments()
                guard i < n else { return items }
                switch bytes[i] {
                case UInt8(ascii: "]"):
                    i += 1
                    return items
                case UInt8(ascii: ","):
                    afterItem = false
                    i += 1
                default:
                    // toml++ checks every other character that cannot start a value.
                    if !afterItem && (bytes[i] == UInt8(ascii: "}") || startsWithLineSeparator()) {
                        readerTraps.append((i, statement, .arrayItemMissing))
                    }
                    afterItem = true
                    let start = i
                    _ = value(path: path, depth: depth + 1)
                    if i == start { i += 1 } else { items.append(SourceRange(start, i)) }
                }
            }
        case UInt8(ascii: "{"):
            i += 1
            while true {
                skipSpacesNewlinesAndComments()
                guard i < n else { return [] }
                switch bytes[i] {
                case UInt8(ascii: "}"):
                    i += 1
                    return []
                case UInt8(ascii: ","):
                    i += 1
                default:
                    guard entry(in: path, depth: depth + 1) else { return [] }
                }
            }
        default:
            // A number, a boolean or a date: up to a space, a comma, a closing bracket or a comment.
            let start = i
            while i < n && !Self.endsScalar(bytes[i]) { i += 1 }
            checkDateTime(start)
            return []
        }
    }

    /// Records a `.brokenDateTime` in the bare value `start..<i`. toml++ reads a date, then
    /// a time after `T` without checking that a digit follows; and it reads on after a
    /// ten-character value, a space and one digit, without checking what comes next. The
    /// cases caught here are a little wider than those, but none of them is valid TOML.
    mutating func checkDateTime(_ start: Int) {
        let scalars = Array(String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars)
        func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }
        if scalars.count >= 11 && (scalars[10] == "T" || scalars[10] == "t") && !isDigit(scalars.count > 11 ? scalars[11] : nil) {
            let offset = start + String(String.UnicodeScalarView(scalars[...10])).utf8.count
            readerTraps.append((offset, statement, .brokenDateTime))
        } else if scalars.filter({ $0 != "_" }).count == 10, i + 1 < n, bytes[i] == UInt8(ascii: " "),
                  isDigit(Unicode.Scalar(bytes[i + 1])), !(i + 2 < n && isDigit(Unicode.Scalar(bytes[i + 2]))) {
            readerTraps.append((i + 1, statement, .brokenDateTime))
        }
    }

    /// A `"basic"` or `'literal'` string on one line, decoded; nil when it is not closed on
    /// its line (`i` is then at the end of the line).
    mutating func singleLineString() -> String? {
        let quote = bytes[i]
        i += 1
        var out: [UInt8] = []
        while i < n {
            let b = bytes[i]
            if b == quote {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\n") { return nil }
            if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                i += 1
                escape(into: &out)
                continue
            }
            out.append(b)
            i += 1
        }
        return nil
    }

    /// The escape after a `\` at `i - 1` in a basic string, decoded; kept as written when
    /// it is not one TOML knows (TOMLKit reports it).
    mutating func escape(into out: inout [UInt8]) {
        guard i < n else { return }
        let c = bytes[i]
        i += 1
        if let byte = Self.simpleEscapes[c] {
            out.append(byte)
            return
        }
        let digits = c == UInt8(ascii: "u") ? 4 : c == UInt8(ascii: "U") ? 8 : c == UInt8(ascii: "x") ? 2 : 0
        if digits > 0, i + digits <= n,
           let value = UInt32(String(decoding: bytes[i..<(i + digits)], as: UTF8.self), radix: 16),
           let scalar = Unicode.Scalar(value) {
            i += digits
            out.append(contentsOf: Array(String(scalar).utf8))
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(c)
    }

    /// A `"""` or `'''` string, to its closing quotes (which may be followed by one or two
    /// more quotes that belong to the text).
    mutating func multiLineString() {
        let quote = bytes[i]
        i += 3
        while i < n {
            if bytes[i] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                i += 2
                continue
            }
            if startsWith(quote, count: 3) {
                i += 3
                var extra = 0
                while extra < 2 && i < n && bytes[i] == quote { i += 1; extra += 1 }
                return
            }
            i += 1
        }
        i = n
    }

    /// Skips a value without recursion: to the bracket that closes the one at `i`.
    mutating func skipBalanced() {
        var open = 0
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open += 1
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                open -= 1
                i += 1
                if open <= 0 { return }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if startsWith(bytes[i], count: 3) { multiLineString() } else if singleLineString() == nil { skipToLineEnd() }
            case UInt8(ascii: "#"):
                skipToLineEnd()
            default:
                i += 1
            }
        }
    }

    /// U+0085, U+2028 or U+2029 at `i`.
    func startsWithLineSeparator() -> Bool {
        (i + 1 < n && bytes[i] == 0xC2 && bytes[i + 1] == 0x85)
            || (i + 2 < n && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9))
    }

    func startsWith(_ byte: UInt8, count: Int) -> Bool {
        i + count <= n && bytes[i..<(i + count)].allSatisfy { $0 == byte }
    }

    mutating func skipSpaces() {
        while i < n && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
    }

    mutating func skipToLineEnd() {
        while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
    }

    mutating func skipSpacesNewlinesAndComments() {
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): i += 1
            case UInt8(ascii: "#"): skipToLineEnd()
            default: return
            }
        }
    }

    static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "e"): 0x1B, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
    ]

    static func isBare(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    static func endsScalar(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
            || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "#")
    }
}
