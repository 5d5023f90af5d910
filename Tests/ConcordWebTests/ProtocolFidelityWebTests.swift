import ConcordCore
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// Sunderland's agreed timescale through the form, and no such form where a protocol sets none.
@Suite("Protocol fidelity through the web")
struct ProtocolFidelityWebTests {
    @Test(
        "Timescales, not exceeding 5 working days, should be agreed for each stage taking into consideration risk to the child"
    )
    func sunderlandAgreesATimescaleThroughTheForm() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "sunderland"))
            let id = try await h.raise(as: browser, slug: "sunderland")
            let page = try await browser.get("/disputes/\(id)")
            #expect(page.body.contains("/disputes/\(id)/agree-timescale"))
            let tooLong = try await DisputeActionTests.act(
                browser, id, .agreeTimescale, ["working-days": "6", "reason": "Waiting list"],
                repeated: DisputeActionTests.all("agreed-by[]"))
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.errorSummary?.contains("between 1 and 5 working days") == true)
            let agreed = try await DisputeActionTests.act(
                browser, id, .agreeTimescale, ["working-days": "2", "reason": "The child is at home with the adult"],
                repeated: DisputeActionTests.all("agreed-by[]"))
            #expect(agreed.status == .seeOther)
            let state = try await h.load(id).state
            #expect(state.currentStage.agreedTimescale?.workingDays == 2)
            let shown = try await browser.get("/disputes/\(id)")
            #expect(shown.element("requirements")?.contains("Agreed timescale: 2 working days") == true)
            #expect(shown.body.contains("The timescale agreed for this stage ends"))
        }
    }

    @Test("A protocol that sets no agreed timescale offers no form to agree one")
    func oldhamOffersNoAgreedTimescale() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let id = try await h.raise(as: browser)
            #expect(!(try await browser.get("/disputes/\(id)")).body.contains("agree-timescale"))
        }
    }
}
