import ConcordCore
import ConcordStore
import Foundation

/// Disputes whose stages run over Christmas and New Year and over the partnership's closure
/// days (31 December 2026 and 4 January 2027), for checking a report's figures against ones
/// worked out by hand. England's bank holidays there: 25 and 28 December 2026 (Boxing Day's
/// substitute) and 1 January 2027. It runs Oldham's policy, whose head-of-service stage has 5
/// working days and whose other stages none.
public struct ChristmasReport: Sendable {
    public static let slug = "christmas"
    public static let closures = [LocalDate(iso: "2026-12-31")!, LocalDate(iso: "2027-01-04")!]
    public static let from = LocalDate(iso: "2026-12-01")!
    public static let to = LocalDate(iso: "2027-01-31")!
    /// The day "overdue now" is judged on.
    public static let today = LocalDate(iso: "2027-01-13")!
    public static let officeEmail = "office@christmas.example"

    public let partnership: UUID
    let store: DisputeStore
    let manager: PersonRef
    let otherManager: PersonRef
    let health: AgencyRef

    /// A to F, raised by social care with health. `passwordHash`, when given, makes a business
    /// office account for the partnership, `officeEmail`.
    public static func seed(
        _ database: ConcordDatabase, passwordHash: String? = nil
    ) async throws -> ChristmasReport {
        let directory = Directory(database)
        guard let policy = PolicyLibrary.builtIn("oldham"), let text = PolicyLibrary.text(of: "oldham") else {
            throw StoreError.noPolicy(partnership: "oldham")
        }
        let id = try await directory.addPartnership(
            slug: slug, name: "Christmas Safeguarding Partnership", region: policy.region, closureDays: closures)
        try await directory.installPolicy(
            text, file: "oldham.yaml", partnership: id, at: .london("2026-11-01"))
        let socialCare = try await directory.addAgency(
            name: "Yuletide Social Care", type: .childrensSocialCare, partnerships: [id])
        let health = try await directory.addAgency(name: "Yuletide Health", type: .health, partnerships: [id])
        let scenario = ChristmasReport(
            partnership: id, store: DisputeStore(database),
            manager: try await directory.addPerson(
                name: "Sam Manager", email: "sam@yule-csc.example", agency: socialCare, level: .lineManager,
                lineManager: nil),
            otherManager: try await directory.addPerson(
                name: "Ola Manager", email: "ola@yule-health.example", agency: health, level: .lineManager,
                lineManager: nil),
            health: health)
        if let passwordHash {
            try await Accounts(database).create(
                email: officeEmail, name: "Christmas business office", role: .businessOffice,
                passwordHash: passwordHash, partnership: id)
        }
        try await scenario.disputes()
        return scenario
    }

    private func disputes() async throws {
        // A: head of service from 22 December, due 5 January (23, 24, 29, 30 Dec, 5 Jan);
        // resolved there on 5 January: 5 working days, within.
        let a = try await escalate(try await raise("2026-12-21"), "2026-12-22")
        _ = try await resolve(a, "2027-01-05")
        // B: head of service from 23 December, due 6 January; left for the assistant director on
        // 8 January: 7 working days (24, 29, 30 Dec, 5, 6, 7, 8 Jan), late. Still open.
        let b = try await escalate(try await raise("2026-12-21"), "2026-12-23")
        _ = try await escalate(b, "2027-01-08")
        // C: head of service from 24 December, withdrawn on 30 December: 2 working days, within.
        let c = try await escalate(try await raise("2026-12-22", category: .plan), "2026-12-24")
        _ = try await perform(.withdraw(reason: "Agreed locally"), c, "2026-12-30")
        // D: resolved at the team managers' stage on 23 December.
        _ = try await resolve(try await raise("2026-12-21"), "2026-12-23", close: true)
        // E: raised before the period, resolved in it: only among December's resolutions.
        _ = try await resolve(try await raise("2026-11-30"), "2026-12-02")
        // F: head of service from 5 January, due 12 January (6, 7, 8, 11, 12): overdue on the 13th.
        _ = try await escalate(try await raise("2026-12-21", significantHarm: true), "2027-01-05")
    }

    private func raise(
        _ day: String, category: DisputeCategory = .threshold, significantHarm: Bool = false
    ) async throws -> DisputeStore.Loaded {
        let command = RaiseDispute(
            raisedBy: manager, otherAgencies: [health], professionals: [otherManager],
            children: [ChildRecord(name: "Child A", dateOfBirth: LocalDate(iso: "2019-04-02"))],
            category: category, disagreement: "Whether the threshold for a strategy discussion is met",
            outcomeWanted: "A strategy discussion is held", significantHarm: significantHarm)
        return try await store.raise(command, partnership: partnership, at: .london(day))
    }

    private func perform(
        _ command: DisputeCommand, _ loaded: DisputeStore.Loaded, _ day: String
    ) async throws -> DisputeStore.Loaded {
        try await store.perform(
            command, on: loaded.id, expectedVersion: loaded.state.version, by: manager, at: .london(day))
    }

    /// What every stage asks before it is left: a discussion, or the team managers' resolution
    /// meeting, and the outcome.
    private func ready(_ loaded: DisputeStore.Loaded, _ day: String) async throws -> DisputeStore.Loaded {
        let held = LocalDate(iso: day)!
        let talk: DisputeCommand =
            loaded.state.currentStage.stage == "team-manager"
            ? .recordMinutes(
                MeetingMinutes(
                    heldOn: held, attendees: [manager, otherManager], purpose: "Resolve it",
                    views: [manager.agency, otherManager.agency].map { AgencyView(agency: $0, view: "Its view") },
                    circumstances: "As recorded", options: "Escalate",
                    actions: [PlannedAction(id: "1", action: "Share the log", owner: manager, due: held)],
                    reviewOn: held))
            : .recordDiscussion(
                heldOn: held, method: .telephone, participants: [manager, otherManager], summary: "Talked it through")
        let talked = try await perform(talk, loaded, day)
        return try await perform(.recordStageRecords(StageRecords(outcome: "No agreement yet")), talked, day)
    }

    private func escalate(_ loaded: DisputeStore.Loaded, _ day: String) async throws -> DisputeStore.Loaded {
        try await perform(
            .escalate(reason: "The managers could not agree", evidence: nil, people: [manager, otherManager]),
            try await ready(loaded, day), day)
    }

    private func resolve(
        _ loaded: DisputeStore.Loaded, _ day: String, close: Bool = false
    ) async throws -> DisputeStore.Loaded {
        let resolved = try await perform(
            .resolve(outcome: "Strategy discussion agreed", agreedBy: [manager, otherManager], followUp: nil),
            try await ready(loaded, day), day)
        return close ? try await perform(.close(reviewHeld: nil, note: "Done"), resolved, day) : resolved
    }
}

extension Date {
    /// Noon in London on a given date.
    fileprivate static func london(_ iso: String) -> Date {
        LondonTime.startOfDay(LocalDate(iso: iso)!).addingTimeInterval(12 * 3600)
    }
}
