import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

/// A partnership's own protocol with several deadlines inside a stage, run through the web:
/// each clock on the dispute page and in My work, met by what is recorded, and the letter one
/// asks for recorded as sent. Raised on Monday 23 November 2026.
@Suite("Several clocks in a stage, through the web")
struct StageClocksWebTests {
    static let policy = """
        id: riverside
        name: Riverside Escalation Procedure
        partnership: Oldham Safeguarding Partnership
        region: england-and-wales
        scope: practice
        stages:
          - id: practitioners
            title: Practitioners talk
            summary: The receiving agency speaks to the practitioner who raised it, then writes.
            participants:
              - level: practitioner
            timescale: none
            clocks:
              - id: reply
                name: The receiving agency speaks to you
                kind: respond-within
                working_days: 3
                quote: The receiving agency will speak to you within 3 working days.
              - id: outcome-letter
                name: Outcome letter to the raising agency
                kind: letter-within
                letter: Outcome letter
                working_days: 2
                after: reply
                quote: An outcome letter will follow within a further 2 working days.
          - id: managers
            title: Managers meet
            summary: Managers meet.
            participants:
              - level: line-manager
            timescale:
              working_days: 5

        """

    static func install(_ h: WebHarness) async throws {
        let oldham = try await h.partnership("oldham")
        _ = try await Directory(h.database).installPolicy(
            policy, file: "riverside.yaml", partnership: oldham.id, at: h.clock.now())
    }

    @Test("The receiving agency will speak to you within 3 working days; an outcome letter follows within a further 2")
    func clocksRunFromTheDisputePage() async throws {
        try await WebHarness.with { h in
            try await Self.install(h)
            var csc = try await h.signedIn(DisputeActionTests.practitioner)
            let id = try await h.raise(as: csc, procedure: "riverside")
            #expect(try await h.load(id).state.raised.policyID == "riverside")

            let page = try await csc.get("/disputes/\(id)")
            #expect(page.element("deadlines")?.contains("The receiving agency speaks to you by") == true)
            #expect(page.element("deadlines")?.contains("26 November 2026") == true)
            let requirements = try #require(page.element("requirements"))
            #expect(requirements.contains("Within 2 working days after the receiving agency speaks to you"))
            #expect(!page.body.contains("/record-letter"), "no letter is due before its clock starts")

            // The clock is the receiving side's: it is in their work, not the raiser's.
            var health = try await h.signedIn(demo("practitioner.health", "oldham"))
            #expect(
                try await health.get("/my-work").element("your-actions")?.contains("The receiving agency speaks to you")
                    == true)
            #expect(
                try await csc.get("/my-work").element("your-actions")?.contains("The receiving agency speaks to you")
                    != true)

            // The health practitioner replies by telephone on Wednesday 25 November; both sign in
            // again, since their sessions have lapsed.
            h.clock.advance(by: 2 * 86_400)
            csc = try await h.signedIn(DisputeActionTests.practitioner)
            health = try await h.signedIn(demo("practitioner.health", "oldham"))
            let healthID = try #require(try await h.account(demo("practitioner.health", "oldham")).personID)
            let spoke = try await DisputeActionTests.act(
                csc, id, .recordDiscussion,
                [
                    "held-day": "25", "held-month": "11", "held-year": "2026", "method": "telephone",
                    "participants[]": healthID.uuidString, "summary": "Health called back",
                ])
            #expect(spoke.status == .seeOther)
            let after = try await csc.get("/disputes/\(id)")
            #expect(after.element("requirements")?.contains("Done 25 November 2026") == true)
            // "Within a further 2 working days" of Wednesday: Friday 27 November.
            #expect(after.element("deadlines")?.contains("Outcome letter to the raising agency by") == true)
            #expect(after.element("deadlines")?.contains("27 November 2026") == true)
            #expect(after.body.contains("/disputes/\(id)/record-letter"))

            let empty = try await DisputeActionTests.act(health, id, .recordLetter, ["sent-day": "", "to": ""])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.errorSummary?.contains("Enter who the letter was sent to") == true)
            let future = try await DisputeActionTests.act(
                health, id, .recordLetter,
                ["letter": "outcome-letter", "sent-day": "30", "sent-month": "11", "sent-year": "2026", "to": "Sam"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.contains("once it has been sent"))
            let sent = try await DisputeActionTests.act(
                health, id, .recordLetter,
                [
                    "letter": "outcome-letter", "sent-day": "25", "sent-month": "11", "sent-year": "2026",
                    "to": "The CSC practitioner and their team manager", "summary": "We will assess jointly",
                ])
            #expect(sent.status == .seeOther)
            let done = try await csc.get("/disputes/\(id)")
            #expect(done.body.contains("Outcome letter sent"))
            #expect(done.body.contains("The CSC practitioner and their team manager"))
            #expect(!done.body.contains("/disputes/\(id)/record-letter"))
            #expect(try await health.get("/my-work").element("your-actions")?.contains("Outcome letter") != true)
        }
    }
}
