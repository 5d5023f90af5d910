import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import SQLKit
import Testing
import Vapor

@testable import ConcordWeb

/// Sign-in under load, as issue 12 probed it: racing wrong passwords, cookieless visits that
/// filled the session table, and a second sign-in that left the first session working.
@Suite("Signing in, hardened")
struct SignInHardeningTests {
    static let practitioner = demo("practitioner.csc", "oldham")

    static func count(_ h: WebHarness, _ table: String) async throws -> Int {
        let row = try await (h.database.database as! any SQLDatabase)
            .raw(SQLQueryString("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")).first()
        return try #require(row).decode(column: "n", as: Int.self)
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    @Test(
        "racing wrong passwords reach the password check no more often than the limit", arguments: WebBackend.allCases)
    func racingWrongPasswords(_ backend: WebBackend) async throws {
        try await WebHarness.with(backend: backend) { h in
            let browser = h.browser()
            let form = try await browser.get("/sign-in")
            let csrf = try #require(form.hidden("csrf"))
            let nonce = try #require(browser.cookies[FormTokens.cookieName])
            let body = "csrf=\(Self.encoded(csrf))&email=\(Self.encoded(Self.practitioner))&password=wrong-guess"
            let checked = h.app.passwords.statistics.verified
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await h.raw(.POST, "/sign-in", cookies: "\(FormTokens.cookieName)=\(nonce)", body: body)
                            .status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            let verified = h.app.passwords.statistics.verified - checked
            #expect(verified <= 5, "\(verified) of 40 racing attempts reached bcrypt")
            #expect(statuses.filter { $0 == .unauthorized }.count == verified)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
        }
    }

    @Test("cookieless visits store nothing, and sign-in still works", arguments: WebBackend.allCases)
    func anonymousVisitsStoreNothing(_ backend: WebBackend) async throws {
        try await WebHarness.with(backend: backend) { h in
            let before = try await Self.count(h, "web_sessions")
            for path in Array(repeating: "/sign-in", count: 30) + ["/session-ended", "/no-such-page"] {
                let page = try await h.raw(.GET, path)
                #expect(!page.headers[.setCookie].contains { $0.hasPrefix(SessionMiddleware.cookieName + "=") })
            }
            #expect(try await Self.count(h, "web_sessions") == before)

            let browser = h.browser()
            let form = try await browser.get("/sign-in")
            let cookie = try #require(form.headers[.setCookie].first { $0.hasPrefix(FormTokens.cookieName + "=") })
            #expect(cookie.lowercased().contains("httponly") && cookie.lowercased().contains("samesite=lax"))
            let signedIn = try await browser.post(
                "/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(signedIn.location == "/my-work")
            #expect(browser.cookies[FormTokens.cookieName] == nil, "the session carries the token from now on")
            #expect(try await Self.count(h, "web_sessions") == before + 1)
        }
    }

    @Test func theSignInTokenOnlyWorksWithItsOwnCookie() async throws {
        try await WebHarness.with { h in
            let mine = h.browser()
            let token = try #require(try await mine.get("/sign-in").hidden("csrf"))
            let theirs = h.browser()
            try await theirs.get("/sign-in")
            let fields = ["email": Self.practitioner, "password": DemoData.password]
            var crossed = fields
            crossed["csrf"] = token
            let refused = try await theirs.post("/sign-in", crossed)
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("This form has expired"))
            let body = "csrf=\(Self.encoded(token))&email=\(Self.encoded(Self.practitioner))&password=concord-demo"
            #expect(try await h.raw(.POST, "/sign-in", body: body).status == .forbidden, "without the cookie")
            let forged = "\(FormTokens.cookieName)=\(String(repeating: "A", count: 43))"
            #expect(try await h.raw(.POST, "/sign-in", cookies: forged, body: body).status == .forbidden)
            #expect(try await mine.post("/sign-in", fields).location == "/my-work")
        }
    }

    @Test func signingInElsewhereEndsTheEarlierSession() async throws {
        try await WebHarness.with { h in
            let first = try await h.signedIn(Self.practitioner)
            let colleague = try await h.signedIn(demo("practitioner.health", "oldham"))
            #expect(try await first.get("/my-work").status == .ok)
            let second = try await h.signedIn(Self.practitioner)
            let ended = try await first.get("/my-work")
            #expect(ended.location == "/session-ended")
            let page = try await first.get("/session-ended")
            #expect(page.body.contains("or when you sign in on another browser or device"))
            #expect(try await second.get("/my-work").status == .ok)
            #expect(try await colleague.get("/my-work").status == .ok, "another account's session is left alone")
        }
    }

    @Test("expired sessions are purged on a schedule", arguments: WebBackend.allCases)
    func expiredSessionsArePurged(_ backend: WebBackend) async throws {
        try await WebHarness.with(seed: false, backend: backend) { h in
            let sessions = h.app.concord.sessions
            for _ in 0..<3 { _ = try await sessions.start(account: UUID(), at: h.clock.now()) }
            h.clock.advance(by: sessions.idleTimeout + 1)
            let live = try await sessions.start(account: UUID(), at: h.clock.now())
            #expect(try await Self.count(h, "web_sessions") == 4)
            let purge = Task {
                await SessionPurge(sessions: sessions, clock: h.clock, interval: .milliseconds(20))
                    .run(logger: h.app.logger)
            }
            defer { purge.cancel() }
            let deadline = Date().addingTimeInterval(10)
            while try await Self.count(h, "web_sessions") > 1, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await Self.count(h, "web_sessions") == 1)
            #expect(try await sessions.resume(token: live.token, at: h.clock.now()) != nil)
        }
    }
}
