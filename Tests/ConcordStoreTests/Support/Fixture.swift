import ConcordCore
import ConcordStore
import Foundation
import Testing

/// A partnership running one built-in policy, with two agencies and people at every level the
/// policies name, ready for disputes.
struct Fixture {
    let database: ConcordDatabase
    let partnership: UUID
    let policy: Policy
    let socialCare: AgencyRef
    let health: AgencyRef
    let practitioner: PersonRef
    let otherPractitioner: PersonRef
    let manager: PersonRef
    let otherManager: PersonRef
    let iro: PersonRef
    let businessOffice: PersonRef

    static func make(
        _ database: ConcordDatabase, policy policyID: String = "oldham", closureDays: [LocalDate] = []
    )
        async throws -> Fixture
    {
        let directory = Directory(database)
        let policy = try #require(PolicyLibrary.builtIn(policyID))
        let partnership = try await directory.addPartnership(
            slug: policyID, name: policy.partnership, region: policy.region, closureDays: closureDays)
        try await directory.installPolicy(
            try #require(PolicyLibrary.text(of: policyID)), file: "\(policyID).yaml", partnership: partnership)
        let socialCare = try await directory.addAgency(
            name: "Children's Social Care", type: .childrensSocialCare, partnerships: [partnership])
        let health = try await directory.addAgency(name: "Community Health", type: .health, partnerships: [partnership])
        let manager = try await directory.addPerson(
            name: "Sam Manager", email: "sam@csc.example", agency: socialCare, level: .lineManager, lineManager: nil)
        let otherManager = try await directory.addPerson(
            name: "Ola Manager", email: "ola@health.example", agency: health, level: .lineManager, lineManager: nil)
        return Fixture(
            database: database, partnership: partnership, policy: policy, socialCare: socialCare, health: health,
            practitioner: try await directory.addPerson(
                name: "Pat Worker", email: "pat@csc.example", agency: socialCare, level: .practitioner,
                lineManager: manager),
            otherPractitioner: try await directory.addPerson(
                name: "Hana Visitor", email: "hana@health.example", agency: health, level: .practitioner,
                lineManager: otherManager),
            manager: manager, otherManager: otherManager,
            iro: try await directory.addPerson(
                name: "Ira Reviewer", email: "ira@csc.example", agency: socialCare, level: .practitioner,
                lineManager: manager),
            businessOffice: try await directory.addPerson(
                name: "Bea Office", email: "bea@partnership.example", agency: socialCare,
                level: .partnershipBusinessOffice, lineManager: nil))
    }

    func raiseCommand(lookedAfter: Bool = false, significantHarm: Bool = false) -> RaiseDispute {
        RaiseDispute(
            raisedBy: manager, otherAgencies: [health], professionals: [otherManager],
            children: [
                ChildRecord(
                    name: "Child A", dateOfBirth: LocalDate(iso: "2019-04-02"),
                    caseReferences: [CaseReference(agencyID: socialCare.id, reference: "CSC-1")],
                    flags: lookedAfter ? [.lookedAfter] : [])
            ],
            category: .threshold, disagreement: "Whether the threshold for a strategy discussion is met",
            outcomeWanted: "A strategy discussion is held", significantHarm: significantHarm)
    }
}

extension Date {
    /// Noon in London on a given date, so tests are independent of the real clock.
    static func london(_ iso: String, hour: Int = 12) -> Date {
        LondonTime.startOfDay(LocalDate(iso: iso)!).addingTimeInterval(Double(hour) * 3600)
    }
}
