import PolkuCheck
import PolkuEscaping
import PolkuLanes
import PolkuReport
import PolkuSyntax

/// The output formats of `polku check`.
package enum ReportFormat: String, CaseIterable, Sendable {
    case text, short, json, sarif, summary
}

/// The report of a check of one or more journeys, as text.
package enum Reports {
    /// - Parameters:
    ///   - color: terminal colours (text format only).
    ///   - version: Polku's version, for SARIF.
    ///   - language: the language of the messages; nil: each journey's own.
    ///   - fallback: the language for what belongs to no journey (the closing line of a
    ///     folder of journeys in different languages): `POLKU_LANG` or the locale.
    package static func render(_ checked: [CheckedJourney], format: ReportFormat, color: Bool = false,
                              version: String, language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en) -> String {
        var out = ByteOutput(capacity: 1 << 16)
        write(checked, format: format, color: color, version: version, language: language, fallback: fallback, to: &out)
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// The report handed to `send` a chunk (64 KiB) at a time as it is made: no report is
    /// ever held whole.
    package static func write(_ checked: [CheckedJourney], format: ReportFormat, color: Bool = false, version: String,
                              language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en,
                              send: @escaping ([UInt8]) -> Void) {
        var out = ByteOutput(send: send)
        write(checked, format: format, color: color, version: version, language: language, fallback: fallback, to: &out)
        _ = out.finish()
    }

    /// The report written to `out` as it is made, diagnostic by diagnostic.
    static func write(_ checked: [CheckedJourney], format: ReportFormat, color: Bool = false, version: String,
                      language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en, to out: inout ByteOutput) {
        let overall = Tally.overall(Set(checked.map(\.language)), asked: language, fallback: fallback)
        switch format {
        case .json:
            JSONReport.write(files: checked.map(\.source.name), checked.flatMap(\.items), language: language, fallback: overall, to: &out)
        case .sarif:
            SARIFReport.write(checked.map { ($0.source, $0.result) }, version: version, language: overall, to: &out)
        case .short, .text:
            var tally = Tally()
            for c in checked {
                writePart(c, format: format, color: color, language: language, fallback: fallback, to: &out)
                tally.add(c)
            }
            if format == .text { out.append(closing(tally, language: overall)) }
        case .summary:
            for (n, c) in checked.enumerated() {
                if n > 0 { out.append(0x0A) }
                SummaryReport.write(c.result, language: language ?? c.language, to: &out)
            }
        }
    }

    /// What a text report's closing lines count, journey by journey.
    package struct Tally: Sendable {
        package var files = 0, errors = 0, warnings = 0, infos = 0, rulesDidNotRun = 0
        package var languages: Set<KeywordLanguage> = []

        package init() {}

        package mutating func add(_ c: CheckedJourney) {
            files += 1
            for d in c.result.diagnostics {
                switch d.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
            if !c.result.rulesRan { rulesDidNotRun += 1 }
            languages.insert(c.language)
        }

        /// The language of the run as a whole (see `overall`).
        package func language(asked: KeywordLanguage?, fallback: KeywordLanguage) -> KeywordLanguage {
            Self.overall(languages, asked: asked, fallback: fallback)
        }

        /// The language of a run as a whole: the one asked for, else the journeys' own if
        /// they share one, else the fallback.
        static func overall(_ languages: Set<KeywordLanguage>, asked: KeywordLanguage?, fallback: KeywordLanguage) -> KeywordLanguage {
            asked ?? (languages.count == 1 ? languages.first! : fallback)
        }
    }

    /// The lines of one journey in a `text` or `short` report (a run over a folder writes
    /// them journey by journey, keeping none).
    package static func write(part c: CheckedJourney, format: ReportFormat, color: Bool = false, language: KeywordLanguage? = nil,
                              fallback: KeywordLanguage = .en, send: @escaping ([UInt8]) -> Void) {
        var out = ByteOutput(send: send)
        writePart(c, format: format, color: color, language: language, fallback: fallback, to: &out)
        _ = out.finish()
    }

    /// A journey's part, written to `out` diagnostic by diagnostic.
    static func writePart(_ c: CheckedJourney, format: ReportFormat, color: Bool = false, language: KeywordLanguage? = nil,
                          fallback: KeywordLanguage = .en, to out: inout ByteOutput) {
        let source = c.source
        let diagnostics = c.result.diagnostics
        if format == .short {
            let renderer = ShortRenderer(language: language, fallback: fallback)
            let file = Array(Escaping.terminal(source.name).utf8)
            let wording = FileDiagnostic.wording(language, keywords: c.language, fallback: fallback)
            ReportBlocks.write(diagnostics.count, to: &out) { lines, out in
                var cursor = LocationCursor(source)
                var scratch = SentenceScratch()
                for i in lines {
                    Self.fetchLine(of: i + Self.fetchAhead, diagnostics, lines, source)
                    let at = diagnostics[i].hasPosition ? cursor.location(of: diagnostics[i].range.start) : nil
                    renderer.write(diagnostics[i], file: file, wording: wording, at: at, scratch: &scratch, into: &out)
                }
            }
        } else {
            let renderer = RichRenderer(color: color, language: language, fallback: fallback)
            let keywords = c.language
            ReportBlocks.write(diagnostics.count, to: &out) { lines, out in
                var cursor = LocationCursor(source)
                var scratch = SentenceScratch()
                for i in lines {
                    Self.fetchLine(of: i + Self.fetchAhead, diagnostics, lines, source)
                    let item = FileDiagnostic(source, diagnostics[i], keywords: keywords)
                    let at = item.diagnostic.hasPosition ? cursor.location(of: item.diagnostic.range.start) : nil
                    renderer.write(item, at: at, scratch: &scratch, into: &out)
                    out.append(0x0A)
                }
            }
        }
    }

    /// Asks for the file's bytes where diagnostic `i` (if in `lines`) stands, a few lines
    /// before it is written: its column is counted from them and its step named from them,
    /// and in a large journey they are far from the last diagnostic's, so each read waited
    /// for the memory (a fifteenth of the short report's time at 100,000 steps).
    @inline(__always)
    private static func fetchLine(of i: Int, _ diagnostics: [Diagnostic], _ lines: Range<Int>, _ source: SourceFile) {
        guard i < lines.upperBound else { return }
        let start = diagnostics[i].range.start
        source.bytes.withUnsafeBufferPointer { bytes in
            if start < bytes.count { Cache.prefetch(bytes.baseAddress! + start) }
        }
    }

    /// How many diagnostics ahead `fetchLine` asks for.
    private static let fetchAhead = 8

    /// A text report's closing lines: how many files, errors and warnings, and the files the
    /// rules did not run on. `language`: the run's (see `render`).
    package static func closing(_ tally: Tally, language: KeywordLanguage) -> String {
        guard tally.files > 0 else { return "" }
        let w = Wording(language, keywords: language)
        var out = closingLine(files: tally.files, errors: tally.errors, warnings: tally.warnings, infos: tally.infos, w) + "\n"
        if tally.rulesDidNotRun > 0 {
            out += w(Message(ReportMessage.rulesDidNotRun, .message(ReportMessage.count(tally.rulesDidNotRun, one: .oneFile, many: .files)))) + "\n"
        }
        return out
    }

    /// One closing line a person reads first: how many files, errors and warnings.
    static func closingLine(files: Int, errors: Int, warnings: Int, infos: Int, _ w: Wording) -> String {
        let fileWord = MessageValue.message(ReportMessage.count(files, one: .oneFile, many: .files))
        if errors + warnings + infos == 0 { return w(Message(ReportMessage.checkedNoProblems, fileWord)) }
        var parts: [String] = []
        if errors > 0 { parts.append(w(ReportMessage.count(errors, one: .oneError, many: .errors))) }
        if warnings > 0 { parts.append(w(ReportMessage.count(warnings, one: .oneWarning, many: .warnings))) }
        if infos > 0 { parts.append(w(ReportMessage.count(infos, one: .oneNote, many: .notes))) }
        return w(Message(ReportMessage.checked, fileWord, .text(parts.joined(separator: ", "))))
    }

    /// Diagnostics rendered for a person, one after another (for problems and errors shown
    /// on standard error).
    package static func rich(_ items: [FileDiagnostic], color: Bool = false, language: KeywordLanguage? = nil,
                             fallback: KeywordLanguage = .en) -> String {
        let renderer = RichRenderer(color: color, language: language, fallback: fallback)
        return items.map { renderer.render($0) }.joined(separator: "\n")
    }
}
