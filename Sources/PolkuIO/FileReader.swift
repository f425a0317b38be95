import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PolkuLanes
import CPolkuMemory

/// Reads whole journey and configuration files, and standard input, as bytes.
///
/// Only regular files are read: a device (`/dev/zero` never ends), a pipe (a FIFO named
/// `x.polku` in a folder would wait forever) or a socket is refused before a byte is read.
/// Nothing larger than `sizeLimit` is read: a real journey is a few kilobytes, the largest
/// benchmark journey (100,000 steps) 26 MB.
package enum FileReader {
    /// The largest file Polku reads: 100 MB.
    package static let sizeLimit = 100_000_000

    /// Reads a whole regular file. A folder is refused with a reason that says what to give
    /// instead.
    package static func read(_ path: FilePath, instead: IOProblem.Instead) throws(IOProblem) -> [UInt8] {
        let fd = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw IOProblem(path.description, .system(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOProblem(path.description, .system(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw IOProblem(path.description, .folder(instead: instead))
        default:
            throw IOProblem(path.description, .notRegularFile)
        }
        if Int(info.st_size) > sizeLimit { throw tooLarge(path.description) }
        // Back to blocking reads: the file is regular, so reads end.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try readAll(fd, name: path.description, expected: Int(info.st_size), regular: true)
    }

    /// Everything on standard input, up to the size limit.
    package static func readStandardInput() throws(IOProblem) -> [UInt8] {
        try readAll(0, name: "<stdin>", expected: 1 << 16)
    }

    private static func readAll(_ fd: Int32, name: String, expected: Int,
                                regular: Bool = false) throws(IOProblem) -> [UInt8] {
        // Straight into the array, as much as the file's size says (one byte more, to see
        // the end); only a file that grew since, or standard input, goes on in chunks.
        let capacity = min(expected, sizeLimit) + 1
        // A large regular file is copied out of a mapping of it rather than read: `read`
        // took 11–16 ms for a file of 26 MB here, mapping and copying 5–6.
        let mapping = regular && expected >= mapSize ? Mapping(fd, bytes: expected) : nil
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            let destination = UnsafeMutableRawBufferPointer(buffer)
            if let mapping, fill(destination, from: mapping) {
                // Where `read` goes on, to see whether the file grew.
                count = mapping.count
                if lseek(fd, off_t(count), SEEK_SET) < 0 { failure = errno; return }
            } else {
                prefault(destination, from: nil)
            }
            while count < capacity {
                let n = Glibc.read(fd, buffer.baseAddress! + count, capacity - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        mapping?.close()
        if failure != 0 { throw IOProblem(name, .system(failure)) }
        if bytes.count < capacity { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOProblem(name, .system(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > sizeLimit { throw tooLarge(name) }
        }
        return bytes
    }

    /// A file's bytes mapped into memory, read-only (they are the system's cache of the
    /// file: nothing is copied to map them). Its pages are asked for by whoever copies them
    /// (`prefault`), a half on each of two threads for a large file: asked for at once when
    /// mapped, they took the first thread 5–10 ms at 26 MB before the second could start.
    private struct Mapping {
        let base: UnsafeRawPointer
        let count: Int

        init?(_ fd: Int32, bytes: Int) {
            guard bytes > 0, let start = mmap(nil, bytes, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else { return nil }
            (base, count) = (UnsafeRawPointer(start), bytes)
        }

        func close() { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// Copies the mapped file into the start of `buffer`; false when the file was cut short
    /// meanwhile (the caller then reads it from the start).
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from mapping: Mapping) -> Bool {
        prefault(buffer, from: mapping) == 0
    }

    /// Asks the kernel for the pages of a large buffer in one call, before they are filled
    /// (from `mapping` when one is given, else by the caller's `read`): page by page, each
    /// first write is a fault, which on a virtual machine costs more than the copy. The hint
    /// does nothing on an older kernel that does not know it. Returns the number of halves
    /// whose copy failed.
    ///
    /// Even in one call, each page costs about 2 µs (14 ms for a file of 26 MB, before
    /// anything else can start), so from `splitSize` on a second thread readies the second
    /// half (and copies it) meanwhile.
    @discardableResult
    private static func prefault(_ buffer: UnsafeMutableRawBufferPointer, from mapping: Mapping?) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let length = mapping?.count ?? buffer.count
        // Addresses as numbers: the thread's work must be `Sendable`.
        let target = Int(bitPattern: base)
        let source = mapping.map { Int(bitPattern: $0.base) }
        @Sendable func ready(_ start: Int, _ count: Int) -> Int {
            let pointer = UnsafeMutableRawPointer(bitPattern: target + start)!
            let populate = Pages.populates && count >= 1 << 20
            guard let source, let from = UnsafeRawPointer(bitPattern: source + start) else {
                if populate { Pages.populate(pointer, bytes: count) }
                return 0
            }
            // A piece at a time: its pages readied, then the file's pages for it mapped in one
            // call (they are in the system's cache: copied page by page, each page would be a
            // fault of its own), then copied while the cleared pages are still in the cache.
            // Readied all at once, the half held the memory map's lock for several
            // milliseconds, and the other thread, starting, waited for it.
            var done = 0
            while done < count {
                let n = min(Self.readyPiece, count - done)
                if populate { Pages.populate(pointer + done, bytes: n) }
                Pages.populate(from + done, bytes: n, reading: true)
                if polku_copy_mapped(pointer + done, from + done, n) != 0 { return 1 }
                done += n
            }
            return 0
        }
        guard length >= splitSize else { return ready(0, length) }
        let half = length / 2
        let (first, second) = OwnThread.sideBySide({ ready(0, half) }, { ready(half, length - half) })
        return first + second
    }

    /// How much of a half `prefault` readies and copies at a time (2 MiB).
    private static let readyPiece = 2 << 20
    /// From this size on (8 MiB), `prefault` readies a buffer on two threads.
    private static let splitSize = 8 << 20
    /// From this size on (1 MiB), a regular file is copied out of a mapping rather than read.
    private static let mapSize = 1 << 20

    private static func tooLarge(_ name: String) -> IOProblem {
        IOProblem(name, .tooLarge(megabytes: sizeLimit / 1_000_000))
    }

    /// True when the path names a folder (following symbolic links).
    package static func isFolder(_ path: FilePath) -> Bool {
        var info = stat()
        return path.withCString { stat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when the path names anything at all, a dangling symbolic link included.
    package static func anythingAt(_ path: FilePath) -> Bool {
        var info = stat()
        return path.withCString { lstat($0, &info) } == 0
    }

    /// True when the path names something (following symbolic links).
    package static func exists(_ path: FilePath) -> Bool {
        var info = stat()
        return path.withCString { stat($0, &info) } == 0
    }

    /// True when two paths name the same file (the same device and inode), so an output
    /// cannot overwrite the journey it was made from.
    package static func sameFile(_ a: FilePath, _ b: FilePath) -> Bool {
        var x = stat(), y = stat()
        guard a.withCString({ stat($0, &x) }) == 0, b.withCString({ stat($0, &y) }) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}

/// The system's words for an error number, in lower case to finish a sentence.
package enum SystemError {
    package static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
