import Foundation

/// Whether to colour output, decided once: only on a terminal, never when `NO_COLOR` is set.
public enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    public func enabled(fileDescriptor: Int32 = 1) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let env = ProcessInfo.processInfo.environment
            if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
            if env["TERM"] == "dumb" { return false }
            return isatty(fileDescriptor) == 1
        }
    }
}

/// Where command output goes; tests capture it instead of printing. Standard output is
/// buffered (a report of 40,000 findings is one write per 64 KiB, not one per finding) and
/// flushed before anything goes to standard error and when the console goes away.
public final class Console: @unchecked Sendable {
    public private(set) var out = ""
    public private(set) var err = ""
    private let capture: Bool
    private var buffer: [UInt8] = []

    public init(capture: Bool) { self.capture = capture }

    deinit { flush() }

    public func write(_ text: String) {
        if capture {
            out += text
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    public func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if capture { err += line } else {
            flush()
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
