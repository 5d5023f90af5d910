import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

/// An urgent route beside the standard one: chosen on the raise form, shown on the dispute.
@Suite("An urgent route at a stage, through the web")
struct StageRouteWebTests {
    static let policy = """
        id: two-routes
        name: Two Routes Procedure
        partnership: Oldham Safeguarding Partnership
        region: england-and-wales
        scope: practice
        stages:
          - id: practitioners
            title: Practitioners talk
            summary: The practitioners talk it through.
            participants:
              - level: practitioner
            timescale:
              working_days: 5
            routes:
              - id: urgent
                name: Urgent
                when: Where a child may be at risk of significant harm
                timescale:
                  hours: 24
          - id: managers
            title: Managers meet
            summary: Managers meet.
            participants:
              - level: line-manager
            timescale:
              working_days: 5
            routes:
              - id: urgent
                name: Urgent
                timescale:
                  immediately: true

        """

    @Test("The raiser chooses the urgent route, and the stage is due within 24 hours")
    func urgentRoute() async throws {
        try await WebHarness.with { h in
            let oldham = try await h.partnership("oldham")
            _ = try await Directory(h.database).installPolicy(
                Self.policy, file: "two-routes.yaml", partnership: oldham.id, at: h.clock.now())
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let path = "/disputes/new/oldham?procedure=two-routes"
            let form = try await csc.get(path)
            #expect(form.options("route").map(\.label) == ["Standard", "Urgent"])
            #expect(
                form.body.contains("Where a child may be at risk of significant harm. Within 24 hours (1 working day)"))
            let raised = try await csc.post(
                path,
                [
                    "token": form.hidden("token") ?? "",
                    "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
                    "child-1-name": "Zebedee Quartermaine", "category": "plan", "route": "urgent",
                    "disagreement": "Whether to hold a strategy discussion today", "outcome": "One today",
                    "significant-harm": "yes",
                ])
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            let visit = try await h.load(id).state.currentStage
            // Raised on Monday 23 November: 24 hours is Tuesday 24th.
            #expect(visit.route == "urgent" && visit.due == LocalDate(iso: "2026-11-24"))
            let page = try await csc.get("/disputes/\(id)")
            #expect(page.element("requirements")?.contains("Urgent route: within 24 hours (1 working day)") == true)
            #expect(page.element("deadlines")?.contains("24 November 2026") == true)
            let escalate = try await csc.get("/disputes/\(id)/escalate")
            #expect(escalate.body.contains("Which route does Managers meet take?"))
        }
    }

    static let fromDecision = policy.replacingOccurrences(of: "id: two-routes", with: "id: from-decision")
        .replacingOccurrences(
            of:
                "    timescale:\n      working_days: 5\n    routes:\n      - id: urgent\n        name: Urgent\n        when:",
            with:
                "    timescale:\n      working_days: 5\n      from: decision\n    routes:\n      - id: urgent\n        name: Urgent\n        when:"
        )

    @Test("Within 5 working days of the decision: the raise form asks its date, and the stage counts from it")
    func fromTheDecision() async throws {
        try await WebHarness.with { h in
            let oldham = try await h.partnership("oldham")
            #expect(Self.fromDecision.contains("from: decision"))
            _ = try await Directory(h.database).installPolicy(
                Self.fromDecision, file: "from-decision.yaml", partnership: oldham.id, at: h.clock.now())
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let path = "/disputes/new/oldham?procedure=from-decision"
            let form = try await csc.get(path)
            #expect(form.body.contains("When was the decision or disagreement?"))
            var fields = [
                "token": form.hidden("token") ?? "",
                "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
                "child-1-name": "Zebedee Quartermaine", "category": "plan",
                "disagreement": "The plan was closed", "outcome": "It is reopened", "significant-harm": "no",
                "decided-day": "30", "decided-month": "11", "decided-year": "2026",
            ]
            let future = try await csc.post(path, fields)
            #expect(future.status == .unprocessableEntity)
            #expect(future.errorSummary?.contains("must be today or in the past") == true)
            fields["decided-day"] = "18"
            let raised = try await csc.post(path, fields)
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            // 5 working days from Wednesday 18 November, though raised on Monday 23rd: Wednesday 25th.
            #expect(try await h.load(id).state.currentStage.due == LocalDate(iso: "2026-11-25"))
            let page = try await csc.get("/disputes/\(id)")
            #expect(page.body.contains("Decision or disagreement on"))
            #expect(page.body.contains("18 November 2026"))
        }
    }
}
