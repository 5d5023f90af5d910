import ConcordDemo
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Static files and headers")
struct AssetTests {
    @Test func theStylesheetIsServedAndCached() async throws {
        try await WebHarness.with(seed: false) { h in
            let page = try await h.browser().get("/assets/concord.css")
            #expect(page.status == .ok)
            #expect(page.headers.contentType?.type == "text")
            #expect(page.headers.contentType?.subType == "css")
            let cache = try #require(page.headers.first(name: .cacheControl))
            #expect(cache.contains("max-age="))
            #expect(!cache.contains("immutable"))
            #expect(page.body.contains(".c-button"))
        }
    }

    @Test func aVersionedLinkIsImmutable() async throws {
        try await WebHarness.with(seed: false) { h in
            let signIn = try await h.browser().get("/sign-in")
            let link = try #require(signIn.hrefs.first { $0.hasPrefix("/assets/concord.css?v=") })
            let page = try await h.browser().get(link)
            #expect(page.status == .ok)
            let cache = try #require(page.headers.first(name: .cacheControl))
            #expect(cache.contains("max-age=31536000"))
            #expect(cache.contains("immutable"))
        }
    }

    @Test(arguments: [
        "/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/..%2FPackage.swift",
        "/assets//etc/passwd", "/assets/", "/assets/missing.css", "/assets/../Views/layout.leaf",
    ])
    func nothingOutsideTheAssetsIsServed(path: String) async throws {
        try await WebHarness.with(seed: false) { h in
            let page = try await h.browser().get(path)
            #expect(page.status == .notFound, "\(path)")
            #expect(!page.body.contains("swift-tools-version"))
            #expect(!page.body.contains("#extend"))
            #expect(!page.body.contains("root:"))
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let dispute = try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
            for path in [
                "/sign-in", "/my-work", "/disputes/\(dispute.id)", "/disputes/\(UUID())", "/assets/concord.css",
            ] {
                let page = try await (path == "/sign-in" ? h.browser() : browser).get(path)
                let policy = try #require(page.headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("default-src 'self'"))
                #expect(page.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer", "\(path)")
            }
            // Pages about children are never kept by the browser or a proxy.
            #expect(try await browser.get("/disputes/\(dispute.id)").headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func pagesStaySmall() async throws {
        try await WebHarness.with { h in
            let dispute = try await h.dispute(in: "oldham", stage: "partnership", category: .plan)
            for email in [
                demo("practitioner.csc", "oldham"), demo("senior-manager.csc", "oldham"),
                demo("business-office", "oldham"),
            ] {
                let browser = try await h.signedIn(email)
                let work = try await browser.get("/my-work")
                #expect(work.status == .ok)
                #expect(work.body.utf8.count < 100_000, "\(email) my work is \(work.body.utf8.count) bytes")
                let page = try await browser.get("/disputes/\(dispute.id)")
                #expect(page.status == .ok)
                #expect(page.body.utf8.count < 100_000, "dispute page is \(page.body.utf8.count) bytes")
                #expect(page.element("timeline")?.contains("Escalated because of risk") == true)
            }
        }
    }
}
