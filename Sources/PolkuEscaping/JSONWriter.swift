/// A JSON value whose objects keep their keys in the order they were given, so a document
/// reads in the order it is documented and the same value always gives the same bytes.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// A string, or null for nil.
    package static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// A number, or null for nil.
    package static func int(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }
    /// A list of strings.
    package static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    /// The value as UTF-8 JSON, two spaces an indent level, ending in a line feed. Lists of
    /// numbers stay on one line.
    package func rendered() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            if items.allSatisfy({ if case .int = $0 { true } else { false } }) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(contentsOf: ", ".utf8) }
                    item.write(into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                item.write(into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                JSONValue.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// A JSON string on UTF-8 bytes: `"` and `\` escaped, control characters as `\n`, `\t`
    /// or `\u00XX`; everything else (ä, ö, emoji) as it is.
    package static func writeString(_ text: String, into out: inout [UInt8]) {
        writeString(text, into: &out, shortEscapes: false)
    }

    /// `shortEscapes`: backspace and form feed as `\b` and `\f`, as Foundation writes them
    /// (`PrettyJSON`); else as `\u0008` and `\u000c`.
    package static func writeString(_ text: String, into out: inout [UInt8], shortEscapes: Bool) {
        var text = text
        text.withUTF8 { writeString(utf8: $0, into: &out, shortEscapes: shortEscapes) }
    }

    /// `writeString` of text given as UTF-8 bytes (a message filled on bytes).
    package static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], shortEscapes: Bool) {
        out.append(UInt8(ascii: "\""))
        // Runs with nothing to escape go in whole; they are found eight bytes at a time.
        var run = 0
        while let i = nextToEscape(bytes, from: run) {
            let byte = bytes[i]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            run = i + 1
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08 where shortEscapes: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C where shortEscapes: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        out.append(UInt8(ascii: "\""))
    }

    /// Where the first byte from `start` on that a JSON string escapes is (`"`, `\`, a
    /// control), looked for eight bytes at a time.
    @inline(__always)
    static func nextToEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ByteWords.first(bytes, from: start, { x in
            ByteWords.below(x, 0x20) | ByteWords.equal(x, UInt8(ascii: "\"")) | ByteWords.equal(x, UInt8(ascii: "\\"))
        }, { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
    }
}

/// Pretty JSON written straight to bytes, laid out as Foundation's `JSONEncoder` and
/// `JSONSerialization` lay it out with `.prettyPrinted` and `.withoutEscapingSlashes`: two
/// spaces an indent level, `"key" : value`, an empty list or object as its brackets with a
/// blank line between them, `\b` and `\f` for backspace and form feed, and every other
/// character but `"`, `\` and the controls as it is. Members go in the order they are
/// written: a document that Foundation wrote with `.sortedKeys` writes its keys sorted.
///
///     json.openObject()
///     json.key("files"); json.openArray()
///     for f in files { json.element(); json.string(f) }
///     json.closeArray()
///     json.closeObject()
package struct PrettyJSON {
    package var out: ByteOutput
    private var depth = 0
    /// Whether the innermost open list or object has nothing in it yet.
    private var empty = false

    package init(_ out: ByteOutput) { self.out = out }

    /// A writer of a part of a document written apart from the rest (`continued` tells the
    /// rest), onto the end of `bytes`, inside `depth` open lists or objects, the innermost
    /// with something in it already unless `empty`. The bytes are taken over, not copied
    /// (`bytes` is left empty); `out.finish()` gives them back.
    package init(continuing bytes: inout [UInt8], depth: Int, empty: Bool) {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        self.out = ByteOutput(appendingTo: consume taken)
        self.depth = depth
        self.empty = empty
    }

    /// Says that the innermost open list or object has something in it, written apart and
    /// appended to `out`.
    package mutating func continued() { empty = false }

    package mutating func openObject() { open(UInt8(ascii: "{")) }
    package mutating func closeObject() { close(UInt8(ascii: "}")) }
    package mutating func openArray() { open(UInt8(ascii: "[")) }
    package mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object: its key (Polku's own: nothing in it to escape).
    package mutating func key(_ name: StaticString) {
        next()
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append("\" : " as StaticString)
    }

    /// Starts an element of the open list.
    package mutating func element() { next() }

    package mutating func string(_ text: String) {
        out.withBytes { JSONValue.writeString(text, into: &$0, shortEscapes: true) }
    }

    package mutating func int(_ n: Int) { out.append(decimal: n) }

    /// `"key" : "text"`.
    package mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    /// `"key" : n`.
    package mutating func member(_ name: StaticString, _ n: Int) {
        key(name)
        int(n)
    }

    /// `"key" : { "text" : "…" }`, SARIF's message and description objects.
    package mutating func member(_ name: StaticString, text: String) {
        key(name)
        openObject()
        member("text", text)
        closeObject()
    }

    /// `"key" : "text"`, the text given as UTF-8 bytes.
    package mutating func member(_ name: StaticString, utf8 text: [UInt8]) {
        key(name)
        out.withBytes { out in
            text.withUnsafeBufferPointer { JSONValue.writeString(utf8: $0, into: &out, shortEscapes: true) }
        }
    }

    /// `"key" : { "text" : "…" }`, the text given as UTF-8 bytes.
    package mutating func member(_ name: StaticString, textUTF8 text: [UInt8]) {
        key(name)
        openObject()
        member("text", utf8: text)
        closeObject()
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if empty { out.append(0x0A) }
        newline()
        out.append(bracket)
        empty = false
    }

    /// The comma after the member or element before, if there is one, and the line break
    /// and indentation, in one copy.
    private mutating func next() {
        let comma = !empty
        empty = false
        newline(comma: comma)
    }

    /// A line break and its indentation (after a comma, if `comma`) in one copy, from a comma,
    /// a line break and spaces made once: a SARIF log of 40,000 results breaks a million
    /// lines, and appending the spaces as a repeated element went through the generic
    /// sequence path every time.
    private mutating func newline(comma: Bool = false) {
        let end = 2 + depth * 2
        guard end <= Self.indentation.count else {
            if comma { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
            for _ in 0..<depth * 2 { out.append(UInt8(ascii: " ")) }
            return
        }
        Self.indentation.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[(comma ? 0 : 1)..<end])) }
    }

    /// A comma, a line break and the spaces of 63 levels of indentation.
    private static let indentation: [UInt8] = [UInt8(ascii: ","), 0x0A] + [UInt8](repeating: UInt8(ascii: " "), count: 126)
}
