import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuReport
import PolkuSyntax

/// The language server's features over the pipeline: a thin layer, like the command line.
/// It keeps the open documents, checks each on every change, and answers the editor's
/// requests from the journey's syntax tree. Positions are LSP's: 0-based lines, columns in
/// UTF-16 code units. One server per connection, used from one thread.
package final class LanguageServer {
    final class Document {
        let source: SourceFile
        let journey: CheckedJourney
        /// The syntax tree, for the features that read ids and lines; parsed when first
        /// needed, not on every change (the check keeps none).
        lazy var tree: SyntaxTree = JourneyParser.parse(source)

        init(source: SourceFile, journey: CheckedJourney) {
            self.source = source
            self.journey = journey
        }
    }

    private var documents: [String: Document] = [:]
    private let pipeline: Pipeline
    private var shutdownRequested = false
    /// Set by `exit`: 0 after `shutdown`, 1 without it.
    package private(set) var exitCode: Int32?

    package init(pipeline: Pipeline = Pipeline()) { self.pipeline = pipeline }

    // MARK: - Messages

    /// Handles one message body and returns the messages to send back (the response, and
    /// any notifications such as diagnostics). A message that is not JSON-RPC gets an
    /// error response; nothing makes the server stop but `exit`.
    package func handle(_ body: Data) -> [JSONValue] {
        guard let message = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return [Self.error(id: .null, code: -32700, "the message is not JSON")]
        }
        guard case .object = message, let method = message["method"]?.string else {
            return [Self.error(id: message["id"] ?? .null, code: -32600, "the message is not a JSON-RPC request or notification")]
        }
        let id = message["id"]
        let params = message["params"] ?? .null
        do {
            let (result, notifications) = try dispatch(method, params)
            guard let id else { return notifications }
            return [["jsonrpc": "2.0", "id": id, "result": result ?? .null]] + notifications
        } catch let problem as RequestProblem {
            guard let id else { return [] }
            return [Self.error(id: id, code: problem.code, problem.message)]
        } catch {
            guard let id else { return [] }
            return [Self.error(id: id, code: -32603, "internal error")]
        }
    }

    struct RequestProblem: Error {
        var code: Int
        var message: String
        static func invalid(_ message: String) -> RequestProblem { RequestProblem(code: -32602, message: message) }
    }

    static func error(id: JSONValue, code: Int, _ message: String) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code), "message": .string(message)]]
    }

    private func dispatch(_ method: String, _ params: JSONValue) throws -> (JSONValue?, [JSONValue]) {
        switch method {
        case "initialize": return (Self.capabilities, [])
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration": return (nil, [])
        case "shutdown":
            shutdownRequested = true
            return (.null, [])
        case "exit":
            exitCode = shutdownRequested ? 0 : 1
            return (nil, [])
        case "textDocument/didOpen":
            guard let doc = params["textDocument"], let uri = doc["uri"]?.string, let text = doc["text"]?.string else {
                throw RequestProblem.invalid("didOpen needs textDocument.uri and .text")
            }
            return (nil, [open(uri, text)])
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.string,
                  let text = params["contentChanges"]?.array?.last?["text"]?.string else {
                throw RequestProblem.invalid("didChange needs the whole text (the server asks for full sync)")
            }
            return (nil, [open(uri, text)])
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.string else { throw RequestProblem.invalid("didClose needs a uri") }
            documents[uri] = nil
            return (nil, [["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                           "params": ["uri": .string(uri), "diagnostics": []]]])
        case "textDocument/didSave": return (nil, [])
        case "textDocument/completion": return (try completion(params), [])
        case "textDocument/hover": return (try hover(params), [])
        case "textDocument/definition": return (try definition(params), [])
        case "textDocument/references": return (try references(params), [])
        case "textDocument/rename": return (try rename(params), [])
        case "textDocument/prepareRename": return (try prepareRename(params), [])
        case "textDocument/formatting": return (try formatting(params), [])
        case "textDocument/codeAction": return (try codeActions(params), [])
        default:
            if method.hasPrefix("$/") { return (nil, []) }
            throw RequestProblem(code: -32601, message: "the server does not handle `\(method)`")
        }
    }

    static let capabilities: JSONValue = [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 1, "save": false],
            "completionProvider": ["triggerCharacters": [":", " ", ","]],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "renameProvider": ["prepareProvider": true],
            "documentFormattingProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ],
        "serverInfo": ["name": "polku", "version": "0.1.0"],
    ]

    // MARK: - Documents and diagnostics

    /// Checks a document's new text and returns its diagnostics notification.
    private func open(_ uri: String, _ text: String) -> JSONValue {
        let path = Self.path(of: uri)
        let name = path ?? uri
        let source = SourceFile(name: name, text: text)
        let journey: CheckedJourney
        switch pipeline.check(source, path: path.map(JourneyPath.init)) {
        case .success(let checked): journey = checked
        case .failure(let problems):
            // A broken polku.toml: its problems stand at the top of the journey.
            documents[uri] = nil
            let diagnostics = problems.items.map { item -> JSONValue in
                ["range": Self.range(SourceRange(0, 0), in: source), "severity": 1, "source": "polku",
                 "code": .string(item.diagnostic.code.name),
                 "message": .string("\(item.source.name): " + item.diagnostic.text.text(.en, keywords: .en))]
            }
            return ["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                    "params": ["uri": .string(uri), "diagnostics": .array(diagnostics)]]
        }
        documents[uri] = Document(source: source, journey: journey)
        let w = Wording(journey.language, keywords: journey.language)
        let diagnostics = journey.result.diagnostics.map { d -> JSONValue in
            var message = w(d.text)
            if let help = d.helpText { message += "\n" + w(help) }
            let severity: Int = switch d.severity {
            case .error: 1
            case .warning: 2
            case .info: 3
            }
            return ["range": Self.range(d.hasPosition ? d.range : SourceRange(0, 0), in: source), "severity": .int(severity),
                    "source": "polku", "code": .string(d.code.name), "message": .string(message),
                    "data": ["explain": .string("polku explain \(d.code.name)")]]
        }
        return ["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                "params": ["uri": .string(uri), "diagnostics": .array(diagnostics)]]
    }

    /// The file path of a `file://` URI, percent-decoded.
    static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        return String(uri.dropFirst("file://".count)).removingPercentEncoding
    }

    func document(_ params: JSONValue) throws -> Document {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw RequestProblem.invalid("textDocument.uri is missing") }
        guard let document = documents[uri] else { throw RequestProblem.invalid("`\(uri)` is not open") }
        return document
    }

    func offset(_ params: JSONValue, in document: Document) throws -> Int {
        guard let line = params["position"]?["line"]?.int, let character = params["position"]?["character"]?.int else {
            throw RequestProblem.invalid("position is missing")
        }
        return Self.offset(line: line, character: character, in: document.source)
    }

    // MARK: - Positions

    /// The byte offset of an LSP position (0-based line, UTF-16 column), clamped to the line.
    static func offset(line: Int, character: Int, in source: SourceFile) -> Int {
        guard line >= 0 else { return 0 }
        guard line < source.lineCount else { return source.bytes.count }
        let range = source.lineRange(line + 1)
        var units = 0
        var i = range.start
        let bytes = source.bytes
        while i < range.end && units < character {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            units += length == 4 ? 2 : 1
            i += length
        }
        return min(i, range.end)
    }

    static func position(_ offset: Int, in source: SourceFile) -> JSONValue {
        let l = source.location(of: offset, in: .utf16CodeUnits)
        return ["line": .int(l.line - 1), "character": .int(l.column - 1)]
    }

    static func range(_ r: SourceRange, in source: SourceFile) -> JSONValue {
        ["start": position(r.start, in: source), "end": position(max(r.end, r.start), in: source)]
    }
}

extension LanguageServer {
    /// `offset(line:character:in:)`, for tests.
    package static func offsetForTests(line: Int, character: Int, in source: SourceFile) -> Int {
        offset(line: line, character: character, in: source)
    }
}
