import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("Acknowledging receipt")
struct AcknowledgementTests {
    static let flowchart = "five-stage-flowchart"

    @Test(
        "“This must occur immediately with an acknowledgement”: the receiving professional acknowledges, not the raiser"
    )
    func onlyTheReceivingSideAcknowledges() async throws {
        try await WebHarness.with { h in
            let raiser = try await h.signedIn(demo("practitioner.csc", Self.flowchart))
            let id = try await h.raise(as: raiser, slug: Self.flowchart)
            let path = "/disputes/\(id)/\(DisputeAction.acknowledge.rawValue)"

            #expect(!(try await raiser.get("/disputes/\(id)")).hrefs.contains(path))
            #expect(try await raiser.get(path).status == .conflict)
            let posted = try await raiser.post(path, ["version": "\(try await h.load(id).state.version)"])
            #expect(posted.status == .conflict)
            #expect(try await h.load(id).state.acknowledged == nil)

            let receiver = try await h.signedIn(demo("practitioner.health", Self.flowchart))
            #expect(try await receiver.get("/disputes/\(id)").hrefs.contains(path))
            let acknowledged = try await DisputeActionTests.act(receiver, id, .acknowledge, [:])
            #expect(acknowledged.status == .seeOther)
            #expect(try await h.load(id).state.acknowledged != nil)
        }
    }

    @Test("“An acknowledgement will be provided within 5 working days”: by the chair or SCB Manager, not an agency")
    func northEastLincolnshireAcknowledgesForThePartnership() async throws {
        try await WebHarness.with { h in
            let waiting = try await h.disputes(in: "north-east-lincolnshire").filter {
                $0.currentStage == "chair-in-writing" && $0.acknowledgedOn == nil && $0.status == "open"
            }
            let dispute = try #require(waiting.first)
            let path = "/disputes/\(dispute.id)/\(DisputeAction.acknowledge.rawValue)"
            let state = try await h.load(dispute.id).state
            let people = try await h.app.concord.directory.people()
            let agencySides = state.participants.filter { $0.side == .raising || $0.side == .receiving }
            #expect(agencySides.contains { $0.side == .receiving })
            var checked = 0
            for participation in agencySides {
                guard let email = people.first(where: { $0.ref == participation.person })?.email,
                    try await Accounts(h.database).find(email: email) != nil
                else { continue }
                checked += 1
                let agency = try await h.signedIn(email)
                #expect(!(try await agency.get("/disputes/\(dispute.id)")).hrefs.contains(path), "\(email)")
                #expect(try await agency.get(path).status == .conflict, "\(email)")
            }
            #expect(checked > 0, "no agency participant could sign in")
            let office = try await h.signedIn(demo("business-office", "north-east-lincolnshire"))
            #expect(try await office.get("/disputes/\(dispute.id)").hrefs.contains(path))
            let acknowledged = try await DisputeActionTests.act(office, dispute.id, .acknowledge, [:])
            #expect(acknowledged.status == .seeOther)
            #expect(try await h.load(dispute.id).state.acknowledged != nil)
        }
    }
}
