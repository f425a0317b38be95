import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolkuDiagram
import PolkuGraphviz
import PolkuPipeline
import PolkuServe
import PolkuSyntax
import Testing

/// `polku serve`: every route, driven in-process with Hummingbird's testing library, and the
/// checks that keep the workshop safe (token, origin, host, paths, sizes).
@Suite struct ServeTests {
    /// A folder with three journeys (one with errors, one in a subfolder), a file that is not a
    /// journey, and a journey outside the folder reached through a symbolic link.
    static func workshopFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-serve-\(UUID().uuidString)")
        let outside = dir.appendingPathComponent("outside")
        let served = dir.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Fixture.read("Examples/book-tipping.polku").write(to: served.appendingPathComponent("book-tipping.polku"), atomically: true, encoding: .utf8)
        try Fixture.read("Examples/kaukolaina-fi.polku").write(to: served.appendingPathComponent("sub/kaukolaina.polku"), atomically: true, encoding: .utf8)
        try Self.broken.write(to: served.appendingPathComponent("broken.polku"), atomically: true, encoding: .utf8)
        try "secret".write(to: served.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try Self.broken.write(to: outside.appendingPathComponent("secret.polku"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: served.appendingPathComponent("link.polku").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.polku").path)
        return served
    }

    /// Removes a folder made by `workshopFolder`, with the journey outside it.
    static func remove(_ served: URL) {
        try? FileManager.default.removeItem(at: served.deletingLastPathComponent())
    }

    static let broken = """
    journey: Broken on purpose
    before:
      step ask: Asks about something
        via: nowhere
    """

    static func server(_ path: String, language: KeywordLanguage? = nil, largestBody: Int = 2 << 20) throws -> WorkshopServer {
        let workshop = try Workshop(ServeOptions(path: path, language: language, largestBody: largestBody, pollInterval: .milliseconds(20)))
        return WorkshopServer(workshop, host: "127.0.0.1", port: 0, token: "test-token")
    }

    static func headers(token: String? = "test-token", origin: String? = "http://localhost") -> HTTPFields {
        var fields = HTTPFields()
        if let token { fields[HTTPField.Name("X-Polku-Token")!] = token }
        if let origin { fields[.origin] = origin }
        return fields
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// Runs the server on a free port of 127.0.0.1 while `body` talks to it over TCP.
    static func running(_ server: WorkshopServer, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let (ports, portSent) = AsyncStream<Int>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run(signals: false) { port in portSent.yield(port) } }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure(message: "the server did not start") }
            defer { group.cancelAll() }
            try await body(port)
        }
    }

    // MARK: - Reading

    @Test func theFolderListsItsJourneysWithTheirQuestionsAndErrors() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                #expect(page.contains("href=\"/journey/book-tipping.polku\""))
                #expect(page.contains("href=\"/journey/sub/kaukolaina.polku\""))
                #expect(page.contains("Book-tipping evening for crime-fiction readers"))
                #expect(page.contains("no open questions"))
                #expect(page.contains("Kaukolaina kotiseutuharrastajalle"))
                #expect(page.contains("2 open questions"))
                #expect(page.contains("⚠ 1 error"), "the broken journey is listed with its error")
                #expect(!page.contains("secret"), "a link out of the folder is not listed")
                #expect(!page.contains("notes.txt"))
            }
        }
    }

    @Test func oneJourneyIsWhereTheAddressLeads() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.appendingPathComponent("book-tipping.polku").path)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/journey/book-tipping.polku")
            }
            // Only that journey: its neighbours are not served.
            try await client.execute(uri: "/journey/broken.polku", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/journey/book-tipping.polku", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func theJourneyPageHasTheDiagramTheQuestionsTheSummaryAndTheChecklist() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/journey/sub/kaukolaina.polku", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"))
                #expect(!csp.contains("http"), "nothing from outside")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let page = Self.text(response)
                #expect(page.contains("<html lang=\"fi\">"), "a Finnish journey's page speaks Finnish")
                #expect(page.contains("Kysymykset työpajalle"))
                #expect(page.contains("<svg"))
                #expect(page.contains("id=\"step&#45;3\""), "cards can be found by their number (Graphviz writes - as &#45;)")
                // The findings as questions, each naming its card.
                #expect(page.contains("data-step=\"3\""))
                #expect(page.contains("Mitä voisimme suositella tässä?"))
                #expect(page.contains("<th scope=\"row\">Yhteensä</th>"), "the summary table")
                #expect(page.contains("data-tick="), "the checklist's ticks are kept")
                #expect(page.contains("\"token\":\"test-token\""))
                #expect(!page.contains("<script>"), "no inline script: the policy allows none")
                let outside = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
                    .replacingOccurrences(of: "xmlns:xlink=\"http://www.w3.org/1999/xlink\"", with: "")
                #expect(!outside.contains("https://") && !outside.contains("http://"), "nothing from the internet")
            }
            try await client.execute(uri: "/journey/sub/kaukolaina.polku?lang=en&layout=timeline", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("<html lang=\"en\">"))
                #expect(page.contains("Questions for the workshop"))
                #expect(page.contains("<option value=\"timeline\" selected>"))
            }
        }
    }

    @Test func theAssetsAreServedByPolku() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/assets/polku.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                let script = Self.text(response)
                #expect(script.contains("EventSource"))
                #expect(script.contains("polku-ticks"))
                #expect(!script.contains("http://") && !script.contains("https://"))
            }
            try await client.execute(uri: "/assets/polku.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(Self.text(response).contains("body.projector"))
            }
            try await client.execute(uri: "/assets/other.js", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func onlyTheJourneysGivenAreServed() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        let attempts = [
            "/journey/../outside/secret.polku", "/journey/%2e%2e/outside/secret.polku", "/journey/%2E%2E%2Foutside%2Fsecret.polku",
            "/journey/sub/../../outside/secret.polku", "/journey//etc/passwd", "/journey/%2Fetc%2Fpasswd",
            "/journey/link.polku", "/journey/notes.txt", "/journey/sub", "/journey/sub/", "/journey/./book-tipping.polku",
            "/journey/missing.polku", "/journey/", "/journey/book-tipping.polku%00", "/journey/sub%5Ckaukolaina.polku",
            "/api/view/../outside/secret.polku", "/api/view/link.polku", "/api/events/link.polku",
            "/api/events/%2e%2e/outside/secret.polku", "/etc/passwd", "/Examples/book-tipping.polku",
        ]
        try await server.application().test(.router) { client in
            for uri in attempts {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!Self.text(response).contains("Broken on purpose"), "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy] != nil, "\(uri): refusals carry the policy too")
                }
            }
            for uri in ["/api/check/link.polku", "/api/save/../outside/secret.polku", "/api/export/link.polku?format=svg"] {
                try await client.execute(uri: uri, method: .post, headers: Self.headers(), body: ByteBuffer(string: "x")) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
        #expect(try String(contentsOf: folder.deletingLastPathComponent().appendingPathComponent("outside/secret.polku"), encoding: .utf8) == Self.broken)
    }

    @Test func aJourneyViewIsJSONWithEveryPiece() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/api/view/book-tipping.polku?layout=compact", method: .get) { response in
                #expect(response.status == .ok)
                let view = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(view["drawn"] as? Bool == true)
                #expect(view["stale"] as? Bool == false)
                #expect((view["diagram"] as? String)?.hasPrefix("<svg") == true)
                #expect(view["questionCount"] as? Int == 0)
                #expect((view["text"] as? String)?.contains("journey:") == true)
                #expect((view["version"] as? String)?.count == 16)
                #expect(view["problems"] as? String == "")
            }
        }
    }

    // MARK: - Errors

    @Test func aJourneyWithErrorsShowsThemWithTheirLinesAndKeepsTheLastDiagram() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        let file = folder.appendingPathComponent("book-tipping.polku")
        let good = try String(contentsOf: file, encoding: .utf8)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/api/view/broken.polku", method: .get) { response in
                let view = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(view["drawn"] as? Bool == false)
                #expect(view["stale"] as? Bool == false, "nothing was ever drawn")
                #expect(view["errorCount"] as? Int == 1)
                let problems = view["problems"] as? String ?? ""
                #expect(problems.contains("data-line=\"4\""))
                #expect(problems.contains("line 4"))
                #expect(problems.contains("nowhere"))
                #expect(view["status"] as? String == "1 error")
            }
            // Drawn once, then broken: the last diagram stays, marked out of date.
            _ = try await client.execute(uri: "/api/view/book-tipping.polku", method: .get)
            try good.replacingOccurrences(of: "via: social", with: "via: socal").write(to: file, atomically: true, encoding: .utf8)
            try await client.execute(uri: "/api/view/book-tipping.polku", method: .get) { response in
                let view = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(view["drawn"] as? Bool == false)
                #expect(view["stale"] as? Bool == true)
                #expect((view["diagram"] as? String)?.hasPrefix("<svg") == true)
                #expect((view["problems"] as? String)?.contains("did you mean `social`?") == true)
            }
            try await client.execute(uri: "/journey/book-tipping.polku", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("Out of date: this is the last diagram drawn before the errors."))
                #expect(page.contains("class=\"diagram is-stale\""))
            }
        }
    }

    // MARK: - Changing

    @Test func changesNeedTheTokenAndTheOrigin() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        let text = ByteBuffer(string: try Fixture.read("Examples/book-tipping.polku"))
        var crossSite = Self.headers()
        crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
        let refused: [(HTTPFields, String)] = [
            (Self.headers(token: nil), "does not carry the page's token"),
            (Self.headers(token: "wrong-token"), "does not carry the page's token"),
            (Self.headers(token: "test-token-longer"), "does not carry the page's token"),
            (Self.headers(origin: nil), "came from another site"),
            (Self.headers(origin: "http://evil.example"), "came from another site (http://evil.example)"),
            (Self.headers(origin: "http://localhost:1"), "came from another site"),
            (Self.headers(origin: "null"), "came from another site"),
            (crossSite, "came from another site"),
        ]
        try await server.application().test(.router) { client in
            for route in ["/api/check/book-tipping.polku", "/api/save/book-tipping.polku", "/api/export/book-tipping.polku?format=md"] {
                for (headers, words) in refused {
                    try await client.execute(uri: route, method: .post, headers: headers, body: text) { response in
                        #expect(response.status == .forbidden, "\(route) \(headers)")
                        #expect(Self.text(response).contains(words), "\(route): \(Self.text(response))")
                    }
                }
            }
            // Reading a journey's view by GET never changes anything, and a GET to a route that
            // changes is not one.
            try await client.execute(uri: "/api/save/book-tipping.polku", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/check/book-tipping.polku", method: .post, headers: Self.headers(),
                                     body: ByteBuffer(string: "journey: Posted\nvia: web\nbefore:\n  step a: Reads\n")) { response in
                #expect(response.status == .ok)
                let view = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(view["title"] as? String == "Posted")
                #expect((view["diagram"] as? String)?.contains("Reads") == true)
            }
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("book-tipping.polku"), encoding: .utf8) == String(buffer: text))
    }

    @Test func largeBodiesAreRefused() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path, largestBody: 64 << 10)
        try await server.application().test(.router) { client in
            let big = ByteBuffer(string: "journey: Big\n" + String(repeating: "# comment line\n", count: 10_000))
            try await client.execute(uri: "/api/check/book-tipping.polku", method: .post, headers: Self.headers(), body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.text(response).contains("larger than"))
            }
        }
    }

    @Test func savingWritesTheFileOnlyIfItIsTheVersionThePageHad() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        let file = folder.appendingPathComponent("book-tipping.polku")
        let original = try String(contentsOf: file, encoding: .utf8)
        let base = Workshop.version(Array(original.utf8))
        let edited = original.replacingOccurrences(of: "Book-tipping evening", with: "Book-tipping night")
        @Sendable func body(_ text: String, _ base: String) throws -> ByteBuffer {
            ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["text": text, "base": base]))
        }
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/api/save/book-tipping.polku", method: .post, headers: Self.headers(), body: try body(edited, base)) { response in
                #expect(response.status == .ok)
                let answer = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String])
                #expect(answer["version"] == Workshop.version(Array(edited.utf8)))
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == edited)
            // The page still has the old version: saving again is refused, with both versions.
            let mine = original + "\n# mine\n"
            try await client.execute(uri: "/api/save/book-tipping.polku", method: .post, headers: Self.headers(), body: try body(mine, base)) { response in
                #expect(response.status == .conflict)
                let answer = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String])
                #expect(answer["disk"] == edited)
                #expect(answer["version"] == Workshop.version(Array(edited.utf8)))
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == edited, "a refused save writes nothing")
            try await client.execute(uri: "/api/save/book-tipping.polku", method: .post, headers: Self.headers(), body: ByteBuffer(string: "not json")) { response in
                #expect(response.status == .badRequest)
            }
        }
        // Written whole (a temporary file renamed): nothing else is left in the folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["book-tipping.polku", "broken.polku", "link.polku", "notes.txt", "sub"])
    }

    @Test func downloadsAreOfTheTextOnScreen() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        let text = try Fixture.read("Examples/book-tipping.polku").replacingOccurrences(of: "Book-tipping evening", with: "Unsaved title")
        let expectations: [(String, String, @Sendable (String, [UInt8]) -> Bool)] = [
            ("svg", "image/svg+xml", { s, _ in s.contains("<svg") && s.contains("Unsaved title") }),
            ("png", "image/png", { _, b in b.starts(with: [0x89, 0x50, 0x4E, 0x47]) }),
            ("pdf", "application/pdf", { _, b in b.starts(with: Array("%PDF".utf8)) }),
            ("md", "text/markdown; charset=utf-8", { s, _ in s.hasPrefix("# ") && s.contains("Unsaved title") }),
            ("html", "text/html; charset=utf-8", { s, _ in s.hasPrefix("<!DOCTYPE html>") && s.contains("Unsaved title") }),
            ("csv", "text/csv; charset=utf-8", { s, _ in s.contains("Unsaved title") || s.contains(",") }),
        ]
        try await server.application().test(.router) { client in
            for (format, type, check) in expectations {
                try await client.execute(uri: "/api/export/book-tipping.polku?format=\(format)", method: .post,
                                         headers: Self.headers(), body: ByteBuffer(string: text)) { response in
                    #expect(response.status == .ok, "\(format)")
                    #expect(response.headers[.contentType] == type, "\(format)")
                    #expect(response.headers[.contentDisposition]?.contains("filename=\"book-tipping.\(format)\"") == true)
                    let bytes = Array(buffer: response.body)
                    #expect(check(String(decoding: bytes, as: UTF8.self), bytes), "\(format)")
                }
            }
            try await client.execute(uri: "/api/export/book-tipping.polku?format=docx", method: .post, headers: Self.headers(),
                                     body: ByteBuffer(string: text)) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("no download format `docx`"))
            }
            try await client.execute(uri: "/api/export/book-tipping.polku?format=svg", method: .post, headers: Self.headers(),
                                     body: ByteBuffer(string: Self.broken)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Self.text(response).contains("line 4:"))
            }
        }
    }

    // MARK: - Live, over a real connection

    @Test func savingTheFileSendsEveryOpenPageTheNewView() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        let file = folder.appendingPathComponent("book-tipping.polku")
        try await Self.running(server) { port in
            let connection = try RawConnection(port: port)
            try connection.send("GET /api/events/book-tipping.polku HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            let first = try await connection.read(until: "\n\n", containing: "event: view")
            #expect(first.contains("text/event-stream"))
            #expect(first.contains("Book-tipping evening"))
            // A change in place, as an editor saves.
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "Book-tipping evening", with: "Live-edited evening").write(to: file, atomically: false, encoding: .utf8)
            let second = try await connection.read(until: "\n\n", containing: "Live-edited evening")
            #expect(second.contains("\"drawn\":true"))
            // Broken: the errors arrive, with the last diagram out of date.
            try Self.broken.write(to: file, atomically: true, encoding: .utf8)
            let third = try await connection.read(until: "\n\n", containing: "\"errorCount\":1")
            #expect(third.contains("\"stale\":true"))
            // A polku.toml beside it counts as a change too.
            try "[rules]\nmissing-recommendation = \"off\"\n".write(to: folder.appendingPathComponent("polku.toml"), atomically: true, encoding: .utf8)
            try text.write(to: file, atomically: true, encoding: .utf8)
            _ = try await connection.read(until: "\n\n", containing: "\"errorCount\":0")
            connection.close()
        }
    }

    @Test func requestsForAnotherHostAreRefused() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        try await Self.running(server) { port in
            for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost:\(port + 1)"] {
                let connection = try RawConnection(port: port)
                try connection.send("GET /journey/book-tipping.polku HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                let answer = try await connection.readAll()
                #expect(answer.hasPrefix("HTTP/1.1 421"), "\(host): \(answer.prefix(60))")
                #expect(!answer.contains("Book-tipping evening"))
                connection.close()
            }
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
                let connection = try RawConnection(port: port)
                try connection.send("GET /journey/book-tipping.polku HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(try await connection.readAll().hasPrefix("HTTP/1.1 200"), "\(host)")
                connection.close()
            }
        }
    }

    @Test func aSlowConnectionDoesNotStopOthers() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let server = try Self.server(folder.path)
        try await Self.running(server) { port in
            // Twenty connections that send half a request and then nothing.
            let slow = try (0..<20).map { _ in try RawConnection(port: port) }
            for c in slow { try c.send("GET /journey/book-tipping.polku HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Slow: ") }
            let connection = try RawConnection(port: port)
            try connection.send("GET /journey/book-tipping.polku HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            #expect(try await connection.readAll().hasPrefix("HTTP/1.1 200"))
            connection.close()
            for c in slow { c.close() }
        }
    }

    // MARK: - The render worker

    @Test func theWorkerDrawsAndIsReplaced() async throws {
        let workers = RenderWorkers(.worker(executable: Fixture.binary, arguments: ["serve", "--render-worker"], rendersPerWorker: 3))
        defer { workers.stop() }
        let dot = "digraph { a [pos=\"0,0!\"]; b [pos=\"100,0!\"] }"
        for _ in 0..<7 {
            let svg = try await workers.render(dot: dot, format: .svg)
            #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        }
        #expect(workers.workersStarted == 3, "a new worker after every 3 pictures")
        let png = try await workers.render(dot: dot, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // Graphviz's own complaint comes back as an error, and the worker goes on.
        await #expect(throws: GraphvizError.self) { try await workers.render(dot: "digraph { a -> ", format: .svg) }
        let after = try await workers.render(dot: dot, format: .svg)
        #expect(String(decoding: after, as: UTF8.self).contains("<svg"))
        // A worker that was killed is replaced for the next picture.
        let pid = try #require(workers.workerProcessID)
        kill(pid, SIGKILL)
        usleep(100_000)
        let again = try await workers.render(dot: dot, format: .svg)
        #expect(String(decoding: again, as: UTF8.self).contains("<svg"))
    }

    @Test func theServerDrawsInItsWorker() async throws {
        let folder = try Self.workshopFolder()
        defer { Self.remove(folder) }
        let workshop = try Workshop(ServeOptions(path: folder.path, render: .worker(
            executable: Fixture.binary, arguments: ["serve", "--render-worker"], rendersPerWorker: 2)))
        defer { workshop.workers.stop() }
        for _ in 0..<3 {
            let view = try #require(await workshop.view("book-tipping.polku", choice: ViewChoice(layout: .auto, language: nil)))
            #expect(view.drawn)
            #expect(view.diagram.contains("id=\"step&#45;6\""))
        }
        #expect(workshop.workers.workersStarted == 2)
    }

    // MARK: - The command line

    @Test func aPortInUseIsSaidClearly() throws {
        let listener = try RawListener()
        let result = try runPolku(["serve", Fixture.path("Examples/book-tipping.polku"), "--port", "\(listener.port)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("port \(listener.port) is in use by another program"), "\(result.stderr)")
        #expect(!result.stderr.contains("NIO"), "no internal error text")
        listener.close()
    }

    @Test func aMissingJourneyIsSaidClearly() throws {
        let result = try runPolku(["serve", "no-such-journey.polku"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read `no-such-journey.polku`"))
    }

    @Test func openStartsTheDesktopsBrowserOnTheAddress() throws {
        // A stand-in for xdg-open that writes down what it was asked to open.
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("polku-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        let opened = bin.appendingPathComponent("opened.txt")
        let opener = bin.appendingPathComponent("xdg-open")
        try "#!/bin/sh\necho \"$1\" > \(opened.path)\n".write(to: opener, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: opener.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = ["serve", Fixture.path("Examples/book-tipping.polku"), "--port", "0", "--open"]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["POLKU_LANG"] = "en"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: opened.path), Date() < deadline { usleep(50_000) }
        usleep(100_000)
        process.interrupt()
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let address = try String(contentsOf: opened, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(address.hasPrefix("http://127.0.0.1:") && address.hasSuffix("/"))
        #expect(printed.contains(address), "the browser opens the address printed")
    }

    @Test func ctrlCStopsTheServerCleanly() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = ["serve", Fixture.path("Examples/book-tipping.polku"), "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["POLKU_LANG"] = "en"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Wait for the address, open a page's events (a connection that stays open), then stop.
        var printed = ""
        let deadline = Date().addingTimeInterval(30)
        while !printed.contains("Ctrl-C"), Date() < deadline {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(printed.contains("Polku is serving"))
        let port = try #require(printed.split(separator: ":").dropFirst(2).first.flatMap { Int($0.prefix(while: \.isNumber)) })
        let events = try RawConnection(port: port)
        try events.send("GET /api/events/book-tipping.polku HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        _ = try events.read(until: "\n\n", containing: "event: view")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("Stopped."))
        events.close()
    }
}

/// A plain TCP connection, for what an HTTP client library hides: a `Host` of our choosing,
/// half-sent requests, a stream of events read as it comes.
final class RawConnection: @unchecked Sendable {
    let socket: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure(message: "cannot connect to port \(port)") }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw TestFailure(message: "send failed") }
    }

    /// Reads until a piece ending in `separator` contains `text`; returns everything up to
    /// that piece's end (earlier pieces included). Gives up after 20 seconds.
    func read(until separator: String, containing text: String) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let now = String(decoding: buffer, as: UTF8.self)
            if let found = now.range(of: text), let end = now.range(of: separator, range: found.upperBound..<now.endIndex) {
                let piece = String(now[..<end.upperBound])
                buffer.removeFirst(piece.utf8.count)
                return piece
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(socket, &chunk, chunk.count, 0)
            if n > 0 { buffer += chunk[0..<n] } else if n == 0 { break }
        }
        throw TestFailure(message: "no \(text) in: \(String(decoding: buffer.suffix(300), as: UTF8.self))")
    }

    func readAll() throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(socket, &chunk, chunk.count, 0)
            if n > 0 { buffer += chunk[0..<n] } else if n == 0 { break }
            else if errno != EAGAIN && errno != EINTR { throw TestFailure(message: "recv failed: errno \(errno)") }
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    func close() { Glibc.close(socket) }

    /// The same, waiting on a thread of its own: a test's server answers on Swift's
    /// cooperative threads, which a blocking read would take from it.
    func read(until separator: String, containing text: String) async throws -> String {
        try await Self.off { try self.read(until: separator, containing: text) }
    }

    func readAll() async throws -> String {
        try await Self.off { try self.readAll() }
    }

    static func off<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// A port taken by someone else.
final class RawListener {
    let socket: Int32
    let port: Int

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
                guard bind(fd, p, length) == 0, listen(fd, 4) == 0 else { return -1 }
                return getsockname(fd, p, &length)
            }
        }
        guard bound == 0 else { throw TestFailure(message: "cannot listen") }
        socket = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(socket) }
}
