import PolkuIO
import PolkuPipeline
import PolkuReport

/// Whether to colour output, decided once: only on a terminal, never when `NO_COLOR` is set.
public enum ColorChoice: String, CaseIterable, Sendable {
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
/// standard error and when the console goes away. One console per command run, used by
/// one thread: it is not `Sendable`.
final class Console {
    private var buffer: [UInt8] = []

    deinit { flush() }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: [UInt8]) {
        flush()
        StandardStreams.write(bytes, to: .output)
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.write(buffer, to: .output)
        buffer.removeAll(keepingCapacity: true)
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
        error(Reports.rich(items, color: ColorChoice.auto.enabled(on: .error)))
    }
}
