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
            // References are counted in order under the chain lock. The engine's decisions and
            // their canonical JSON, nearly all of the cost, depend on nothing but the dispute,
            // so they run on every core; only the hashing into the chain is in order again.
            var counts: [String: Int] = [:]
            var references: [String] = []
            for dispute in disputes {
                guard let raised = dispute.steps.first else {
                    throw StoreError.notFound("the raise of an imported dispute")
                }
                let day = LondonTime.date(of: EventChain.storedTime(raised.time))
                references.append(try await reference(policy: policy, on: day, &counts, tx))
            }
            let decided = try await Array(zip(disputes, references)).concurrentMap { dispute, reference in
                try Self.decide(dispute, reference: reference, engine: engine, partnership: partnership)
            }
            var events: [DisputeEventModel] = []
            var states: [(UUID, DisputeState)] = []
            for (id, contents, state) in decided {
                for content in contents {
                    head.sequence += 1
                    let hash = EventChain.hash(content, previous: head.hash)
                    events.append(
                        DisputeEventModel(
                            ChainedEvent(sequence: head.sequence, content: content, previousHash: head.hash, hash: hash)
                        ))
                    head.hash = hash
                }
                states.append((id, state))
            }
            try await BulkInsert.insert(events, on: tx)
            try await ProjectionRebuilder.write(states, tx)
            try await head.save(tx)
        }
    }

    /// The dispute's events as the engine decides them, ready to be chained, and its state after them.
    private static func decide(
        _ dispute: ImportedDispute, reference: String, engine: DisputeEngine, partnership: UUID
    ) throws -> (UUID, [EventContent], DisputeState) {
        var contents: [EventContent] = []
        var state: DisputeState?
        for step in dispute.steps {
            let now = EventChain.storedTime(step.time)
            // A raise first, and only first.
            let raises = if case .raise = step.action { true } else { false }
            guard raises == (state == nil) else { throw StoreError.notFound("the raise of an imported dispute") }
            let events: [DisputeEvent]
            do throws(DisputeError) {
                switch (step.action, state) {
                case (.raise(var command), nil):
                    command.partnershipID = partnership.uuidString
                    command.reference = reference
                    events = try engine.raise(command, at: now)
                case (.command(let command), let current?): events = try engine.decide(command, on: current, at: now)
                default: events = []
                }
            } catch {
                throw StoreError.refused(error)
            }
            let recordedAt = EventChain.timestamp(now)
            for event in events {
                contents.append(
                    EventContent(
                        disputeID: dispute.id, disputeVersion: contents.count + 1, type: event.type,
                        actorID: step.actor.id, actorName: step.actor.name, recordedAt: recordedAt,
                        payload: try EventChain.payload(event)))
            }
            if state == nil {
                state = DisputeState.replay(events.map { ($0, now) })
            } else {
                for event in events { state?.apply(event, at: now) }
            }
        }
        guard let state else { throw StoreError.notFound("the raise of an imported dispute") }
        return (dispute.id, contents, state)
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
