import ConcordCore
import ConcordMail
import ConcordNotifications
import ConcordStore
import Foundation
import MailTestSupport
import Testing

/// Scheduling a resolution meeting e-mails everyone invited with the calendar invitation.
@Suite struct MeetingInvitationMailTests {
    @Test func invitationsArriveWithTheCalendarFileAttached() async throws {
        try await NotificationWorld.with { world in
            let dispute = try await world.raise()
            let meeting = ScheduleMeeting(
                date: LocalDate(iso: "2026-12-23")!, start: MeetingTime(hour: 14, minute: 30)!, durationMinutes: 60,
                location: "Civic Centre, room 2", invited: [world.receiver], organiser: world.raiser)
            _ = try await world.perform(.scheduleMeeting(meeting), on: dispute)
            let arrivals = try await SMTPSink.with { sink -> [Arrival] in
                _ = try await world.delivery(port: sink.port).deliverDue()
                return try await Arrival.all([sink])
            }
            let invitations = arrivals.filter { $0.mail.subject?.contains("Resolution meeting on") == true }
            #expect(invitations.map { $0.to.joined() }.sorted() == ["ola@health.example", "sam@council.example"])
            for invitation in invitations {
                #expect(
                    invitation.mail.subject
                        == "\(dispute.state.reference): Resolution meeting on Wednesday 23 December 2026 at 14:30")
                let attachment = try #require(invitation.mail.attachments.first)
                #expect(attachment.filename == "\(dispute.state.reference)-meeting.ics")
                #expect(attachment.contentType == "text/calendar")
                // Long lines are folded (RFC 5545 3.1); unfold them to read the properties.
                let ics = String(decoding: attachment.data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
                #expect(ics.contains("BEGIN:VEVENT\r\n") && ics.contains("DTSTART:20261223T143000Z"))
                #expect(ics.contains("ATTENDEE;CN=\"Ola Manager\";") && ics.contains(":mailto:ola@health.example\r\n"))
                #expect(!ics.contains("Rowan"))
            }
        }
    }
}
