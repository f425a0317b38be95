import Foundation
import PolkuIO
import PolkuPipeline
import PolkuReport
import PolkuSyntax

/// Whether to colour output, decided once: only on a terminal, never when `NO_COLOR` is set.
package enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    func enabled(on stream: StandardStreams.Stream = .output) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = StandardStreams.environment("NO_COLOR"), !noColor.isEmpty { return false }
            if StandardStreams.environment("TERM") == "dumb" { return false }
            return StandardStreams.isTerminal(stream)
        }
    }
}

/// Where a command's output goes. Standard output is buffered (a report of 40,000 findings
/// is one write per 64 KiB, not one per finding) and flushed before anything goes to
/// standard error and when the command finishes. A failed write is remembered: when the
/// reader has gone (`| head`), the rest of the output is dropped quietly; any other failure
/// (a full disk, a closed stream) ends the command with exit status 2 and says why. One
/// console per command run, used by one thread: it is not `Sendable`.
final class Console {
    /// The language asked for with `--lang`; nil: each journey's own.
    let language: KeywordLanguage?
    /// The language of what belongs to no journey: `POLKU_LANG` or the locale.
    let fallback: KeywordLanguage
    /// The language the command line's own words are in.
    var speaks: KeywordLanguage { language ?? fallback }

    init(language: KeywordLanguage? = nil) {
        self.language = language
        fallback = EnvironmentLanguage.current
    }

    private var buffer: [UInt8] = []
    /// The error number of the first failed write to standard output.
    private(set) var outputFailure: Int32 = 0

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: [UInt8]) {
        flush()
        send(bytes)
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: [UInt8]) {
        guard outputFailure == 0 else { return }
        outputFailure = StandardStreams.write(bytes, to: .output)
    }

    /// A line for a person on standard error.
    func error(_ text: String) {
        flush()
        let line = text.hasSuffix("\n") ? text : text + "\n"
        StandardStreams.write(Array(line.utf8), to: .error)
    }

    /// Diagnostics on standard error, rendered for a person (coloured on a terminal).
    func show(_ items: [FileDiagnostic]) {
        guard !items.isEmpty else { return }
        error(Reports.rich(items, color: ColorChoice.auto.enabled(on: .error), language: language, fallback: fallback))
    }

    /// Flushes, and turns a failed write to standard output into exit status 2 (a reader
    /// that has gone is not a failure).
    func finish(_ status: ExitStatus) -> ExitStatus {
        flush()
        guard outputFailure != 0, !StandardStreams.readerHasGone(outputFailure) else { return status }
        let why = outputFailure == EBADF ? Message(CLIMessage.streamClosed) : Pipeline.systemError(outputFailure)
        error(say(speaks, .cannotWriteOutput, .message(why)))
        return .usage
    }
}
