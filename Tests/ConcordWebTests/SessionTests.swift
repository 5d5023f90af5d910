import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Sessions")
struct SessionTests {
    static let practitioner = demo("practitioner.csc", "oldham")

    @Test func signingOutEndsTheSessionForGood() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            try await browser.get("/my-work")
            let oldCookie = try #require(browser.sessionCookie)
            let out = try await browser.post("/sign-out", [:])
            #expect(out.status == .seeOther)
            #expect(out.location == "/sign-in?signed-out=1")
            #expect(out.headers[.setCookie].contains { $0.hasPrefix("concord_session=;") || $0.contains("Max-Age=0") })
            #expect(browser.sessionCookie == nil)
            #expect(try await browser.get("/sign-in?signed-out=1").body.contains("You have signed out."))

            let replayed = try await h.raw(.GET, "/my-work", cookie: oldCookie)
            #expect(replayed.status == .seeOther)
            #expect(replayed.location == "/session-ended")
            let dispute = try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
            let post = try await h.raw(
                .POST, "/disputes/\(dispute.id)/report-significant-harm", cookie: oldCookie, body: "concern=x")
            #expect(post.status == .seeOther)
            #expect(post.location == "/session-ended")
            #expect(try await h.load(dispute.id).state.version == dispute.version)
        }
    }

    @Test func aSessionLeftIdleForHalfAnHourEnds() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            #expect(try await browser.get("/my-work").status == .ok)
            h.clock.advance(by: 31 * 60)
            let page = try await browser.get("/my-work")
            #expect(page.status == .seeOther)
            #expect(page.location == "/session-ended")
            let ended = try await browser.get("/session-ended")
            #expect(ended.status == .ok)
            #expect(ended.title == "Your session has ended – Concord")
            #expect(ended.body.contains("signs you out after 30 minutes without activity"))
            #expect(ended.hrefs.contains("/sign-in"))
            // Signing in again works.
            let again = try await h.signedIn(Self.practitioner)
            #expect(try await again.get("/my-work").status == .ok)
        }
    }

    @Test func activityKeepsTheSessionAlive() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            for _ in 1...4 {
                h.clock.advance(by: 20 * 60)
                #expect(try await browser.get("/my-work").status == .ok)
            }
        }
    }

    @Test func noSessionLastsMoreThanTwelveHours() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            for _ in 1...(12 * 60 / 25) {
                h.clock.advance(by: 25 * 60)
                #expect(try await browser.get("/my-work").status == .ok)
            }
            h.clock.advance(by: 25 * 60)
            #expect(try await browser.get("/my-work").location == "/session-ended")
        }
    }

    @Test func signingInReplacesTheFormCookieWithASession() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            let form = try await browser.get("/sign-in")
            #expect(browser.sessionCookie == nil, "nothing is stored before sign-in")
            let nonce = try #require(browser.cookies["concord_form"])
            let csrf = try #require(form.hidden("csrf"))
            try await browser.post("/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(browser.sessionCookie != nil)
            #expect(browser.cookies["concord_form"] == nil)
            let page = try await browser.get("/my-work")
            #expect(page.hidden("csrf") != csrf, "the form token seen before sign-in still works after it")
            let replayed = try await h.raw(
                .POST, "/settings/email", cookies: "concord_session=\(browser.sessionCookie ?? "")",
                body: "csrf=\(csrf)&delivery=digest")
            #expect(replayed.status == .forbidden)
            #expect(
                try await h.raw(.GET, "/my-work", cookies: "concord_form=\(nonce)").location?.hasPrefix("/sign-in")
                    == true)
        }
    }

    @Test func theHomePageSendsEachRoleOnward() async throws {
        try await WebHarness.with { h in
            let anonymous = try await h.browser().get("/")
            #expect(anonymous.location == "/sign-in")
            let browser = try await h.signedIn(Self.practitioner)
            let home = try await browser.get("/")
            #expect(home.location == "/my-work")
            let signIn = try await browser.get("/sign-in")
            #expect(signIn.location == "/my-work")
        }
    }
}
