import ConcordCore
import ConcordStore
import Foundation
import Logging

/// Runs inside `concord serve`: delivers queued mail every few seconds and, from the
/// configured hour each working day, sweeps the deadlines and sends the daily digests.
public struct NotificationRunner: Sendable {
    public var delivery: MailDelivery
    public var sweep: DeadlineSweep
    public var outbox: Outbox
    public var clock: any WallClock
    /// London hour from which reminders, overdue notices and digests go out.
    public var hour: Int
    /// False when operators run `concord deadlines sweep` from cron instead.
    public var watchDeadlines: Bool
    public var deliveryInterval: Duration
    /// Told what each sweep, message and failed round took, for the server's metrics.
    var observer: (any NotificationObserver)?

    public init(
        delivery: MailDelivery, sweep: DeadlineSweep, outbox: Outbox, clock: any WallClock, hour: Int = 7,
        watchDeadlines: Bool = true, deliveryInterval: Duration = .seconds(5)
    ) {
        self.delivery = delivery
        self.sweep = sweep
        self.outbox = outbox
        self.clock = clock
        self.hour = hour
        self.watchDeadlines = watchDeadlines
        self.deliveryInterval = deliveryInterval
    }

    /// This runner, reporting its sweeps, messages and failed rounds to `observer`.
    public func reporting(to observer: any NotificationObserver) -> NotificationRunner {
        var runner = self
        runner.observer = observer
        runner.delivery.observer = observer
        return runner
    }

    /// Runs until cancelled. A failed round is logged by type alone (its text may quote a
    /// database row) and tried again next round.
    public func run(logger: Logger) async {
        var sweptOn: LocalDate?
        while !Task.isCancelled {
            do {
                let today = LondonTime.date(of: clock.now())
                if watchDeadlines, sweptOn != today, try await sweepIfDue() != nil { sweptOn = today }
                try await delivery.deliverDue()
            } catch {
                logger.error("notification round failed: \(String(reflecting: type(of: error)))")
                observer?.roundFailed()
            }
            try? await Task.sleep(for: deliveryInterval)
        }
    }

    /// Sweeps and gathers digests when the London time is past the hour; a no-op for a day
    /// already swept.
    public func sweepIfDue() async throws -> DeadlineSweep.Result? {
        let now = clock.now()
        guard LondonTime.hour(of: now) >= hour else { return nil }
        return try await sweepNow(at: now)
    }

    public func sweepNow(at now: Date) async throws -> DeadlineSweep.Result {
        let started = ContinuousClock.now
        let result = try await sweep.run(at: now)
        if result.swept > 0 {
            let today = LondonTime.date(of: now)
            if try WorkingCalendar(region: .englandAndWales, holidays: sweep.holidays).isWorkingDay(today) {
                _ = try await outbox.assembleDigests(on: today, at: now)
            }
        }
        observer?.sweepFinished(result, after: .now - started)
        return result
    }
}
