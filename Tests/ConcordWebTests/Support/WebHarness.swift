import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Vapor
import VaporTesting

@testable import ConcordWeb

/// A Concord web app on a fresh SQLite database in a temporary directory (or PostgreSQL), with
/// the clock frozen on a Monday morning and, by default on SQLite, the demo data seeded.
struct WebHarness: Sendable {
    let app: Application
    let database: ConcordDatabase
    let clock: FrozenClock
    /// Every statement the app's database runs.
    let queries: QueryLog

    /// 2026-11-23 10:00 London time.
    static let monday = Date(timeIntervalSince1970: 1_795_428_000)

    static let testSettings = WebSettings(secureCookies: false, bcryptCost: 4)

    /// On `.postgres`, a fresh database on the server ./scripts/test starts, seeded afresh.
    static func with(
        settings: WebSettings = testSettings, seed: Bool = true, backend: WebBackend = .sqlite,
        _ body: (WebHarness) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("concord-web-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.sqlite")
        if seed, backend == .sqlite { try FileManager.default.copyItem(at: try await seededTemplate.value, to: file) }
        let (url, dropDatabase) = try await backend.create(sqlite: file.path)
        let queries = QueryLog()
        let database = try await ConcordDatabase.open(url, logger: queries.logger)
        let app = try await Application.make(.testing)
        do {
            try await database.migrate()
            if seed, backend == .postgres {
                _ = try await DemoData.seed(database, hash: { try Bcrypt.hash($0, cost: 4) }, now: monday)
            }
            let clock = FrozenClock(monday)
            try ConcordWeb.configure(
                app,
                services: ConcordServices(database: database, settings: settings, clock: clock, holidays: .standard))
            try await body(WebHarness(app: app, database: database, clock: clock, queries: queries))
        } catch {
            try? await app.asyncShutdown()
            await database.shutdown()
            try? await dropDatabase()
            throw error
        }
        try await app.asyncShutdown()
        await database.shutdown()
        try await dropDatabase()
    }

    /// The demo data, seeded once per test run and copied for each test: seeding takes seconds,
    /// copying a file milliseconds. Closing the database first folds its write-ahead log into the
    /// file, so the copy is complete.
    private static let seededTemplate = Task<URL, any Error> {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concord-web-template-\(UUID()).sqlite")
        let database = try await ConcordDatabase.open(.sqlite(path: file.path))
        do {
            try await database.migrate()
            _ = try await DemoData.seed(database, hash: { try Bcrypt.hash($0, cost: 4) }, now: monday)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        return file
    }

    /// A browser with no session yet.
    func browser() -> Browser { Browser(app: app) }

    /// A browser signed in as a demo account.
    func signedIn(_ email: String, password: String = DemoData.password) async throws -> Browser {
        let browser = Browser(app: app)
        try await browser.get("/sign-in")
        let response = try await browser.post("/sign-in", ["email": email, "password": password])
        guard response.status == .seeOther else {
            throw HarnessError("signing in as \(email) answered \(response.status.code)")
        }
        return browser
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Keeps cookies between requests like a browser, and fills in each form's CSRF token from the
/// last page it saw.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var lastBody = ""

    init(app: Application) {
        self.app = app
    }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String

        var location: String? { headers.first(name: .location) }

        /// The value of the first hidden input with this name.
        func hidden(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; `csrf` is added from the last page unless given.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], repeated: [(String, String)] = []) async throws -> Page {
        var pairs = fields.map { ($0.key, $0.value) } + repeated
        if fields["csrf"] == nil, let token = Page(status: .ok, headers: [:], body: lastBody).hidden("csrf") {
            pairs.append(("csrf", token))
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = pairs.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var buffer = ByteBuffer()
        if let body {
            headers.contentType = .urlEncodedForm
            buffer.writeString(body)
        }
        let response = try await app.testing().performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: buffer))
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        if response.status != .seeOther { lastBody = text }
        return Page(status: response.status, headers: response.headers, body: text)
    }
}
