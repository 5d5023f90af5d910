import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ConcordWeb

/// What bounds a request: the size of what is sent, and how many passwords are hashed at once.
@Suite("Limits")
struct LimitsTests {
    @Test func aFormTooLongSaysSoAndWhatTheLimitIs() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let form = try await browser.get("/settings/email")
            let csrf = try #require(form.hidden("csrf"))
            let cookie = try #require(browser.sessionCookie)
            // Over a real connection: only a body that arrives in pieces is counted as it comes.
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "\(SessionMiddleware.cookieName)=\(cookie)")
            headers.contentType = .urlEncodedForm
            let response = try await h.app.testing(method: .running(hostname: "127.0.0.1", port: 0)).performTest(
                request: TestingHTTPRequest(
                    method: .POST, url: URI(path: "/settings/email"), headers: headers,
                    body: ByteBuffer(string: "csrf=\(csrf)&delivery=" + String(repeating: "x", count: 1024 * 1024 + 1)))
            )
            let page = Browser.Page(
                status: response.status, headers: response.headers, body: String(buffer: response.body))
            #expect(page.status == .payloadTooLarge)
            #expect(page.title == "What you sent is too long – Concord")
            #expect(page.body.contains("Concord accepts up to 1 MB in one form, counting any file you chose."))
            #expect(!page.body.contains("problem with Concord"))
            #expect(ErrorPages.size(h.app.routes.defaultMaxBodySize.value) == "1 MB")
            #expect(ErrorPages.size(512 * 1024) == "512 KB")
        }
    }

    @Test func noMoreThanTheLimitOfPasswordsIsHashedAtOnce() async throws {
        let hasher = PasswordHasher(limit: 2)
        let hashes = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<12 { group.addTask { try await hasher.hash("password \(index)", cost: 6) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        try await hasher.shutdown()
        #expect(Set(hashes).count == 12)
        #expect((1...2).contains(hasher.statistics.mostAtOnce), "\(hasher.statistics.mostAtOnce) at once")
        #expect(hasher.statistics.running == 0)
    }

    @Test func signInsShareTheAppsBoundedHasher() async throws {
        try await WebHarness.with(settings: WebSettings(secureCookies: false, bcryptCost: 6, passwordHashLimit: 1)) {
            h in
            #expect(h.app.passwords.limit == 1)
            let emails = ["practitioner.csc", "practitioner.health", "line-manager.csc", "line-manager.health"]
                .map { demo($0, "oldham") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for email in emails {
                    group.addTask {
                        let browser = h.browser()
                        try await browser.get("/sign-in")
                        let refused = try await browser.post(
                            "/sign-in", ["email": email, "password": "wrong password"])
                        #expect(refused.status == .unauthorized)
                    }
                }
                for try await _ in group {}
            }
            #expect(h.app.passwords.statistics.verified == 4)
            #expect(h.app.passwords.statistics.mostAtOnce == 1, "one at a time, as configured")
        }
    }
}
