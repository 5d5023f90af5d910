import ConcordCore
import Foundation

/// The agenda for the current stage's meeting (Oldham's agenda template), generated from the
/// dispute: who is invited, why they meet, the child's circumstances, each agency's view so
/// far, then the options, actions and review date the meeting is to settle.
struct MeetingAgenda: Encodable {
    struct Item: Encodable {
        var heading: String
        var paragraphs: [String]
        var rows: [TimelineEntry.Line]
        var hasRows: Bool
    }

    var name: String
    var reference: String
    var stageTitle: String
    var details: [TimelineEntry.Line]
    var items: [Item]
    var disputeHref: String
    var minutesHref: String?
    var invitationHref: String?

    /// The agenda for `scheduled`, a meeting at any stage, or else for the current stage's
    /// meeting, scheduled or not.
    init?(_ dispute: VisibleDispute, scheduled: DisputeEvent.MeetingScheduled? = nil, mayRecordMinutes: Bool) {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        guard let stage = policy.stage(scheduled?.stage ?? state.currentStage.stage), let meeting = stage.meeting
        else { return nil }
        let current = state.pendingMeeting
        let pending = scheduled ?? current
        name = meeting.name
        reference = state.reference
        stageTitle = stage.title
        let invited = pending?.invited ?? state.participants.map(\.person)
        details = [
            .init(label: "Dispute", text: state.reference),
            .init(label: "Stage", text: stage.title),
            .init(label: "When", text: pending.map(Formatting.meetingTime) ?? "Not yet scheduled"),
            .init(label: "Where", text: pending?.location ?? "Not yet scheduled"),
        ]
        func item(_ heading: String, _ paragraphs: [String], _ rows: [TimelineEntry.Line] = []) -> Item {
            Item(heading: heading, paragraphs: paragraphs, rows: rows, hasRows: !rows.isEmpty)
        }
        let discussions = state.stages.flatMap(\.discussions).map {
            TimelineEntry.Line(
                label: "\(Formatting.date($0.heldOn)), \($0.participants.map(\.name).joined(separator: ", "))",
                text: $0.summary)
        }
        let actions = state.openActions.map {
            TimelineEntry.Line(label: $0.owner.name, text: "\($0.action), by \(Formatting.date($0.due))")
        }
        items = [
            item(
                "Introductions and apologies", [],
                invited.map { .init(label: $0.name, text: "\($0.agency.name), \($0.level.displayName)") }),
            item("Purpose of the meeting", [MeetingPrefill.purpose(state)]),
            item(
                state.raised.scope == .practice ? "The child's circumstances" : "The circumstances",
                MeetingPrefill.circumstances(state, agencies: state.agencies).split(separator: "\n").map(String.init)),
            item(
                "Each agency's view",
                state.agencies.map { agency in
                    agency.id == state.raised.raisedBy.agency.id
                        ? "\(agency.name): \(MeetingPrefill.raisingView(state))"
                        : "\(agency.name): to be given at the meeting."
                }, discussions),
            item("Options", ["The options for resolving the disagreement, and the risks of each for the child."]),
            item(
                "Agreed actions, owners and timescales",
                actions.isEmpty
                    ? ["To be agreed: each action with who will do it and by when."] : ["Open actions so far:"],
                actions),
            item("Date of review", ["To be agreed."]),
        ]
        disputeHref = SiteRoute.dispute(.value(dispute.id)).path
        let isCurrent =
            stage.id == state.currentStage.stage && (scheduled == nil || scheduled?.meetingID == current?.meetingID)
        minutesHref = mayRecordMinutes && isCurrent ? SiteRoute.action(.value(dispute.id), .recordMinutes).path : nil
        invitationHref = pending.map {
            SiteRoute.meetingInvitation(.value(dispute.id), meeting: .value($0.meetingID)).path
        }
    }
}
