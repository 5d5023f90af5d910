import ConcordCore
import ConcordMail
import ConcordStore
import DatabaseTestSupport
import Foundation
import MailTestSupport
import Testing

@testable import ConcordNotifications

/// Delivery stopped mid-batch, and a claim that lapsed under a slow worker, against a real SMTP
/// server on both databases: every message arrives once, and none waits on a claim nobody holds.
@Suite(.serialized) struct DeliveryInterruptionTests {
    @Test(arguments: Backend.allCases)
    func aStopFinishesTheSendInFlightBeginsNoOtherAndGivesTheRestBack(_ backend: Backend) async throws {
        try await NotificationWorld.with(backend) { world in
            for _ in 0..<4 { _ = try await world.raise() }
            // A relay that takes its time over each message, so that the stop comes mid-send.
            try await SMTPSink.with(["--data-delay", "0.4"]) { sink in
                let delivery = world.delivery(port: sink.port)
                let sending = Task { try await delivery.deliverDue() }
                while try sink.received().isEmpty { try await Task.sleep(for: .milliseconds(5)) }
                sending.cancel()
                let report = try await sending.value
                // The first message, and the second if it was begun; never a third.
                #expect((1...2).contains(report.sent) && report.retrying == 0 && report.failed == 0, "\(report)")
                #expect(try sink.received().count == report.sent, "what reached the relay is recorded as sent")
                let counts = try await world.outbox.counts(partnership: world.partnership)
                #expect(counts == [.sent: report.sent, .pending: 8 - report.sent], "nothing is left mid-send")
                let waiting = try await world.outbox.messages(partnership: world.partnership, status: [.pending])
                #expect(waiting.allSatisfy { $0.attempts == 0 && $0.nextAttemptAt <= world.clock.now() })

                // Due at once for the next run, which sends each of the rest once.
                #expect(try await delivery.deliverDue().sent == 8 - report.sent)
                let ids = try await Arrival.all([sink]).compactMap(\.mail.messageID)
                #expect(ids.count == 8 && Set(ids).count == 8)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func aClaimThatLapsedIsSentOnceByTheWorkerThatTookItOver(_ backend: Backend) async throws {
        try await NotificationWorld.with(backend) { world in
            _ = try await world.raise()
            try await SMTPSink.with { sink in
                // A worker claims both messages, then stalls (or dies) before sending them.
                let stalled = world.delivery(port: sink.port)
                let claimed = try await world.outbox.claim(limit: 10, at: world.clock.now(), lease: 600)
                #expect(claimed.count == 2)
                let other = world.delivery(port: sink.port)
                #expect(try await other.deliverDue().sent == 0, "a claim is honoured until it lapses")
                world.clock.advance(by: 601)
                #expect(try await other.deliverDue().sent == 2)
                // The stalled worker wakes: its claims are no longer its own, so it sends nothing.
                var report = MailDelivery.Report()
                try await stalled.deliver(claimed, &report)
                #expect(report == MailDelivery.Report())
                let ids = try await Arrival.all([sink]).compactMap(\.mail.messageID)
                #expect(ids.count == 2 && Set(ids).count == 2)
                #expect(try await world.outbox.counts(partnership: world.partnership) == [.sent: 2])
            }
        }
    }
}
