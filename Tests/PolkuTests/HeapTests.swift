import Foundation
import PolkuIO
import Testing
import XCTest

/// The heap readied for a large journey (`Heap`): backed by huge pages where the kernel
/// offers them, and a large file still reads whole.
@Suite struct HeapTests {
    /// A file over `Heap.largeFile` reads whole and unchanged after the heap is readied.
    @Test func aLargeFileReadsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-heap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("large.polku").path
        let bytes = (0..<(Heap.largeFile + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read = try FileReader.read(FilePath(path), instead: .journey(fileExtension: "polku"))
        #expect(read == bytes)
    }
}

/// XCTest runs its tests on the main thread, as `polku` reads its input: the heap that
/// `Heap` readies is the main thread's.
final class MainThreadHeapTests: XCTestCase {
    /// From another thread, readying the heap says it cannot and is not spent. From the main
    /// thread on Linux with transparent huge pages, it marks a region of the heap for huge
    /// pages (`hg` in `/proc/self/smaps`) at least as large as asked for, and a second call
    /// says it is ready too. On a system without them, or under a sanitizer's allocator, it
    /// says it cannot.
    func testTheHeapIsMarkedForHugePages() throws {
        XCTAssertTrue(Thread.isMainThread)
        final class Answer: @unchecked Sendable { var outcome: Heap.Outcome? }
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        Thread {
            answer.outcome = Heap.prepare(about: 64 << 20)
            done.signal()
        }.start()
        done.wait()
        XCTAssertEqual(answer.outcome, .unavailable)
        let outcome = Heap.prepare(about: 64 << 20)
        XCTAssertEqual(Heap.prepare(about: 64 << 20), outcome)
        #if os(Linux)
        // Under AddressSanitizer or ThreadSanitizer, memory comes from the sanitizer's own
        // allocator, not from glibc's heap, and there is nothing to ready.
        let sanitized = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil
        let offered = FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") && !sanitized
        XCTAssertEqual(outcome, offered ? .ready : .unavailable)
        guard offered else { return }
        // Each mapping: a header line ("start-end perms ..."), then fields, VmFlags last.
        // Read to its end: the file says it has no size, and a read by its size gets a part.
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var largest = 0
        var size = 0
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let start = Int(line[..<dash], radix: 16),
               let end = Int(line[line.index(after: dash)..<space], radix: 16) {
                size = end - start
            } else if line.hasPrefix("VmFlags:"), line.split(separator: " ").contains("hg") {
                largest = max(largest, size)
            }
        }
        XCTAssertGreaterThanOrEqual(largest, 32 << 20, "largest region marked for huge pages")
        #else
        XCTAssertEqual(outcome, .unavailable)
        #endif
    }
}
