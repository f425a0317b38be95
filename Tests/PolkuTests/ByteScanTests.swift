import CPolkuMemory
import Foundation
import PolkuIO
import PolkuSyntax
import Testing

/// The one pass over a file's bytes that finds its lines (sixteen bytes at a time, in two
/// halves on two threads from 8 MiB on) and notes its first NUL and first byte that is not
/// ASCII, against a byte-by-byte reading; and a file copied out of a mapping.
@Suite struct ByteScanTests {
    /// What the scan should find, byte by byte.
    private static func expected(_ bytes: [UInt8]) -> (starts: [Int], nul: Int?, high: Int?) {
        var starts = [0]
        for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            starts.append(i + 1)
        }
        return (starts, bytes.firstIndex(of: 0), bytes.firstIndex { $0 >= 0x80 })
    }

    private static func check(_ bytes: [UInt8], _ comment: Comment) {
        let source = SourceFile(name: "t", bytes: bytes)
        let (starts, nul, high) = expected(bytes)
        #expect(Array(source.lineStarts) == starts, comment)
        #expect(source.firstNUL == nul, comment)
        #expect(source.firstNonASCII == high, comment)
    }

    /// Files without carriage returns and with them, of every length around the 32 bytes a
    /// round reads, with lines shorter than the room guessed for them (one a byte), NULs and
    /// Finnish letters anywhere, and a CRLF across two rounds.
    @Test func smallFilesScanAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x0A], [0x0A], [0x61], [0x20], [0xC3, 0xA4], [0x00], [0x0D, 0x0A], [0x0D]]
        for round in 0..<600 {
            let length = round < 100 ? round : Int.random(in: 0...400, using: &generator)
            let withReturns = round % 3 == 0
            var bytes: [UInt8] = []
            while bytes.count < length {
                let choice = Int.random(in: 0..<(withReturns ? pieces.count : pieces.count - 2), using: &generator)
                bytes += Int.random(in: 0..<10, using: &generator) < 6 ? [0x61] : pieces[choice]
            }
            Self.check(bytes, "\(bytes)")
        }
        Self.check([UInt8](repeating: 0x0A, count: 5_000), "a line feed a byte")
        Self.check([UInt8](repeating: 0x0A, count: 4_999) + [0xC3, 0xA4, 0x00, 0x0D], "then the rare bytes")
        let across = [UInt8](repeating: 0x61, count: 31) + [0x0D, 0x0A] + [UInt8](repeating: 0x61, count: 40)
        Self.check(across, "a CRLF across two rounds")
        Self.check(Array(across.dropLast(41)), "a CR at the end of a round and of the file")
    }

    /// A file of 8 MiB or more is scanned in two halves: line starts joined in order, the
    /// first rare bytes from the first half that has one, carriage returns in either half,
    /// a CRLF split between the halves (one line end, where the LF is), and more lines in
    /// either half than the room first made for them.
    @Test func largeFilesScanInTwoHalvesAsByteByByte() {
        let line = Array("    need: a book about topic 583 for a course\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity((9 << 20) + line.count)
        while bytes.count < 9 << 20 { bytes += line }
        Self.check(bytes, "ASCII lines")
        let last = bytes.count - 100
        var late = bytes
        late[last] = 0
        late[last - 7] = 0xC3
        late[last - 6] = 0xA4
        Self.check(late, "a NUL and ä late in the second half")
        late[10] = 0xE2
        late[11] = 0x9A
        late[12] = 0xA0
        Self.check(late, "⚠ early in the first half as well")
        var returns = bytes
        returns[last + 3] = 0x0D
        Self.check(returns, "a carriage return in the second half")
        returns[40] = 0x0D
        Self.check(returns, "and in the first")
        var split = bytes
        let half = split.count / 2
        (split[half - 1], split[half]) = (0x0D, 0x0A)
        Self.check(split, "a CRLF across the halves")
        split[half] = 0x61
        Self.check(split, "a CR alone at the end of the first half")
        // Lines shorter than the room the first half's array is given (for the whole file, a
        // third more than one line in 32 bytes): it grows while the first half is scanned,
        // or to take the second half's line starts.
        var denseFirst = bytes
        for i in stride(from: 0, to: half, by: 2) { denseFirst[i] = 0x0A }
        Self.check(denseFirst, "a line every two bytes in the first half")
        var denseSecond = bytes
        for i in stride(from: half, to: denseSecond.count, by: 2) { denseSecond[i] = 0x0A }
        Self.check(denseSecond, "a line every two bytes in the second half")
    }

    /// A file between 1 and 8 MiB is copied out of a mapping on one thread (over 8 MiB,
    /// `LargeFileTests` covers two) and read whole.
    @Test func aMappedFileReadsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mapped.polku").path
        let bytes = (0..<((3 << 19) + 77)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try FileReader.read(FilePath(path), instead: .journey(fileExtension: "polku")) == bytes)
    }

    /// A file cut short while it is mapped: the copy says so instead of the process ending
    /// on SIGBUS (the reader then reads the file from the start), and copies after it work.
    @Test func aCopyFromAFileCutShortFailsWithoutACrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cut.polku").path
        let size = 64 << 10
        try Data(repeating: 0x61, count: size).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        let mapped = try #require(mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0))
        #expect(mapped != MAP_FAILED)
        defer { munmap(mapped, size) }
        var copy = [UInt8](repeating: 0, count: size)
        #expect(copy.withUnsafeMutableBytes { polku_copy_mapped($0.baseAddress!, mapped, size) } == 0)
        #expect(copy == [UInt8](repeating: 0x61, count: size))
        #expect(ftruncate(fd, 4096) == 0)
        #expect(copy.withUnsafeMutableBytes { polku_copy_mapped($0.baseAddress!, mapped, size) } == -1)
        #expect(copy.withUnsafeMutableBytes { polku_copy_mapped($0.baseAddress!, mapped, 4096) } == 0)
    }
}
