import ConcordStore
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import ConcordWeb

/// What a load balancer asks: is the process up, and can it serve.
@Suite("Health and readiness")
struct HealthTests {
    @Test("/healthz and /readyz answer without signing in, in plain text, and are never cached")
    func upAndReady() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            let live = try await browser.get("/healthz")
            #expect(live.status == .ok && live.body == "ok\n")
            #expect(live.headers.first(name: .cacheControl) == "no-store")
            #expect(live.headers.first(name: .setCookie) == nil, "no session is made for it")
            let ready = try await browser.get("/readyz")
            #expect(ready.status == .ok && ready.body == "ready\n")
        }
    }

    @Test("/readyz says not ready while migrations are still to run")
    func migrationsPending() async throws {
        try await WebHarness.with { h in
            let sql = h.database.database as! any SQLDatabase
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name LIKE '%CreatePolicyDrafts%'").run()
            let ready = try await h.browser().get("/readyz")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.body == "not ready: 1 migration to run\n")
        }
    }
}
