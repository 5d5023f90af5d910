import Foundation

/// A scheduled meeting as an iCalendar (RFC 5545) invitation, to download or attach to e-mail.
///
/// It names the dispute only by its reference and the meeting by the policy's name: calendar
/// entries are synchronised to phones and shared diaries, outside the need-to-know route.
public enum CalendarInvitation {
    /// `addresses` maps a person's id to their e-mail address; someone without one is named by
    /// their directory id (`urn:uuid:`), or left out when that is not a UUID either.
    public static func ics(
        for meeting: DisputeEvent.MeetingScheduled, reference: String, stamp: Date, addresses: [String: String] = [:]
    ) -> String {
        let start = instant(meeting.date, meeting.start)
        let end = start.addingTimeInterval(TimeInterval(meeting.durationMinutes * 60))
        let organiser = address(of: meeting.organiser, addresses)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Concord//Dispute resolution//EN", "CALSCALE:GREGORIAN",
        ]
        // An invitation with no organiser to reply to is only published, not requested.
        lines.append(organiser == nil ? "METHOD:PUBLISH" : "METHOD:REQUEST")
        lines += [
            "BEGIN:VEVENT",
            "UID:" + text("\(meeting.meetingID)-\(reference)@concord"),
            "SEQUENCE:\(meeting.sequence)",
            "DTSTAMP:\(utc(stamp))",
            "DTSTART:\(utc(start))",
            "DTEND:\(utc(end))",
            "SUMMARY:" + text("\(reference): \(meeting.name)"),
            "LOCATION:" + text(meeting.location),
            "DESCRIPTION:" + text("\(meeting.name) for dispute \(reference). The details are in Concord."),
            "STATUS:CONFIRMED",
        ]
        if let organiser { lines.append("ORGANIZER;CN=\(parameter(meeting.organiser.name)):\(organiser)") }
        for person in meeting.invited {
            guard let address = address(of: person, addresses) else { continue }
            lines.append(
                "ATTENDEE;CN=\(parameter(person.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:\(address)")
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT.
    static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case _ where character.isNewline: escaped += "\\n"
            case _ where character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }: continue
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A quoted parameter value may hold anything but a double quote or a control character.
    static func parameter(_ value: String) -> String {
        let kept = value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }
        return "\"" + String(String.UnicodeScalarView(kept)) + "\""
    }

    /// RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space,
    /// never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                lines.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// A calendar address is a URI, which TEXT escaping does not cover: an address that is not
    /// a plain one (a line break in it would start a property of its own) is not written, and
    /// the person is named by their directory id instead.
    private static func address(of person: PersonRef, _ addresses: [String: String]) -> String? {
        if let email = addresses[person.id], !email.isEmpty, EmailAddress.problem(email) == nil {
            return "mailto:\(email)"
        }
        return UUID(uuidString: person.id).map { "urn:uuid:\($0.uuidString.lowercased())" }
    }

    private static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        return calendar
    }()

    /// The meeting's London wall-clock start as an instant, so DTSTART can be UTC and need no
    /// VTIMEZONE; clocks-change days come out right either side.
    static func instant(_ date: LocalDate, _ time: MeetingTime) -> Date {
        let parts = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute)
        return london.date(from: parts) ?? LondonTime.startOfDay(date)
    }

    private static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0,
            p.second ?? 0)
    }
}
