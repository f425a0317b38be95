import Foundation
import PolkuLanguageServer
import PolkuSyntax
import Testing

/// `polku lsp`: a whole editor session as a golden exchange of messages, in-process and
/// through a real process with framed messages; broken messages get JSON-RPC errors.
@Suite struct LanguageServerTests {
    static let uri = "file:///tmp/polku-lsp-test/kirjasto.polku"

    static let journey = """
    palvelupolku: Kirjan varaaminen
    kautta: verkko

    kanava automaatti: Lainausautomaatti
      osaaminen: 4
      läsnäolo: 4

    ennen palvelua:
      vaihe haku: Etsii kirjaa
        tarve: kirja lomalle
        suosittele: uutuusluettelo
        jatko: varausvahvistus
        seuraava: nouto

    palvelun aikana:
      vaihe nouto: Noutaa kirjan
        kautta: automaatti
        palvelee: asiakas itse
        tarve: kirja käteen
        salli: missing-recommendation koska automaatti ei suosittele

    """

    /// The session: each request or notification, in order.
    static var session: [JSONValue] {
        func position(_ line: Int, _ character: Int) -> JSONValue { ["line": .int(line), "character": .int(character)] }
        let doc: JSONValue = ["uri": .string(uri)]
        let changed = journey.replacingOccurrences(of: "    kautta: automaatti\n", with: "    kautta: automaati\n")
        return [
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]],
            ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": ["textDocument": ["uri": .string(uri), "languageId": "polku", "version": 1, "text": .string(journey)]]],
            // Completion: a keyword at the start of a line, channels after `kautta:`, steps
            // after `seuraava:`, rules after `salli:`.
            ["jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": ["textDocument": doc, "position": position(12, 4)]],
            ["jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": ["textDocument": doc, "position": position(16, 12)]],
            ["jsonrpc": "2.0", "id": 4, "method": "textDocument/completion", "params": ["textDocument": doc, "position": position(12, 14)]],
            ["jsonrpc": "2.0", "id": 5, "method": "textDocument/completion", "params": ["textDocument": doc, "position": position(19, 11)]],
            // Hover: a step id, a channel id, a rule name.
            ["jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": ["textDocument": doc, "position": position(12, 16)]],
            ["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": ["textDocument": doc, "position": position(16, 14)]],
            ["jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": ["textDocument": doc, "position": position(19, 15)]],
            // Definition and references of `nouto`, then renaming it.
            ["jsonrpc": "2.0", "id": 9, "method": "textDocument/definition", "params": ["textDocument": doc, "position": position(12, 16)]],
            ["jsonrpc": "2.0", "id": 10, "method": "textDocument/references",
             "params": ["textDocument": doc, "position": position(15, 9), "context": ["includeDeclaration": true]]],
            ["jsonrpc": "2.0", "id": 11, "method": "textDocument/rename",
             "params": ["textDocument": doc, "position": position(15, 9), "newName": "noutaa"]],
            ["jsonrpc": "2.0", "id": 12, "method": "textDocument/rename",
             "params": ["textDocument": doc, "position": position(15, 9), "newName": "ei kelpaa"]],
            // An edit that breaks a channel name: diagnostics again, then a did-you-mean fix.
            ["jsonrpc": "2.0", "method": "textDocument/didChange",
             "params": ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(changed)]]]],
            ["jsonrpc": "2.0", "id": 13, "method": "textDocument/codeAction",
             "params": ["textDocument": doc, "range": ["start": position(16, 12), "end": position(16, 20)],
                        "context": ["diagnostics": [["range": ["start": position(16, 12), "end": position(16, 20)], "code": "unknown-channel",
                                                     "message": "", "severity": 1]]]]],
            // Back to the good text: a quick fix that adds a follow-up line under a step.
            ["jsonrpc": "2.0", "method": "textDocument/didChange",
             "params": ["textDocument": ["uri": .string(uri), "version": 3], "contentChanges": [["text": .string(journey)]]]],
            ["jsonrpc": "2.0", "id": 14, "method": "textDocument/codeAction",
             "params": ["textDocument": doc, "range": ["start": position(15, 2), "end": position(15, 7)],
                        "context": ["diagnostics": [["range": ["start": position(15, 2), "end": position(15, 7)], "code": "missing-follow-up",
                                                     "message": "", "severity": 2]]]]],
            ["jsonrpc": "2.0", "id": 15, "method": "textDocument/formatting", "params": ["textDocument": doc, "options": ["tabSize": 2, "insertSpaces": true]]],
            ["jsonrpc": "2.0", "id": 16, "method": "textDocument/unknownThing", "params": [:]],
            ["jsonrpc": "2.0", "id": 17, "method": "textDocument/hover", "params": ["textDocument": ["uri": "file:///not/open.polku"], "position": position(0, 0)]],
            ["jsonrpc": "2.0", "id": 18, "method": "shutdown"],
            ["jsonrpc": "2.0", "method": "exit"],
        ]
    }

    /// Each reply as one line of sorted JSON.
    static func transcript(_ replies: [JSONValue]) -> String {
        replies.map { String(decoding: $0.encoded, as: UTF8.self) + "\n" }.joined()
    }

    @Test func aWholeSessionInProcess() throws {
        let server = LanguageServer()
        var replies: [JSONValue] = []
        for message in Self.session { replies += server.handle(message.encoded) }
        // Broken messages: not JSON, not a request.
        replies += server.handle(Data("{not json".utf8))
        replies += server.handle(Data("[1, 2]".utf8))
        #expect(server.exitCode == 0)
        Golden.check(Self.transcript(replies), against: Fixture.path("Tests/PolkuTests/Golden/lsp/session.jsonl"))

        let text = Self.transcript(replies)
        #expect(text.contains("\"code\":\"missing-follow-up\""), "diagnostics on open")
        #expect(text.contains("tällä palvelupolulla ei ole kanavaa `automaati`"), "diagnostics after a change, in Finnish")
        #expect(text.contains("\"newText\":\"automaatti\""), "the did-you-mean fix")
        #expect(text.contains("jatko: "), "the follow-up quick fix in the file's keywords")
        #expect(text.contains("\"label\":\"missing-recommendation\""), "rule names after salli:")
        #expect(text.contains("\"label\":\"nouto\""), "step ids after seuraava:")
        #expect(text.contains("**2. Noutaa kirjan**"), "hover on a step id")
        #expect(text.contains("{\"id\":9,\"jsonrpc\":\"2.0\",\"result\":{\"range\":{\"end\":{\"character\":13,\"line\":15}"), "definition of nouto")
        #expect(text.contains("\"code\":-32601") && text.contains("\"code\":-32700") && text.contains("\"code\":-32600"))
    }

    /// Positions are UTF-16: `ä` is one unit, an emoji two.
    @Test func positionsAreUTF16() {
        let source = SourceFile(name: "t", text: "a😀ä: x\n")
        #expect(LanguageServer.offsetForTests(line: 0, character: 3, in: source) == 5)
        #expect(LanguageServer.offsetForTests(line: 0, character: 4, in: source) == 7)
    }

    @Test func aRealProcessWithFramedMessages() throws {
        var input = Data()
        for message in Self.session { input.append(Framing.frame(message)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = ["lsp"]
        let r = try run(process, stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        var reader = Framing.Reader()
        reader.append(Data(r.stdout.utf8))
        var replies: [JSONValue] = []
        while case .success(let body)? = reader.next() { replies.append(try JSONDecoder().decode(JSONValue.self, from: body)) }
        let server = LanguageServer()
        var expected: [JSONValue] = []
        for message in Self.session { expected += server.handle(message.encoded) }
        #expect(replies == expected)
        // Without shutdown, exit means 1; a header without a length is answered, not a crash.
        let rude = Process()
        rude.executableURL = URL(fileURLWithPath: Fixture.binary)
        rude.arguments = ["lsp"]
        let bad = try run(rude, stdin: Data("Content-Type: x\r\n\r\n".utf8) + Framing.frame(["jsonrpc": "2.0", "method": "exit"]))
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("-32700"))
    }
}
