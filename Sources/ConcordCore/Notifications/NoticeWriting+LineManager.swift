extension NoticeWriting {
    func lineManagerContent(_ notified: DisputeEvent.LineManagerNotified, by person: PersonRef) -> NoticeContent {
        content(
            "\(person.name) of \(person.agency.name) could not resolve the disagreement at \(stageTitle(notified.stage)) and, as the protocol says, is telling you, as their line manager, immediately.",
            facts: [NoticeContent.Fact("Told on", notified.notifiedOn.text)],
            details: [NoticeContent.Section("Why it has not been resolved", [notified.reason])],
            action:
                "Read the dispute in Concord and support them now: talk to your equivalent in the other agency, or escalate it."
        )
    }
}
