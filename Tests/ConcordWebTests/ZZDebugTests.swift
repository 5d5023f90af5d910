import ConcordStore
import Testing
import Vapor
@testable import ConcordWeb

@Test func zzDebugRender() async throws {
    try await WebHarness.with(settings: WebSettings(secureCookies: false, bcryptCost: 4)) { h in
        h.app.logger.logLevel = .trace
        let page = try await h.browser().get("/sign-in")
        print("BODY", page.status, page.body.prefix(300))
        do { _ = try await h.app.concord.sessions.start(account: nil, at: Date()) } catch { print("ERR", String(reflecting: error)) }
    }
}
