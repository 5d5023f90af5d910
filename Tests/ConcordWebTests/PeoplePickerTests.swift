import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("People pickers")
struct PeoplePickerTests {
    static func path(_ id: UUID) -> String { "/disputes/\(id)/\(DisputeAction.addParticipant.rawValue)" }

    static func person(_ h: WebHarness, _ local: String) async throws -> Directory.Person {
        let email = demo(local, "oldham")
        return try #require(try await Directory(h.database).people().first { $0.email == email }, "no \(email)")
    }

    /// A health–police dispute about a looked-after child, raised by Oldham's health practitioner.
    static func healthPoliceDispute(_ h: WebHarness) async throws -> (Browser, UUID) {
        let browser = try await h.signedIn(demo("practitioner.health", "oldham"))
        let form = try await browser.get("/disputes/new/oldham")
        let raised = try await browser.post(
            "/disputes/new/oldham",
            [
                "token": form.hidden("token") ?? "",
                "agency": try #require(form.options("agency").first { $0.label.contains("Police") }?.value),
                "child-1-name": "Ada Looked-After", "child-1-flags[]": "looked-after", "category": "plan",
                "disagreement": "Whether the placement plan is safe", "outcome": "A joint review",
                "significant-harm": "no",
            ])
        let id = try #require(raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
        return (browser, id)
    }

    @Test(
        "“involving relevant agencies and IRO if involving a child who is looked after”: the LA's IRO can join a health–police dispute as IRO"
    )
    func theLocalAuthoritysIROJoinsAHealthPoliceDispute() async throws {
        try await WebHarness.with { h in
            let (browser, id) = try await Self.healthPoliceDispute(h)
            let iro = try await Self.person(h, "iro.csc")
            let form = try await browser.get(Self.path(id))
            let offered = try #require(form.options("person").first { $0.value == iro.id.uuidString })
            #expect(offered.label.contains(iro.agency.name.replacingOccurrences(of: "'", with: "&#39;")))
            #expect(offered.label.contains("independent reviewing officer"), "\(offered.label)")
            #expect(form.options("capacity").map(\.value) == ["", Capacity.independentReviewingOfficer.rawValue])

            let bare = try await DisputeActionTests.act(browser, id, .addParticipant, ["person": iro.id.uuidString])
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.errorSummary?.contains("can only join in a capacity the protocol names") == true)

            let added = try await DisputeActionTests.act(
                browser, id, .addParticipant,
                ["person": iro.id.uuidString, "capacity": Capacity.independentReviewingOfficer.rawValue])
            #expect(added.status == .seeOther)
            let state = try await h.load(id).state
            #expect(
                state.participants.contains {
                    $0.person.id == iro.id.uuidString && $0.capacity == .independentReviewingOfficer
                })
        }
    }

    @Test("“IRO if involving a child who is looked after”: only someone the directory records as an IRO can be the IRO")
    func onlyARecordedIROCanBeTheIRO() async throws {
        try await WebHarness.with { h in
            let (browser, id) = try await Self.healthPoliceDispute(h)
            let manager = try await Self.person(h, "line-manager.health")
            let refused = try await DisputeActionTests.act(
                browser, id, .addParticipant,
                ["person": manager.id.uuidString, "capacity": Capacity.independentReviewingOfficer.rawValue])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.errorSummary?.contains("is not recorded in the directory as independent reviewing officer")
                    == true)
            #expect(try await h.load(id).state.participants.allSatisfy { $0.capacity == nil })

            let csc = try await Self.person(h, "practitioner.csc")
            let form = try await browser.get(Self.path(id))
            #expect(
                !form.options("person").contains { $0.value == csc.id.uuidString },
                "outside staff offered without a capacity")
            let iro = try await Self.person(h, "iro.csc")
            let first = form.options("person").first
            #expect(first?.value == iro.id.uuidString, "the IRO the rule needs is not offered first")

            let admin = try await h.signedIn(AdminFixtures.admin)
            try await admin.get("/admin/people/\(manager.id)")
            let recorded = try await admin.post(
                "/admin/people/\(manager.id)/capacities/\(Capacity.independentReviewingOfficer.rawValue)",
                ["holds": "yes"])
            #expect(recorded.status == .seeOther)
            #expect(
                try await Directory(h.database).person(id: manager.id)?.capacities.contains(
                    .independentReviewingOfficer) == true)
            let page = try await admin.get("/admin/people/\(manager.id)")
            #expect(page.body.contains("No longer an independent reviewing officer"))

            let added = try await DisputeActionTests.act(
                browser, id, .addParticipant,
                ["person": manager.id.uuidString, "capacity": Capacity.independentReviewingOfficer.rawValue])
            #expect(added.status == .seeOther)
        }
    }
}
