/// A step someone can take on a dispute from its page; each has its own form.
enum DisputeAction: String, CaseIterable, Sendable, Codable {
    case recordDiscussion = "record-discussion"
    case agreePlan = "agree-plan"
    case completeAction = "complete-action"
    case addParticipant = "add-participant"
    case recordStageRecords = "stage-records"
    case escalate
    case escalateForRisk = "escalate-for-risk"
    case reportSignificantHarm = "report-significant-harm"
    case acknowledge
    case resolve
    case referOnward = "refer-onward"
    case withdraw
    case close
    case scheduleMeeting = "schedule-meeting"
    case recordMinutes = "meeting-minutes"
    case agreeTimescale = "agree-timescale"
    case considerReview = "consider-review"
    case recordReview = "record-review"
    case notifyLineManager = "notify-line-manager"
    case recordLetter = "record-letter"

    var title: String {
        switch self {
        case .recordDiscussion: "Record a discussion"
        case .agreePlan: "Agree or update the plan of action"
        case .completeAction: "Mark an action as done"
        case .addParticipant: "Add someone to the dispute"
        case .recordStageRecords: "Record this stage's records"
        case .escalate: "Escalate to the next stage"
        case .escalateForRisk: "Escalate because the risk to the child has increased"
        case .reportSignificantHarm: "Report a concern about significant harm"
        case .acknowledge: "Acknowledge receipt"
        case .resolve: "Record the resolution"
        case .referOnward: "Refer onward"
        case .withdraw: "Withdraw the dispute"
        case .close: "Close the dispute"
        case .scheduleMeeting: "Schedule the meeting"
        case .recordMinutes: "Record the meeting's minutes"
        case .agreeTimescale: "Agree this stage's timescale"
        case .considerReview: "Decide whether to hold the review"
        case .recordReview: "Record the review"
        case .notifyLineManager: "Tell your line manager it is not resolved"
        case .recordLetter: "Record a letter sent"
        }
    }
}
