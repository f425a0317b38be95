import Foundation

/// Any JSON value, Codable: the protocol layer of the language server reads and writes
/// messages as these, and the language features build their results from them.
package enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    package subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    package var string: String? { if case .string(let s) = self { return s }; return nil }
    package var int: Int? { if case .number(let n) = self { return Int(n) }; return nil }
    package var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }

    package static func int(_ n: Int) -> JSONValue { .number(Double(n)) }

    /// The value as compact JSON, keys sorted (the same message is always the same bytes).
    /// Written by hand on bytes: a change's diagnostics for a 2,000-step journey are
    /// hundreds of objects, and this is on the path of every keystroke.
    package var encoded: Data {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(&out)
        return Data(out)
    }

    private func write(_ out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { out += Array(String(Int(n)).utf8) } else { out += Array("\(n)".utf8) }
        case .string(let s): Self.write(string: s, &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.write(&out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (i, key) in o.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.write(string: key, &out)
                out.append(UInt8(ascii: ":"))
                o[key]!.write(&out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func write(string: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in string.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements, uniquingKeysWith: { $1 })) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .number(Double(value)) }
}

/// JSON-RPC 2.0 messages with the Language Server Protocol's `Content-Length` framing.
package enum Framing {
    /// One framed message: the header and the body.
    package static func frame(_ message: JSONValue) -> Data {
        let body = message.encoded
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }

    /// Reads framed messages from a growing buffer.
    package struct Reader {
        private var buffer = Data()
        package init() {}

        package mutating func append(_ data: Data) { buffer.append(data) }

        /// The next complete message body, if the buffer holds one; a header that cannot be
        /// read gives `.failure` and is skipped.
        package mutating func next() -> Result<Data, FramingError>? {
            guard let end = buffer.range(of: Data("\r\n\r\n".utf8)) else {
                // A header this long is not a header.
                if buffer.count > 8192 { buffer.removeAll(); return .failure(.badHeader) }
                return nil
            }
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            var length: Int?
            for line in header.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                }
            }
            guard let length, length >= 0, length <= 64 << 20 else {
                buffer.removeSubrange(buffer.startIndex..<end.upperBound)
                return .failure(.badHeader)
            }
            guard buffer.count - (end.upperBound - buffer.startIndex) >= length else { return nil }
            let body = buffer[end.upperBound..<(end.upperBound + length)]
            let result = Data(body)
            buffer.removeSubrange(buffer.startIndex..<(end.upperBound + length))
            return .success(result)
        }
    }

    package enum FramingError: Error { case badHeader }
}
