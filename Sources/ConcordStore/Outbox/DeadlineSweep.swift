import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// Queues each day's deadline reminders and overdue notices, once per partnership per day
/// however many servers (or cron jobs) run it.
public struct DeadlineSweep: Sendable {
    public struct Result: Hashable, Sendable {
        /// Partnerships swept now.
        public var swept = 0
        /// Partnerships already swept today, or for which today is not a working day.
        public var skipped = 0
        public var disputes = 0
        public var messages = 0

        public init(swept: Int = 0, skipped: Int = 0, disputes: Int = 0, messages: Int = 0) {
            self.swept = swept
            self.skipped = skipped
            self.disputes = disputes
            self.messages = messages
        }
    }

    let database: ConcordDatabase
    public let holidays: HolidayTable
    let settings: NoticeSettings
    let repeatEvery: Int

    public init(
        _ database: ConcordDatabase, holidays: HolidayTable = .standard, notices: NoticeSettings = .init(),
        repeatEvery: Int = 5
    ) {
        self.database = database
        self.holidays = holidays
        self.settings = notices
        self.repeatEvery = repeatEvery
    }

    public func run(at now: Date) async throws -> Result {
        let today = LondonTime.date(of: now)
        var result = Result()
        for partnership in try await Directory(database).partnerships() {
            let watch = DeadlineWatch(
                calendar: Directory(database).calendar(partnership: partnership, holidays: holidays),
                repeatEvery: repeatEvery)
            guard let latest = try watch.reminderDate(on: today) else {
                result.skipped += 1
                continue
            }
            let swept = try await database.database.transaction { tx in
                try await sweep(partnership, watch: watch, today: today, latest: latest, now, tx)
            }
            if let (disputes, messages) = swept {
                result.swept += 1
                result.disputes += disputes
                result.messages += messages
            } else {
                result.skipped += 1
            }
        }
        return result
    }

    /// Nil when another sweep already claimed the day. The claim is a unique row, so a second
    /// server's claim waits for the first one's transaction and then finds the day taken.
    private func sweep(
        _ partnership: Directory.Partnership, watch: DeadlineWatch, today: LocalDate, latest: LocalDate,
        _ now: Date, _ tx: any Database
    ) async throws -> (Int, Int)? {
        let sql = tx as! any SQLDatabase
        let claimed = try await sql.insert(into: DeadlineSweepModel.schema)
            .columns("id", "partnership_id", "day", "swept_at", "notices")
            .values(
                SQLBind(UUID()), SQLBind(partnership.id), SQLBind(today.iso), SQLBind(EventChain.timestamp(now)),
                SQLBind(0)
            )
            .ignoringConflicts(with: ["partnership_id", "day"]).returning("id").all()
        guard !claimed.isEmpty else { return nil }
        let disputes = try await DueDisputes.load(partnership: partnership.id, upTo: latest, sql)
        let book = try await AddressBook.everyone(tx)
        let policies = try await PolicyVersionModel.query(on: tx).filter(\.$partnershipID == partnership.id).all()
        let queue = NoticeQueue(db: tx, settings: settings)
        let secure = try await SecureDomains.of(partnership.id, tx)
        var rows: [OutboxRow] = []
        var queued = 0
        for dispute in disputes {
            guard let version = policies.first(where: { $0.sha256 == dispute.policyVersion }) else { continue }
            let policy = try PolicyCache.shared.policy(
                sha256: version.sha256, yaml: { version.yaml }, file: "\(version.policyID)@\(version.sha256.prefix(12))"
            )
            let notices = try dispute.deadlines.compactMap { deadline, dueOn -> Notice? in
                guard let due = try watch.due(for: dueOn, on: today) else { return nil }
                return DeadlineNotice.notice(
                    for: DeadlineNotice.Subject(
                        disputeID: dispute.id.uuidString.lowercased(), reference: dispute.reference, policy: policy,
                        stage: dispute.stage, deadline: deadline, dueOn: dueOn), due: due)
            }
            rows += queue.rows(
                notices,
                for: NoticeQueue.Dispute(
                    id: dispute.id, reference: dispute.reference, partnershipID: partnership.id,
                    partnershipName: policy.partnership, participants: dispute.participants),
                book: book, secure: secure, at: now)
            // Written as it goes, so a sweep over many disputes holds few messages in memory.
            if rows.count >= 2000 {
                queued += try await OutboxRow.insert(rows, tx)
                rows.removeAll(keepingCapacity: true)
            }
        }
        for due in try await DisputeActionRow.due(partnership: partnership.id, upTo: latest, sql) {
            guard let when = try watch.due(for: due.action.due, on: today) else { continue }
            let notice = ActionDeadlineNotice.notice(
                for: ActionDeadlineNotice.Subject(
                    disputeID: due.disputeID.uuidString.lowercased(), reference: due.reference,
                    partnership: partnership.name, action: due.action), due: when)
            rows += queue.rows(
                [notice],
                for: NoticeQueue.Dispute(
                    id: due.disputeID, reference: due.reference, partnershipID: partnership.id,
                    partnershipName: partnership.name, participants: []),
                book: book, secure: secure, at: now)
        }
        queued += try await OutboxRow.insert(rows, tx)
        try await DeadlineSweepModel.query(on: tx).filter(\.$partnershipID == partnership.id)
            .filter(\.$day == today.iso).set(\.$notices, to: queued).update()
        return (disputes.count, queued)
    }
}
