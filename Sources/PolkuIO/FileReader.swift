import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files and standard input, as bytes.
package enum FileReader {
    /// Reads a whole file. A folder is refused with a reason that says what to give instead.
    package static func read(_ path: String, folderAdvice: String) throws(IOProblem) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOProblem(path, SystemError.describe(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw IOProblem(path, "it is a folder; \(folderAdvice)")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IOProblem(path, SystemError.describe(errno)) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOProblem(path, SystemError.describe(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Everything on standard input.
    package static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    /// True when the path names a folder (following symbolic links).
    package static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when two paths name the same file (the same device and inode), so an output
    /// cannot overwrite the journey it was made from.
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}

/// The system's words for an error number, in lower case to finish a sentence.
package enum SystemError {
    package static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
