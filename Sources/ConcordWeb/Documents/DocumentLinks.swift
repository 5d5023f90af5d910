import ConcordCore

/// The documents a dispute's page links to: its record always; the meeting's agenda and
/// calendar invitation where the current stage has a meeting; each form the policy names at a
/// stage the dispute has reached and Concord can fill in.
enum DocumentLinks {
    static func links(for dispute: VisibleDispute) -> [Link] {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        var links = [Link(text: "Printable record of the dispute", href: SiteRoute.record(.value(dispute.id)).path)]
        if let meeting = policy.stage(state.currentStage.stage)?.meeting {
            links.append(
                Link(
                    text: "Agenda for the \(meeting.name.lowercased())",
                    href: SiteRoute.meetingAgenda(.value(dispute.id)).path))
        }
        if let pending = state.pendingMeeting {
            links.append(
                Link(
                    text: "Calendar invitation for the \(pending.name.lowercased()) (.ics file)",
                    href: SiteRoute.meetingInvitation(.value(dispute.id), meeting: .value(pending.meetingID)).path))
        }
        for form in StageFormDocument.reachedForms(state, policy: policy) {
            links.append(
                Link(text: form.title, href: SiteRoute.stageForm(.value(dispute.id), form: .value(form.id)).path))
        }
        return links
    }
}
