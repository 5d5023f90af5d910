import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// Coventry's stage 1 offers telling your line manager at once; other stages and policies do not.
@Suite("Telling the line manager")
struct LineManagerNoticeWebTests {
    static let practitioner = demo("practitioner.csc", "coventry")

    @Test("if this is not achievable staff are responsible for immediately notifying their line manager")
    func aCoventryPractitionerTellsTheirLineManagerFromTheDisputePage() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser, slug: "coventry")
            let page = try await browser.get("/disputes/\(id)")
            #expect(page.hrefs.contains("/disputes/\(id)/notify-line-manager"))
            let form = try await browser.get("/disputes/\(id)/notify-line-manager")
            #expect(form.body.contains("immediately notifying their line manager"))
            let empty = try await DisputeActionTests.act(browser, id, .notifyLineManager, ["reason": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.errorSummary?.contains("Enter why it has not been resolved") == true)
            let done = try await DisputeActionTests.act(
                browser, id, .notifyLineManager, ["reason": "Health will not agree to an assessment"])
            #expect(done.location == "/disputes/\(id)?done=recorded")
            let practitioner = try #require(try await h.account(Self.practitioner).personID)
            let manager = try #require(try await Directory(h.database).person(id: practitioner)?.lineManagerID)
            let told = try await Outbox(h.database).messages(
                partnership: try await h.partnership("coventry").id, dispute: id
            ).filter { $0.kind == .lineManagerTold }
            #expect(told.map(\.personID) == [manager] && told.allSatisfy(\.urgent))
            let timeline = try await browser.get("/disputes/\(id)")
            #expect(timeline.body.contains("Line manager told it is not resolved at Stage One"))
        }
    }

    @Test func anOldhamDisputeDoesNotOfferIt() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let id = try await h.raise(as: browser)
            #expect(!(try await browser.get("/disputes/\(id)").hrefs.contains("/disputes/\(id)/notify-line-manager")))
            #expect(try await browser.get("/disputes/\(id)/notify-line-manager").status == .conflict)
        }
    }
}
