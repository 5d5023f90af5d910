/// The reminder or overdue notice for a watched action. It goes to the person whose action it
/// is, and once overdue to their line manager too; what the action says goes only to secure
/// domains, since people write it about the child.
public enum ActionDeadlineNotice {
    public struct Subject: Sendable {
        public var disputeID: String
        public var reference: String
        public var partnership: String
        public var action: WatchedAction

        public init(disputeID: String, reference: String, partnership: String, action: WatchedAction) {
            self.disputeID = disputeID
            self.reference = reference
            self.partnership = partnership
            self.action = action
        }
    }

    public static func notice(for subject: Subject, due: DeadlineWatch.Due) -> Notice {
        let action = subject.action
        let what =
            switch action.kind {
            case .response: "The response you agreed to give"
            case .planned: "An action in the plan"
            case .clock: "\"\(action.action)\", which the protocol sets a timescale for,"
            }
        let facts = [
            NoticeContent.Fact("Reference", subject.reference),
            NoticeContent.Fact("Partnership", subject.partnership),
            NoticeContent.Fact("Whose action", action.owner.name),
            NoticeContent.Fact("Due", action.due.textWithWeekday),
        ]
        // A clock's name is the policy's words, not anything written about the child.
        let details = action.kind == .clock ? [] : [NoticeContent.Section("The action", [action.action])]
        let todo =
            action.kind == .clock
            ? "Do it and record it in Concord (the discussion, the meeting or the letter), which stops the clock."
            : "Do it and mark it done in Concord, or agree a new date with the others in the dispute."
        let copied =
            action.indicative
            ? " The protocol's timescale is indicative, so only you receive this notice."
            : " The line manager of the person whose action it is receives this notice too."
        let key = "\(subject.disputeID)/action/\(action.id)/\(action.due.iso)/\(due.key)"
        switch due {
        case .reminder:
            return Notice(
                kind: .reminder, audience: .people([action.owner]),
                subject: "\(subject.reference): your action is due \(action.due.textWithWeekday)",
                content: NoticeContent(
                    lead:
                        "A reminder: \(what.lowercasedFirst) is due the next working day, \(action.due.textWithWeekday).",
                    facts: facts, details: details, action: todo),
                key: key)
        case .overdue(_, let late):
            let days = late == 1 ? "1 working day" : "\(late) working days"
            return Notice(
                kind: .overdue,
                audience: action.indicative ? .people([action.owner]) : .personAndLineManager(action.owner),
                subject: "\(subject.reference): an action is overdue by \(days)",
                content: NoticeContent(
                    lead: "\(what) was due \(action.due.textWithWeekday). It is now overdue by \(days).",
                    facts: facts, details: details,
                    action: "Delays harm children. " + todo + copied
                ), key: key)
        }
    }
}

extension String {
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
