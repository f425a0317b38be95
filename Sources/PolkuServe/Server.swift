import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PolkuDiagram
import PolkuSyntax
import ServiceLifecycle
import Synchronization

/// `polku serve` over HTTP: the routes of the workshop page, and the checks that keep it safe.
///
/// - Reading (`GET`): the page, its assets, a journey's view and its events. Only the journeys
///   given are served (`Workshop.resolve`); anything else is 404.
/// - Changing (`POST`: check posted text, save, download what is on screen): only from Polku's
///   own page, which carries the session's token (`X-Polku-Token`) and whose `Origin` is the
///   address being served. A page on another site cannot read the token, so it cannot write
///   the user's files.
/// - Every request must name the address being served in its `Host` (which stops another site
///   reaching the server through a DNS name of its own that points at 127.0.0.1).
/// - Bodies are limited (`ServeOptions.largestBody`); the Content-Security-Policy allows
///   nothing from outside.
package final class WorkshopServer: Sendable {
    package let workshop: Workshop
    package let live: LiveJourneys
    /// The session's token, which every change must carry.
    package let token: String
    package let host: String
    private let requestedPort: Int
    /// The port listened on (known once running; `--port 0` picks a free one).
    private let boundPort = Atomic<Int>(0)

    package static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    package init(_ workshop: Workshop, host: String = "127.0.0.1", port: Int = 0, token: String? = nil) {
        self.workshop = workshop
        self.live = LiveJourneys(workshop)
        self.host = host
        self.requestedPort = port
        self.token = token ?? Self.newToken()
    }

    package var port: Int { boundPort.load(ordering: .relaxed) }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Whether `host` is this computer only.
    package static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The address a person opens.
    package var address: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "http://\(name == "0.0.0.0" || name == "[::]" ? "127.0.0.1" : name):\(port)"
    }

    /// The HTTP server (without the watcher: tests drive it alone).
    /// - Parameter running: called with the port once the server listens.
    package func application(running: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: Guard(server: self))
        addRoutes(router)
        var http1 = HTTP1Channel.Configuration()
        // A connection that sends nothing for this long (a request never finished) is closed.
        http1.idleTimeout = .seconds(30)
        return Application(
            router: router,
            server: .http1(configuration: http1),
            configuration: .init(address: .hostname(host, port: requestedPort), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                self.boundPort.store(port, ordering: .relaxed)
                await running(port)
            },
            logger: Self.quiet
        )
    }

    static let quiet = Logger(label: "polku-serve", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs the server and the watcher that keeps pages live, until Ctrl-C (or SIGTERM), or
    /// until the task is cancelled. At a shutdown, the watcher stops first and ends every
    /// page's events, so that the server has no open request to wait for.
    package func run(signals: Bool = true, running: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [application(running: running), Watcher(live: live, interval: workshop.options.pollInterval)],
            gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [],
            logger: Self.quiet))
        try await group.run()
    }

    /// Looks for changes while the server runs; at a graceful shutdown (Ctrl-C), ends every
    /// page's events.
    struct Watcher: Service {
        let live: LiveJourneys
        let interval: Duration

        func run() async throws {
            await cancelWhenGracefulShutdown {
                await live.watch(every: interval)
            }
            await live.finishAll()
        }
    }

    // MARK: - Routes

    private func addRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/") { _, _ -> Response in
            if let single = self.workshop.single {
                return Response(status: .seeOther, headers: [.location: "/journey/" + Workshop.percentEncoded(single)])
            }
            return Self.html(self.workshop.index(await self.workshop.entries()))
        }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/assets/polku.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("/assets/polku.js") { _, _ in Self.asset(Assets.script, type: "text/javascript; charset=utf-8") }
        router.get("/journey/**") { request, _ -> Response in
            guard let path = self.journeyPath(request, after: "/journey/") else { return self.notFound() }
            let choice = self.choice(request)
            guard let view = await self.workshop.view(path, choice: choice) else { return self.notFound() }
            return Self.html(self.workshop.page(view, choice: choice, token: self.token))
        }
        router.get("/api/view/**") { request, _ -> Response in
            guard let path = self.journeyPath(request, after: "/api/view/"),
                  let view = await self.workshop.view(path, choice: self.choice(request)) else { return self.notFound() }
            return Self.json(view.json)
        }
        router.get("/api/events/**") { request, _ -> Response in
            guard let path = self.journeyPath(request, after: "/api/events/"),
                  let events = await self.live.subscribe(path, choice: self.choice(request)) else { return self.notFound() }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                // Ends when the page goes away (writing fails) or the server stops (the
                // watcher ends every page's events).
                for await event in events {
                    do { try await writer.write(ByteBuffer(string: event)) } catch { break }
                }
                try? await writer.finish(nil)
            })
        }
        router.post("/api/check/**") { request, context -> Response in
            let path: String, text: String
            switch await self.change(request, after: "/api/check/") {
            case .refused(let response): return response
            case .accepted(let p, let t): (path, text) = (p, t)
            }
            guard let view = await self.workshop.view(path, text: text, choice: self.choice(request)) else { return self.notFound() }
            return Self.json(view.json)
        }
        router.post("/api/save/**") { request, context -> Response in
            let path: String, body: String
            switch await self.change(request, after: "/api/save/") {
            case .refused(let response): return response
            case .accepted(let p, let t): (path, body) = (p, t)
            }
            struct Save: Decodable { var text: String; var base: String }
            guard let save = try? JSONDecoder().decode(Save.self, from: Data(body.utf8)) else {
                return self.refuse(.badRequest, .badRequest, .text("{\"text\": …, \"base\": …}"))
            }
            switch self.workshop.save(path, text: save.text, base: save.base) {
            case nil: return self.notFound()
            case .saved(let version)?:
                await self.live.look()
                return Self.json(Self.object(["saved": "true", "version": version]))
            case .conflict(let disk, let version)?:
                return Self.json(Self.object(["disk": disk, "version": version]), status: .conflict)
            case .failed(let reason)?:
                let language = self.workshop.options.language ?? self.workshop.options.fallback
                return Self.json(Self.object(["error": Workshop.say(.cannotSave, language, .text(reason))]), status: .internalServerError)
            }
        }
        router.post("/api/export/**") { request, context -> Response in
            let formatName = request.uri.queryParameters.get("format") ?? ""
            let format = Workshop.Download(rawValue: formatName)
            let path: String, text: String
            switch await self.change(request, after: "/api/export/", unless: {
                format == nil ? self.refuse(.badRequest, .noSuchFormat, .text(formatName)) : nil
            }) {
            case .refused(let response): return response
            case .accepted(let p, let t): (path, text) = (p, t)
            }
            guard let format else { return self.refuse(.badRequest, .noSuchFormat, .text(formatName)) }
            switch await self.workshop.download(path, text: text, format: format, choice: self.choice(request)) {
            case nil: return self.notFound()
            case .problems(let lines)?:
                return Response(status: .unprocessableContent, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n")))
            case .file(let bytes)?:
                let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                let name = base + "." + format.rawValue
                var headers = HTTPFields()
                headers[.contentType] = format.contentType
                headers[.contentDisposition] = "attachment; filename=\"\(name.filter { $0.isASCII && $0 != "\"" && $0 != "\\" })\"; filename*=UTF-8''\(Workshop.percentEncoded(name))"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
    }

    // MARK: - Pieces

    /// The journey's path in the served folder, from the request's path after `prefix`.
    private func journeyPath(_ request: Request, after prefix: String) -> String? {
        let raw = request.uri.path
        guard raw.hasPrefix(prefix), let decoded = String(raw.dropFirst(prefix.count)).removingPercentEncoding else { return nil }
        return decoded
    }

    /// The layout and language the page asked for (`?layout=compact&lang=fi`; `lang=` for the
    /// journey's own), else what the server was started with.
    private func choice(_ request: Request) -> ViewChoice {
        let query = request.uri.queryParameters
        let layout = query.get("layout").flatMap(DiagramLayout.init(rawValue:)) ?? workshop.options.layout
        let language: KeywordLanguage?
        if let lang = query.get("lang") {
            language = KeywordLanguage(rawValue: lang)
        } else {
            language = workshop.options.language
        }
        return ViewChoice(layout: layout, language: language)
    }

    private var language: KeywordLanguage { workshop.options.language ?? workshop.options.fallback }

    /// Why a request that changes something is refused, or nil if it is Polku's own page's.
    private func refusal(_ request: Request) -> Response? {
        let host = request.head.authority ?? ""
        guard let origin = request.headers[.origin], origin == "http://\(host)" else {
            return refuse(.forbidden, .refusedOrigin, .text(request.headers[.origin] ?? "—"))
        }
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin" {
            return refuse(.forbidden, .refusedOrigin, .text(origin))
        }
        guard let given = request.headers[HTTPField.Name("X-Polku-Token")!], Self.same(given, token) else {
            return refuse(.forbidden, .refusedToken)
        }
        return nil
    }

    /// Compares in a time that does not depend on where the two differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    /// The request's body as text, up to the limit.
    private enum Change { case accepted(path: String, text: String), refused(Response) }

    /// What every request that changes something goes through, in this order: it must come
    /// from Polku's own page (`refusal`), name a served journey after `prefix`, pass the
    /// route's own check (`unless`), and have a body within the limit, read as text.
    private func change(_ request: Request, after prefix: String, unless: () -> Response? = { nil }) async -> Change {
        if let refusal = refusal(request) { return .refused(refusal) }
        guard let path = journeyPath(request, after: prefix), workshop.resolve(path) != nil else { return .refused(notFound()) }
        if let refusal = unless() { return .refused(refusal) }
        let limit = workshop.options.largestBody
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return .refused(refuse(.contentTooLarge, .tooLarge, .number(limit >> 20)))
        }
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return .accepted(path: path, text: String(buffer: buffer))
        } catch {
            return .refused(refuse(.contentTooLarge, .tooLarge, .number(limit >> 20)))
        }
    }

    func refuse(_ status: HTTPResponse.Status, _ key: ServeMessage, _ values: MessageValue...) -> Response {
        let text = Message(key, values: values).text(language, keywords: language)
        return Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    func notFound() -> Response {
        Self.html(Workshop.messagePage(Workshop.say(.notFound, language), language: language), status: .notFound)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func object(_ fields: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Checks every request's `Host`, and puts the security headers on every response
    /// (including refusals and Polku's own 404 page).
    struct Guard: RouterMiddleware {
        typealias Context = BasicRequestContext
        let server: WorkshopServer

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            var response: Response
            if let refusal = hostRefusal(request) {
                response = refusal
            } else {
                do {
                    response = try await next(request, context)
                } catch let error as HTTPError where error.status == .notFound {
                    response = server.notFound()
                } catch let error as HTTPError where error.status == .contentTooLarge {
                    response = server.refuse(.contentTooLarge, .tooLarge, .number(server.workshop.options.largestBody >> 20))
                }
            }
            response.headers[.contentSecurityPolicy] = WorkshopServer.contentSecurityPolicy
            response.headers[.xContentTypeOptions] = "nosniff"
            response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
            response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
            if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
            return response
        }

        /// A request whose `Host` is not the address served (another name pointing here, or
        /// another port) is refused. Served on all addresses, any name is accepted.
        private func hostRefusal(_ request: Request) -> Response? {
            let host = request.head.authority ?? ""
            if server.host == "0.0.0.0" || server.host == "::" { return nil }
            var name = Substring(host), port: Substring = ""
            if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
                name = host[host.index(after: host.startIndex)..<close]
                port = host[close...].dropFirst().drop(while: { $0 == ":" })
            } else if let colon = host.lastIndex(of: ":") {
                name = host[..<colon]
                port = host[host.index(after: colon)...]
            }
            let names: Set<Substring> = WorkshopServer.isLoopback(server.host)
                ? ["127.0.0.1", "localhost", "::1", Substring(server.host)] : [Substring(server.host)]
            let expected = server.port
            // No port: the name is what matters (another site's name pointing here).
            let portMatches = expected == 0 || port.isEmpty || port == "\(expected)"
            if names.contains(Substring(name.lowercased())) && portMatches { return nil }
            return server.refuse(.misdirectedRequest, .refusedHost, .text(host.isEmpty ? "—" : host))
        }
    }
}
