import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an output file so that whatever was there is treated as the user would expect:
///
/// - a new file, or a regular file, is written whole or not at all: into a temporary file
///   beside it, then renamed over it; an existing file keeps its permissions (and, for
///   root, its owner);
/// - a regular file with other hard links is rewritten in place once the new content is
///   safely on disk in the temporary file, so every name still shows the same file;
/// - a symbolic link is followed: its target is written, the link stays;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written
///   straight into, and a failure there (`/dev/full`) is reported;
/// - a folder, a socket or a block device is refused.
///
/// The temporary file has a short name of its own (`.polku-1a2b3c4d.tmp`), so any name the
/// system allows for the output works, and it is removed if the process is interrupted
/// (`ProcessSetup.prepare` installs the handlers).
package enum OutputFile {
    package static func write(_ bytes: [UInt8], to path: String) throws(IOProblem) {
        try write(to: path) { StandardStreams.writeAll(bytes, to: $0) }
    }

    /// `write(_:to:)` for content made as it is written (a checklist of 100,000 steps is
    /// handed on a megabyte at a time): `content` writes everything to the descriptor it is
    /// given and returns 0, or the `errno` of the write that failed. It is called once.
    package static func write(to path: String, _ content: (Int32) -> Int32) throws(IOProblem) {
        let shown = path
        let given = FilePath(path)
        var info = stat()
        if given.withCString({ stat($0, &info) }) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // Through any links to the file itself (realpath also resolves /proc's).
                guard let real = given.withCString({ realpath($0, nil) }) else {
                    throw IOProblem(shown, .system(errno), kind: .writing)
                }
                let target = FilePath(String(cString: real))
                free(real)
                if info.st_nlink > 1 { return try rewriteInPlace(target, with: content, shown: shown) }
                return try replace(target, with: content, existing: info, shown: shown)
            case S_IFCHR, S_IFIFO:
                return try writeStraight(given, content, shown: shown)
            case S_IFDIR:
                throw IOProblem(shown, .folder(instead: .fileName), kind: .writing)
            default:
                throw IOProblem(shown, .socketOrDevice, kind: .writing)
            }
        }
        guard errno == ENOENT else { throw IOProblem(shown, .system(errno), kind: .writing) }
        // A new file; a dangling symbolic link makes its target.
        var target = given
        for _ in 0..<40 {
            guard target.withCString({ lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = target.withCString { readlink($0, &buffer, buffer.count - 1) }
            guard n > 0 else { throw IOProblem(shown, .system(errno), kind: .writing) }
            let link = buffer[..<n].map { UInt8(bitPattern: $0) }
            target = link.first == UInt8(ascii: "/") ? FilePath(bytes: link) : target.folder.appending(link)
        }
        try replace(target, with: content, existing: nil, shown: shown)
    }

    /// Creates the folders `path` goes into (as `mkdir -p`), if they are not there.
    package static func makeFolders(for path: String) throws(IOProblem) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IOProblem(path, .cannotCreateFolder(folder), kind: .writing)
        }
    }

    /// A new temporary file beside `target`, written and synced; its path and descriptor.
    private static func temporary(beside target: FilePath, _ content: (Int32) -> Int32, mode: mode_t, shown: String) throws(IOProblem) -> FilePath {
        let folder = target.folder
        guard FileReader.isFolder(folder) else {
            throw IOProblem(shown, .noSuchFolder(folder.description), kind: .writing)
        }
        var fd: Int32 = -1
        var temporary = folder
        for _ in 0..<16 {
            let name = ".polku-" + String(UInt32.random(in: 0...UInt32.max), radix: 16) + ".tmp"
            temporary = folder.appending(Array(name.utf8))
            fd = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw IOProblem(shown, .system(errno), kind: .writing) }
        TemporaryFiles.register(temporary)
        TemporaryFiles.pauseForTests()
        var failure = content(fd)
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            remove(temporary)
            throw IOProblem(shown, .system(failure), kind: .writing)
        }
        return temporary
    }

    /// Writes a temporary file and renames it over the target, with the old file's mode.
    private static func replace(_ target: FilePath, with content: (Int32) -> Int32, existing: stat?, shown: String) throws(IOProblem) {
        let temporary = try temporary(beside: target, content, mode: 0o666, shown: shown)
        if let existing {
            // The permissions the user gave the file, not the umask's; root keeps the owner.
            _ = temporary.withCString { chmod($0, existing.st_mode & 0o7777) }
            if getuid() == 0 { _ = temporary.withCString { chown($0, existing.st_uid, existing.st_gid) } }
        }
        let renamed = temporary.withCString { from in target.withCString { to in rename(from, to) } }
        if renamed != 0 {
            let failure = errno
            remove(temporary)
            throw IOProblem(shown, .system(failure), kind: .writing)
        }
        TemporaryFiles.unregister(temporary)
    }

    /// For a file with several hard links: the new content goes to a temporary file first
    /// (so a full disk is found before the file is touched), then is copied into the file.
    private static func rewriteInPlace(_ target: FilePath, with content: (Int32) -> Int32, shown: String) throws(IOProblem) {
        let temporary = try temporary(beside: target, content, mode: 0o600, shown: shown)
        defer { remove(temporary) }
        let source = temporary.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard source >= 0 else { throw IOProblem(shown, .system(errno), kind: .writing) }
        defer { close(source) }
        let fd = target.withCString { open($0, O_WRONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw IOProblem(shown, .system(errno), kind: .writing) }
        var failure: Int32 = 0
        var length = 0
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while failure == 0 {
            let n = piece.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if n < 0 { if errno != EINTR { failure = errno }; continue }
            if n == 0 { break }
            failure = StandardStreams.writeAll(Array(piece[..<n]), to: fd)
            length += n
        }
        if failure == 0 && ftruncate(fd, off_t(length)) != 0 { failure = errno }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw IOProblem(shown, .system(failure), kind: .writing) }
    }

    /// A device or a named pipe: written as it is, with every failure reported.
    private static func writeStraight(_ target: FilePath, _ content: (Int32) -> Int32, shown: String) throws(IOProblem) {
        let fd = target.withCString { open($0, O_WRONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw IOProblem(shown, .system(errno), kind: .writing) }
        var failure = content(fd)
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw IOProblem(shown, .system(failure), kind: .writing) }
    }

    private static func remove(_ temporary: FilePath) {
        _ = temporary.withCString { unlink($0) }
        TemporaryFiles.unregister(temporary)
    }
}

/// The temporary file being written, so an interrupted process (Ctrl-C, SIGTERM) removes it
/// instead of leaving `.polku-….tmp` behind. One at a time: outputs are written one by one.
enum TemporaryFiles {
    /// The path as a C string the signal handler can read without allocating.
    nonisolated(unsafe) static let pending = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    nonisolated(unsafe) static var active = false

    static func register(_ path: FilePath) {
        guard path.bytes.count < Int(PATH_MAX) else { return }
        active = false
        for (i, b) in path.bytes.enumerated() { pending[i] = CChar(bitPattern: b) }
        pending[path.bytes.count] = 0
        active = true
    }

    static func unregister(_ path: FilePath) { active = false }

    /// `POLKU_TEST_PAUSE_MS`: waits that long while the temporary file exists, so a test can
    /// interrupt the process at that moment. Not for use outside the tests.
    static func pauseForTests() {
        if let text = StandardStreams.environment("POLKU_TEST_PAUSE_MS"), let ms = UInt32(text) {
            usleep(ms * 1000)
        }
    }

    /// Called from a signal handler: only async-signal-safe calls.
    static func removeOnSignal() {
        if active { unlink(pending) }
    }
}
