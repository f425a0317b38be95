/// Bytes on their way out: kept in memory, or handed to `send` whenever a chunk's worth has
/// gathered, so a long report (a SARIF file of forty thousand results) never sits in memory
/// whole. Writers append freely and call `flushIfFull()` where a piece of output ends.
package struct ByteOutput {
    package private(set) var bytes: [UInt8] = []
    private let send: (([UInt8]) -> Void)?
    private let chunk: Int

    /// Output that stays in memory (`bytes`), for a caller that wants the whole text.
    package init(capacity: Int = 4096) {
        send = nil
        chunk = .max
        bytes.reserveCapacity(capacity)
    }

    /// Output kept in memory after `bytes` (taken over, not copied when it is the only
    /// reference): a part written apart, whose bytes `finish()` gives back.
    package init(appendingTo bytes: consuming [UInt8]) {
        send = nil
        chunk = .max
        self.bytes = bytes
    }

    /// Output handed to `send` about every `chunk` bytes, and the rest at `finish()`.
    package init(chunk: Int = 1 << 16, send: @escaping ([UInt8]) -> Void) {
        self.send = send
        self.chunk = chunk
        bytes.reserveCapacity(chunk + 4096)
    }

    @inline(__always)
    package mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    package mutating func append(_ text: String) {
        // Through the string's buffer: the UTF-8 view's generic path costs more than the copy.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func append(contentsOf other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// Appends a piece made elsewhere: when the output is sent on, the bytes gathered so far
    /// and then the piece itself are sent as they are, without copying the piece.
    package mutating func append(piece: [UInt8]) {
        guard let send else { return bytes.append(contentsOf: piece) }
        flush()
        if !piece.isEmpty { send(piece) }
    }

    /// The bytes to append to in place, for a writer of its own (`JSONValue.writeString`).
    @inline(__always)
    package mutating func withBytes<R>(_ body: (inout [UInt8]) -> R) -> R { body(&bytes) }

    /// A number in decimal, without making a string.
    package mutating func append(decimal n: Int) { Self.appendDecimal(n, to: &bytes) }

    /// How many characters `n` is written in, in decimal (its minus sign too).
    @inlinable
    package static func decimalWidth(_ n: Int) -> Int {
        var count = n < 0 ? 2 : 1
        var rest = n.magnitude
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// A number in decimal appended to `bytes`, without making a string.
    package static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            // -Int.min does not fit in an Int.
            if n == .min { bytes.append(contentsOf: String(n).utf8.dropFirst()); return }
        }
        // Most numbers a report writes (lines, columns) are short: their digits are gathered
        // in one word, the first in its lowest byte, and appended in one copy.
        if n >= 0 && n < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        var m = n.magnitude
        if m < 100_000_000 {
            var word: UInt64 = 0
            var count = 0
            repeat {
                word = word << 8 | UInt64(UInt8(ascii: "0") + UInt8(m % 10))
                m /= 10
                count += 1
            } while m > 0
            word = word.littleEndian
            withUnsafeBytes(of: &word) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0.assumingMemoryBound(to: UInt8.self)[..<count])) }
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                count += 1
            } while m > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer.assumingMemoryBound(to: UInt8.self)[(20 - count)...]))
        }
    }

    /// Hands the bytes gathered so far to `send` when there is a chunk's worth.
    @inline(__always)
    package mutating func flushIfFull() {
        if bytes.count >= chunk { flush() }
    }

    /// Hands what is left to `send`; returns everything when the output stays in memory.
    package mutating func finish() -> [UInt8] {
        guard send != nil else { return bytes }
        flush()
        return []
    }

    private mutating func flush() {
        guard let send, !bytes.isEmpty else { return }
        send(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
