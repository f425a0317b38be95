import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output and standard error, the terminal, the environment and the process: the
/// command line's contact with the system, so no other target calls the C library.
package enum StandardStreams {
    package enum Stream: Sendable {
        case output, error
        var descriptor: Int32 { self == .output ? 1 : 2 }
    }

    /// Writes all of `bytes` to a stream. Returns 0, or the error number of a failed write.
    @discardableResult
    package static func write(_ bytes: [UInt8], to stream: Stream) -> Int32 {
        writeAll(bytes, to: stream.descriptor)
    }

    /// Writes all of `bytes` to a file descriptor, retrying after interrupts and short
    /// writes. Returns 0, or the error number of the write that failed.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
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
        return failure
    }

    /// True when the stream is a terminal.
    package static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream.descriptor) == 1
    }

    /// An environment variable, or nil.
    package static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    /// A write past a file-size limit should be an error Polku reports, not a signal that
    /// kills it: with SIGXFSZ ignored, write() fails with EFBIG and the output is not left
    /// half-written.
    package static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Ends the process with a status.
    package static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }
}
