import ArgumentParser
import Foundation
import PolkuLanguageServer

/// `polku lsp`: the language server, over standard input and output.
struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for editors (Language Server Protocol over standard input and output).",
        discussion: """
        Editors start it themselves: see the README's Editors section for Neovim, Helix and \
        VS Code. It checks a journey on every change and offers completion, hover, go to \
        definition, references, rename, formatting and quick fixes.
        """
    )

    func run() throws {
        let server = LanguageServer()
        var reader = Framing.Reader()
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        while server.exitCode == nil {
            let data = input.availableData
            if data.isEmpty { break }
            reader.append(data)
            while let next = reader.next() {
                let replies: [JSONValue]
                switch next {
                case .success(let body): replies = server.handle(body)
                case .failure: replies = [["jsonrpc": "2.0", "id": .null, "error": ["code": -32700, "message": "the header has no Content-Length"]]]
                }
                for reply in replies { output.write(Framing.frame(reply)) }
                if server.exitCode != nil { break }
            }
        }
        // 0 after `shutdown` and `exit`; 1 when the editor went away without them.
        let code = server.exitCode ?? 1
        if code != 0 { throw ExitCode(code) }
    }
}
