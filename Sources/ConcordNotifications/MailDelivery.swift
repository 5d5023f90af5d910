import ConcordCore
import ConcordMail
import ConcordStore
import Foundation

/// Sends what the outbox holds. A message is claimed, sent and marked in that order, so a
/// crash loses nothing: an unmarked message's claim lapses and it is sent again, the one
/// duplicate SMTP cannot rule out, carrying the same Message-ID for the receiver to recognise.
/// A server that is stopped rather than crashing sends no duplicate: see `deliver(_:_:)`.
public struct MailDelivery: Sendable {
    public struct Report: Hashable, Sendable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
    }

    /// What became of one message handed to the relay.
    public enum Outcome: String, CaseIterable, Sendable { case sent, retrying, failed }

    let outbox: Outbox
    let transport: any MailTransport
    let from: MailAddress
    let clock: any WallClock
    let maxAttempts: Int
    let lease: TimeInterval
    /// Told how long each message took, for the server's metrics.
    var observer: (any NotificationObserver)?

    public init(
        outbox: Outbox, transport: any MailTransport, from: MailAddress, clock: any WallClock, maxAttempts: Int = 8,
        lease: TimeInterval = 10 * 60
    ) {
        self.outbox = outbox
        self.transport = transport
        self.from = from
        self.clock = clock
        self.maxAttempts = maxAttempts
        self.lease = lease
    }

    /// Sends every message due now, a batch at a time, until none is left or the task is
    /// cancelled.
    @discardableResult
    public func deliverDue(batch: Int = 25) async throws -> Report {
        var report = Report()
        while !Task.isCancelled {
            let claimed = try await outbox.claim(limit: batch, at: clock.now(), lease: lease)
            if claimed.isEmpty { break }
            try await deliver(claimed, &report)
        }
        return report
    }

    /// Sends claimed messages one at a time, each while its claim still holds. Cancelling the
    /// task (the server stopping) begins no further message and releases those not begun; the
    /// one being sent is finished and recorded first, in a task of its own that cancellation
    /// cannot reach, because a send abandoned halfway may have reached the relay unrecorded.
    func deliver(_ claimed: [OutboxMessage], _ report: inout Report) async throws {
        for (index, message) in claimed.enumerated() {
            if Task.isCancelled {
                let rest = Array(claimed[index...])
                try await Task { try await outbox.release(rest) }.value
                return
            }
            guard let held = try await outbox.renewClaim(message, at: clock.now(), lease: lease) else { continue }
            let started = ContinuousClock.now
            let outcome = try await Task { try await send(held) }.value
            observer?.messageSettled(outcome, after: .now - started)
            switch outcome {
            case .sent: report.sent += 1
            case .retrying: report.retrying += 1
            case .failed: report.failed += 1
            }
        }
    }

    private func send(_ message: OutboxMessage) async throws -> Outcome {
        guard let email = message.recipientEmail else {
            try await outbox.markFailed(message.id, error: "no e-mail address", retryAt: nil)
            return .failed
        }
        do throws(MailDeliveryError) {
            try await transport.send(mail(message, to: email))
        } catch {
            let retryAt =
                error.isTransient && message.attempts < maxAttempts
                ? clock.now() + Self.backoff(afterAttempt: message.attempts) : nil
            try await outbox.markFailed(message.id, error: error.description, retryAt: retryAt)
            return retryAt == nil ? .failed : .retrying
        }
        try await outbox.markSent(message.id, at: clock.now())
        return .sent
    }

    /// One, five and fifteen minutes, then doubling up to six hours: a relay down for an
    /// afternoon is ridden out, and a failure reaches the business office within a day.
    public static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        let minutes = [1, 5, 15, 30, 60, 120, 240, 360]
        return TimeInterval(minutes[min(max(attempt - 1, 0), minutes.count - 1)] * 60)
    }

    func mail(_ message: OutboxMessage, to email: String) -> MailMessage {
        let domain = from.email.split(separator: "@").last.map(String.init) ?? "concord.invalid"
        var headers = [MailHeader(name: "Auto-Submitted", value: "auto-generated")]
        if let reference = message.reference {
            headers.append(MailHeader(name: "X-Concord-Reference", value: reference))
        }
        return MailMessage(
            messageID: "<\(message.id.uuidString.lowercased())@\(domain)>", from: from,
            to: [MailAddress(name: message.recipientName, email: email)], subject: message.subject, text: message.text,
            html: message.html,
            attachments: message.attachment.map {
                [MailAttachment(filename: $0.filename, contentType: $0.contentType, data: Data($0.text.utf8))]
            } ?? [], date: message.createdAt, headers: headers)
    }
}
