/// A set of keyword languages in one byte: which languages a spelling belongs to.
public struct KeywordLanguages: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    package init(_ language: KeywordLanguage) {
        switch language {
        case .en: rawValue = 1
        case .fi: rawValue = 2
        case .sv: rawValue = 4
        }
    }
    package init(_ languages: [KeywordLanguage]) {
        var raw: UInt8 = 0
        for language in languages { raw |= KeywordLanguages(language).rawValue }
        rawValue = raw
    }

    /// The one language in the set, or nil when it holds none or several.
    package var single: KeywordLanguage? {
        switch rawValue {
        case 1: .en
        case 2: .fi
        case 4: .sv
        default: nil
        }
    }
}

/// The keywords the parser looks for at the start of a line (headers, phases, attributes),
/// looked up by their bytes: no `String` is made and no `Hasher` runs for the words of a line,
/// which the parser does for every line of a file.
///
/// Keys are spellings as `Keywords.bySpelling` has them: lower case, words joined by one
/// space. The words of a line are folded to lower case on the fly: ASCII letters and the
/// Latin-1 capitals (`Ä`, `Ö`, `Å`, two bytes each in UTF-8). Words with any other non-ASCII
/// bytes are looked up as strings (`Keywords.bySpelling`), so case folding stays Unicode's.
package struct KeywordBytes: Sendable {
    /// What a spelling means at the start of a line, for each kind it can have.
    package struct Meanings: Sendable {
        package var header: (HeaderKind, KeywordLanguages)?
        package var phase: (Phase, KeywordLanguages)?
        package var attribute: (AttributeKind, KeywordLanguages)?
        /// Whether the spelling is the first word of a longer one (`palvelun` of `palvelun
        /// aikana`): a reader that finds it must look at the next word too.
        package var opensLonger = false
    }

    /// Open addressing, a power of two slots; a slot holds an index into `entries` plus one,
    /// and a key of up to eight bytes beside it (`Slot`), so that a word of up to eight
    /// bytes, nearly every keyword, is compared with a key in the same read as the slot's
    /// (not three reads one after another: slot, key start, key bytes).
    private var slots: [Slot]
    /// Every key's bytes, one after another: key `k` is `keyBytes[keyStarts[k]..<keyStarts[k + 1]]`
    /// (one array, so comparing a key retains nothing).
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    private var entries: [Meanings] = []
    /// The longest key, in bytes: a longer head cannot be a keyword.
    package private(set) var longest = 0

    package static let parser = KeywordBytes()

    private init() {
        var meanings: [(String, Meanings)] = []
        for (spelling, matches) in Keywords.bySpelling.sorted(by: { $0.key < $1.key }) {
            var m = Meanings()
            for match in matches {
                let languages = KeywordLanguages(match.languages)
                switch match.meaning {
                case .header(let h) where m.header == nil: m.header = (h, languages)
                case .phase(let p) where m.phase == nil: m.phase = (p, languages)
                case .attribute(let a) where m.attribute == nil: m.attribute = (a, languages)
                default: break
                }
            }
            if m.header != nil || m.phase != nil || m.attribute != nil { meanings.append((spelling, m)) }
        }
        // In order, a spelling that opens longer ones comes just before them (`palvelun`,
        // `palvelun aikana`): nothing sorts between a word and the word and a space.
        for i in meanings.indices.dropLast() {
            let (word, next) = (meanings[i].0.utf8, meanings[i + 1].0.utf8)
            if next.count > word.count && next.starts(with: word) && next[next.index(next.startIndex, offsetBy: word.count)] == 0x20 {
                meanings[i].1.opensLonger = true
            }
        }
        var size = 16
        while size < meanings.count * 4 { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, count: 0, entry: 0), count: size)
        for (spelling, m) in meanings {
            let key = Array(spelling.utf8)
            longest = max(longest, key.count)
            var slot = key.withUnsafeBufferPointer { Int(Self.hash(folded: $0.baseAddress!, count: $0.count)) } & (size - 1)
            while slots[slot].entry != 0 { slot = (slot + 1) & (size - 1) }
            keyBytes.append(contentsOf: key)
            keyStarts.append(Int32(keyBytes.count))
            entries.append(m)
            // A longer key keeps count -1, which no word has.
            let short = key.count <= 8
            let packed = short ? key.withUnsafeBufferPointer { Self.gathered($0.baseAddress!, $0.count) { $0 } } : 0
            slots[slot] = Slot(key: packed, count: short ? Int32(key.count) : -1, entry: Int32(entries.count))
        }
        // So that eight bytes can be read from the start of any key (`lookup(ascii:)`).
        keyBytes.append(contentsOf: repeatElement(0, count: 8))
    }

    /// The hash of a key, or of a word folded as keys are: its bytes in blocks of eight
    /// (little-endian, the last one filled up with zeros), each mixed in by a multiplication,
    /// then its length. Eight bytes at a time, a word is hashed as fast as it is read
    /// (`hash(ascii:count:readable:)`, `JourneyParser.quickWord`); byte by byte (FNV-1a),
    /// the parser spent 20 instructions on each byte of a line's first word.
    package static func hash(folded key: UnsafePointer<UInt8>, count: Int) -> UInt32 {
        hash(count: count) { i, n in gathered(key + i, n) { $0 } }
    }

    /// `hash(folded:count:)` of the ASCII word `word[0..<count]` folded, read eight bytes at
    /// a time where `readable` bytes from `word` on allow it.
    package static func hash(ascii word: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt32 {
        hash(count: count) { i, n in
            readable - i >= 8 ? folded(eight: eightBytes(word + i) & low(n)) : gathered(word + i, n, folded)
        }
    }

    /// The hash of `count` bytes given as blocks: `block(i, n)` is the `n` bytes (at most
    /// eight) from byte `i` on, folded, the first in the lowest place. One loop for both
    /// hashes, so that a word and a key with the same folded bytes hash alike.
    @inline(__always)
    private static func hash(count: Int, block: (_ start: Int, _ count: Int) -> UInt64) -> UInt32 {
        var h: UInt64 = 0
        var i = 0
        while i < count {
            h = mix(h, block(i, min(8, count - i)))
            i += 8
        }
        return finish(h, count: count)
    }

    /// The `count` bytes (at most eight) at `p`, each passed through `fold`, the first in the
    /// lowest place, read one by one.
    @inline(__always)
    private static func gathered(_ p: UnsafePointer<UInt8>, _ count: Int, _ fold: (UInt8) -> UInt8) -> UInt64 {
        var block: UInt64 = 0
        for j in 0..<count { block |= UInt64(fold(p[j])) << UInt64(8 * j) }
        return block
    }

    /// The hash so far with one more block of eight bytes mixed in.
    @inline(__always)
    package static func mix(_ h: UInt64, _ block: UInt64) -> UInt64 { (h ^ block) &* 0x9E37_79B9_7F4A_7C15 }

    /// The hash of a key of `count` bytes whose blocks gave `h`.
    @inline(__always)
    package static func finish(_ h: UInt64, count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: ((h ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The eight bytes at `p`, the first in the lowest place.
    @inline(__always)
    package static func eightBytes(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// A mask of the lowest `count` bytes of eight (all eight from 8 on).
    @inline(__always)
    package static func low(_ count: Int) -> UInt64 { count >= 8 ? ~0 : (1 << UInt64(count * 8)) &- 1 }

    /// An ASCII byte as keys have it: capitals made small, every other byte as it is. The
    /// one fold for every keyword look-up, so that a word hashed as it is read and compared
    /// with a key are folded alike.
    @inline(__always)
    package static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// The meanings of a key already folded into `key[0..<count]`.
    package func lookup(folded key: UnsafeBufferPointer<UInt8>, count: Int) -> Meanings? {
        find(hash: Self.hash(folded: key.baseAddress!, count: count), count: count) { candidate in
            sameBytes(candidate, key.baseAddress!, count)
        }
    }

    /// The meanings of the ASCII word `word[0..<count]`, upper case or not, whose folded
    /// bytes give `hash` (`hash(ascii:count:readable:)`). The parser hashes the word as it
    /// reads it, and nothing is copied.
    /// - Parameter readable: how many bytes from `word` on may be read (at least `count`):
    ///   where the word's blocks of eight can be read whole, it is folded and compared with a
    ///   key eight bytes at a time (`keyBytes` ends in eight spare bytes, so a key's can).
    package func lookup(ascii word: UnsafePointer<UInt8>, count: Int, hash: UInt32, readable: Int) -> Meanings? {
        if readable >= (count + 7) & ~7 {
            if count <= 8 {
                // Most keywords: one block, compared with the keys kept in the slots.
                let folded = Self.folded(eight: Self.eightBytes(word) & Self.low(count))
                return findShort(hash: hash, count: Int32(count), folded: folded)
            }
            return find(hash: hash, count: count) { candidate in
                var i = 0
                while i < count {
                    let mask = Self.low(count - i)
                    if Self.folded(eight: Self.eightBytes(word + i) & mask) != Self.eightBytes(candidate + i) & mask { return false }
                    i += 8
                }
                return true
            }
        }
        return find(hash: hash, count: count) { candidate in
            for i in 0..<count where Self.folded(word[i]) != candidate[i] { return false }
            return true
        }
    }

    /// `folded` of eight ASCII bytes at once (each below 0x80): a byte from `A` (0x41) on
    /// gets its top bit set by adding 0x3F, one from past `Z` (0x5B) by adding 0x25; where
    /// only the first is set, the byte is a capital, and 0x20 (the top bit shifted down two)
    /// makes it small. No byte's sum passes 0xFF, so none carries into the next.
    @inline(__always)
    static func folded(eight x: UInt64) -> UInt64 {
        let fromA = x &+ 0x3F3F_3F3F_3F3F_3F3F, pastZ = x &+ 0x2525_2525_2525_2525
        return x | ((fromA & ~pastZ & 0x8080_8080_8080_8080) >> 2)
    }

    /// The entry in `hash`'s chain whose key is the `count` bytes (one to eight) of `key`,
    /// the first in the lowest place, the rest zero.
    @inline(__always)
    private func findShort(hash: UInt32, count: Int32, folded key: UInt64) -> Meanings? {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Int(hash) & mask
            while true {
                let here = table[slot]
                if here.entry == 0 { return nil }
                if here.key == key && here.count == count { return entries[Int(here.entry) - 1] }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A slot of `slots`: its entry in `entries` plus one (0 for an empty slot) and, for a
    /// key of up to eight bytes, the key's bytes (the first in the lowest place, zeros after
    /// it) and its length (-1 for a longer key).
    private struct Slot: Sendable {
        var key: UInt64
        var count: Int32
        var entry: Int32
    }

    /// The entry in `hash`'s chain whose key has `count` bytes and `matches`.
    @inline(__always)
    private func find(hash: UInt32, count: Int, matches: (UnsafePointer<UInt8>) -> Bool) -> Meanings? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return keyBytes.withUnsafeBufferPointer { keys in
            while true {
                let entry = Int(slots[slot].entry)
                if entry == 0 { return nil }
                let start = Int(keyStarts[entry - 1])
                if Int(keyStarts[entry]) - start == count && matches(keys.baseAddress! + start) {
                    return entries[entry - 1]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The meanings of a spelling given as a string (lower case, single spaces).
    package func lookup(_ spelling: String) -> Meanings? {
        Array(spelling.utf8).withUnsafeBufferPointer { lookup(folded: $0, count: $0.count) }
    }
}

/// Whether `count` bytes at `a` and `b` are the same (keys are short).
@inline(__always)
private func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}

/// Folds the words of a line head into a keyword key, in a buffer the parser reuses.
package struct KeywordKey {
    private var buffer: [UInt8]

    package init() { buffer = [UInt8](repeating: 0, count: 64) }

    /// Looks up words `words` (byte ranges of `bytes`, in order) joined by single spaces.
    /// Returns nil when they are no keyword; `unfoldable` is set when a word has non-ASCII
    /// bytes this fold does not handle, and the caller must look the words up as a string.
    package mutating func lookup(_ bytes: [UInt8], words: some Sequence<SourceRange>,
                                 in table: KeywordBytes, unfoldable: inout Bool) -> KeywordBytes.Meanings? {
        unfoldable = false
        let limit = min(table.longest, buffer.count)
        var count = 0
        var tooLong = false
        bytes.withUnsafeBufferPointer { src in
            buffer.withUnsafeMutableBufferPointer { out in
                var first = true
                outer: for word in words {
                    if !first {
                        if count >= limit { tooLong = true; break }
                        out[count] = 0x20
                        count += 1
                    }
                    first = false
                    var i = word.start
                    while i < word.end {
                        let b = src[i]
                        if b >= 0x80 {
                            // Latin-1 letters (C3 80...C3 BF): capitals À...Þ (not ×) fold by 0x20.
                            guard b == 0xC3, i + 1 < word.end, src[i + 1] >= 0x80, src[i + 1] <= 0xBF else {
                                unfoldable = true
                                break outer
                            }
                            var c = src[i + 1]
                            if c <= 0x9E && c != 0x97 { c += 0x20 }
                            if count + 2 > limit { tooLong = true; break outer }
                            out[count] = b
                            out[count + 1] = c
                            count += 2
                            i += 2
                            continue
                        }
                        if count >= limit { tooLong = true; break outer }
                        out[count] = KeywordBytes.folded(b)
                        count += 1
                        i += 1
                    }
                }
            }
        }
        if tooLong && !unfoldable {
            // Unicode's lower case can be shorter than the word (the Kelvin sign is `k`): a
            // long head with other non-ASCII bytes is looked up as a string after all.
            for word in words where bytes[word.start..<word.end].contains(where: { $0 >= 0x80 }) {
                unfoldable = true
                break
            }
        }
        if unfoldable || tooLong { return nil }
        return buffer.withUnsafeBufferPointer { table.lookup(folded: $0, count: count) }
    }
}
