import PolkuModel
import PolkuReport
import PolkuSyntax

/// A journey file being written by an importer, line by line, each line remembering where
/// in the imported file it came from. The journey is then read by Polku's own parser and
/// resolver, so an unknown channel or a bad id gets Polku's own message, shown at the place
/// in the JSON or Mermaid file that gave the line.
struct ImportedText {
    /// Where a line came from: a member of a JSON document (`phases[0].steps[1].mood`), or
    /// a line of a Mermaid file (1-based).
    enum Origin {
        case path(String)
        case line(Int)
    }

    private(set) var lines: [(text: String, origin: Origin)] = []

    mutating func add(_ text: String, _ origin: Origin) { lines.append((text, origin)) }

    /// The journey, laid out by `fmt` with its keywords in `language`; or the errors Polku
    /// found in it, each shown against the imported file.
    func finish(importedFrom source: SourceFile, language: KeywordLanguage) -> Result<[UInt8], Problems> {
        let text = lines.map(\.text).joined(separator: "\n") + "\n"
        let written = SourceFile(name: source.name, text: text)
        let analysis = Analysis(written)
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            return .failure(Problems(errors.map { blame($0, in: written, on: source, keywords: language) }))
        }
        guard let formatted = Formatter.format(analysis.tree, to: language) else {
            // The formatter declines only a tree with errors, and there are none.
            return .success(Array(text.utf8))
        }
        return .success(formatted)
    }

    /// An error in the written journey, shown at the imported file's place that gave its line.
    private func blame(_ d: Diagnostic, in written: SourceFile, on source: SourceFile, keywords: KeywordLanguage) -> FileDiagnostic {
        let line = written.location(of: d.range.start).line - 1
        let origin = lines.indices.contains(line) ? lines[line].origin : .line(1)
        switch origin {
        case .path(let path):
            var moved = Diagnostic.aboutFile(.importInvalid, Message(ExchangeMessage.atPath, .text(path), .message(d.text)),
                                             notes: d.noteTexts, help: d.helpText)
            moved.code = d.code
            return FileDiagnostic(source, moved, keywords: keywords)
        case .line(let n):
            var moved = d
            moved.range = source.lineRange(n)
            moved.secondary = []
            moved.labelText = nil
            return FileDiagnostic(source, moved, keywords: keywords)
        }
    }
}

extension SourceFile {
    /// The range of a 1-based line, without its indentation and line break; an empty range
    /// at the end for a line past the last.
    func lineRange(_ line: Int) -> SourceRange {
        var start = 0
        var current = 1
        while current < line, let newline = bytes[start...].firstIndex(of: 0x0A) {
            start = newline + 1
            current += 1
        }
        if current < line { return SourceRange(bytes.count, bytes.count) }
        var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return SourceRange(start, end)
    }
}
