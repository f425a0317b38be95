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

/// Where command output goes; tests capture it instead of printing.
public final class Console: @unchecked Sendable {
    public private(set) var out = ""
    public private(set) var err = ""
    private let capture: Bool

    public init(capture: Bool) { self.capture = capture }

    public func write(_ text: String) {
        if capture { out += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    public func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if capture { err += line } else { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
