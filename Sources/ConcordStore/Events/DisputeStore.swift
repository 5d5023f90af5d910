import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// Writes disputes as events: every command's events, its projection update and the chain
/// head commit together or not at all, and a command decided on a stale version is refused.
public struct DisputeStore: Sendable {
    let database: ConcordDatabase
    let holidays: HolidayTable
    let notices: NoticeSettings
    let calendars: CalendarCache

    /// `calendars`: shared by everything using the same bank holidays, for as long as they run.
    public init(
        _ database: ConcordDatabase, holidays: HolidayTable = .standard, notices: NoticeSettings = .init(),
        calendars: CalendarCache = CalendarCache()
    ) {
        self.database = database
        self.calendars = calendars
        self.holidays = holidays
        self.notices = notices
    }

    public struct Loaded: Sendable {
        public var id: UUID
        public var state: DisputeState
        public var events: [ChainedEvent]
        public var policy: Policy
        public var calendar: WorkingCalendar
    }

    /// A form's one-time token and who sent it: a second submission of the same form is
    /// refused with `StoreError.duplicateSubmission`, naming the dispute the first one changed.
    public struct Submission: Sendable {
        public var token: String
        public var account: UUID

        public init(token: String, account: UUID) {
            self.token = token
            self.account = account
        }
    }

    /// Raises a dispute under the partnership's current policy (or, where it runs several, the
    /// procedure named); the reference is assigned here.
    public func raise(
        _ command: RaiseDispute, partnership: UUID, procedure: String? = nil, at time: Date,
        submission: Submission? = nil
    ) async throws
        -> Loaded
    {
        let now = EventChain.storedTime(time)
        guard
            let (policy, version) = try await Directory(database).currentPolicy(
                partnership: partnership, procedure: procedure, on: LondonTime.date(of: now))
        else {
            throw StoreError.noPolicy(partnership: partnership.uuidString)
        }
        let calendar = try await calendar(for: partnership, region: policy.region)
        let engine = DisputeEngine(policy: policy, policyVersion: version, calendar: calendar)
        let id = UUID()
        return try await database.database.transaction { tx in
            let head = try await ChainHead.lock(tx)
            try await claim(submission, dispute: id, at: now, tx)
            var command = command
            command.partnershipID = partnership.uuidString
            command.reference = try await nextReference(policy: policy, on: LondonTime.date(of: now), tx)
            let events: [DisputeEvent]
            do throws(DisputeError) { events = try engine.raise(command, at: now) } catch {
                throw StoreError.refused(error)
            }
            let chained = try await append(events, to: id, after: 0, actor: command.raisedBy, at: now, head: head, tx)
            guard let state = DisputeState.replay(events.map { ($0, now) }) else {
                throw StoreError.notFound("raise event")
            }
            try await DisputeProjection.write(state, id: id, on: tx)
            try await queueNotices(
                events, from: 1, state: state, policy: policy, id: id, actor: command.raisedBy, now, tx)
            return Loaded(id: id, state: state, events: chained, policy: policy, calendar: calendar)
        }
    }

    /// Applies a command decided on `expectedVersion` of the dispute.
    public func perform(
        _ command: DisputeCommand, on id: UUID, expectedVersion: Int, by actor: PersonRef, at time: Date,
        submission: Submission? = nil
    ) async throws -> Loaded {
        let now = EventChain.storedTime(time)
        return try await database.database.transaction { tx in
            let head = try await ChainHead.lock(tx)
            try await claim(submission, dispute: id, at: now, tx)
            let loaded = try await load(id, on: tx)
            guard loaded.state.version == expectedVersion else {
                let changes = loaded.events.filter { $0.content.disputeVersion > expectedVersion }.map(\.content.type)
                throw StoreError.conflict(expected: expectedVersion, current: loaded.state.version, changes: changes)
            }
            let engine = DisputeEngine(
                policy: loaded.policy, policyVersion: loaded.state.raised.policyVersion, calendar: loaded.calendar)
            let events: [DisputeEvent]
            do throws(DisputeError) { events = try engine.decide(command, on: loaded.state, at: now) } catch {
                throw StoreError.refused(error)
            }
            let chained = try await append(
                events, to: id, after: loaded.state.version, actor: actor, at: now, head: head, tx)
            var state = loaded.state
            for event in events { state.apply(event, at: now) }
            try await DisputeProjection.write(state, id: id, on: tx)
            try await queueNotices(
                events, from: loaded.state.version + 1, state: state, policy: loaded.policy, id: id, actor: actor, now,
                tx)
            return Loaded(
                id: id, state: state, events: loaded.events + chained, policy: loaded.policy,
                calendar: loaded.calendar)
        }
    }

    /// The messages the events call for, queued with them so that neither exists without the other.
    private func queueNotices(
        _ events: [DisputeEvent], from version: Int, state: DisputeState, policy: Policy, id: UUID,
        actor: PersonRef, _ now: Date, _ tx: any Database
    ) async throws {
        let planned = NoticePlanner(policy: policy, disputeID: id.uuidString.lowercased())
            .notices(for: events, firstVersion: version, state: state, actor: actor)
        guard let partnership = UUID(uuidString: state.raised.partnershipID) else { return }
        let dispute = NoticeQueue.Dispute(
            id: id, reference: state.reference, partnershipID: partnership, partnershipName: policy.partnership,
            participants: state.participants.map { ($0.person.id, $0.capacity) })
        try await NoticeQueue(db: tx, settings: notices).enqueue(planned, for: dispute, at: now)
    }

    /// Checked under the chain lock, so of two identical submissions racing, the second sees
    /// the first's token.
    private func claim(_ submission: Submission?, dispute: UUID, at now: Date, _ tx: any Database) async throws {
        guard let submission else { return }
        if let earlier = try await FormSubmissionModel.find(submission.token, on: tx) {
            throw StoreError.duplicateSubmission(dispute: earlier.disputeID)
        }
        try await FormSubmissionModel(
            token: submission.token, disputeID: dispute, accountID: submission.account,
            submittedAt: EventChain.timestamp(now)
        ).create(on: tx)
    }

    /// The dispute as it stands, from the cache when its version has not moved.
    public func load(_ id: UUID) async throws -> Loaded {
        let db = database.database
        guard
            let version = try await DisputeModel.query(on: db).filter(\.$id == id).field(\.$id).field(\.$version)
                .field(\.$partnershipID).first()
        else { throw StoreError.notFound("dispute \(id)") }
        if let cached = LoadedCache.shared.entry(id, version: version.version) {
            let calendar = try await calendar(for: version.partnershipID, region: cached.policy.region, on: db)
            return Loaded(id: id, state: cached.state, events: cached.events, policy: cached.policy, calendar: calendar)
        }
        let loaded = try await load(id, on: db)
        LoadedCache.shared.store(
            id, version: loaded.state.version,
            .init(state: loaded.state, events: loaded.events, policy: loaded.policy))
        return loaded
    }

    func load(_ id: UUID, on db: any Database) async throws -> Loaded {
        let events = try await EventRows.all(.disputes(from: id, through: id), db)
        let replayed = try events.map { try $0.decoded() }
        guard let state = DisputeState.replay(replayed) else { throw StoreError.notFound("dispute \(id)") }
        guard let partnership = UUID(uuidString: state.raised.partnershipID),
            let version = try await PolicyVersionModel.query(on: db).filter(\.$partnershipID == partnership)
                .filter(\.$sha256 == state.raised.policyVersion).first()
        else { throw StoreError.noPolicy(partnership: state.raised.partnershipID) }
        let policy = try PolicyCache.shared.policy(
            sha256: version.sha256, yaml: { version.yaml }, file: "\(version.policyID)@\(version.sha256.prefix(12))")
        let calendar = try await calendar(for: partnership, region: policy.region, on: db)
        return Loaded(id: id, state: state, events: events, policy: policy, calendar: calendar)
    }

    func calendar(
        for partnership: UUID, region: Region, on db: (any Database)? = nil
    ) async throws
        -> WorkingCalendar
    {
        // Closure days are part of the directory, which this process already holds; read on `db`,
        // so a command's transaction does not wait for a second connection.
        let directory = try await database.directoryCache.snapshot(db ?? database.database)
        return calendars.calendar(
            region: region, holidays: holidays, closures: directory.partnership(id: partnership)?.closureDays ?? [])
    }

    /// `OLD-2026-0007`: the policy's initials, the year, and a count within them, unique because
    /// references are assigned under the chain lock.
    private func nextReference(policy: Policy, on day: LocalDate, _ tx: any Database) async throws -> String {
        let prefix = referencePrefix(policy: policy, on: day)
        let count = try await DisputeModel.query(on: tx).filter(\.$reference =~ prefix).count()
        return prefix + String(format: "%04d", count + 1)
    }

    func referencePrefix(policy: Policy, on day: LocalDate) -> String {
        let initials = policy.id.split(separator: "-").map { String($0.prefix(policy.id.contains("-") ? 1 : 3)) }
            .joined().uppercased()
        return "\(initials)-\(day.year)-"
    }

    private func append(
        _ events: [DisputeEvent], to id: UUID, after version: Int, actor: PersonRef, at now: Date,
        head: ChainHead, _ tx: any Database
    ) async throws -> [ChainedEvent] {
        var head = head
        let chained = try chain(events, to: id, after: version, actor: actor, at: now, &head)
        try await BulkInsert.insert(chained.map(DisputeEventModel.init), on: tx)
        try await head.save(tx)
        return chained
    }

    /// Links the events onto the chain after `head`, moving `head` to the last of them.
    func chain(
        _ events: [DisputeEvent], to id: UUID, after version: Int, actor: PersonRef, at now: Date,
        _ head: inout ChainHead
    ) throws -> [ChainedEvent] {
        var chained: [ChainedEvent] = []
        let recordedAt = EventChain.timestamp(now)
        for (offset, event) in events.enumerated() {
            let payload = try EventChain.payload(event)
            let content = EventContent(
                disputeID: id, disputeVersion: version + offset + 1, type: event.type, actorID: actor.id,
                actorName: actor.name, recordedAt: recordedAt, payload: payload)
            head.sequence += 1
            let hash = EventChain.hash(content, previous: head.hash)
            chained.append(ChainedEvent(sequence: head.sequence, content: content, previousHash: head.hash, hash: hash))
            head.hash = hash
        }
        return chained
    }
}
