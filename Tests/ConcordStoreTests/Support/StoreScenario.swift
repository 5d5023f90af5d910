import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Short ways to drive a fixture's partnership through the store on fixed dates.
extension Fixture {
    var store: DisputeStore { DisputeStore(database) }

    func raise(
        on day: String = "2026-12-21", lookedAfter: Bool = false, significantHarm: Bool = false,
        category: DisputeCategory = .threshold
    ) async throws -> DisputeStore.Loaded {
        var command = raiseCommand(lookedAfter: lookedAfter, significantHarm: significantHarm)
        command.category = category
        return try await store.raise(command, partnership: partnership, at: .london(day))
    }

    /// Performs `command` on the version `loaded` holds, as the person given (the raising manager
    /// by default).
    func perform(
        _ command: DisputeCommand, on loaded: DisputeStore.Loaded, by actor: PersonRef? = nil,
        day: String = "2026-12-21"
    ) async throws -> DisputeStore.Loaded {
        try await store.perform(
            command, on: loaded.id, expectedVersion: loaded.state.version, by: actor ?? manager, at: .london(day))
    }

    func recordOutcome(
        _ loaded: DisputeStore.Loaded, day: String = "2026-12-21"
    ) async throws
        -> DisputeStore.Loaded
    {
        try await perform(.recordStageRecords(StageRecords(outcome: "No agreement yet")), on: loaded, day: day)
    }

    /// Holds the stage's resolution meeting and records its outcome: what Oldham's first stage
    /// needs before it can be left.
    func readyToEscalate(
        _ loaded: DisputeStore.Loaded, day: String = "2026-12-21"
    ) async throws
        -> DisputeStore.Loaded
    {
        let iro = loaded.state.participants.filter { $0.capacity == .independentReviewingOfficer }.map(\.person)
        return try await recordOutcome(
            try await perform(meeting(on: day, with: iro), on: loaded, day: day), day: day)
    }

    func escalate(_ loaded: DisputeStore.Loaded, day: String = "2026-12-21") async throws -> DisputeStore.Loaded {
        try await perform(escalateCommand, on: loaded, day: day)
    }

    /// Records an outcome, resolves with both sides agreeing, and optionally closes.
    func resolve(
        _ loaded: DisputeStore.Loaded, close: Bool, day: String = "2026-12-22"
    ) async throws
        -> DisputeStore.Loaded
    {
        let resolved = try await perform(resolveCommand, on: loaded, day: day)
        guard close else { return resolved }
        return try await perform(.close(reviewHeld: nil, note: "Done"), on: resolved, day: day)
    }

    var escalateCommand: DisputeCommand {
        .escalate(reason: "The managers could not agree", evidence: nil, people: [manager, otherManager])
    }

    var resolveCommand: DisputeCommand {
        .resolve(outcome: "Strategy discussion agreed", agreedBy: [manager, otherManager], followUp: nil)
    }

    /// The minutes of the resolution meeting, which show it was held.
    func meeting(on day: String, with others: [PersonRef] = []) -> DisputeCommand {
        DisputeCommand.recordMinutes(
            MeetingMinutes(
                heldOn: LocalDate(iso: day)!, attendees: [manager, otherManager] + others, purpose: "Resolve it",
                views: [manager.agency, otherManager.agency].map { AgencyView(agency: $0, view: "Its view") },
                circumstances: "As recorded", options: "Escalate",
                actions: [PlannedAction(id: "1", action: "Share the log", owner: manager, due: LocalDate(iso: day)!)],
                reviewOn: LocalDate(iso: day)!))
    }

    /// Held on the first of the month, so that it is never in the future on a test's day.
    var discussionCommand: DisputeCommand {
        .recordDiscussion(
            heldOn: LocalDate(iso: "2026-12-01")!, method: .telephone, participants: [manager, otherManager],
            summary: "Talked it through")
    }
}

/// What a command must not change when it is refused or fails.
struct StoreFootprint: Equatable {
    var eventCount: Int
    var headHash: String
    var projection: [String]

    static func of(_ database: ConcordDatabase) async throws -> StoreFootprint {
        let report = try await ChainAudit.run(database)
        return StoreFootprint(
            eventCount: report.count, headHash: report.headHash, projection: try await DisputeQueries.snapshot(database)
        )
    }
}

/// Every stored event in sequence order, read through the public store API.
func allEvents(_ database: ConcordDatabase) async throws -> [ChainedEvent] {
    let store = DisputeStore(database)
    var events: [ChainedEvent] = []
    for summary in try await DisputeQueries.list(database) {
        events += try await store.load(summary.id).events
    }
    return events.sorted { $0.sequence < $1.sequence }
}

/// Expects `body` to throw exactly `expected`.
func expectStoreError<T>(
    _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async {
    do {
        _ = try await body()
        Issue.record("expected \(expected), but the command succeeded", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}
