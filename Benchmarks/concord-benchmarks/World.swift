import ConcordCore
import ConcordStore
import Foundation

/// One partnership running Oldham's policy, with people to act in it.
struct World {
    static let templateReference = "TEMPLATE-REFERENCE"

    let database: ConcordDatabase
    let partnership: UUID
    let policy: Policy
    let socialCare: AgencyRef
    let health: AgencyRef
    let manager: PersonRef
    let otherManager: PersonRef
    let headOfService: PersonRef
    let now = LondonTime.startOfDay(LocalDate(iso: "2027-01-11")!).addingTimeInterval(12 * 3600)

    static func make(_ database: ConcordDatabase) async throws -> World {
        let directory = Directory(database)
        let policy = PolicyLibrary.builtIn("oldham")!
        let partnership = try await directory.addPartnership(
            slug: "oldham", name: policy.partnership, region: policy.region)
        try await directory.installPolicy(
            PolicyLibrary.text(of: "oldham")!, file: "oldham.yaml", partnership: partnership)
        let socialCare = try await directory.addAgency(
            name: "Children's Social Care", type: .childrensSocialCare, partnerships: [partnership])
        let health = try await directory.addAgency(name: "Health", type: .health, partnerships: [partnership])
        return World(
            database: database, partnership: partnership, policy: policy, socialCare: socialCare, health: health,
            manager: try await directory.addPerson(
                name: "Team Manager", email: "team.manager@csc.example", agency: socialCare, level: .lineManager,
                lineManager: nil),
            otherManager: try await directory.addPerson(
                name: "Health Manager", email: "manager@health.example", agency: health, level: .lineManager,
                lineManager: nil),
            headOfService: try await directory.addPerson(
                name: "Head of Service", email: nil, agency: socialCare, level: .headOfService, lineManager: nil))
    }

    func raise(_ index: Int) -> RaiseDispute {
        RaiseDispute(
            raisedBy: manager, otherAgencies: [health], professionals: [otherManager],
            children: [ChildRecord(name: "Child \(index)", dateOfBirth: LocalDate(iso: "2018-05-01"))],
            category: .threshold, disagreement: "Whether the threshold for a child protection enquiry is met",
            outcomeWanted: "A strategy discussion", significantHarm: false)
    }

    var discussion: DisputeCommand {
        .recordDiscussion(
            heldOn: LocalDate(iso: "2027-01-11")!, method: .meeting, participants: [manager, otherManager],
            summary: "Resolution meeting held; no agreement reached")
    }

    /// A typical short dispute's events (raised, discussed, recorded, resolved), from the real engine.
    func templateEvents() throws -> [(type: String, payload: String)] {
        let engine = DisputeEngine(
            policy: policy, policyVersion: "bench", calendar: WorkingCalendar(region: policy.region))
        var command = raise(0)
        command.reference = Self.templateReference
        command.partnershipID = partnership.uuidString
        var events = try engine.raise(command, at: now)
        var state = DisputeState(first: events[0], at: now)!
        for event in events.dropFirst() { state.apply(event, at: now) }
        let commands: [DisputeCommand] = [
            discussion, .recordStageRecords(StageRecords(outcome: "No agreement at the resolution meeting")),
            .resolve(outcome: "Agreed at the resolution meeting", agreedBy: [manager, otherManager], followUp: nil),
        ]
        for command in commands {
            let next = try engine.decide(command, on: state, at: now)
            for event in next { state.apply(event, at: now) }
            events += next
        }
        return try events.map { ($0.type, try EventChain.payload($0)) }
    }
}
