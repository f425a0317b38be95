import CZlib

/// A ZIP archive made in memory, as an `.xlsx` workbook needs it: files deflated by zlib,
/// each with its CRC-32, one fixed date, names in UTF-8, no ZIP64 (a part over 4 GiB is
/// refused, never written wrong).
///
/// Each file is deflated straight from the caller's bytes into the archive in one pass of
/// zlib (no copies of the input, no chunks of it made), and its checksum is zlib's CRC-32.
package struct ZIPArchive {
    /// The archive so far: local headers and data; `finish()` adds the central directory.
    package private(set) var bytes: [UInt8] = []
    /// The central directory's entries, written at the end.
    private var central: [UInt8] = []
    private var entries = 0
    /// zlib's compression level, 1 (fastest) to 9 (smallest).
    let level: Int32

    /// A file or the archive would pass 4 GiB, which a ZIP without ZIP64 cannot say.
    package struct TooLarge: Error {}

    package init(level: Int32, capacity: Int = 0) {
        self.level = level
        bytes.reserveCapacity(capacity)
    }

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
        let name = Array(path.utf8)
        let offset = bytes.count
        let crc = data.withUnsafeBufferPointer { UInt32(crc32_z(0, $0.baseAddress, $0.count)) }
        // The local header, its sizes filled in once the data is deflated.
        put32(0x0403_4b50)
        put16(Self.needed)
        put16(Self.flags)
        put16(Self.method)
        put16(Self.time)
        put16(Self.date)
        put32(crc)
        let sizes = bytes.count
        put32(0)
        put32(0)
        put16(UInt16(name.count))
        put16(0)
        bytes.append(contentsOf: name)
        let start = bytes.count
        deflate(data)
        let compressed = bytes.count - start
        guard data.count <= UInt32.max, compressed <= UInt32.max, offset <= UInt32.max else { throw TooLarge() }
        set32(UInt32(compressed), at: sizes)
        set32(UInt32(data.count), at: sizes + 4)

        func c16(_ v: UInt16) { central.append(UInt8(v & 0xff)); central.append(UInt8(v >> 8)) }
        func c32(_ v: UInt32) { c16(UInt16(v & 0xffff)); c16(UInt16(v >> 16)) }
        c32(0x0201_4b50)
        c16(Self.madeBy)
        c16(Self.needed)
        c16(Self.flags)
        c16(Self.method)
        c16(Self.time)
        c16(Self.date)
        c32(crc)
        c32(UInt32(compressed))
        c32(UInt32(data.count))
        c16(UInt16(name.count))
        c16(0)  // extra field
        c16(0)  // comment
        c16(0)  // disk
        c16(0)  // internal attributes
        c32(Self.attributes)
        c32(UInt32(offset))
        central.append(contentsOf: name)
        entries += 1
    }

    /// The whole archive: what was added, its central directory and the directory's end.
    package mutating func finish() throws(TooLarge) -> [UInt8] {
        let offset = bytes.count
        guard offset <= UInt32.max, entries <= UInt16.max else { throw TooLarge() }
        bytes.append(contentsOf: central)
        put32(0x0605_4b50)
        put16(0)  // this disk
        put16(0)  // the disk the directory starts on
        put16(UInt16(entries))
        put16(UInt16(entries))
        put32(UInt32(central.count))
        put32(UInt32(offset))
        put16(0)  // comment
        return bytes
    }

    private mutating func put16(_ v: UInt16) {
        bytes.append(UInt8(v & 0xff))
        bytes.append(UInt8(v >> 8))
    }

    private mutating func put32(_ v: UInt32) {
        put16(UInt16(v & 0xffff))
        put16(UInt16(v >> 16))
    }

    private mutating func set32(_ v: UInt32, at i: Int) {
        bytes[i] = UInt8(v & 0xff)
        bytes[i + 1] = UInt8((v >> 8) & 0xff)
        bytes[i + 2] = UInt8((v >> 16) & 0xff)
        bytes[i + 3] = UInt8(v >> 24)
    }

    /// Raw deflate of `data` onto the end of `bytes`, through a fixed output window.
    private mutating func deflate(_ data: [UInt8]) {
        var stream = z_stream()
        // Fails only for a bad level or no memory; the level is ours.
        guard polku_deflate_init(&stream, level) == Z_OK else { preconditionFailure("zlib could not start deflating") }
        defer { deflateEnd(&stream) }
        let window = 1 << 16
        var out = [UInt8](repeating: 0, count: window)
        data.withUnsafeBufferPointer { input in
            var rest = input.count
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            var status: Int32 = Z_OK
            repeat {
                // zlib takes at most 4 GiB a call.
                let chunk = min(rest, Int(UInt32.max))
                stream.avail_in = UInt32(chunk)
                rest -= chunk
                let flush = rest == 0 ? Z_FINISH : Z_NO_FLUSH
                repeat {
                    out.withUnsafeMutableBufferPointer { window in
                        stream.next_out = window.baseAddress
                        stream.avail_out = UInt32(window.count)
                        status = CZlib.deflate(&stream, flush)
                    }
                    bytes.append(contentsOf: out[0..<(window - Int(stream.avail_out))])
                } while stream.avail_out == 0
            } while rest > 0
            precondition(status == Z_STREAM_END, "zlib did not finish deflating (\(status))")
        }
    }
}
