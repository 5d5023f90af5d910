import ConcordCore
import ConcordStore
import Foundation
import Testing

/// "Whoever Concord alerts must be able to open what they are alerted about."
@Suite struct DisputeAccessAlertTests {
    @Test(
        "those concerns should be communicated to their line manager and/or their organisation’s designated lead for safeguarding immediately: and the lead can open the dispute",
        arguments: Backend.allCases)
    func aDesignatedLeadAlertedAboutSignificantHarmMayReadTheDispute(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, policy: "sunderland")
            let ira = UUID(uuidString: fixture.iro.id)!
            try await Directory(database).setDesignatedLead(person: ira, true)
            let accounts = Accounts(database)
            let lead = try await accounts.create(
                email: "ira@csc.example", name: "Ira Reviewer", role: .practitioner, passwordHash: "h", person: ira)
            let quiet = try await fixture.raise()
            let harm = try await fixture.raise(significantHarm: true)
            #expect(try await DisputeAccess.relation(database, account: lead, dispute: harm.id) == .alerted)
            #expect(DisputeAccess.Relation.alerted.mayAct == false)
            #expect(try await DisputeAccess.relation(database, account: lead, dispute: quiet.id) == nil)
            #expect(try await DisputeAccess.visible(database, account: lead).map(\.id) == [harm.id])
            #expect(try await DisputeAccess.alerted(database, person: ira) == [harm.id])
        }
    }
}
