import ConcordCore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("Raising a strategic dispute")
struct StrategicRaiseTests {
    static let slug = "north-east-lincolnshire"
    static let form = "/disputes/new/\(slug)"

    @Test("“Concerns/ disputes should be raised at the relevant SCP strategic delivery group by the agency lead”")
    func practitionersAreNotOfferedTheStrategicForm() async throws {
        try await WebHarness.with { h in
            let before = try await h.disputes(in: Self.slug).count
            let practitioner = try await h.signedIn(demo("practitioner.csc", Self.slug))
            let choose = try await practitioner.get("/disputes/new")
            #expect(choose.status == .forbidden)
            #expect(choose.body.contains("raised by the agency lead"))
            #expect(try await practitioner.get(Self.form).status != .ok)
            let posted = try await practitioner.post(
                Self.form,
                [
                    "agency": RaiseForm.partnershipItself, "issue": "Front door", "disagreement": "Referrals lost",
                    "outcome": "A review",
                ])
            #expect(posted.status != .seeOther)
            #expect(try await h.disputes(in: Self.slug).count == before)
        }
    }

    @Test(
        "“Any agency concerns regarding the work of the Partnership”: raised about the partnership, with no case questions"
    )
    func anAgencyLeadRaisesAConcernAboutThePartnership() async throws {
        try await WebHarness.with { h in
            let lead = try await h.signedIn(demo("senior-manager.csc", Self.slug))
            let form = try await lead.get(Self.form)
            #expect(form.status == .ok)
            for caseQuestion in ["child-1-name", "significant-harm", "category", "professional"] {
                #expect(!form.body.contains("name=\"\(caseQuestion)\""), "the strategic form asks \(caseQuestion)")
            }
            let partnership = try await h.partnership(Self.slug)
            let about = form.options("agency")
            #expect(about.first?.value == RaiseForm.partnershipItself)
            #expect(about.first?.label.contains(partnership.name) == true)
            #expect(!about.contains { $0.label.hasSuffix("Safeguarding Children Partnership") })

            let raised = try await lead.post(
                Self.form,
                [
                    "token": form.hidden("token") ?? "", "agency": RaiseForm.partnershipItself,
                    "issue": "How the multi-agency front door shares referrals",
                    "disagreement": "Referrals are not shared with health", "outcome": "A review by the partners",
                ])
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            let state = try await h.load(id).state
            #expect(state.raised.otherAgencies.map(\.name) == [partnership.name])
            #expect(state.raised.children.isEmpty && !state.raised.significantHarm)
            #expect(state.raised.issue == "How the multi-agency front door shares referrals")
        }
    }
}
