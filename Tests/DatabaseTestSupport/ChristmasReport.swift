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
    /// office account for the partnership, `officeEmail`, able to sign in.
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
        // Without a password hash, one that no password matches: the account only keeps the learning.
        let office = try await Accounts(database).create(
            email: officeEmail, name: "Christmas business office", role: .businessOffice,
            passwordHash: passwordHash ?? "!", partnership: id)
        let disputes = try await scenario.disputes()
        try await scenario.learning(LearningRecords(database), disputes, by: office)
        return scenario
    }

    /// The themes and actions, by id, as `learning` makes them.
    public static let themeTitles = ["Information not shared", "Thresholds understood differently", "Old theme"]

    /// Learning is recorded in A on 5 January (head of service), in D on 23 December (team
    /// managers) and in E on 2 December, E having been raised before the period. A's is given
    /// "Information not shared"; D's "Thresholds understood differently"; E's none. "Old theme"
    /// is retired, with no learning. Of four actions, two are in the period's report: one on
    /// thresholds done on 8 January, and one on information due 12 January, overdue on the 13th.
    /// The other two were done before the period began, or recorded after it ended.
    private func learning(_ records: LearningRecords, _ disputes: [String: UUID], by office: Account) async throws {
        var themes: [String: UUID] = [:]
        for title in Self.themeTitles {
            themes[title] = try await records.addTheme(
                title, partnership: partnership, by: office, at: .london("2026-11-02")
            ).id
        }
        try await records.setRetired(
            true, theme: themes["Old theme"]!, partnership: partnership, by: office, at: .london("2026-11-03"))
        try await records.setThemes(
            [themes["Information not shared"]!], dispute: disputes["A"]!, key: "records-1", partnership: partnership,
            by: office, at: .london("2027-01-06"))
        try await records.setThemes(
            [themes["Thresholds understood differently"]!], dispute: disputes["D"]!, key: "records-0",
            partnership: partnership, by: office, at: .london("2026-12-24"))
        func action(_ theme: String, _ text: String, due: String, on day: String) async throws -> UUID {
            try await records.addAction(
                LearningRecords.ActionDraft(
                    theme: themes[theme]!, action: text, owner: "Head of Quality Assurance", dueOn: LocalDate(iso: due)!
                ),
                partnership: partnership, by: office, at: .london(day))
        }
        let procedure = try await action(
            "Thresholds understood differently", "Procedure revised", due: "2027-01-10", on: "2026-12-28")
        try await records.completeAction(
            procedure, on: LocalDate(iso: "2027-01-08")!, outcome: "Threshold guidance reissued",
            partnership: partnership,
            by: office, at: .london("2027-01-08"))
        _ = try await action("Information not shared", "Briefing to schools", due: "2027-01-12", on: "2027-01-06")
        let earlier = try await action(
            "Information not shared", "Multi-agency training", due: "2026-11-20", on: "2026-11-02")
        try await records.completeAction(
            earlier, on: LocalDate(iso: "2026-11-20")!, outcome: "Two sessions held", partnership: partnership,
            by: office, at: .london("2026-11-20"))
        _ = try await action(
            "Thresholds understood differently", "Audit of referrals", due: "2027-03-31", on: "2027-02-03")
    }

    /// A to F, by letter.
    private func disputes() async throws -> [String: UUID] {
        // A: head of service from 22 December, due 5 January (23, 24, 29, 30 Dec, 5 Jan);
        // resolved there on 5 January: 5 working days, within.
        let a = try await escalate(try await raise("2026-12-21"), "2026-12-22")
        _ = try await resolve(a, "2027-01-05", learning: "Chronologies were not shared before the discussion")
        // B: head of service from 23 December, due 6 January; left for the assistant director on
        // 8 January: 7 working days (24, 29, 30 Dec, 5, 6, 7, 8 Jan), late. Still open.
        let b = try await escalate(try await raise("2026-12-21"), "2026-12-23")
        _ = try await escalate(b, "2027-01-08")
        // C: head of service from 24 December, withdrawn on 30 December: 2 working days, within.
        let c = try await escalate(try await raise("2026-12-22", category: .plan), "2026-12-24")
        _ = try await perform(.withdraw(reason: "Agreed locally"), c, "2026-12-30")
        // D: resolved at the team managers' stage on 23 December.
        let d = try await resolve(
            try await raise("2026-12-21"), "2026-12-23", close: true,
            learning: "The agencies read the threshold differently")
        // E: raised before the period, resolved in it: only among December's resolutions.
        let e = try await resolve(try await raise("2026-11-30"), "2026-12-02", learning: "Escalate sooner")
        // F: head of service from 5 January, due 12 January (6, 7, 8, 11, 12): overdue on the 13th.
        let f = try await escalate(try await raise("2026-12-21", significantHarm: true), "2027-01-05")
        return ["A": a.id, "B": b.id, "C": c.id, "D": d.id, "E": e.id, "F": f.id]
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
    private func ready(
        _ loaded: DisputeStore.Loaded, _ day: String, learning: String? = nil
    ) async throws -> DisputeStore.Loaded {
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
        return try await perform(
            .recordStageRecords(
                StageRecords(
                    outcome: "No agreement yet", learningIdentified: learning.map { _ in true }, learning: learning)),
            talked, day)
    }

    private func escalate(_ loaded: DisputeStore.Loaded, _ day: String) async throws -> DisputeStore.Loaded {
        try await perform(
            .escalate(reason: "The managers could not agree", evidence: nil, people: [manager, otherManager]),
            try await ready(loaded, day), day)
    }

    private func resolve(
        _ loaded: DisputeStore.Loaded, _ day: String, close: Bool = false, learning: String? = nil
    ) async throws -> DisputeStore.Loaded {
        let resolved = try await perform(
            .resolve(outcome: "Strategy discussion agreed", agreedBy: [manager, otherManager], followUp: nil),
            try await ready(loaded, day, learning: learning), day)
        return close ? try await perform(.close(reviewHeld: nil, note: "Done"), resolved, day) : resolved
    }
}

extension Date {
    /// Noon in London on a given date.
    fileprivate static func london(_ iso: String) -> Date {
        LondonTime.startOfDay(LocalDate(iso: iso)!).addingTimeInterval(12 * 3600)
    }
}
