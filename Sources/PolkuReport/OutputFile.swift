import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files whole or not at all: into a temporary file beside the target, then
/// renamed over it, so an interrupted run never leaves half a diagram behind.
public enum OutputFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(FileProblem) {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileProblem(path, "the folder `\(folder)` does not exist; create it first", writing: true)
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileProblem(path, "it is a folder; give a file name", writing: true)
        }
        let temporary = folder + "/." + url.lastPathComponent + ".polku-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw FileProblem(path, String(cString: strerror(errno)).lowercased(), writing: true) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileProblem(path, String(cString: strerror(failure)).lowercased(), writing: true)
        }
    }

    /// True when two paths name the same file (the same device and inode), so `-o` cannot
    /// overwrite the journey it was made from.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
