import ConcordCore
import ConcordStore
import Foundation

/// How Concord writes dates, statuses and deadlines, following GOV.UK style: "24 November 2026".
enum Formatting {
    static func date(_ day: LocalDate?) -> String {
        day?.text ?? ""
    }

    static func date(iso: String?) -> String {
        date(iso.flatMap(LocalDate.init(iso:)))
    }

    /// "24 November 2026 at 2:05pm", in London time.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let clock =
            minute == 0 && hour == 12
            ? "midday"
            : "\(hour % 12 == 0 ? 12 : hour % 12):\(String(format: "%02d", minute))\(hour < 12 ? "am" : "pm")"
        return "\(self.date(LondonTime.date(of: date))) at \(clock)"
    }

    static func statusName(_ status: String) -> String {
        switch status {
        case "open": "Open"
        case "resolved": "Resolved"
        case "referred": "Referred onward"
        case "withdrawn": "Withdrawn"
        case "closed": "Closed"
        default: status
        }
    }

    static func statusColour(_ status: String) -> String {
        switch status {
        case "open": "blue"
        case "resolved": "green"
        case "referred": "purple"
        case "withdrawn": "grey"
        default: "grey"
        }
    }

    static func contactMethod(_ method: ContactMethod) -> String {
        switch method {
        case .telephone: "Telephone"
        case .faceToFace: "Face to face"
        case .video: "Video call"
        case .email: "E-mail"
        case .writing: "In writing"
        case .meeting: "Meeting"
        }
    }

    /// How a discussion took place, as it reads after a verb: "discussed in writing", never
    /// "talk by in writing".
    static func contactPhrase(_ method: ContactMethod) -> String {
        switch method {
        case .telephone: "by telephone"
        case .faceToFace: "face to face"
        case .video: "by video call"
        case .email: "by e-mail"
        case .writing: "in writing"
        case .meeting: "at a meeting"
        }
    }

    /// "by telephone, face to face or by video call".
    static func contactPhrases(_ methods: [ContactMethod]) -> String {
        let phrases = methods.map(contactPhrase)
        guard let last = phrases.last, phrases.count > 1 else { return phrases.first ?? "" }
        return phrases.dropLast().joined(separator: ", ") + " or " + last
    }

    static func record(_ kind: RecordKind) -> String {
        switch kind {
        case .actionsTaken: "the actions taken"
        case .outcome: "the outcome"
        case .learningIdentified: "whether any learning was identified"
        case .effortsExhausted: "evidence that every effort at this stage was explored"
        case .agreedPlan: "an agreed plan of action with timescales"
        case .concernReviewed: "the line manager's review that the concern is justified"
        case .interventionDecision: "the statutory partners' decision on the intervention required"
        case .leadPartner: "the partner agreed to act on behalf of all the safeguarding partners"
        case .boardMinute: "where the dispute is recorded in the board's minutes"
        }
    }

    static func capacity(_ capacity: Capacity) -> String {
        switch capacity {
        case .independentReviewingOfficer: "Independent reviewing officer"
        case .earlyHelpProfessional: "Early Help professional"
        case .designatedSafeguardingLead: "Designated safeguarding lead"
        case .designatedProfessional: "Designated professional"
        case .namedProfessional: "Named professional"
        case .conferenceChair: "Conference chair"
        case .independentChair: "Independent chair"
        case .coordinator: "Co-ordinator"
        }
    }

    static func subject(_ subject: Subject) -> String {
        switch subject {
        case .children: "A child"
        case .adults: "An adult"
        case .unborn: "An unborn baby"
        }
    }

    static func flag(_ flag: ChildFlag) -> String {
        switch flag {
        case .lookedAfter: "Looked after"
        case .childProtectionPlan: "Child protection plan"
        case .childInNeed: "Child in need"
        case .earlyHelp: "Early help"
        }
    }

    static func notifyTarget(_ target: NotifyTarget) -> String {
        switch target {
        case .lineManager: "your line manager"
        case .designatedSafeguardingLead: "your designated safeguarding lead"
        }
    }
}

/// A deadline as a page shows it: the date, and a tag whose words carry the meaning, so colour
/// is never the only signal.
struct DeadlineView: Encodable {
    var label: String
    var date: String
    var tag: String
    var colour: String
    var overdue: Bool
    var dueSoon: Bool

    init?(label: String, due: LocalDate?, today: LocalDate, calendar: WorkingCalendar, open: Bool) {
        guard let due else { return nil }
        self.label = label
        date = Formatting.date(due)
        let status = (try? DeadlineStatus(due: due, on: today, calendar: calendar)) ?? .onTrack
        overdue = false
        dueSoon = false
        guard open else {
            tag = ""
            colour = "grey"
            return
        }
        switch status {
        case .overdue:
            overdue = true
            colour = "red"
        case .dueSoon:
            dueSoon = true
            colour = "yellow"
        case .onTrack, .noTimescale:
            colour = "green"
        }
        tag = status.label.prefix(1).uppercased() + status.label.dropFirst()
    }
}
