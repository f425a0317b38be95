import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files whole or not at all: into a temporary file beside the target, then
/// renamed over it, so an interrupted run never leaves half a diagram behind.
package enum AtomicFile {
    package static func write(_ bytes: [UInt8], to path: String) throws(IOProblem) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOProblem(path, "the folder `\(folder)` does not exist; create it first", kind: .writing)
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw IOProblem(path, "it is a folder; give a file name", kind: .writing)
        }
        let temporary = folder + "/." + url.lastPathComponent + ".polku-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw IOProblem(path, SystemError.describe(errno), kind: .writing) }
        var failure = StandardStreams.writeAll(bytes, to: fd)
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw IOProblem(path, SystemError.describe(failure), kind: .writing)
        }
    }
}
