import Foundation
import PolkuIO
import Testing

/// A large journey file (tens of thousands of steps) is read whole.
@Suite struct LargeFileTests {
    /// A file of over 8 MB reads whole and unchanged, in however many reads it takes, its
    /// memory readied on two threads first (`FileReader.splitSize`).
    @Test func aLargeFileReadsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("large.polku").path
        let bytes = ((0..<((8 << 20) + 12_345))).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read = try FileReader.read(FilePath(path), instead: .journey(fileExtension: "polku"))
        #expect(read == bytes)
    }
}
