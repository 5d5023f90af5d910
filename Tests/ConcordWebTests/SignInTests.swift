import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Signing in")
struct SignInTests {
    static let practitioner = demo("practitioner.csc", "oldham")

    @Test func rightPasswordSignsInToMyWorkWithAStrictCookie() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            let form = try await browser.get("/sign-in")
            #expect(form.status == .ok)
            #expect(form.hidden("csrf") != nil)
            let response = try await browser.post(
                "/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(response.status == .seeOther)
            #expect(response.location == "/my-work")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("concord_session=") })
            #expect(cookie.lowercased().contains("httponly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
            #expect(!cookie.lowercased().contains("secure"))
            let work = try await browser.get("/my-work")
            #expect(work.status == .ok)
            #expect(work.body.contains(try await h.account(Self.practitioner).name))
        }
    }

    @Test func secureSettingMarksTheCookieSecure() async throws {
        try await WebHarness.with(settings: WebSettings(secureCookies: true, bcryptCost: 4), seed: false) { h in
            try await Accounts(h.database).create(
                email: "ann@example.org", name: "Ann Admin", role: .administrator,
                passwordHash: try Bcrypt.hash("a long password", cost: 4))
            let browser = h.browser()
            let form = try await browser.get("/sign-in")
            let anonymous = try #require(form.headers[.setCookie].first { $0.hasPrefix("concord_form=") })
            #expect(anonymous.lowercased().contains("; secure"))
            let response = try await browser.post(
                "/sign-in", ["email": "ann@example.org", "password": "a long password"])
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("concord_session=") })
            #expect(cookie.lowercased().contains("; secure"))
            #expect(cookie.lowercased().contains("httponly"))
        }
    }

    @Test func wrongPasswordAndUnknownAddressGetTheSameRefusal() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            try await browser.get("/sign-in")
            let wrong = try await browser.post(
                "/sign-in", ["email": Self.practitioner, "password": "not-the-password"])
            let unknown = try await browser.post(
                "/sign-in", ["email": "nobody@oldham.concord.example", "password": DemoData.password])
            for page in [wrong, unknown] {
                #expect(page.status == .unauthorized)
                let summary = try #require(page.errorSummary)
                #expect(summary.contains("There is a problem"))
                #expect(summary.contains("<a href=\"#email\">Enter a correct e-mail address and password</a>"))
                #expect(page.title.hasPrefix("Error: Sign in"))
            }
            #expect(try await browser.get("/my-work").location?.hasPrefix("/sign-in") == true)
        }
    }

    @Test func emptyFieldsAreEachNamed() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            try await browser.get("/sign-in")
            let page = try await browser.post("/sign-in", ["email": "", "password": ""])
            #expect(page.status == .unprocessableEntity)
            let summary = try #require(page.errorSummary)
            #expect(summary.contains("href=\"#email\">Enter your e-mail address"))
            #expect(summary.contains("href=\"#password\">Enter your password"))
        }
    }

    @Test func fiveFailuresLockTheAddressForFifteenMinutes() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            try await browser.get("/sign-in")
            for _ in 1...5 {
                let failed = try await browser.post("/sign-in", ["email": Self.practitioner, "password": "guess"])
                #expect(failed.status == .unauthorized)
            }
            let locked = try await browser.post(
                "/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("Wait 15 minutes and try again"))
            #expect(try await browser.get("/my-work").status == .seeOther)
            try await browser.get("/sign-in")

            h.clock.advance(by: 10 * 60)
            let stillLocked = try await browser.post(
                "/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(stillLocked.status == .tooManyRequests)
            #expect(stillLocked.body.contains("Wait 5 minutes"))

            h.clock.advance(by: 5 * 60 + 1)
            let open = try await browser.post("/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(open.status == .seeOther)
            #expect(open.location == "/my-work")
        }
    }

    @Test func disabledAccountCannotSignIn() async throws {
        try await WebHarness.with { h in
            let account = try await h.account(Self.practitioner)
            try await Accounts(h.database).setDisabled(account.id, true)
            let browser = h.browser()
            try await browser.get("/sign-in")
            let page = try await browser.post("/sign-in", ["email": Self.practitioner, "password": DemoData.password])
            #expect(page.status == .unauthorized)
            #expect(page.errorSummary?.contains("Enter a correct e-mail address and password") == true)
            #expect(try await browser.get("/my-work").status == .seeOther)
        }
    }

    @Test func disablingAnAccountEndsItsSession() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            #expect(try await browser.get("/my-work").status == .ok)
            try await Accounts(h.database).setDisabled(try await h.account(Self.practitioner).id, true)
            let after = try await browser.get("/my-work")
            #expect(after.status == .seeOther)
            #expect(after.location == "/session-ended")
        }
    }

    @Test func nextTakesYouBackToALocalPage() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            let bounced = try await browser.get("/partnerships/oldham")
            #expect(bounced.location == "/sign-in?next=/partnerships/oldham")
            let form = try await browser.get(try #require(bounced.location))
            #expect(form.hidden("next") == "/partnerships/oldham")
            let response = try await browser.post(
                "/sign-in",
                [
                    "email": demo("business-office", "oldham"), "password": DemoData.password,
                    "next": "/partnerships/oldham",
                ])
            #expect(response.location == "/partnerships/oldham")
        }
    }

    @Test(arguments: [
        "//evil.example", "https://evil.example/", "/\\evil.example", "evil.example", "/\t/evil.example",
        "/\n/evil.example",
    ])
    func nextNeverLeavesTheSite(next: String) async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            try await browser.get("/sign-in")
            let response = try await browser.post(
                "/sign-in", ["email": Self.practitioner, "password": DemoData.password, "next": next])
            #expect(response.status == .seeOther)
            #expect(
                response.location == "/my-work", "next=\(next.debugDescription) sent them to \(response.location ?? "")"
            )
        }
    }

    @Test func formWithoutTheSessionTokenIsRefused() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            try await browser.get("/sign-in")
            for csrf in ["", "forged-token"] {
                let page = try await browser.post(
                    "/sign-in", ["email": Self.practitioner, "password": DemoData.password, "csrf": csrf])
                #expect(page.status == .forbidden)
                #expect(page.body.contains("This form has expired"))
            }
            let bare = try await h.raw(
                .POST, "/sign-in", body: "email=\(Self.practitioner)&password=\(DemoData.password)")
            #expect(bare.status == .forbidden)
            #expect(try await browser.get("/my-work").status == .seeOther)
        }
    }
}
