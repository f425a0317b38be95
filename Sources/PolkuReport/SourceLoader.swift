import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PolkuSyntax

/// A problem reading or writing a file: not the journey's fault, so exit code 2.
public struct FileProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var writing: Bool
    public init(_ path: String, _ reason: String, writing: Bool = false) {
        self.path = path
        self.reason = reason
        self.writing = writing
    }
    public var description: String { "cannot \(writing ? "write" : "read") `\(path)`: \(reason)" }
}

/// Finds journey files and reads them.
public enum SourceLoader {
    public static let fileExtension = "polku"

    /// Expands the paths the user gave: a file stays as it is, a folder becomes every
    /// `*.polku` below it, sorted, so runs are repeatable.
    public static func expand(_ paths: [String]) -> (files: [String], problems: [FileProblem]) {
        var files: [String] = []
        var problems: [FileProblem] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(FileProblem(path, "there is no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix("." + fileExtension) {
                        let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                        var isDir: ObjCBool = false
                        if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
                    }
                }
            }
            if found.isEmpty {
                problems.append(FileProblem(path, "this folder has no journey files (*.\(fileExtension)) in it"))
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, problems)
    }

    /// Reads a whole file. Standard input when the path is `-`.
    public static func read(_ path: String) throws(FileProblem) -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(name: "<stdin>", bytes: [UInt8](data))
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileProblem(path, String(cString: strerror(errno)).lowercased()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileProblem(path, "it is a folder; give a journey file, or the folder to check every *.\(fileExtension) in it")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileProblem(path, String(cString: strerror(errno)).lowercased()) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileProblem(path, String(cString: strerror(errno)).lowercased())
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return SourceFile(name: path, bytes: bytes)
    }
}
