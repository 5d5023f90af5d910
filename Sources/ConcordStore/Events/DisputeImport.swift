import ConcordCore
import FluentKit
import Foundation

/// Disputes with a history, written many at a time: for volume data, where raising each
/// through `raise` and `perform` would cost a transaction per step. Every step is still
/// decided by the engine under the partnership's current policy, every event joins the one
/// hash chain, and the projections are written as they would be; only e-mail is not queued,
/// since the history is past.
extension DisputeStore {
    public struct ImportStep: Sendable {
        public enum Action: Sendable {
            case raise(RaiseDispute)
            case command(DisputeCommand)
        }

        public var time: Date
        public var actor: PersonRef
        public var action: Action

        public init(time: Date, actor: PersonRef, action: Action) {
            self.time = time
            self.actor = actor
            self.action = action
        }
    }

    public struct ImportedDispute: Sendable {
        public var id: UUID
        /// Begins with the raise.
        public var steps: [ImportStep]

        public init(id: UUID, steps: [ImportStep]) {
            self.id = id
            self.steps = steps
        }
    }

    /// Writes the disputes in one transaction, or none of them if the engine refuses a step.
    public func importDisputes(_ disputes: [ImportedDispute], partnership: UUID) async throws {
        guard let first = disputes.first?.steps.first else { return }
        let today = LondonTime.date(of: first.time)
        guard
            let (policy, version) = try await Directory(database).currentPolicy(
                partnership: partnership, procedure: nil, on: today)
        else { throw StoreError.noPolicy(partnership: partnership.uuidString) }
        let calendar = try await calendar(for: partnership, region: policy.region)
        let engine = DisputeEngine(policy: policy, policyVersion: version, calendar: calendar)
        try await database.database.transaction { tx in
            var head = try await ChainHead.lock(tx)
            var counts: [String: Int] = [:]
            var events: [DisputeEventModel] = []
            var states: [(UUID, DisputeState)] = []
            for dispute in disputes {
                let (chained, state) = try await history(
                    dispute, engine: engine, policy: policy, partnership: partnership, head: &head,
                    counts: &counts, tx)
                events += chained.map(DisputeEventModel.init)
                states.append((dispute.id, state))
            }
            // Within SQLite's limit on bound values per statement.
            for chunk in events.chunked(1_000) { try await chunk.create(on: tx) }
            try await ProjectionRebuilder.write(states, tx)
            try await head.save(tx)
        }
    }

    private func history(
        _ dispute: ImportedDispute, engine: DisputeEngine, policy: Policy, partnership: UUID, head: inout ChainHead,
        counts: inout [String: Int], _ tx: any Database
    ) async throws -> ([ChainedEvent], DisputeState) {
        var chained: [ChainedEvent] = []
        var state: DisputeState?
        for step in dispute.steps {
            let now = EventChain.storedTime(step.time)
            var raise: RaiseDispute?
            if case .raise(var command) = step.action {
                command.partnershipID = partnership.uuidString
                command.reference = try await reference(policy: policy, on: LondonTime.date(of: now), &counts, tx)
                raise = command
            } else if state == nil {
                throw StoreError.notFound("the raise of an imported dispute")
            }
            let events: [DisputeEvent]
            do throws(DisputeError) {
                switch (step.action, raise, state) {
                case (.command(let command), _, let current?): events = try engine.decide(command, on: current, at: now)
                case (_, let command?, _): events = try engine.raise(command, at: now)
                default: events = []
                }
            } catch {
                throw StoreError.refused(error)
            }
            let appended = try chain(
                events, to: dispute.id, after: state?.version ?? 0, actor: step.actor, at: now, &head)
            chained += appended
            if state == nil {
                state = DisputeState.replay(events.map { ($0, now) })
            } else {
                for event in events { state?.apply(event, at: now) }
            }
        }
        guard let state else { throw StoreError.notFound("the raise of an imported dispute") }
        return (chained, state)
    }

    /// As `nextReference`, counting each year's references once per batch.
    private func reference(
        policy: Policy, on day: LocalDate, _ counts: inout [String: Int], _ tx: any Database
    ) async throws -> String {
        let prefix = referencePrefix(policy: policy, on: day)
        let count: Int
        if let known = counts[prefix] {
            count = known
        } else {
            count = try await DisputeModel.query(on: tx).filter(\.$reference =~ prefix).count()
        }
        counts[prefix] = count + 1
        return prefix + String(format: "%04d", count + 1)
    }
}
