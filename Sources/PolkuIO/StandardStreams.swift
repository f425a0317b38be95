import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if os(Linux)
import CPolkuMemory
#endif

/// Standard output and standard error, the terminal, the environment and the process: the
/// command line's contact with the system, so no other target calls the C library.
package enum StandardStreams {
    package enum Stream: Sendable {
        case output, error
        var descriptor: Int32 { self == .output ? 1 : 2 }
    }

    /// Streams that were closed when the process started (`polku check x >&-`). Their
    /// descriptors hold /dev/null so that no file Polku opens takes their place, and writing
    /// to them is reported as the failure it is.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Writes all of `bytes` to a stream. Returns 0, or the error number of a failed write
    /// (`EPIPE` when the reader has gone, as `| head` does).
    @discardableResult
    package static func write(_ bytes: [UInt8], to stream: Stream) -> Int32 {
        if closedAtStart.contains(stream.descriptor) { return EBADF }
        return writeAll(bytes, to: stream.descriptor)
    }

    /// Writes all of `bytes` to a file descriptor, retrying after interrupts and short
    /// writes. Returns 0, or the error number of the write that failed.
    package static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
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

    /// The system's words for a failed write, to finish "cannot write to standard output: ".
    package static func describe(_ failure: Int32) -> String {
        failure == EBADF ? "it is closed" : SystemError.describe(failure)
    }

    /// True when the failure means the reader has gone (a closed pipe): nothing to report.
    package static func readerHasGone(_ failure: Int32) -> Bool { failure == EPIPE }

    /// True when the stream is a terminal.
    package static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream.descriptor) == 1
    }

    /// An environment variable, or nil.
    package static func environment(_ name: String) -> String? {
        // One variable, without Foundation making a dictionary of the whole environment.
        guard let value = getenv(name) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: value, count: strlen(value)), as: UTF8.self)
    }

    /// Ends the process with a status.
    package static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }

    /// The size from which a block of memory is mapped on its own, and given back to the
    /// system as soon as it is freed. The C library's own threshold rises with each large
    /// block freed, up to 32 MB: the arrays a large journey frees while it is checked
    /// (parsed attributes, findings once they are diagnostics) then stay in the heap as
    /// holes that larger arrays cannot use. At 100,000 steps, `check` peaked at 83.5 MiB
    /// rather than 81, and an `.xlsx` checklist at 233 MiB rather than 210.
    static let largeBlocks = 1 << 20

    /// Prepares the process for the command line, once, before anything is read or written:
    ///
    /// - a write past a file-size limit (SIGXFSZ) or to a closed pipe (SIGPIPE) fails with an
    ///   error Polku reports (or, for a pipe, ends quietly) instead of killing it;
    /// - an interrupt (Ctrl-C, SIGTERM, SIGHUP) removes the temporary file being written,
    ///   then ends the process as the signal would have;
    /// - standard streams that are closed are held open on /dev/null;
    /// - a block of memory of a megabyte or more is mapped on its own (see `largeBlocks`).
    package static func prepareProcess() {
        #if os(Linux)
        mallopt(M_MMAP_THRESHOLD, Int32(largeBlocks))
        #endif
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the parent chose to ignore (`nohup`, a background job's Ctrl-C) stays
            // ignored; any other ends the process as it would have, without the temporary file.
            var current = sigaction()
            sigaction(sig, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue } // SIG_IGN
            sigaddset(&unblock, sig)
            signal(sig) { received in
                TemporaryFiles.removeOnSignal()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        // A mask inherited from the parent must not hold them back either.
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
            closedAtStart.insert(fd)
        }
    }
}
