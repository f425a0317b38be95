#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolkuLanes
import PolkuSyntax

/// The steps' ids, for finding a step by an id a `next:` line names, and for noticing an id
/// used twice.
///
/// Ids are compared by their bytes in the file, with no `String` made: a table of a large
/// journey's ids takes a sixth of the memory of a dictionary keyed by strings (2 MB rather
/// than 6 at 100,000 steps). Bytes decide only while every id and name is ASCII, where
/// equal bytes and equal strings are the same thing. Past ASCII, two different byte
/// sequences can be the same string (an accented letter written as one character or as a
/// letter and a combining accent; bytes that are not UTF-8), so from the first id or name
/// that is not ASCII the table turns into a dictionary of strings, as ids always were.
struct StepIds {
    private let source: SourceFile
    /// Each id met, in order: where it is written, and its step (empty once `byString` is used).
    private var entries: [(start: UInt32, end: UInt32, step: Int32)] = []
    /// Open addressing: 0 for an empty slot, else an index into `entries` plus one in the
    /// low 24 bits and 8 bits of the id's hash above them, so that a look-up passes an
    /// occupied slot of another id without reading that id's bytes (on a large journey, each
    /// such read is a cache miss). Its count is a power of two, at most half full.
    private var slots: [UInt32] = []
    /// Every id by its string, once an id or a name is not ASCII or the ids pass `entryLimit`
    /// (then `slots` is not used).
    private var byString: [String: Int]?
    /// The file's bytes, while the resolver runs (`Resolver.withFile`): read through this,
    /// an id costs no retain and release of the file's array, as it did twice for each step.
    var file = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    /// - Parameters:
    ///   - capacity: the most ids there may be (room that is not used costs no memory).
    ///   - expected: how many there are likely to be, for the slots (which grow past it).
    init(_ source: SourceFile, capacity: Int, expected: Int? = nil) {
        self.source = source
        entries.reserveCapacity(capacity)
        var count = 16
        while count < (expected ?? capacity) * 2 { count *= 2 }
        slots = [UInt32](repeating: 0, count: count)
    }

    /// Where the entries are stored and how many there is room for, for another thread to
    /// make ready ahead of the resolver (`ResolverRoom`): an address as a number, never read
    /// through. Once the ids are kept as strings (`useStrings`), the entries are let go of;
    /// readying their old place then changes nothing that memory holds (`Pages.populate`).
    var entryRoom: (address: Int, capacity: Int) {
        (entries.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }, entries.capacity)
    }

    /// The size of an entry in memory.
    static var entryStride: Int { MemoryLayout<(start: UInt32, end: UInt32, step: Int32)>.stride }

    /// How many ids the slots can index; past it (a file of more than 16 million steps) the
    /// table uses strings.
    private static let entryLimit = 1 << 24

    /// The hash of the id at `range`, for `insert(_:hash:step:)` a little later, with the
    /// slot where its look-up starts asked for ahead (`Cache.prefetch`): on a large journey,
    /// the slots are a megabyte read at random, and each read waited for the memory.
    mutating func hashAhead(_ range: SourceRange) -> UInt64 {
        let hash = Self.hash(file, range)
        if byString == nil {
            slots.withUnsafeBufferPointer { Cache.prefetch($0.baseAddress! + (Int(truncatingIfNeeded: hash) & ($0.count - 1))) }
        }
        return hash
    }

    /// Adds the id at `range` for step `step`, unless a step already has it: then returns
    /// that step, and the table is as it was (the first step with an id keeps it).
    /// - Parameter hash: the id's `hashAhead`.
    mutating func insert(_ range: SourceRange, hash: UInt64, step: Int) -> Int? {
        if byString == nil && !isASCII(range) { useStrings() }
        if byString != nil {
            let name = source.text(range)
            if let existing = byString![name] { return existing }
            byString![name] = step
            return nil
        }
        let (slot, tag, found) = find(range, hash: hash)
        if let found { return found }
        entries.append((UInt32(range.start), UInt32(range.end), Int32(step)))
        slots[slot] = tag | UInt32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        if entries.count + 1 >= Self.entryLimit { useStrings() }
        return nil
    }

    /// The step whose id is the text at `range`, if there is one.
    mutating func step(named range: SourceRange) -> Int? {
        if byString == nil && !isASCII(range) { useStrings() }
        if let byString { return byString[source.text(range)] }
        return find(range).found
    }

    /// The step whose id is the text at `range`, as `step(named:)` finds it, when the table
    /// can tell without changing (its ids and this one are ASCII): `.some(nil)` for an id no
    /// step has, nil when only `step(named:)` can tell. Safe on several threads at once.
    func stepIfASCII(named range: SourceRange) -> Int?? {
        guard byString == nil, isASCII(range) else { return nil }
        return .some(find(range).found)
    }

    /// The slot where the id at `range` is, or the empty slot where it would go, and the tag
    /// its slot holds.
    private func find(_ range: SourceRange, hash known: UInt64? = nil) -> (slot: Int, tag: UInt32, found: Int?) {
        do {
            let b = file
            let name = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[range.start..<range.end]))
            let hash = known ?? Self.hash(b, range)
            let tag = UInt32(truncatingIfNeeded: hash >> 56) << 24
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let value = slots[slot]
                if value == 0 { return (slot, tag, nil) }
                if value & 0xFF00_0000 == tag {
                    let e = entries[Int(value & 0xFF_FFFF) - 1]
                    if Int(e.end - e.start) == name.count
                        && (name.isEmpty || memcmp(name.baseAddress!, b.baseAddress! + Int(e.start), name.count) == 0) {
                        return (slot, tag, Int(e.step))
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func hash(_ file: UnsafeBufferPointer<UInt8>, _ range: SourceRange) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: file[range.start..<range.end])))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let kept = entries
        entries.removeAll(keepingCapacity: true)
        for e in kept {
            let (slot, tag, _) = find(SourceRange(Int(e.start), Int(e.end)))
            entries.append(e)
            slots[slot] = tag | UInt32(entries.count)
        }
    }

    private func isASCII(_ range: SourceRange) -> Bool {
        !file[range.start..<range.end].contains { $0 >= 0x80 }
    }

    /// Turns the table into a dictionary of strings, for ids past ASCII.
    private mutating func useStrings() {
        var strings: [String: Int] = [:]
        strings.reserveCapacity(entries.capacity)
        for e in entries {
            // Each id in `entries` was new when it was added, so none is there yet.
            strings[source.text(SourceRange(Int(e.start), Int(e.end)))] = Int(e.step)
        }
        byString = strings
        (entries, slots) = ([], [])
    }
}
