/// Why Concord writes to someone.
public enum NoticeKind: String, CaseIterable, Codable, Sendable {
    /// Someone was named on a dispute, or added to it.
    case named
    /// The dispute entered a stage; the message gives its due date.
    case stageStarted = "stage-started"
    /// The written confirmation a protocol requires of a discussion, plan or stage's records.
    case confirmation
    case significantHarm = "significant-harm"
    /// Someone could not resolve the disagreement and tells their line manager at once.
    case lineManagerTold = "line-manager-told"
    /// A deadline falls on the next working day.
    case reminder
    /// A deadline has passed.
    case overdue
    /// The dispute was resolved, referred onward, withdrawn or closed.
    case ended
    /// A day's messages, for someone who asked for one message a day.
    case digest

    public var displayName: String {
        switch self {
        case .named: "Named on a dispute"
        case .stageStarted: "Stage started"
        case .confirmation: "Written confirmation"
        case .significantHarm: "Significant harm"
        case .lineManagerTold: "Line manager told"
        case .reminder: "Deadline reminder"
        case .overdue: "Overdue notice"
        case .ended: "Dispute ended"
        case .digest: "Daily digest"
        }
    }
}

/// Who a notice is for, in the dispute's own terms; the store turns this into people with
/// e-mail addresses.
public enum Audience: Hashable, Sendable {
    /// These people.
    case people([PersonRef])
    /// Everyone taking part in the dispute.
    case everyoneInvolved
    /// Everyone taking part, and each one's line manager.
    case everyoneInvolvedAndLineManagers
    /// Those the policy says must be told of significant harm, for the person who reported it:
    /// their line manager and/or their agency's designated safeguarding lead.
    case safeguardingContacts(of: PersonRef, targets: [NotifyTarget])
    /// The person's line manager; where the directory records none, their agency's designated
    /// safeguarding leads (Coventry: "Safeguarding leads (or equivalent) can be used in the
    /// place of line managers where appropriate").
    case lineManager(of: PersonRef)
    /// The person, and their line manager (or, where the directory records none, their
    /// agency's designated safeguarding leads).
    case personAndLineManager(PersonRef)
    /// People told without taking part, at these levels: in the disputing agencies for an
    /// agency level, in the partnership for a partnership level.
    case informed(levels: [RoleLevel], agencies: [String])
}

/// One message to send, before it is addressed and written for each recipient.
public struct Notice: Hashable, Sendable {
    public var kind: NoticeKind
    public var audience: Audience
    public var subject: String
    public var content: NoticeContent
    /// Sent at once even to someone who prefers a daily digest.
    public var urgent: Bool
    /// What makes this notice unique, so that writing it twice queues it once.
    public var key: String
    /// A meeting whose calendar invitation goes with the message.
    public var invitation: DisputeEvent.MeetingScheduled?

    public init(
        kind: NoticeKind, audience: Audience, subject: String, content: NoticeContent, urgent: Bool = false,
        key: String
    ) {
        self.kind = kind
        self.audience = audience
        self.subject = subject
        self.content = content
        self.urgent = urgent
        self.key = key
    }
}

/// What a message says, split by how much it may disclose. Facts name no child; details and
/// children are written about the child, so they go only to a partnership's secure domains.
public struct NoticeContent: Hashable, Sendable {
    public struct Fact: Hashable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Section: Hashable, Sendable {
        public var heading: String
        public var lines: [String]
        /// The policy's confirmations carry it to every recipient, with what identifies a
        /// child taken out for addresses off the secure domains.
        public var sharedWithAll: Bool

        public init(_ heading: String, _ lines: [String], sharedWithAll: Bool = false) {
            self.heading = heading
            self.lines = lines
            self.sharedWithAll = sharedWithAll
        }
    }

    /// The opening sentence: what happened, without any child's details.
    public var lead: String
    public var facts: [Fact]
    /// Free text people wrote about the dispute, which may name or describe a child.
    public var details: [Section]
    /// Each child's name, date of birth and case references.
    public var children: [String]
    /// What the reader should do now, when there is something.
    public var action: String?
    /// Each child's names, dates of birth and case references, as they may appear in what
    /// people wrote: taken out of shared sections sent off the secure domains.
    public var identifying: [String] = []

    public init(
        lead: String, facts: [Fact], details: [Section] = [], children: [String] = [], action: String? = nil
    ) {
        self.lead = lead
        self.facts = facts
        self.details = details
        self.children = children
        self.action = action
    }
}
