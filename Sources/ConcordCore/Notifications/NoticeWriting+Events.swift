extension NoticeWriting {
    func raisedContent(_ raised: DisputeEvent.Raised) -> NoticeContent {
        var details = [
            NoticeContent.Section("What the disagreement is about", [raised.disagreement]),
            NoticeContent.Section("The outcome wanted", [raised.outcomeWanted]),
        ]
        if let issue = raised.issue { details.insert(NoticeContent.Section("The issue", [issue]), at: 0) }
        return content(
            "\(raised.raisedBy.name) of \(raised.raisedBy.agency.name) has raised a dispute under \(policy.partnership)'s \(policy.name), and you are named on it.",
            facts: [
                NoticeContent.Fact("Raised by", names([raised.raisedBy])),
                NoticeContent.Fact("Raised on", raised.raisedOn.text),
                NoticeContent.Fact("People named", names(raised.professionals)),
            ], details: details,
            action:
                "Read the dispute in Concord and take part in \(stageTitle(state.currentStage.stage)) within its timescale."
        )
    }

    func stageContent(_ entry: DisputeEvent.StageEntered, escalation: DisputeEvent.Escalated?) -> NoticeContent {
        var details: [NoticeContent.Section] = []
        if let escalation {
            details.append(NoticeContent.Section("Why it was escalated", [escalation.reason]))
            if let evidence = escalation.evidence {
                details.append(NoticeContent.Section("What was tried at the previous stage", [evidence]))
            }
        }
        if !planLines.isEmpty { details.append(section("The plan of action so far", planLines, .actions)) }
        // Oldham: "Minutes from resolution meeting to be shared with head of service", and at
        // stage 4 "to share any minutes from resolution meetings held earlier".
        let earlier = state.stages.dropLast().flatMap(\.minutes)
        for recorded in earlier {
            details.append(NoticeContent.Section(minutesHeading(recorded), minutesLines(recorded.minutes)))
        }
        let why = escalation?.becauseOfRisk == true ? " because the risk to the child has increased" : ""
        return content(
            "The dispute has moved to \(stageTitle(entry.stage))\(why), from \(entry.startedOn.text).",
            facts: earlier.isEmpty
                ? []
                : [
                    NoticeContent.Fact(
                        "Minutes shared with this stage", earlier.map(minutesHeading).joined(separator: "; "))
                ],
            details: details,
            action: stageAction(entry.stage))
    }

    func stageAction(_ id: String) -> String? {
        guard let stage = policy.stage(id) else { return nil }
        return stage.summary
    }

    func discussionContent(_ discussion: DisputeEvent.DiscussionRecorded) -> NoticeContent {
        var details = [NoticeContent.Section("Record of the discussion", [discussion.summary])]
        if !planLines.isEmpty { details.append(section("The agreed plan and timescales", planLines, .actions)) }
        return content(
            "This is the written confirmation of a discussion held at \(stageTitle(discussion.stage)).",
            facts: [
                NoticeContent.Fact("Held on", discussion.heldOn.text),
                NoticeContent.Fact("How", discussion.method.rawValue.replacingOccurrences(of: "-", with: " ")),
                NoticeContent.Fact("Taking part", names(discussion.participants)),
            ] + planTimescales.map { NoticeContent.Fact("Timescale", $0) }, details: details,
            action: "File this confirmation on your agency's own recording system and the child's file.")
    }

    func planContent(_ agreed: DisputeEvent.PlanAgreed) -> NoticeContent {
        content(
            "A plan of action with timescales has been agreed at \(stageTitle(agreed.stage)).",
            facts: planTimescales.map { NoticeContent.Fact("Timescale", $0) },
            details: [section("The agreed plan and timescales", planLines, .actions)],
            action: "File this confirmation on your agency's own recording system and the child's file.")
    }

    func recordsContent(_ recorded: DisputeEvent.StageRecordsRecorded) -> NoticeContent {
        let records = recorded.records
        var details: [NoticeContent.Section] = []
        if let text = records.actionsTaken { details.append(section("Actions taken", [text], .actions)) }
        if let text = records.outcome { details.append(section("Outcome", [text], .agreedOutcome)) }
        if let text = records.learning { details.append(NoticeContent.Section("Learning identified", [text])) }
        if let text = records.effortsExhausted {
            details.append(NoticeContent.Section("Efforts made at this stage", [text]))
        }
        var facts: [NoticeContent.Fact] = []
        if let learning = records.learningIdentified {
            facts.append(NoticeContent.Fact("Has any learning been identified?", learning ? "Yes" : "No"))
        }
        return content(
            "The records of \(stageTitle(recorded.stage)) have been written down.", facts: facts, details: details,
            action: "File this confirmation on your agency's own recording system and the child's file.")
    }

    func agreedTimescaleContent(_ agreed: DisputeEvent.TimescaleAgreed) -> NoticeContent {
        let days = agreed.workingDays == 1 ? "1 working day" : "\(agreed.workingDays) working days"
        return content(
            "A timescale of \(days) has been agreed for \(stageTitle(agreed.stage)).",
            facts: [
                NoticeContent.Fact("Now due", agreed.due.textWithWeekday),
                NoticeContent.Fact("Agreed by", agreed.agreedBy.map(\.name).joined(separator: ", ")),
            ]
                + (agreed.response.map { response in
                    [
                        NoticeContent.Fact(
                            "Response due", "From \(response.from.name) by \(response.due.textWithWeekday)")
                    ]
                } ?? []),
            details: [NoticeContent.Section("Why this timescale", [agreed.reason])],
            action: "Work to the agreed date; Concord reminds everyone the working day before it.")
    }

    func reviewDecisionContent(_ decision: DisputeEvent.ReviewConsidered) -> NoticeContent {
        content(
            decision.willHold
                ? "It has been decided to hold a \(decision.review)."
                : "It has been decided not to hold a \(decision.review).",
            facts: [], details: decision.note.map { [NoticeContent.Section("Why", [$0])] } ?? [],
            action: decision.willHold ? "Record the review in Concord once it has been held." : nil)
    }

    func reviewContent(_ review: DisputeEvent.ReviewRecorded) -> NoticeContent {
        var details = [NoticeContent.Section("Lessons learned", [review.lessons])]
        if let changes = review.policyChanges {
            details.append(NoticeContent.Section("Policy changes agreed", [changes]))
        }
        return content(
            "The \(review.review) held on \(review.heldOn.textWithWeekday) has been recorded.",
            facts: [NoticeContent.Fact("Took part", review.participants.map(\.name).joined(separator: ", "))],
            details: details, action: "Take forward the policy changes agreed.")
    }

    func addedContent(_ participation: Participation) -> NoticeContent {
        content(
            "You have been added to this dispute at \(stageTitle(state.currentStage.stage)).",
            facts: [NoticeContent.Fact("Your part", participation.capacity.map(Self.capacityName) ?? "taking part")],
            action: "Read the dispute in Concord: the stage, its timescale and what has been recorded so far.")
    }

    func acknowledgedContent(_ acknowledgement: DisputeEvent.Acknowledged) -> NoticeContent {
        content(
            "Receipt of the dispute was acknowledged on \(acknowledgement.acknowledgedOn.text).",
            details: acknowledgement.note.map { [NoticeContent.Section("Note", [$0])] } ?? [])
    }

    func significantHarmContent(reportedBy person: PersonRef, concern: String?) -> NoticeContent {
        content(
            "\(person.name) of \(person.agency.name) is concerned that a child in this dispute is suffering, or is at risk of suffering, significant harm. The protocol says this must be communicated to you immediately.",
            details: concern.map { [NoticeContent.Section("The concern", [$0])] } ?? [],
            action:
                "Act on this now, following your agency's safeguarding procedures. The disagreement must not delay action to protect the child."
        )
    }

    func endedPhrase(_ event: DisputeEvent) -> String {
        switch event {
        case .resolved: "dispute resolved"
        case .referredExternally: "dispute referred onward"
        case .withdrawn: "dispute withdrawn"
        default: "dispute closed"
        }
    }

    func endedContent(_ event: DisputeEvent) -> NoticeContent {
        switch event {
        case .resolved(let resolved):
            var details = [section("The agreed outcome", [resolved.outcome], .agreedOutcome)]
            if let followUp = resolved.followUp {
                details.append(section("Follow-up of outstanding issues", [followUp], .agreedOutcome))
            }
            if !planLines.isEmpty { details.append(section("The plan of action", planLines, .actions)) }
            return content(
                "The dispute was resolved at \(stageTitle(resolved.stage)).",
                facts: [NoticeContent.Fact("Agreed by", names(resolved.agreedBy))], details: details,
                action: "File this written confirmation of the agreed resolution on your agency's own system.")
        case .referredExternally(let referred):
            let route = policy.externalRoutes.first { $0.id == referred.route }?.name ?? referred.route
            return content(
                "The dispute has been referred onward to \(route).",
                details: [NoticeContent.Section("Why", [referred.reason])])
        case .withdrawn(let withdrawn):
            return content(
                "The dispute was withdrawn by the agency that raised it.",
                details: [NoticeContent.Section("Why", [withdrawn.reason])])
        default:
            return content("The dispute has been closed.")
        }
    }

    static func capacityName(_ capacity: Capacity) -> String {
        switch capacity {
        case .independentReviewingOfficer: "Independent Reviewing Officer"
        case .earlyHelpProfessional: "Early Help professional"
        case .designatedSafeguardingLead: "Designated safeguarding lead"
        case .designatedProfessional: "Designated professional"
        case .namedProfessional: "Named professional for safeguarding"
        case .conferenceChair: "Conference chair"
        case .independentChair: "Independent chair"
        case .coordinator: "Co-ordinator"
        }
    }
}

extension NoticeWriting {
    func letterContent(_ letter: DisputeEvent.LetterSent) -> NoticeContent {
        content(
            "The \(letter.letter.lowercased()) at \(stageTitle(letter.stage)) was sent on \(letter.sentOn.textWithWeekday).",
            facts: [NoticeContent.Fact("Sent to", letter.to)],
            details: letter.summary.map { [NoticeContent.Section("What it said", [$0])] } ?? [],
            action: "File this confirmation on your agency's own recording system and the child's file.")
    }
}
