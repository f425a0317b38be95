import CPolkuBytes
import PolkuLanes

/// A half-open range of byte offsets into a `SourceFile`.
///
/// Stored in 32 bits a side (8 bytes, not 16): a journey has one for every keyword, value and
/// line, and files are at most 100 MB (`FileReader.sizeLimit`). An offset past 4 GiB is
/// clamped there rather than trapping.
///
/// `public`, as are the other small values every stage reads in its loops (`AttributeSyntax`,
/// `AttributeList`, `AttributeKind`, `KeywordLanguages`, `Cache.prefetch`): Swift 6.3 never
/// inlines a `package` declaration into another module, not even an `@inlinable` one, so
/// each `range.start` read by the resolver, the checker or a report was a call. Polku has no
/// library product, so `public` reaches no further than the package.
public struct SourceRange: Hashable, Sendable, Comparable {
    private var lower: UInt32
    private var upper: UInt32

    public var start: Int {
        get { Int(lower) }
        set { lower = UInt32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(upper) }
        set { upper = UInt32(clamping: newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        lower = UInt32(clamping: start)
        upper = UInt32(clamping: max(start, end))
    }

    public var isEmpty: Bool { start == end }
    public var count: Int { end - start }

    public static func < (a: SourceRange, b: SourceRange) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// What a column counts. Every report counts in Unicode scalars (code points), what SARIF
/// calls `unicodeCodePoints`: `ä` written as one character is one column, a tab is one column.
/// A language server counts in UTF-16 code units, a terminal's cursor in grapheme clusters
/// (`👩‍👩‍👧` is one), a byte-oriented tool in UTF-8 bytes.
package enum ColumnUnit: String, Sendable, CaseIterable {
    case utf8Bytes, unicodeScalars, utf16CodeUnits, graphemeClusters

    /// The unit of every column Polku reports (text, short, JSON, SARIF).
    package static let reports = ColumnUnit.unicodeScalars

    /// SARIF's name for the unit, where SARIF has one.
    package var sarifName: String? {
        switch self {
        case .unicodeScalars: "unicodeCodePoints"
        case .utf16CodeUnits: "utf16CodeUnits"
        case .utf8Bytes, .graphemeClusters: nil
        }
    }
}

/// A position a person can find in an editor: 1-based line, 1-based column counted in a
/// `ColumnUnit` (Unicode scalars, unless a caller asks for another unit).
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    package var description: String { "\(line):\(column)" }
}

/// A journey file: its name, its raw bytes and an index of where each line starts.
///
/// Everything downstream refers to text by byte ranges into `bytes`; strings are made only
/// where the model needs them and columns are counted only when a diagnostic is shown.
package struct SourceFile: Sendable {
    /// The name shown in diagnostics (usually the path as the user typed it).
    package let name: String
    package let bytes: [UInt8]
    /// Byte offset of the first byte of each line (line 1 is `lineStarts[0]`).
    package let lineStarts: LineStarts
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    package let contentStart: Int

    /// The offset of the first NUL byte, if any (a binary file).
    package let firstNUL: Int?
    /// The offset of the first byte that is not ASCII, if any: UTF-8 needs checking from there.
    package let firstNonASCII: Int?

    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.contentStart = hasBOM ? 3 : 0
        let found = bytes.withUnsafeBufferPointer { Self.scan($0) }
        self.lineStarts = LineStarts(offsets: found.starts)
        (firstNUL, firstNonASCII) = (found.firstNUL, found.firstHigh)
    }

    /// What one pass over the bytes finds: where lines start (after LF, CRLF, or a CR on its
    /// own: classic Mac files, some exports), the first NUL and the first byte that is not
    /// ASCII.
    private struct Scan {
        var starts: [UInt32]
        var firstNUL: Int?
        var firstHigh: Int?
    }

    /// From this size on (8 MiB), the bytes are scanned in two halves on two threads.
    private static let splitSize = 8 << 20

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Scan {
        guard let base = buffer.baseAddress else { return Scan(starts: [0], firstNUL: nil, firstHigh: nil) }
        let n = buffer.count
        guard n >= splitSize else { return scan(base, count: n, 0..<n) }
        // An address as a number: the other thread's work must be `Sendable`.
        let (half, address) = (n / 2, Int(bitPattern: base))
        // The first half's array has room for the whole file's line starts (a third more
        // than one in 32 bytes; room not written to costs no memory), so the second's are
        // appended to it in place: grown to hold them, it was copied (3 MB and 800 page
        // faults at 100,000 steps, before parsing can start).
        var (first, rest) = OwnThread.sideBySide({ scan(base, count: n, 0..<half, room: n / 24 + 64) },
                                                 { scan(UnsafePointer(bitPattern: address)!, count: n, half..<n) })
        first.starts.append(contentsOf: rest.starts)
        return Scan(starts: first.starts, firstNUL: first.firstNUL ?? rest.firstNUL,
                    firstHigh: first.firstHigh ?? rest.firstHigh)
    }

    /// `scan` of `base[range]`, of the `count` bytes at `base`: its starts begin with 0 when
    /// the range does.
    /// - Parameter room: line starts the array first has room for (it grows if they are
    ///   more); by default about one in 32 bytes of the range.
    private static func scan(_ base: UnsafePointer<UInt8>, count: Int, _ range: Range<Int>,
                             room first: Int? = nil) -> Scan {
        // SIZE_MAX, C's "none yet", is -1 as an `Int`.
        var state = polku_line_scan(written: 0, firstNUL: -1, firstHigh: -1)
        // About one line in 32 bytes; written into the array's room, then counted in.
        var starts: [UInt32] = range.lowerBound == 0 ? [0] : []
        var from = range.lowerBound
        var room = first ?? range.count / 32 + 64
        while from < range.upperBound {
            let before = starts.count
            var grown = [UInt32](unsafeUninitializedCapacity: before + room) { buffer, initialized in
                let target = buffer.baseAddress!
                starts.withUnsafeBufferPointer { if before > 0 { target.update(from: $0.baseAddress!, count: before) } }
                from = polku_line_starts(base, count, from, range.upperBound, target + before, room, &state)
                initialized = before + state.written
            }
            swap(&starts, &grown)
            room = starts.count + 64
        }
        return Scan(starts: starts, firstNUL: state.firstNUL < 0 ? nil : state.firstNUL,
                    firstHigh: state.firstHigh < 0 ? nil : state.firstHigh)
    }

    package init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    package var lineCount: Int { lineStarts.count }

    /// The 1-based line that contains `offset`.
    package func line(of offset: Int) -> Int {
        search(offset, low: 0, high: lineStarts.count - 1)
    }

    /// The 1-based line of `offset`, searched forward from `line` when that line starts at
    /// or before it (else among all lines): the steps double until they pass the offset,
    /// then halve. Offsets met in order (a report's diagnostics) cost a few looks near the
    /// last line, not a search of every line start.
    package func line(of offset: Int, from line: Int) -> Int {
        var low = min(max(line, 1), lineStarts.count) - 1
        guard lineStarts[low] <= offset else { return self.line(of: offset) }
        var step = 1
        while low + step < lineStarts.count && lineStarts[low + step] <= offset {
            low += step
            step *= 2
        }
        return search(offset, low: low, high: min(low + step, lineStarts.count) - 1)
    }

    /// The 1-based line of `offset` among the lines from index `low` to `high` of
    /// `lineStarts`, where line `low` starts at or before it.
    private func search(_ offset: Int, low: Int, high: Int) -> Int {
        var (low, high) = (low, high)
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Byte offset where a 1-based line's text starts (after a byte order mark on line 1).
    package func lineStart(_ line: Int) -> Int {
        max(lineStarts[line - 1], line == 1 ? contentStart : 0)
    }

    /// Byte range of a 1-based line without its line ending (`\n`, `\r\n` or `\r`).
    package func lineRange(_ line: Int) -> SourceRange {
        let start = lineStart(line)
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D && end < bytes.count && bytes[end] == 0x0A { end -= 1 }
        return SourceRange(start, max(start, end))
    }

    /// The line and the column of a byte offset, the column counted in `unit` (by default
    /// the unit of every report, Unicode scalars). The one place columns are counted.
    /// The items of a comma-separated value (`via: web, email`), each without the spaces
    /// and tabs around it; an empty item (`a,,b`) is an empty range.
    package func listItems(_ value: SourceRange) -> [SourceRange] {
        var result: [SourceRange] = []
        result.reserveCapacity(4)
        forEachListItem(value) { result.append($0) }
        return result
    }

    /// Calls `body` with each item of the comma-separated list at `value` in turn, as
    /// `listItems` gives them, without an array made for them.
    @inline(__always)
    package func forEachListItem(_ value: SourceRange, _ body: (SourceRange) -> Void) {
        precondition(value.start >= 0 && value.start <= value.end && value.end <= bytes.count, "range outside the file")
        bytes.withUnsafeBufferPointer { b in
            let bytes = b.baseAddress!
            var start = value.start
            for i in value.start...value.end where i == value.end || bytes[i] == UInt8(ascii: ",") {
                var s = start, e = i
                while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
                while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
                body(SourceRange(s, e))
                start = i + 1
            }
        }
    }

    package func location(of offset: Int, in unit: ColumnUnit = .reports) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(of: clamped)
        let start = min(lineStart(line), clamped)
        return SourceLocation(line: line, column: columns(from: start, to: clamped, in: unit) + 1)
    }

    /// How many columns of `unit` the bytes `start..<end` of one line take.
    package func columns(from start: Int, to end: Int, in unit: ColumnUnit) -> Int {
        guard end > start else { return 0 }
        switch unit {
        case .utf8Bytes:
            return end - start
        case .unicodeScalars, .utf16CodeUnits:
            // Count on the bytes: every byte that does not continue a sequence starts a
            // scalar, and a four-byte sequence is two UTF-16 units. Invalid bytes count as
            // one U+FFFD each, as `text(_:)` shows them (close enough for a broken file).
            var count = 0
            for i in start..<end {
                let b = bytes[i]
                if b & 0xC0 != 0x80 {
                    count += (unit == .utf16CodeUnits && b >= 0xF0) ? 2 : 1
                }
            }
            return count
        case .graphemeClusters:
            return String(decoding: bytes[start..<end], as: UTF8.self).count
        }
    }

    /// The text of a range, with invalid UTF-8 shown as U+FFFD.
    package func text(_ range: SourceRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The text of a 1-based line without its line ending.
    package func lineText(_ line: Int) -> String { text(lineRange(line)) }
}

/// Where each line of a file starts, four bytes a line (files are at most 100 MB,
/// `FileReader.sizeLimit`): a journey of 100,000 steps has 800,000 lines.
package struct LineStarts: RandomAccessCollection, Sendable {
    let offsets: [UInt32]

    package var startIndex: Int { 0 }
    package var endIndex: Int { offsets.count }
    @inline(__always) package subscript(index: Int) -> Int { Int(offsets[index]) }
}

/// The lines of offsets met mostly in increasing order (a checklist's items): each look-up
/// searches forward from the line found last, or all lines for an offset before it.
package struct LineCursor {
    private let source: SourceFile
    private var line = 1

    package init(_ source: SourceFile) { self.source = source }

    package mutating func line(of offset: Int) -> Int {
        line = source.line(of: offset, from: line)
        return line
    }
}

/// Counts the columns of offsets met in increasing order, as reports meet diagnostics: on
/// the same line, each count starts where the last one ended, so many diagnostics on one
/// long line cost one pass over it. An offset before the last one is counted afresh.
package struct LocationCursor {
    package let source: SourceFile
    package let unit: ColumnUnit
    private var line = 0
    private var offset = 0
    private var column = 0

    package init(_ source: SourceFile, unit: ColumnUnit = .reports) {
        self.source = source
        self.unit = unit
    }

    package mutating func location(of rawOffset: Int) -> SourceLocation {
        // An offset in a byte order mark is where the text starts, as `SourceFile.location`
        // counts it: counted from the mark, the rest of line 1 would be a column off.
        let target = min(max(rawOffset, source.contentStart), source.bytes.count)
        let targetLine = source.line(of: target, from: line)
        if targetLine != line || target < offset {
            line = targetLine
            offset = min(source.lineStart(targetLine), target)
            column = 0
        }
        column += source.columns(from: offset, to: target, in: unit)
        offset = target
        return SourceLocation(line: line, column: column + 1)
    }
}
