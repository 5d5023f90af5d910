import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// The token that makes a dispute form take effect once is the server's, signed for the account
/// it was given to: a made-up one (the issue stored 10,000 characters) is refused with the form
/// shown again, answers kept, and a fresh token to submit it with.
@Suite("Form tokens")
struct FormTokenTests {
    static let practitioner = demo("practitioner.csc", "oldham")

    static func raiseFields(_ form: Browser.Page, token: String) throws -> [String: String] {
        [
            "token": token,
            "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
            "child-1-name": "Orla Madeup", "category": "threshold", "disagreement": "Threshold",
            "outcome": "A strategy meeting", "significant-harm": "no",
        ]
    }

    @Test func aTokenTheServerDidNotGiveIsRefusedAndTheFormKept() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let before = try await h.disputes(in: "oldham").count
            let form = try await browser.get("/disputes/new/oldham")
            let issued = try #require(form.hidden("token"))
            #expect(issued.count < 100 && issued.contains("."), "a UUID and its signature: \(issued)")
            for token in [String(repeating: "a", count: 10_000), UUID().uuidString, issued + "x", ""] {
                let page = try await browser.post("/disputes/new/oldham", try Self.raiseFields(form, token: token))
                #expect(page.status == .unprocessableEntity)
                #expect(page.errorSummary?.contains(FormTokens.refusal) == true)
                #expect(page.body.contains("Orla Madeup"), "the answers are kept")
                let fresh = try #require(page.hidden("token"))
                #expect(fresh != token && fresh.count < 100)
            }
            #expect(try await h.disputes(in: "oldham").count == before)
            let again = try await browser.get("/disputes/new/oldham")
            let raised = try await browser.post(
                "/disputes/new/oldham", try Self.raiseFields(again, token: try #require(again.hidden("token"))))
            #expect(raised.status == .seeOther)
            #expect(try await h.disputes(in: "oldham").count == before + 1)
        }
    }

    @Test func anotherAccountsTokenIsRefused() async throws {
        try await WebHarness.with { h in
            let mine = try await h.signedIn(Self.practitioner)
            let theirs = try await h.signedIn(demo("practitioner.health", "oldham"))
            let theirToken = try #require(try await theirs.get("/disputes/new/oldham").hidden("token"))
            let before = try await h.disputes(in: "oldham").count
            let form = try await mine.get("/disputes/new/oldham")
            let page = try await mine.post("/disputes/new/oldham", try Self.raiseFields(form, token: theirToken))
            #expect(page.status == .unprocessableEntity)
            #expect(page.errorSummary?.contains(FormTokens.refusal) == true)
            #expect(try await h.disputes(in: "oldham").count == before)
        }
    }

    @Test func aDisputeStepWithAMadeUpTokenChangesNothing() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser)
            let path = "/disputes/\(id)/report-significant-harm"
            let form = try await browser.get(path)
            let page = try await browser.post(
                path,
                [
                    "concern": "Bruising seen", "version": form.hidden("version") ?? "",
                    "token": String(repeating: "t", count: 10_000),
                ])
            #expect(page.status == .unprocessableEntity)
            #expect(page.errorSummary?.contains(FormTokens.refusal) == true)
            #expect(page.body.contains("Bruising seen"))
            #expect(try await h.load(id).state.significantHarm.isEmpty)
            let fields = [
                "concern": "Bruising seen", "version": page.hidden("version") ?? "",
                "token": page.hidden("token") ?? "",
            ]
            #expect(try await browser.post(path, fields).status == .seeOther, "the form as shown again goes through")
            #expect(try await h.load(id).state.significantHarm.count == 1)
        }
    }
}
