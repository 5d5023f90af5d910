import ConcordNotifications
import ConcordStore
import Prometheus
import Vapor

/// Concord's Prometheus metrics, one registry per running app. Labels hold only route
/// patterns, status classes, outbox states and delivery outcomes, never a path, a person or a
/// dispute, so nothing about a child can reach them and their number stays bounded.
public final class ConcordMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    public init() {
        // Made now, so that a scrape shows them at zero before the first sweep or message.
        _ = registry.makeDurationHistogram(descriptor: Self.sweepDuration, buckets: Self.sweepBuckets)
        _ = registry.makeCounter(descriptor: Self.sweepNotices)
        _ = registry.makeCounter(descriptor: Self.failedRounds)
        for outcome in MailDelivery.Outcome.allCases { _ = deliveryDuration(outcome) }
    }

    func requestServed(route: String, status: HTTPStatus, after duration: Duration) {
        let labels = [("route", route), ("status", "\(status.code / 100)xx")]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.requestDuration, labels: labels, buckets: Self.requestBuckets)
            .record(duration)
    }

    /// The text Prometheus scrapes, with the outbox's backlog read now. When the database does
    /// not answer, the backlog is left out rather than shown stale; the rest is still served.
    func exposition(outbox: Outbox, logger: Logger) async -> String {
        do {
            let backlog = try await outbox.backlog()
            for state in Outbox.backlogStates { backlogGauge(state).set(Double(backlog[state] ?? 0)) }
        } catch {
            logger.warning("metrics: the outbox backlog could not be read: \(String(reflecting: type(of: error)))")
            for state in Outbox.backlogStates { registry.unregisterGauge(backlogGauge(state)) }
        }
        return registry.emitToString()
    }

    private func backlogGauge(_ state: OutboxStatus) -> Gauge {
        registry.makeGauge(descriptor: Self.backlog, labels: [("state", state.rawValue)])
    }

    private func deliveryDuration(_ outcome: MailDelivery.Outcome) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: Self.deliveryDuration, labels: [("outcome", outcome.rawValue)], buckets: Self.deliveryBuckets)
    }
}

extension ConcordMetrics: NotificationObserver {
    public func sweepFinished(_ result: DeadlineSweep.Result, after duration: Duration) {
        registry.makeDurationHistogram(descriptor: Self.sweepDuration, buckets: Self.sweepBuckets).record(duration)
        registry.makeCounter(descriptor: Self.sweepNotices).increment(by: Int64(result.messages))
    }

    public func messageSettled(_ outcome: MailDelivery.Outcome, after duration: Duration) {
        deliveryDuration(outcome).record(duration)
    }

    public func roundFailed() {
        registry.makeCounter(descriptor: Self.failedRounds).increment()
    }
}

extension ConcordMetrics {
    static var requests: MetricNameDescriptor {
        name("concord_http_requests_total", "Requests answered, by route pattern and status class.")
    }
    static var requestDuration: MetricNameDescriptor {
        name("concord_http_request_duration_seconds", "Time to answer a request, by route pattern and status class.")
    }
    static var backlog: MetricNameDescriptor {
        name("concord_outbox_messages", "Messages not yet sent, by state, across every partnership, read at scrape.")
    }
    static var sweepDuration: MetricNameDescriptor {
        name("concord_deadline_sweep_duration_seconds", "Time of each deadline sweep with its digests.")
    }
    static var sweepNotices: MetricNameDescriptor {
        name("concord_deadline_sweep_notices_total", "Reminders and overdue notices queued by deadline sweeps.")
    }
    static var deliveryDuration: MetricNameDescriptor {
        name("concord_mail_delivery_duration_seconds", "Time to hand one message to the relay, by outcome.")
    }
    static var failedRounds: MetricNameDescriptor {
        name("concord_notification_round_failures_total", "Rounds of sweeping and delivering that failed.")
    }

    static let requestBuckets: [Duration] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map(seconds)
    static let sweepBuckets: [Duration] = [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900].map(seconds)
    static let deliveryBuckets: [Duration] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60].map(seconds)

    private static func seconds(_ value: Double) -> Duration { .milliseconds(Int64(value * 1000)) }

    private static func name(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
