import CZlib
import Dispatch
import Foundation

/// A ZIP archive made in memory, as an `.xlsx` workbook needs it: files deflated by zlib,
/// each with its CRC-32, one fixed date, names in UTF-8, no ZIP64 (a part over 4 GiB is
/// refused, never written wrong).
///
/// Each file goes through a `Deflater`, which takes its bytes whole or a piece at a time and
/// gives zlib's raw deflate stream and CRC-32 of them.
package struct ZIPArchive {
    /// The archive so far: local headers and data; `finish()` adds the central directory.
    package private(set) var bytes: [UInt8] = []
    /// The central directory's entries, written at the end.
    private var central: [UInt8] = []
    private var entries = 0
    /// zlib's compression level, 1 (fastest) to 9 (smallest).
    package let level: Int32

    /// A file or the archive would pass 4 GiB, which a ZIP without ZIP64 cannot say.
    package struct TooLarge: Error {}

    package init(level: Int32) { self.level = level }

    // DOS date and time of every file: 1980-01-01 00:00, the first a ZIP can hold.
    static let time: UInt16 = 0
    static let date: UInt16 = (1 << 5) | 1
    /// General purpose flags: bit 11, the name is UTF-8.
    static let flags: UInt16 = 0x0800
    /// Deflated.
    static let method: UInt16 = 8
    /// Version 2.0 of the format is what deflate needs.
    static let needed: UInt16 = 20
    /// Made on Unix (3) by version 2.1 of the format.
    static let madeBy: UInt16 = 0x0315
    /// A regular file, readable by all, writable by its owner (Unix mode 100644).
    static let attributes: UInt32 = 0o100644 << 16

    /// Adds `data` as the file `path`, deflated.
    package mutating func add(_ path: String, _ data: [UInt8]) throws(TooLarge) {
        let deflater = Deflater(level: level)
        data.withUnsafeBufferPointer { deflater.write($0) }
        try add(path, deflater)
    }

    /// Adds what `deflater` was given as the file `path`, finishing it.
    package mutating func add(_ path: String, _ deflater: Deflater) throws(TooLarge) {
        deflater.finish()
        let name = Array(path.utf8)
        let offset = bytes.count
        guard deflater.size <= UInt32.max, deflater.compressed.count <= UInt32.max, offset <= UInt32.max else { throw TooLarge() }
        // The local header, then the data.
        Self.put32(0x0403_4b50, &bytes)
        Self.fileFields(deflater, name: name, into: &bytes)
        bytes.append(contentsOf: name)
        bytes.append(contentsOf: deflater.compressed)
        // The central directory's entry: the same fields, and where the header is.
        Self.put32(0x0201_4b50, &central)
        Self.put16(Self.madeBy, &central)
        Self.fileFields(deflater, name: name, into: &central)
        Self.put16(0, &central)  // comment
        Self.put16(0, &central)  // disk
        Self.put16(0, &central)  // internal attributes
        Self.put32(Self.attributes, &central)
        Self.put32(UInt32(offset), &central)
        central.append(contentsOf: name)
        entries += 1
    }

    /// What a file's local header and its central directory entry both say, from the version
    /// needed to the length of the extra field (none).
    private static func fileFields(_ deflater: Deflater, name: [UInt8], into out: inout [UInt8]) {
        put16(needed, &out)
        put16(flags, &out)
        put16(method, &out)
        put16(time, &out)
        put16(date, &out)
        put32(deflater.crc, &out)
        put32(UInt32(deflater.compressed.count), &out)
        put32(UInt32(deflater.size), &out)
        put16(UInt16(name.count), &out)
        put16(0, &out)  // extra field
    }

    /// The whole archive: what was added, its central directory and the directory's end.
    package mutating func finish() throws(TooLarge) -> [UInt8] {
        let offset = bytes.count
        guard offset <= UInt32.max, entries <= UInt16.max else { throw TooLarge() }
        bytes.append(contentsOf: central)
        Self.put32(0x0605_4b50, &bytes)
        Self.put16(0, &bytes)  // this disk
        Self.put16(0, &bytes)  // the disk the directory starts on
        Self.put16(UInt16(entries), &bytes)
        Self.put16(UInt16(entries), &bytes)
        Self.put32(UInt32(central.count), &bytes)
        Self.put32(UInt32(offset), &bytes)
        Self.put16(0, &bytes)  // comment
        return bytes
    }

    /// ZIP's numbers are little-endian.
    private static func put16(_ v: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(v & 0xff))
        out.append(UInt8(v >> 8))
    }

    private static func put32(_ v: UInt32, _ out: inout [UInt8]) {
        put16(UInt16(v & 0xffff), &out)
        put16(UInt16(v >> 16), &out)
    }
}

/// One file's raw deflate stream and its CRC-32, given its bytes a piece at a time: a part as
/// large as a 100,000-step sheet (190 MB of XML) need never be held whole. zlib's output does
/// not depend on how its input is cut into pieces.
package final class Deflater {
    /// zlib's stream, at an address of its own: zlib keeps a pointer back to it.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var window = [UInt8](repeating: 0, count: 1 << 16)
    private var finished = false
    /// The CRC-32 of the bytes given so far.
    package private(set) var crc: UInt32 = 0
    /// How many bytes were given.
    package private(set) var size = 0
    /// The deflated bytes so far.
    package private(set) var compressed: [UInt8] = []

    /// zlib's level.
    package let level: Int32
    /// How far back deflate looks for a match: its window, 32 KB.
    static let reach = 1 << 15

    /// - Parameter level: zlib's, 1 (fastest) to 9 (smallest).
    package init(level: Int32) {
        self.level = level
        stream.initialize(to: z_stream())
        // Fails only for a bad level or no memory; the level is ours.
        guard polku_deflate_init(stream, level) == Z_OK else { preconditionFailure("zlib could not start deflating") }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The next bytes of the file.
    package func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        count(bytes)
        deflate(bytes)
    }

    /// The next bytes' part of the checksum and size.
    private func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        crc = UInt32(crc32_z(UInt(crc), base, bytes.count))
        size += bytes.count
    }

    /// The next bytes deflated.
    private func deflate(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(!finished, "a finished file was given more bytes")
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var done = 0
        while done < bytes.count {
            // zlib takes at most 4 GiB a call.
            let chunk = min(bytes.count - done, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base + done)
            stream.pointee.avail_in = UInt32(chunk)
            done += chunk
            run(Z_NO_FLUSH)
        }
    }

    /// `bytes` deflated apart from the rest of their file, as one block of it: primed with
    /// the file's bytes before them (its last 32 KB), and ended on a byte boundary by an empty
    /// stored block (`Z_SYNC_FLUSH`), so that the next block's bytes can follow them. The
    /// deflater has the block's checksum and size.
    fileprivate static func block(_ bytes: UnsafeBufferPointer<UInt8>, after dictionary: [UInt8], level: Int32) -> Deflater {
        let deflater = Deflater(level: level)
        deflater.prime(dictionary)
        deflater.write(bytes)
        deflater.run(Z_SYNC_FLUSH)
        return deflater
    }

    /// The file's blocks deflated so far on other threads (`block`), in order, their
    /// checksums combined; what this deflater is given next follows them, primed with
    /// `dictionary`, the bytes before it.
    fileprivate func follow(_ blocks: [BackgroundDeflater.Block], dictionary: [UInt8]) {
        precondition(compressed.isEmpty && size == 0 && !finished, "blocks must come first")
        compressed.reserveCapacity(blocks.reduce(0) { $0 + $1.compressed.count } + (1 << 16))
        for block in blocks {
            compressed.append(contentsOf: block.compressed)
            crc = UInt32(crc32_combine(UInt(crc), UInt(block.crc), block.size))
            size += block.size
        }
        prime(dictionary)
    }

    /// Tells zlib the bytes that came before, to find matches in; before anything is deflated.
    private func prime(_ dictionary: [UInt8]) {
        guard !dictionary.isEmpty else { return }
        let status = dictionary.withUnsafeBufferPointer { deflateSetDictionary(stream, $0.baseAddress, UInt32($0.count)) }
        precondition(status == Z_OK, "zlib did not take the dictionary")
    }

    /// Ends the stream; what follows is only read.
    package func finish() {
        guard !finished else { return }
        finished = true
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        precondition(run(Z_FINISH) == Z_STREAM_END, "zlib did not finish deflating")
    }

    /// Deflates what the stream has been given, through the output window, until zlib has
    /// taken all of it (or, finishing, has written its last block).
    @discardableResult
    private func run(_ flush: Int32) -> Int32 {
        var status: Int32 = Z_OK
        repeat {
            let produced = window.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = UInt32(out.count)
                status = CZlib.deflate(stream, flush)
                return out.count - Int(stream.pointee.avail_out)
            }
            compressed.append(contentsOf: window[0..<produced])
        } while stream.pointee.avail_out == 0
        return status
    }
}

/// A `Deflater` fed from the thread that writes the file, deflating on other threads: each
/// piece given is deflated as a block of its own, as pigz does, primed with the 32 KB of the
/// file before it and ended on a byte boundary, so that the blocks joined in order are one
/// deflate stream. Blocks are deflated side by side (at most three pieces wait or are being
/// deflated, so memory stays a few pieces), each with its own CRC-32, and `finish` joins them
/// and their checksums.
///
/// The bytes depend on where the pieces are cut, which the writer decides from the file's
/// content alone: the same file gives the same bytes. A file given no piece before `finish`
/// is deflated whole, as `Deflater` alone would.
package final class BackgroundDeflater: @unchecked Sendable {
    private let deflater: Deflater
    private let queue = DispatchQueue(label: "polku.deflate", attributes: .concurrent)
    private let group = DispatchGroup()
    private let room = DispatchSemaphore(value: 3)
    /// Guards `blocks`, which the deflating threads fill in.
    private let lock = NSLock()
    private var blocks: [Block] = []
    /// The last 32 KB given (deflate looks back no further): the next block's dictionary.
    private var tail: [UInt8] = []

    package init(_ deflater: Deflater) { self.deflater = deflater }

    /// Deflates `piece` as the next block, then frees it; waits while three are in hand.
    package func give(_ piece: SheetPiece) {
        room.wait()
        let bytes = piece.bytes
        let dictionary = tail
        if bytes.count >= Deflater.reach {
            tail = Array(bytes[(bytes.count - Deflater.reach)...])
        } else {
            tail.append(contentsOf: bytes)
            if tail.count > Deflater.reach { tail.removeFirst(tail.count - Deflater.reach) }
        }
        let index = lock.withLock {
            blocks.append(Block())
            return blocks.count - 1
        }
        let given = Given(piece: piece)
        queue.async(group: group) {
            let block = Block(given.piece.bytes, after: dictionary, level: self.deflater.level)
            given.piece.base.deallocate()
            self.lock.withLock { self.blocks[index] = block }
            self.room.signal()
        }
    }

    /// A piece deflated on its own (`Deflater.block`), with its CRC-32 and size.
    fileprivate struct Block {
        var compressed: [UInt8] = []
        var crc: UInt32 = 0
        var size = 0

        init() {}

        init(_ bytes: UnsafeBufferPointer<UInt8>, after dictionary: [UInt8], level: Int32) {
            let deflated = Deflater.block(bytes, after: dictionary, level: level)
            compressed = deflated.compressed
            crc = deflated.crc
            size = deflated.size
        }
    }

    /// A piece on its way to a deflating thread, which alone uses it from then on.
    private struct Given: @unchecked Sendable {
        let piece: SheetPiece
    }

    /// Waits for every block, joins them, deflates `last` after them here, and hands the
    /// deflater back.
    package func finish(last: UnsafeBufferPointer<UInt8>) -> Deflater {
        group.wait()
        lock.withLock {
            if !blocks.isEmpty { deflater.follow(blocks, dictionary: tail) }
        }
        deflater.write(last)
        return deflater
    }
}
