import Foundation
import Testing

@testable import ConcordCore

/// The .ics text, checked as a calendar client parses it: CRLF lines, unfolded, then fields.
@Suite struct CalendarInvitationTests {
    static let organiserID = "0E0B7C0A-9D8E-4B7A-8C55-3B1F2A9E4D10"
    static let organiser = PersonRef(
        id: organiserID, name: "Sam \"Sammy\" Walker", agency: Parties.council, level: .lineManager)

    func meeting(
        date: String = "2026-11-26", start: String = "10:00", minutes: Int = 90,
        location: String = "Civic Centre, room 2", sequence: Int = 0, invited: [PersonRef] = [Parties.policeManager]
    ) -> DisputeEvent.MeetingScheduled {
        DisputeEvent.MeetingScheduled(
            meetingID: "M1", sequence: sequence, stage: "team-manager", name: "Resolution meeting",
            date: ukDate(date), start: MeetingTime(text: start)!, durationMinutes: minutes, location: location,
            invited: invited, organiser: Self.organiser)
    }

    static let stamp = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23 10:00 UTC

    func ics(_ meeting: DisputeEvent.MeetingScheduled, addresses: [String: String] = [:]) -> String {
        CalendarInvitation.ics(for: meeting, reference: "OLD-2026-0007", stamp: Self.stamp, addresses: addresses)
    }

    /// Content lines after unfolding (RFC 5545 3.1).
    func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    func value(_ name: String, in text: String) -> String? {
        lines(text).first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
    }

    @Test func everyLineEndsInCRLFAndNoPhysicalLineIsLongerThan75Octets() throws {
        let long = String(repeating: "Salle de réunion é ", count: 12) + "— joining code 123"
        let text = ics(meeting(location: long))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "a bare CR")
        let bytes = Array(text.utf8)
        var physical: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                physical.append([])
                index += 2
            } else {
                physical[physical.count - 1].append(bytes[index])
                index += 1
            }
        }
        for line in physical {
            #expect(line.count <= 75, "\(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
        }
        #expect(physical.contains { $0.first == 32 }, "the long location was not folded")
        #expect(value("LOCATION", in: text) == "LOCATION:" + CalendarInvitation.text(long))
    }

    @Test func theEventHasItsFieldsInUTCFromLondonTime() throws {
        let winter = ics(meeting())
        let all = lines(winter)
        #expect(all.first == "BEGIN:VCALENDAR" && all.last == "END:VCALENDAR")
        for line in ["VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "METHOD:REQUEST", "SEQUENCE:0", "STATUS:CONFIRMED"] {
            #expect(all.contains(line), "no \(line)")
        }
        #expect(all.contains { $0.hasPrefix("PRODID:") })
        #expect(value("UID", in: winter) == "UID:M1-OLD-2026-0007@concord")
        #expect(value("DTSTAMP", in: winter) == "DTSTAMP:20261123T100000Z")
        #expect(value("DTSTART", in: winter) == "DTSTART:20261126T100000Z")
        #expect(value("DTEND", in: winter) == "DTEND:20261126T113000Z")
        let summer = ics(meeting(date: "2027-06-10", start: "09:30", minutes: 60, sequence: 2))
        #expect(value("DTSTART", in: summer) == "DTSTART:20270610T083000Z")
        #expect(value("DTEND", in: summer) == "DTEND:20270610T093000Z")
        #expect(value("UID", in: summer) == value("UID", in: winter), "a rearranged meeting keeps its UID")
        #expect(lines(summer).contains("SEQUENCE:2"))
    }

    @Test func theSummaryHasOnlyTheReferenceAndTheMeetingName() {
        let text = ics(meeting())
        #expect(value("SUMMARY", in: text) == "SUMMARY:OLD-2026-0007: Resolution meeting")
        #expect(!text.contains(Parties.child.name) && !text.contains("Jamie"))
    }

    @Test func textIsEscaped() {
        let text = ics(meeting(location: "Room 1, Civic Centre; floor 2\nBring ID \\ badge"))
        #expect(value("LOCATION", in: text) == "LOCATION:Room 1\\, Civic Centre\\; floor 2\\nBring ID \\\\ badge")
        #expect(CalendarInvitation.text("a\r\nb\tc") == "a\\nbc")
    }

    @Test func organiserAndAttendeesAreCalendarAddresses() {
        let withEmail = ics(meeting(), addresses: [Parties.policeManager.id: "tina.moss@police.example"])
        #expect(
            value("ORGANIZER", in: withEmail)
                == "ORGANIZER;CN=\"Sam Sammy Walker\":urn:uuid:0e0b7c0a-9d8e-4b7a-8c55-3b1f2a9e4d10")
        #expect(
            value("ATTENDEE", in: withEmail)
                == "ATTENDEE;CN=\"Tina Moss\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:tina.moss@police.example"
        )
        // Someone with neither an address nor a directory id cannot be invited by calendar.
        #expect(value("ATTENDEE", in: ics(meeting())) == nil)
    }

    /// Every content line, unfolded, is one of the properties the writer means to write: no
    /// value, however it was typed, starts a line of its own.
    @Test func noValueCanStartAPropertyOfItsOwn() {
        let injection = "tina@police.example\r\nATTENDEE;CN=Mallory:mailto:mallory@evil.example\r\nX-INJECTED:1"
        let hostile = PersonRef(
            id: "5B1F2A9E-0E0B-4B7A-8C55-3B1F2A9E4D10", name: "Tina\r\nX-NAME:1", agency: Parties.police,
            level: .lineManager)
        let text = ics(
            meeting(location: "Room 1\r\nX-LOCATION:1;\\, done", invited: [hostile]),
            addresses: [hostile.id: injection, Self.organiserID: "sam@council.example\nX-ORG:1"])
        let names = lines(text).map { String($0.prefix { $0 != ":" && $0 != ";" }) }
        #expect(
            Set(names) == [
                "BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND",
                "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "ORGANIZER", "ATTENDEE", "END",
            ], "\(names)")
        #expect(names.filter { $0 == "ATTENDEE" }.count == 1)
        #expect(!text.contains("mallory") && !text.contains("X-INJECTED") && !text.contains("X-ORG"))
        #expect(
            value("ATTENDEE", in: text)
                == "ATTENDEE;CN=\"TinaX-NAME:1\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:urn:uuid:5b1f2a9e-0e0b-4b7a-8c55-3b1f2a9e4d10"
        )
        #expect(value("ORGANIZER", in: text)?.hasSuffix(":urn:uuid:0e0b7c0a-9d8e-4b7a-8c55-3b1f2a9e4d10") == true)
        #expect(value("LOCATION", in: text) == "LOCATION:Room 1\\nX-LOCATION:1\\;\\\\\\, done")
    }

    @Test func theUIDIsEscapedText() {
        var odd = meeting()
        odd.meetingID = "M1;x,y"
        #expect(value("UID", in: ics(odd)) == "UID:M1\\;x\\,y-OLD-2026-0007@concord")
    }

    @Test func withoutAnOrganiserToReplyToItIsOnlyPublished() {
        var unaddressed = meeting()
        unaddressed.organiser = Parties.socialWorker
        let text = ics(unaddressed)
        #expect(lines(text).contains("METHOD:PUBLISH") && value("ORGANIZER", in: text) == nil)
    }
}
