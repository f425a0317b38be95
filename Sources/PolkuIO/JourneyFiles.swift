import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds journey files: a file stays as it is, a folder becomes every file with the
/// journey extension in it and below it, sorted, so runs are repeatable.
///
/// Names are bytes: a file whose name is not UTF-8 is found and checked like any other. A
/// folder that cannot be read is a problem, never skipped in silence. Symbolic links to
/// folders are followed once (a link back up the tree is not followed again).
package enum JourneyFiles {
    /// - Parameter fileExtension: without the dot (`polku`).
    package static func expand(_ paths: [String], fileExtension: String) -> (files: [FilePath], problems: [IOProblem]) {
        var files: [FilePath] = []
        var problems: [IOProblem] = []
        let suffix = Array(("." + fileExtension).utf8)
        for path in paths {
            if path == "-" {
                files.append(FilePath(path))
                continue
            }
            let root = FilePath(path)
            var info = stat()
            guard root.withCString({ stat($0, &info) }) == 0 else {
                problems.append(IOProblem(path, errno == ENOENT ? .noSuchFileOrFolder : .system(errno)))
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                files.append(root)
                continue
            }
            var found: [FilePath] = []
            let problemsBefore = problems.count
            var visited: Set<[UInt64]> = [[UInt64(info.st_dev), UInt64(info.st_ino)]]
            walk(root, suffix: suffix, into: &found, problems: &problems, visited: &visited)
            if found.isEmpty && problems.count == problemsBefore {
                problems.append(IOProblem(path, .noJourneyFiles(fileExtension: fileExtension)))
            }
            files.append(contentsOf: found.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) })
        }
        return (files, problems)
    }

    private static func walk(_ folder: FilePath, suffix: [UInt8], into found: inout [FilePath],
                             problems: inout [IOProblem], visited: inout Set<[UInt64]>) {
        guard let dir = folder.withCString({ opendir($0) }) else {
            problems.append(IOProblem(folder.description, .folderUnreadable(errno)))
            return
        }
        defer { closedir(dir) }
        var entries: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append(name)
        }
        for name in entries {
            let path = folder.appending(name)
            var info = stat()
            let isJourney = name.count > suffix.count && name.suffix(suffix.count).elementsEqual(suffix)
            guard path.withCString({ stat($0, &info) }) == 0 else {
                // A dangling link named like a journey is a journey that cannot be read.
                if isJourney { found.append(path) }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted {
                    walk(path, suffix: suffix, into: &found, problems: &problems, visited: &visited)
                }
            } else if isJourney {
                found.append(path)
            }
        }
    }

    /// The nearest file called `name` in the folder of `file` or a folder above it, up to
    /// the top of the repository the file is in (a folder with `.git`) or the user's home
    /// folder, whichever comes first, and never beyond: a `polku.toml` in `/tmp` or `/`
    /// left by someone else does not change anyone's results.
    package static func nearest(_ name: String, above file: FilePath, home: String? = StandardStreams.environment("HOME")) -> FilePath? {
        let absolute: FilePath
        if file.bytes.first == UInt8(ascii: "/") {
            absolute = file
        } else {
            absolute = FilePath(FileManager.default.currentDirectoryPath).appending(file.bytes)
        }
        var dir = normalized(absolute.folder)
        let homeFolder = home.map { normalized(FilePath($0)) }
        while true {
            let candidate = dir.appending(Array(name.utf8))
            var info = stat()
            if candidate.withCString({ stat($0, &info) }) == 0 && (info.st_mode & S_IFMT) == S_IFREG { return candidate }
            if dir == homeFolder || FileReader.exists(dir.appending(Array(".git".utf8))) { return nil }
            let parent = dir.folder
            if parent == dir { return nil }
            dir = parent
        }
    }

    /// A path without `.` components, `..` taken back, and repeated slashes.
    private static func normalized(_ path: FilePath) -> FilePath {
        var parts: [[UInt8]] = []
        for part in path.bytes.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual([0x2E]) { continue }
            if part.elementsEqual([0x2E, 0x2E]) {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(Array(part))
        }
        return FilePath(bytes: [UInt8(ascii: "/")] + Array(parts.joined(separator: [UInt8(ascii: "/")])))
    }
}
