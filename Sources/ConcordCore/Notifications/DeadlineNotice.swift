/// The reminder or overdue notice for one of a dispute's deadlines. It is written from the
/// dispute list alone, so it never needs, or says, anything about a child.
public enum DeadlineNotice {
    public struct Subject: Sendable {
        public var disputeID: String
        public var reference: String
        public var policy: Policy
        public var stage: String
        public var deadline: DeadlineWatch.Deadline
        public var dueOn: LocalDate

        public init(
            disputeID: String, reference: String, policy: Policy, stage: String, deadline: DeadlineWatch.Deadline,
            dueOn: LocalDate
        ) {
            self.disputeID = disputeID
            self.reference = reference
            self.policy = policy
            self.stage = stage
            self.deadline = deadline
            self.dueOn = dueOn
        }
    }

    public static func notice(for subject: Subject, due: DeadlineWatch.Due) -> Notice {
        let stageTitle = subject.policy.stage(subject.stage)?.title ?? subject.stage
        let what: String
        switch subject.deadline {
        case .stage: what = "the deadline for \(stageTitle)"
        case .acknowledgement: what = "the deadline to acknowledge receipt of the dispute"
        case .overall: what = "the deadline for the whole dispute resolution process"
        }
        let facts = [
            NoticeContent.Fact("Reference", subject.reference),
            NoticeContent.Fact("Partnership", subject.policy.partnership),
            NoticeContent.Fact("Current stage", stageTitle),
            NoticeContent.Fact("Due", subject.dueOn.textWithWeekday),
        ]
        let key = "\(subject.disputeID)/deadline/\(subject.deadline.key)/\(subject.dueOn.iso)/\(due.key)"
        switch due {
        case .reminder:
            return Notice(
                kind: .reminder, audience: .everyoneInvolved,
                subject: "\(subject.reference): due \(subject.dueOn.textWithWeekday) – \(stageTitle)",
                content: NoticeContent(
                    lead: "A reminder: \(what) is the next working day, \(subject.dueOn.textWithWeekday).",
                    facts: facts,
                    action:
                        "Make sure what the stage needs is done and recorded in Concord by then, or agree with the other agency what happens next."
                ), key: key)
        case .overdue(_, let late):
            let days = late == 1 ? "1 working day" : "\(late) working days"
            return Notice(
                kind: .overdue, audience: .everyoneInvolvedAndLineManagers,
                subject: "\(subject.reference): overdue by \(days) – \(stageTitle)",
                content: NoticeContent(
                    lead:
                        "\(what.prefix(1).uppercased())\(what.dropFirst()) was \(subject.dueOn.textWithWeekday). It is now overdue by \(days).",
                    facts: facts,
                    action:
                        "Delays harm children. Agree the next step with the other agency today: record the stage's outcome, or escalate to the next stage. Line managers receive this notice too."
                ), key: key)
        }
    }
}

/// One message a day instead of many, for someone who prefers it.
public enum DigestLetter {
    public struct Item: Sendable {
        public var subject: String
        public var text: String

        public init(subject: String, text: String) {
            self.subject = subject
            self.text = text
        }
    }

    public static func letter(to name: String, on day: LocalDate, items: [Item]) -> NoticeLetter {
        let subject = "Concord: your messages for \(day.textWithWeekday) (\(items.count))"
        var text = [
            "Dear \(name),", "",
            "You asked Concord to send your messages once a day. Here are the \(items.count) written since the last one.",
        ]
        var html = [
            "<p>Dear \(NoticeLetter.escape(name)),</p>",
            "<p>You asked Concord to send your messages once a day. Here are the \(items.count) written since the last one.</p>",
        ]
        for (index, item) in items.enumerated() {
            text += ["", String(repeating: "-", count: 60), "\(index + 1). \(item.subject)", ""]
            // Each message's own greeting repeats this one's.
            text += item.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).map(String.init)
            html.append("<h2>\(index + 1). \(NoticeLetter.escape(item.subject))</h2>")
            let body = item.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
            html.append(
                "<p>\(body.map { NoticeLetter.escape(String($0)) }.joined(separator: "<br>\n"))</p>")
        }
        return NoticeLetter(
            subject: subject, text: text.joined(separator: "\n") + "\n",
            html: NoticeLetter.document(subject: subject, body: html.joined(separator: "\n")))
    }
}

extension NoticeLetter {
    init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}
