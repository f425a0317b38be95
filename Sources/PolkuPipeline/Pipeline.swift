import Foundation
import PolkuCheck
import PolkuIO
import PolkuModel
import PolkuReport
import PolkuSyntax
import Synchronization

/// Problems that stop a journey from being loaded or an output from being made: files that
/// cannot be read, a configuration with mistakes, Graphviz failing. Each is a diagnostic
/// with its code, shown against the file it is about (a journey, `polku.toml`, `--rule`).
package struct Problems: Error, Sendable {
    package var items: [FileDiagnostic]
    package init(_ items: [FileDiagnostic]) { self.items = items }
    package init(_ item: FileDiagnostic) { self.items = [item] }
}

/// Where a journey is read from: a file (its name as bytes, which need not be UTF-8), or
/// standard input (`-`).
package struct JourneyPath: Hashable, Sendable, CustomStringConvertible {
    let file: FilePath

    init(_ file: FilePath) { self.file = file }
    package init(_ path: String) { file = FilePath(path) }

    package var isStandardInput: Bool { file.bytes == [UInt8(ascii: "-")] }
    /// The path for messages (bytes that are not UTF-8 shown as U+FFFD).
    package var description: String { file.description }
}

/// A journey read, analysed and checked: what every output is made from.
package struct CheckedJourney: Sendable {
    package var source: SourceFile
    package var result: CheckResult
    /// Where it was read from, when it was a file (nil for standard input and text).
    package var path: JourneyPath?

    package init(source: SourceFile, result: CheckResult, path: JourneyPath? = nil) {
        self.source = source
        self.result = result
        self.path = path
    }

    package var hasErrors: Bool { result.diagnostics.contains { $0.severity == .error } }
    package var errors: [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }
    /// The language of the journey's keywords: its messages' language unless `--lang` says another.
    package var language: KeywordLanguage { result.analysis.tree.language }
    /// The journey's diagnostics, each with its file.
    package var items: [FileDiagnostic] { result.diagnostics.map { FileDiagnostic(source, $0, keywords: language) } }

    /// Whether the journey fails a run: it has an error, or, with `strict`, a warning.
    package func fails(strict: Bool) -> Bool {
        // By index: iterating would copy each diagnostic (and retain its strings).
        let diagnostics = result.diagnostics
        return diagnostics.indices.contains {
            diagnostics[$0].severity == .error || (strict && diagnostics[$0].severity == .warning)
        }
    }
}

/// The one pipeline that the command line, the tests and the coming workshop server and
/// language server call: find and read a journey (from a path or from text in memory), find
/// its configuration (the nearest `polku.toml`, a given file, or text), check it; the output
/// builders (`Reports`, `Diagrams`, `Checklists`) then make each output as a value.
///
/// A pipeline reads each configuration file once, however many journeys use it, and may be
/// shared between tasks.
package final class Pipeline: Sendable {
    /// Where a journey's configuration comes from.
    package enum ConfigurationChoice: Sendable {
        /// The nearest `polku.toml` in the journey's folder or a folder above it.
        case nearest
        /// This file (`--config`).
        case file(String)
        /// This text, shown under `name` in diagnostics (a server's or editor's buffer).
        case text(name: String, text: String)
        /// None: every rule at its default severity.
        case none
    }

    package struct Settings: Sendable {
        package var configuration: ConfigurationChoice
        /// `--rule NAME=SEVERITY` settings, applied on top of any configuration.
        package var overrides: [String]
        /// Look for the nearest `polku.toml` once per folder, not once per journey: for a
        /// command that runs once over many files. A server, whose files change while it
        /// runs, looks every time.
        package var oncePerFolder: Bool

        package init(configuration: ConfigurationChoice = .nearest, overrides: [String] = [], oncePerFolder: Bool = false) {
            self.configuration = configuration
            self.overrides = overrides
            self.oncePerFolder = oncePerFolder
        }
    }

    package let settings: Settings
    /// Configurations already read, by file (the empty key: no file).
    private let configurations = Mutex<[String: Result<Configuration, Problems>]>([:])
    /// The nearest `polku.toml` of each folder looked in, with `oncePerFolder`.
    private let nearestOfFolder = Mutex<[FilePath: FilePath?]>([:])

    /// The nearest `polku.toml` above a journey file: found by walking up the folders, once
    /// per folder with `oncePerFolder` (2,000 journeys in one folder walk up once).
    private func nearestConfiguration(above file: FilePath) -> FilePath? {
        guard settings.oncePerFolder else { return JourneyFiles.nearest(Configuration.fileName, above: file) }
        let folder = file.folder
        if let known = nearestOfFolder.withLock({ $0[folder] }) { return known }
        let found = JourneyFiles.nearest(Configuration.fileName, above: file)
        nearestOfFolder.withLock { $0[folder] = .some(found) }
        return found
    }

    package init(_ settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The journey file extension, without the dot.
    package static let fileExtension = "polku"

    // MARK: - Finding and reading

    /// The journey files the user named: files as they are, folders as every `*.polku`
    /// below them (whatever the bytes of their names), `-` for standard input.
    package func journeyFiles(_ paths: [String]) -> (files: [JourneyPath], problems: [FileDiagnostic]) {
        let (files, problems) = JourneyFiles.expand(paths, fileExtension: Self.fileExtension)
        return (files.map(JourneyPath.init), problems.map(Self.diagnostic))
    }

    /// Reads one journey file; `-` reads standard input. Only regular files are read, up to
    /// 100 MB.
    package func read(_ path: JourneyPath) -> Result<SourceFile, Problems> {
        do {
            if path.isStandardInput { return .success(SourceFile(name: "<stdin>", bytes: try FileReader.readStandardInput())) }
            return .success(SourceFile(name: path.description,
                                       bytes: try FileReader.read(path.file, instead: .journey(fileExtension: Self.fileExtension))))
        } catch {
            return .failure(Problems(Self.diagnostic(error)))
        }
    }

    /// Reads one journey file named by a string; `-` reads standard input.
    package func read(_ path: String) -> Result<SourceFile, Problems> { read(JourneyPath(path)) }

    // MARK: - Configuration

    /// The configuration for a journey: the chosen one, or the nearest `polku.toml` above
    /// `path` (none for standard input and text), with `--rule` settings on top. Each
    /// configuration file is read once.
    package func configuration(forJourneyAt path: JourneyPath?) -> Result<Configuration, Problems> {
        let key: String
        let load: () -> Result<Configuration, Problems>
        switch settings.configuration {
        case .none:
            key = ""
            load = { .success(Configuration()) }
        case .text(let name, let text):
            key = "text:" + name
            load = { Self.parseConfiguration(SourceFile(name: name, text: text)) }
        case .file(let file):
            key = file
            load = { [self] in readConfiguration(FilePath(file)) }
        case .nearest:
            let found = path.flatMap { $0.isStandardInput ? nil : nearestConfiguration(above: $0.file) }
            key = found?.description ?? ""
            load = { [self] in found.map { readConfiguration($0) } ?? .success(Configuration()) }
        }
        if let cached = configurations.withLock({ $0[key] }) { return cached }
        let loaded = load().flatMap(applyOverrides)
        configurations.withLock { $0[key] = loaded }
        return loaded
    }

    /// Where a journey's configuration comes from (nil: none, every rule at its default):
    /// for `polku check --verbose`.
    package func configurationFile(forJourneyAt path: JourneyPath?) -> String? {
        switch settings.configuration {
        case .none: nil
        case .text(let name, _): name
        case .file(let file): file
        case .nearest: path.flatMap { $0.isStandardInput ? nil : nearestConfiguration(above: $0.file)?.description }
        }
    }

    private func readConfiguration(_ path: FilePath) -> Result<Configuration, Problems> {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, instead: .configuration(fileName: Configuration.fileName))
        } catch {
            return .failure(Problems(Self.diagnostic(error)))
        }
        return Self.parseConfiguration(SourceFile(name: path.description, bytes: bytes)).map { configuration in
            var configuration = configuration
            configuration.path = path.description
            return configuration
        }
    }

    static func parseConfiguration(_ source: SourceFile) -> Result<Configuration, Problems> {
        let (configuration, problems) = Configuration.parse(source)
        guard problems.isEmpty else { return .failure(Problems(problems.map { FileDiagnostic(source, $0) })) }
        return .success(configuration)
    }

    private func applyOverrides(_ configuration: Configuration) -> Result<Configuration, Problems> {
        var configuration = configuration
        var problems: [FileDiagnostic] = []
        for item in settings.overrides {
            for d in configuration.apply(overrides: [item]) {
                problems.append(FileDiagnostic(SourceFile(name: "--rule \(item)", bytes: []), d))
            }
        }
        return problems.isEmpty ? .success(configuration) : .failure(Problems(problems))
    }

    // MARK: - Checking

    /// Checks a journey already read.
    package func check(_ source: SourceFile, path: JourneyPath?) -> Result<CheckedJourney, Problems> {
        configuration(forJourneyAt: path).map { configuration in
            CheckedJourney(source: source, result: Checker.check(Analysis(source, keepSyntax: false), configuration: configuration),
                           path: path)
        }
    }

    /// Reads and checks a journey file (`-` for standard input).
    package func load(_ path: JourneyPath) -> Result<CheckedJourney, Problems> {
        read(path).flatMap { check($0, path: path.isStandardInput ? nil : path) }
    }

    /// Reads and checks a journey file named by a string (`-` for standard input).
    package func load(_ path: String) -> Result<CheckedJourney, Problems> { load(JourneyPath(path)) }

    /// Checks a journey given as text, named `name` in diagnostics. `path`, when given, is
    /// where the journey would be on disk: its configuration is looked for from there.
    package func load(text: String, name: String, path: String? = nil) -> Result<CheckedJourney, Problems> {
        check(SourceFile(name: name, text: text), path: path.map(JourneyPath.init))
    }

    // MARK: - Problems as diagnostics

    /// A file problem as a diagnostic about that file.
    static func diagnostic(_ problem: IOProblem) -> FileDiagnostic {
        let why = words(problem.reason, path: problem.path)
        let (code, message): (ErrorCode, Message) = switch (problem.kind, problem.reason) {
        case (_, .noJourneyFiles): (.noJourneys, why)
        case (.reading, _): (.cannotRead, Message(PipelineMessage.cannotRead, .text(problem.path), .message(why)))
        case (.writing, _): (.cannotWrite, Message(PipelineMessage.cannotWrite, .text(problem.path), .message(why)))
        }
        return FileDiagnostic(SourceFile(name: problem.path, bytes: []), .aboutFile(code, message))
    }

    /// Why `path` cannot be read or written, in words that finish "cannot read `x`: ..."; a
    /// folder with no journey files, as a sentence of its own.
    static func words(_ reason: IOProblem.Reason, path: String) -> Message {
        switch reason {
        case .system(let code): systemError(code)
        case .noSuchFileOrFolder: Message(PipelineMessage.noSuchFileOrFolder)
        case .folder(instead: .journey(let fileExtension)): Message(PipelineMessage.folderGiveJourney, .text(fileExtension))
        case .folder(instead: .configuration(let fileName)): Message(PipelineMessage.folderGiveConfiguration, .text(fileName))
        case .folder(instead: .fileName): Message(PipelineMessage.folderGiveFileName)
        case .notRegularFile: Message(PipelineMessage.notRegularFile)
        case .tooLarge(let megabytes): Message(PipelineMessage.tooLarge, .number(megabytes))
        case .folderUnreadable(let code): Message(PipelineMessage.folderUnreadable, .message(systemError(code)))
        case .noJourneyFiles(let fileExtension): Message(PipelineMessage.noJourneyFiles, .text(path), .text(fileExtension))
        case .socketOrDevice: Message(PipelineMessage.socketOrDevice)
        case .cannotCreateFolder(let folder): Message(PipelineMessage.cannotCreateFolder, .text(folder))
        case .noSuchFolder(let folder): Message(PipelineMessage.noSuchFolder, .text(folder))
        case .theJourneyItself: Message(PipelineMessage.theJourneyItself)
        }
    }

    /// The system's words for an error number: Polku's own in each language for the usual
    /// ones, else the C library's (in English), as `strerror` says them.
    package static func systemError(_ code: Int32) -> Message {
        let said = SystemError.describe(code)
        let key: PipelineMessage? = switch code {
        case ENOENT: .noSuchFileOrDirectory
        case EACCES: .permissionDenied
        case EPERM: .notPermitted
        case ENOSPC: .noSpace
        case EROFS: .readOnly
        case ENOTDIR: .notADirectory
        case EISDIR: .isADirectory
        case ENAMETOOLONG: .nameTooLong
        case ELOOP: .tooManyLinks
        case EDQUOT: .quotaExceeded
        case EIO: .inputOutput
        default: nil
        }
        // Only where the C library says what the English template says, so that English
        // output is the system's words wherever Polku runs.
        if let key, key.en == said { return Message(key) }
        return .verbatim(said)
    }

    /// A problem writing an output, as a diagnostic.
    package static func writeProblem(_ path: String, _ reason: IOProblem.Reason) -> FileDiagnostic {
        diagnostic(IOProblem(path, reason, kind: .writing))
    }

    /// Writes an output file: whole or not at all for a file, straight into a device or a
    /// pipe, through a symbolic link to its target (see `OutputFile`).
    package static func write(_ bytes: [UInt8], to path: String) -> FileDiagnostic? {
        write(to: path) { _ in bytes }
    }

    /// `write(_:to:)` for an output made as it is written: `produce` hands `send` the bytes a
    /// piece at a time and returns the rest. Whole or not at all, as `write(_:to:)`.
    package static func write(to path: String, _ produce: (_ send: @escaping ([UInt8]) -> Void) -> [UInt8]) -> FileDiagnostic? {
        do {
            try OutputFile.write(to: path) { fd in
                var failure: Int32 = 0
                let rest = produce { piece in
                    if failure == 0 { failure = StandardStreams.writeAll(piece, to: fd) }
                }
                if failure == 0 { failure = StandardStreams.writeAll(rest, to: fd) }
                return failure
            }
            return nil
        } catch {
            return diagnostic(error)
        }
    }

    /// Creates the folders an output file goes into, if they are not there.
    package static func makeFolders(for path: String) -> FileDiagnostic? {
        do {
            try OutputFile.makeFolders(for: path)
            return nil
        } catch {
            return diagnostic(error)
        }
    }

    /// True when two paths name the same file.
    package static func sameFile(_ a: JourneyPath, _ b: String) -> Bool { FileReader.sameFile(a.file, FilePath(b)) }

    /// True when the path names a folder.
    package static func isFolder(_ path: String) -> Bool { FileReader.isFolder(FilePath(path)) }

    /// True when something is at `path` (a file, a folder, even a dangling link).
    package static func exists(_ path: String) -> Bool { FileReader.anythingAt(FilePath(path)) }
}
