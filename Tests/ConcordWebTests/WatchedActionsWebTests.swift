import ConcordCore
import Foundation
import Testing

@testable import ConcordWeb

/// Plan actions and agreed responses are deadlines people see: in My work, and on the dispute.
@Suite("Watched actions through the web")
struct WatchedActionsWebTests {
    @Test("The due dates of plan actions are shown in My work, to the person whose action it is")
    func myWorkListsMyActions() async throws {
        try await WebHarness.with { h in
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let id = try await h.raise(as: csc)
            let form = try await csc.get(PlanOfActionTests.path(id))
            let me = try #require(try await h.account(DisputeActionTests.practitioner).personID?.uuidString)
            let mine = try #require(form.options("owner-1").first { $0.value.lowercased() == me.lowercased() }?.value)
            let theirs = try #require(form.options("owner-1").first { $0.value != mine && !$0.value.isEmpty }?.value)
            var plan = form.submission()
            plan.merge(PlanOfActionTests.action(1, "Share the assessment with health", owner: mine)) { $1 }
            plan.merge(PlanOfActionTests.action(2, "Book the strategy discussion", owner: theirs)) { $1 }
            #expect(try await csc.post(PlanOfActionTests.path(id), plan).status == .seeOther)

            let work = try await csc.get("/my-work")
            let actions = try #require(work.element("your-actions"))
            #expect(actions.contains("Share the assessment with health"))
            #expect(actions.contains("27 November 2026"))
            #expect(actions.contains("/disputes/\(id)#plan"))
            #expect(!actions.contains("Book the strategy discussion"), "another person's action is listed as mine")

            // Once done it leaves the list.
            let action = try #require(try await h.load(id).state.plan.first { $0.owner.id == mine })
            let done = try await DisputeActionTests.act(csc, id, .completeAction, ["action": action.id])
            #expect(done.status == .seeOther)
            #expect(try await csc.get("/my-work").element("your-actions")?.contains("Share the assessment") == false)
        }
    }

    @Test("A timescale for response from the other line manager should also be agreed")
    func sunderlandAgreesTheResponseTimescale() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "sunderland"))
            let id = try await h.raise(as: browser, slug: "sunderland")
            let form = try await browser.get("/disputes/\(id)/agree-timescale")
            let responder = try #require(form.options("responder").first { !$0.value.isEmpty })
            let missing = try await DisputeActionTests.act(
                browser, id, .agreeTimescale,
                ["working-days": "5", "reason": "The child is safe at school", "responder": responder.value],
                repeated: DisputeActionTests.all("agreed-by[]"))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorSummary?.contains("Enter the number of working days for the response") == true)
            let agreed = try await DisputeActionTests.act(
                browser, id, .agreeTimescale,
                [
                    "working-days": "5", "reason": "The child is safe at school", "responder": responder.value,
                    "response-days": "2",
                ], repeated: DisputeActionTests.all("agreed-by[]"))
            #expect(agreed.status == .seeOther)
            let response = try #require(try await h.load(id).state.currentStage.agreedTimescale?.response)
            #expect(response.workingDays == 2 && response.from.id == responder.value)
            let page = try await browser.get("/disputes/\(id)")
            #expect(page.element("deadlines")?.contains("Response from \(response.from.name) due") == true)
            #expect(
                page.element("requirements")?.contains("Response from \(response.from.name) within 2 working days")
                    == true)
        }
    }
}
