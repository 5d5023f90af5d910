import ConcordCore
import ConcordMail
import ConcordNotifications
import ConcordStore
import Foundation
import MailTestSupport
import Testing

/// The whole pipeline against a real SMTP server: commands queue messages, the sweep adds
/// deadline notices on a test clock, delivery sends each once, and a server that goes away
/// loses and doubles nothing.
@Suite(.serialized) struct MailPipelineTests {
    @Test func aDisputesMessagesArriveWithTheProtocolsSubjectsAndNoChildDetails() async throws {
        try await NotificationWorld.with { world in
            try await SMTPSink.with { sink in
                let delivery = world.delivery(port: sink.port)
                var dispute = try await world.raise()
                let reference = dispute.state.reference
                dispute = try await world.perform(
                    DisputeCommand.recordMinutes(
                        MeetingMinutes(
                            heldOn: LocalDate(iso: "2026-12-21")!, attendees: [world.raiser, world.receiver],
                            purpose: "Resolve it",
                            views: [world.raiser.agency, world.receiver.agency].map {
                                AgencyView(agency: $0, view: "Its view")
                            },
                            circumstances: "As recorded", options: "Escalate",
                            actions: [
                                PlannedAction(
                                    id: "1", action: "Share the log", owner: world.raiser,
                                    due: LocalDate(iso: "2026-12-21")!)
                            ],
                            reviewOn: LocalDate(iso: "2026-12-21")!)),
                    on: dispute)
                dispute = try await world.perform(
                    .recordStageRecords(StageRecords(outcome: "No agreement")), on: dispute)
                dispute = try await world.perform(
                    .escalate(reason: "Managers disagree", evidence: nil, people: [world.raiser, world.receiver]),
                    on: dispute)
                let due = try #require(dispute.state.currentStage.due)
                #expect(due == LocalDate(iso: "2026-12-30"))
                #expect(try await delivery.deliverDue().sent == 8)

                // The reminder on the working day before; the overdue notice on the first after.
                world.move(to: "2026-12-29")
                _ = try await world.sweep.run(at: world.clock.now())
                world.move(to: "2026-12-31")
                _ = try await world.sweep.run(at: world.clock.now())
                _ = try await world.sweep.run(at: world.clock.now())
                #expect(try await delivery.deliverDue().sent == 5)

                let arrivals = try await Arrival.all([sink])
                let expected: [(String, String)] = [
                    (
                        "\(reference): Dispute raised under Oldham Safeguarding Partnership's Dispute Resolution Pathway",
                        "sam@council.example"
                    ),
                    (
                        "\(reference): Dispute raised under Oldham Safeguarding Partnership's Dispute Resolution Pathway",
                        "ola@health.example"
                    ),
                    (
                        "Stage 1 discussion following the partnership resolution policy – \(reference): minutes of the resolution meeting held on 21 December 2026",
                        "sam@council.example"
                    ),
                    (
                        "Stage 1 discussion following the partnership resolution policy – \(reference): minutes of the resolution meeting held on 21 December 2026",
                        "ola@health.example"
                    ),
                    (
                        "Stage 1 discussion following the partnership resolution policy – \(reference): stage records",
                        "sam@council.example"
                    ),
                    (
                        "Stage 1 discussion following the partnership resolution policy – \(reference): stage records",
                        "ola@health.example"
                    ),
                    (
                        "Stage 2 escalation following the partnership resolution policy – \(reference)",
                        "sam@council.example"
                    ),
                    (
                        "Stage 2 escalation following the partnership resolution policy – \(reference)",
                        "ola@health.example"
                    ),
                    (
                        "\(reference): due Wednesday 30 December 2026 – Stage 2: Head of Service or agency equivalent",
                        "sam@council.example"
                    ),
                    (
                        "\(reference): due Wednesday 30 December 2026 – Stage 2: Head of Service or agency equivalent",
                        "ola@health.example"
                    ),
                    (
                        "\(reference): overdue by 1 working day – Stage 2: Head of Service or agency equivalent",
                        "sam@council.example"
                    ),
                    (
                        "\(reference): overdue by 1 working day – Stage 2: Head of Service or agency equivalent",
                        "ola@health.example"
                    ),
                    (
                        "\(reference): overdue by 1 working day – Stage 2: Head of Service or agency equivalent",
                        "hal@council.example"
                    ),
                ]
                let got = arrivals.map { ($0.mail.subject ?? "", $0.to.joined(separator: ",")) }
                #expect(got.count == 13)
                #expect(got.map { "\($0.0) → \($0.1)" }.sorted() == expected.map { "\($0.0) → \($0.1)" }.sorted())
                for arrival in arrivals {
                    let content = (arrival.mail.text ?? "") + (arrival.mail.html ?? "")
                    for secret in ["Rowan", "LCS-40417", "2018", "mother"] { #expect(!content.contains(secret)) }
                    #expect(
                        arrival.mail.text?.contains("https://concord.test/disputes/\(dispute.id.uuidString)") == true)
                    #expect(arrival.mail.html?.contains("<a href=\"https://concord.test/disputes/") == true)
                    #expect(arrival.mail.headerValues("X-Concord-Reference") == [reference])
                }
                let counts = try await world.outbox.counts(partnership: world.partnership)
                #expect(counts == [.sent: 13])
            }
        }
    }

    @Test func aServerThatGoesAwayMidDeliveryLosesAndDoublesNothing() async throws {
        try await NotificationWorld.with { world in
            for _ in 0..<10 { _ = try await world.raise() }
            let queued = try await world.outbox.messages(partnership: world.partnership).count
            #expect(queued == 20)
            let first = try await SMTPSink.start([])
            let port = first.port
            let delivery = world.delivery(port: port)
            let sending = Task { try await delivery.deliverDue(batch: 2) }
            // Kill the server once a few messages are in, while the rest are being sent.
            while try first.received().count < 4 { try await Task.sleep(for: .milliseconds(5)) }
            await first.stopped()
            let report = try await sending.value
            #expect(report.sent >= 4 && report.sent < 20)
            #expect(report.sent + report.retrying == 20 && report.failed == 0)
            let waiting = try await world.outbox.messages(partnership: world.partnership, status: [.pending])
            #expect(waiting.count == report.retrying)
            #expect(
                waiting.allSatisfy {
                    $0.lastError?.contains("transient") == true && $0.nextAttemptAt > world.clock.now()
                })
            // Nothing is sent before its retry time, then everything is.
            let second = try await SMTPSink.start(["--port", String(port)])
            #expect(try await delivery.deliverDue().sent == 0)
            world.clock.advance(by: MailDelivery.backoff(afterAttempt: 1) + 1)
            #expect(try await delivery.deliverDue().sent == report.retrying)
            let arrivals = try await Arrival.all([first, second])
            let ids = arrivals.compactMap(\.mail.messageID)
            // Every message arrived; SMTP allows one doubled message, the one whose
            // acceptance was lost with the connection, and it carries the same Message-ID.
            #expect(Set(ids).count == 20)
            #expect(ids.count - Set(ids).count <= 1)
            #expect(try await world.outbox.counts(partnership: world.partnership) == [.sent: 20])
            await second.stopped()
        }
    }

    @Test func aRefusedRecipientFailsAndTheBusinessOfficeCanResend() async throws {
        try await NotificationWorld.with { world in
            _ = try await world.raise()
            try await SMTPSink.with(["--refuse-rcpt", "550"]) { sink in
                let report = try await world.delivery(port: sink.port).deliverDue()
                #expect(report.failed == 2 && report.sent == 0)
            }
            let failed = try await world.outbox.messages(partnership: world.partnership, status: [.failed])
            #expect(failed.count == 2 && failed.allSatisfy { $0.lastError?.contains("550") == true })
            #expect(failed.allSatisfy { !($0.lastError ?? "").contains("Dispute raised") })
            let resent = try await SMTPSink.with { sink -> (sent: Int, received: Int) in
                for message in failed {
                    _ = try await world.outbox.resend(message.id, partnership: world.partnership, at: world.clock.now())
                }
                let report = try await world.delivery(port: sink.port).deliverDue()
                return (report.sent, try sink.received().count)
            }
            #expect(resent.sent == 2 && resent.received == 2)
        }
    }

    @Test func transientFailuresGiveUpAfterTheLastAttempt() async throws {
        try await NotificationWorld.with { world in
            _ = try await world.raise()
            // Nothing listens on a port just freed.
            let port = try await SMTPSink.with { $0.port }
            let delivery = world.delivery(port: port, maxAttempts: 2)
            #expect(try await delivery.deliverDue().retrying == 2)
            world.clock.advance(by: MailDelivery.backoff(afterAttempt: 1) + 1)
            #expect(try await delivery.deliverDue().failed == 2)
            let failed = try await world.outbox.messages(partnership: world.partnership, status: [.failed])
            #expect(failed.count == 2 && failed.allSatisfy { $0.attempts == 2 })
        }
    }
}
