import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

/// A partnership can run several procedures, chosen by the kind of dispute (a separate one for
/// dissent at a child protection conference, say), each version taking effect from its date.
@Suite("Several procedures in one partnership")
struct ProceduresTests {
    static let conference = """
        id: conference-dissent
        name: Dissent at a Child Protection Conference
        partnership: Oldham Safeguarding Partnership
        region: england-and-wales
        scope: practice
        applies_to: When you disagree with a decision made at a child protection conference
        stages:
          - id: chair
            title: Raise it with the conference chair
            summary: Tell the chair at the conference, then in writing.
            participants:
              - level: practitioner
            timescale:
              immediately: true
            records:
              - id: nature-of-dissent
                title: The precise nature of the dissent

        """

    @Test("The raiser chooses the procedure, and the dispute follows the one chosen")
    func chooseTheProcedure() async throws {
        try await WebHarness.with { h in
            let oldham = try await h.partnership("oldham")
            _ = try await Directory(h.database).installPolicy(
                Self.conference, file: "conference.yaml", partnership: oldham.id, at: h.clock.now())
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let choice = try await csc.get("/disputes/new/oldham")
            #expect(choice.status == .ok)
            #expect(choice.title.hasPrefix("Which procedure applies?"))
            let procedures = try #require(choice.element("procedures"))
            #expect(procedures.contains("Dissent at a Child Protection Conference"))
            #expect(procedures.contains("When you disagree with a decision made at a child protection conference"))
            #expect(procedures.contains("/disputes/new/oldham?procedure=oldham"))
            #expect(procedures.contains("/disputes/new/oldham?procedure=conference-dissent"))
            #expect(try await csc.get("/disputes/new/oldham?procedure=nonsense").title.hasPrefix("Which procedure"))

            let form = try await csc.get("/disputes/new/oldham?procedure=conference-dissent")
            #expect(form.body.contains("Dissent at a Child Protection Conference: Raise it with the conference chair"))
            #expect(form.body.contains("action=\"/disputes/new/oldham?procedure=conference-dissent\""))
            let professional = try await h.account(demo("practitioner.health", "oldham")).name
            let raised = try await csc.post(
                "/disputes/new/oldham?procedure=conference-dissent",
                [
                    "token": form.hidden("token") ?? "",
                    "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
                    "professional": try #require(
                        form.options("professional").first { $0.label.hasPrefix(professional) }?.value),
                    "child-1-name": "Zebedee Quartermaine", "category": "plan",
                    "disagreement": "The conference decided no plan", "outcome": "A plan", "significant-harm": "no",
                ])
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            let state = try await h.load(id).state
            #expect(state.raised.policyID == "conference-dissent")
            #expect(state.reference.hasPrefix("CD-"))
            // Under its own procedure, the dispute's stage has its title in lists too.
            #expect(try await csc.get("/my-work").body.contains("Raise it with the conference chair"))

            // Its record in the protocol's own words is asked for, required, and kept.
            let page = try await csc.get("/disputes/\(id)")
            #expect(page.element("requirements")?.contains("Record: The precise nature of the dissent") == true)
            // Whoever reads it sees whose calendar its working days are counted on.
            #expect(
                page.body.contains(
                    "Counted on England and Wales bank holidays and Oldham Safeguarding Partnership&#39;s closure days")
            )
            let records = try await csc.get("/disputes/\(id)/stage-records")
            #expect(records.body.contains("The precise nature of the dissent"))
            let saved = try await DisputeActionTests.act(
                csc, id, .recordStageRecords, ["record-nature-of-dissent": "No plan though the child was at risk"])
            #expect(saved.status == .seeOther)
            let after = try await csc.get("/disputes/\(id)")
            #expect(after.body.contains("No plan though the child was at risk"))
            #expect(after.element("requirements")?.contains("Completed") == true)
        }
    }

    @Test("A version installed ahead of its effective date waits for it")
    func effectiveFrom() async throws {
        try await WebHarness.with { h in
            let oldham = try await h.partnership("oldham")
            let directory = Directory(h.database)
            let revised = try #require(PolicyLibrary.text(of: "oldham")).replacingOccurrences(
                of: "name: Dispute Resolution Pathway",
                with: "name: Dispute Resolution Pathway (2027)\neffective_from: 2027-01-04")
            _ = try await directory.installPolicy(
                revised, file: "oldham-2027.yaml", partnership: oldham.id, at: h.clock.now())
            let before = try await directory.currentPolicies(partnership: oldham.id, on: LocalDate(iso: "2027-01-03")!)
            #expect(before.map(\.policy.name) == ["Dispute Resolution Pathway"])
            let after = try await directory.currentPolicies(partnership: oldham.id, on: LocalDate(iso: "2027-01-04")!)
            #expect(after.map(\.policy.name) == ["Dispute Resolution Pathway (2027)"])
            // The raise form today is still the current version's, with no choice to make.
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let form = try await csc.get("/disputes/new/oldham")
            #expect(form.body.contains("Dispute Resolution Pathway: "))
            #expect(!form.body.contains("(2027)"))
        }
    }
}
