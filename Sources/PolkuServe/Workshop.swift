import Foundation
import PolkuCheck
import PolkuChecklist
import PolkuDiagram
import PolkuEscaping
import PolkuGraphviz
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax
import Synchronization

/// What `polku serve` was started with.
package struct ServeOptions: Sendable {
    /// A journey file, or a folder whose journeys are all served.
    package var path: String
    /// The page's language; nil: each journey's own.
    package var language: KeywordLanguage?
    /// The language of what belongs to no journey (the list of journeys, refusals).
    package var fallback: KeywordLanguage
    package var layout: DiagramLayout
    package var settings: Pipeline.Settings
    package var render: RenderPlace
    /// The largest request body accepted (the text of a journey), in bytes.
    package var largestBody: Int
    /// How often the files are looked at for changes.
    package var pollInterval: Duration

    package init(path: String, language: KeywordLanguage? = nil, fallback: KeywordLanguage = .en,
                 layout: DiagramLayout = .auto, settings: Pipeline.Settings = Pipeline.Settings(),
                 render: RenderPlace = .inProcess, largestBody: Int = 2 << 20, pollInterval: Duration = .milliseconds(25)) {
        self.path = path
        self.language = language
        self.fallback = fallback
        self.layout = layout
        self.settings = settings
        self.render = render
        self.largestBody = largestBody
        self.pollInterval = pollInterval
    }
}

/// How a page asked to see a journey.
package struct ViewChoice: Hashable, Sendable {
    package var layout: DiagramLayout
    /// nil: the journey's own language.
    package var language: KeywordLanguage?

    package init(layout: DiagramLayout, language: KeywordLanguage?) {
        self.layout = layout
        self.language = language
    }
}

/// A journey as the page shows it: everything as HTML pieces the page puts in place, so that
/// the first page and every update are made by the same code.
package struct JourneyView: Sendable, Encodable {
    /// The journey's path in the served folder.
    package var path: String
    /// Of the text shown (a hash of its bytes): what a save must start from.
    package var version: String
    package var title: String
    package var language: String
    /// Whether `diagram` is this text's diagram. If not, it is the last one drawn (`stale`),
    /// or empty.
    package var drawn: Bool
    package var stale: Bool
    package var diagram: String
    package var questions: String
    package var questionCount: Int
    package var errorCount: Int
    /// "3 open questions", "2 errors".
    package var status: String
    package var summary: String
    package var checklist: String
    /// The errors with their lines, or empty.
    package var problems: String
    /// The journey's text, for the editor.
    package var text: String

    package var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// One journey in the list of a folder.
package struct JourneyEntry: Sendable {
    package var path: String
    package var title: String
    package var questions: Int
    package var errors: Int
}

/// The journeys being served and how each is seen: finding them safely, checking them (from
/// disk or from text the page posts), drawing them, and saving. Everything the HTTP layer
/// (`WorkshopServer`) does goes through here.
package final class Workshop: Sendable {
    package let options: ServeOptions
    /// The served folder, with symbolic links resolved; every served file is inside it.
    package let root: String
    /// The one journey served, its name in `root`; nil when a folder is served.
    package let single: String?
    package let workers: RenderWorkers
    /// The last diagram drawn of each journey in each choice, shown (out of date) while the
    /// journey has errors.
    private let lastDrawn = Mutex<[String: String]>([:])

    package enum StartProblem: Error, Sendable {
        case notFound(String)
    }

    package init(_ options: ServeOptions) throws(StartProblem) {
        self.options = options
        guard let real = Self.realPath(options.path) else { throw .notFound(options.path) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { throw .notFound(options.path) }
        if isFolder.boolValue {
            root = real
            single = nil
        } else {
            root = (real as NSString).deletingLastPathComponent
            single = (real as NSString).lastPathComponent
        }
        workers = RenderWorkers(options.render)
    }

    /// The name to show for what is served: the file or folder as given.
    package var servedName: String { options.path }

    // MARK: - Finding journeys

    /// Every journey served, by its path in the folder, sorted.
    package func journeys() -> [String] {
        if let single { return [single] }
        let (files, _) = Pipeline(options.settings).journeyFiles([root])
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return files.compactMap { file -> String? in
            let path = file.description
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            return resolve(relative) == nil ? nil : relative
        }.sorted()
    }

    /// The file for a journey's path in the served folder, or nil if it is not served: only
    /// `*.polku` regular files inside the folder (after following symbolic links) are, and
    /// for a single journey only that one. Paths with `..`, `.`, empty parts, backslashes or a
    /// leading `/` never are.
    package func resolve(_ relative: String) -> String? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\\"), !relative.contains("\0"),
              relative.hasSuffix(".\(Pipeline.fileExtension)") else { return nil }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        if let single, relative != single { return nil }
        let joined = root + "/" + relative
        guard let real = Self.realPath(joined), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue,
              let attributes = try? FileManager.default.attributesOfItem(atPath: real),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return joined
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The files whose change changes what a journey looks like: the journey and every
    /// `polku.toml` that could be its configuration.
    package func watchedFiles(_ relative: String) -> [String] {
        guard let file = resolve(relative) else { return [] }
        var files = [file]
        switch options.settings.configuration {
        case .file(let path): files.append(path)
        case .nearest:
            var folder = (file as NSString).deletingLastPathComponent
            while true {
                files.append(folder + "/polku.toml")
                let up = (folder as NSString).deletingLastPathComponent
                if up == folder || up.isEmpty { break }
                folder = up
            }
        case .text, .none: break
        }
        return files
    }

    // MARK: - Views

    /// The journey as it is on disk, or nil if it is not served.
    package func view(_ relative: String, choice: ViewChoice) async -> JourneyView? {
        guard let file = resolve(relative) else { return nil }
        let pipeline = Pipeline(options.settings)
        switch pipeline.read(file) {
        case .failure(let problems):
            return problemView(relative, text: "", version: Self.version([]), problems: problems.items, choice: choice)
        case .success(let source):
            let text = String(decoding: source.bytes, as: UTF8.self)
            let named = SourceFile(name: relative, bytes: source.bytes)
            return await view(relative, file: file, source: named, text: text, choice: choice, pipeline: pipeline)
        }
    }

    /// The journey as `text` says (what the page's editor holds), or nil if it is not served.
    package func view(_ relative: String, text: String, choice: ViewChoice) async -> JourneyView? {
        guard let file = resolve(relative) else { return nil }
        return await view(relative, file: file, source: SourceFile(name: relative, text: text), text: text,
                          choice: choice, pipeline: Pipeline(options.settings))
    }

    private func view(_ relative: String, file: String, source: SourceFile, text: String, choice: ViewChoice,
                      pipeline: Pipeline) async -> JourneyView {
        let version = Self.version(source.bytes)
        switch pipeline.check(source, path: JourneyPath(file)) {
        case .failure(let problems):
            return problemView(relative, text: text, version: version, problems: problems.items, choice: choice)
        case .success(let journey):
            if journey.hasErrors {
                return problemView(relative, text: text, version: version, problems: journey.items.filter { $0.diagnostic.severity == .error },
                                   choice: choice, journey: journey)
            }
            return await drawnView(relative, journey: journey, text: text, version: version, choice: choice)
        }
    }

    private func drawnView(_ relative: String, journey: CheckedJourney, text: String, version: String,
                           choice: ViewChoice) async -> JourneyView {
        let language = choice.language ?? journey.language
        let checklist = Checklist(journey.result, language: language)
        var options = DiagramOptions()
        options.layout = choice.layout
        options.language = language
        var view = JourneyView(path: relative, version: version, title: checklist.title, language: language.rawValue,
                               drawn: false, stale: false, diagram: "", questions: "", questionCount: 0, errorCount: 0,
                               status: "", summary: HTMLChecklist.summaryTable(checklist),
                               checklist: HTMLChecklist.steps(checklist), problems: "", text: text)
        (view.questions, view.questionCount) = Self.questions(checklist, language)
        view.status = Self.status(questions: view.questionCount, errors: 0, language)
        do {
            let drawing = try await Diagrams.draw(journey, format: .svg, options: options) { (dot, format) async throws(GraphvizError) in
                try await self.workers.render(dot: dot, format: format)
            }
            view.diagram = HTMLChecklist.inlineSVG(String(decoding: drawing.bytes, as: UTF8.self))
            view.drawn = true
            lastDrawn.withLock { $0[Self.key(relative, choice)] = view.diagram }
        } catch {
            view.problems = Self.problemsHTML(error.items, language, lead: nil)
            keepLast(&view, relative, choice)
        }
        return view
    }

    private func problemView(_ relative: String, text: String, version: String, problems: [FileDiagnostic],
                             choice: ViewChoice, journey: CheckedJourney? = nil) -> JourneyView {
        let language = choice.language ?? journey?.language ?? problems.first?.keywords ?? options.fallback
        let w = Wording(language, keywords: language)
        let title = journey?.result.analysis.journey.title.value ?? relative
        var view = JourneyView(path: relative, version: version, title: title.isEmpty ? relative : title,
                               language: language.rawValue, drawn: false, stale: false, diagram: "", questions: "",
                               questionCount: 0, errorCount: problems.count,
                               status: Self.status(questions: 0, errors: problems.count, language),
                               summary: "", checklist: "",
                               problems: Self.problemsHTML(problems, language, lead: w(Message(ServeMessage.hasErrors))), text: text)
        keepLast(&view, relative, choice)
        return view
    }

    private func keepLast(_ view: inout JourneyView, _ relative: String, _ choice: ViewChoice) {
        if let last = lastDrawn.withLock({ $0[Self.key(relative, choice)] }) {
            view.diagram = last
            view.stale = true
        }
    }

    private static func key(_ relative: String, _ choice: ViewChoice) -> String {
        "\(relative)\u{0}\(choice.layout.rawValue)\u{0}\(choice.language?.rawValue ?? "")"
    }

    /// The version of a text: a short hash of its bytes (`StableHash`).
    package static func version(_ bytes: [UInt8]) -> String { StableHash.hex(bytes) }

    // MARK: - The list of a folder

    package func entries() async -> [JourneyEntry] {
        let pipeline = Pipeline(options.settings)
        return journeys().compactMap { relative in
            guard let file = resolve(relative) else { return nil }
            switch pipeline.load(file) {
            case .failure(let problems):
                return JourneyEntry(path: relative, title: relative, questions: 0, errors: problems.items.count)
            case .success(let journey):
                let title = journey.result.analysis.journey.title.value
                let errors = journey.errors.count
                let questions = errors > 0 ? 0 : Checklist(journey.result).questionCount
                return JourneyEntry(path: relative, title: title.isEmpty ? relative : title, questions: questions, errors: errors)
            }
        }
    }

    // MARK: - Saving

    package enum SaveOutcome: Sendable {
        case saved(version: String)
        /// The file changed since the page read it (`base`): nothing was written.
        case conflict(disk: String, version: String)
        case failed(String)
    }

    /// Writes `text` over the journey, whole or not at all, if the file is still the version
    /// the page started from.
    package func save(_ relative: String, text: String, base: String) -> SaveOutcome? {
        guard let file = resolve(relative) else { return nil }
        let disk = FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
        let diskVersion = Self.version(disk)
        guard diskVersion == base else {
            return .conflict(disk: String(decoding: disk, as: UTF8.self), version: diskVersion)
        }
        let bytes = Array(text.utf8)
        if let problem = Pipeline.write(bytes, to: file) {
            let w = problem.wording(options.language, fallback: options.fallback)
            return .failed(w(problem.diagnostic.text))
        }
        return .saved(version: Self.version(bytes))
    }

    // MARK: - Downloads

    package enum Download: String, CaseIterable, Sendable {
        case svg, png, pdf, md, html, csv

        package var contentType: String {
            switch self {
            case .svg: "image/svg+xml"
            case .png: "image/png"
            case .pdf: "application/pdf"
            case .md: "text/markdown; charset=utf-8"
            case .html: "text/html; charset=utf-8"
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    package enum DownloadOutcome: Sendable {
        case file([UInt8])
        /// What stops it being made, a line each.
        case problems([String])
    }

    /// A file of the journey as `text` says, or the problems that stop it being made.
    package func download(_ relative: String, text: String, format: Download, choice: ViewChoice) async -> DownloadOutcome? {
        guard let file = resolve(relative) else { return nil }
        let pipeline = Pipeline(options.settings)
        let journey: CheckedJourney
        switch pipeline.check(SourceFile(name: relative, text: text), path: JourneyPath(file)) {
        case .failure(let problems): return .problems(Self.lines(problems.items, choice.language))
        case .success(let j): journey = j
        }
        guard !journey.hasErrors else { return .problems(Self.lines(journey.items.filter { $0.diagnostic.severity == .error }, choice.language)) }
        let language = choice.language ?? journey.language
        switch format {
        case .md, .html, .csv:
            let checklistFormat = ChecklistFormat(rawValue: format.rawValue)!
            return .file(Array(Checklists.render(journey, format: checklistFormat, language: language,
                                                    byteOrderMark: format == .csv).utf8))
        case .svg, .png, .pdf:
            var options = DiagramOptions()
            options.layout = choice.layout
            options.language = language
            if format == .png { options.dpi = 144 }
            do {
                let drawing = try await Diagrams.draw(journey, format: DiagramFormat(rawValue: format.rawValue)!, options: options) {
                    (dot, format) async throws(GraphvizError) in try await self.workers.render(dot: dot, format: format)
                }
                return .file(drawing.bytes)
            } catch {
                return .problems(Self.lines(error.items, language))
            }
        }
    }

    private static func lines(_ items: [FileDiagnostic], _ language: KeywordLanguage?) -> [String] {
        located(items).map { item, line in
            let w = item.wording(language)
            return line.map { "\(w(Message(ServeMessage.line, .number($0)))): \(w(item.diagnostic.text))" } ?? w(item.diagnostic.text)
        }
    }

    /// Each problem with its line, if it has a place in its file (one cursor a file, since the
    /// items come in file order).
    static func located(_ items: [FileDiagnostic]) -> [(item: FileDiagnostic, line: Int?)] {
        var cursors: [String: LocationCursor] = [:]
        return items.map { item in
            guard item.diagnostic.hasPosition else { return (item, nil) }
            var cursor = cursors[item.source.name] ?? LocationCursor(item.source)
            let line = cursor.location(of: item.diagnostic.range.start).line
            cursors[item.source.name] = cursor
            return (item, line)
        }
    }
}

extension Checklist {
    /// The open questions: about the whole journey and about each step.
    var questionCount: Int {
        journeyQuestions.count + sections.reduce(0) { $0 + $1.items.reduce(0) { $0 + $1.children.filter { $0.kind == .question }.count } }
    }
}
