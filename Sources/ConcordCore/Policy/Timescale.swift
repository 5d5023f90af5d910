/// How long something may take, as a protocol states it.
public struct Timescale: Hashable, Sendable {
    public enum Unit: String, Encodable, Sendable {
        case workingDays = "working_days"
        case calendarDays = "calendar_days"
        case months
        /// Hours counted on working days only, all 24 of each: "within 48 hours (2 working days)".
        /// Deadlines are days, so a part of a day counts as the whole working day.
        case hours
        /// "Immediately", "without delay", "the same working day": by the end of the working day
        /// it is counted from, or the next working day when that day is not one.
        case immediately
    }

    /// What the time is measured from.
    public enum Anchor: String, CaseIterable, Codable, Sendable {
        case stageStart = "stage-start"
        case disputeRaised = "dispute-raised"
        /// The day of the decision or disagreement itself, which the raiser gives ("within 2
        /// working days of the disagreement or the decision"); the raising day when not given.
        case decision
        /// The start of the stage at which the dispute is formally received in writing: the
        /// policy's acknowledgement stage.
        case receivedInWriting = "received-in-writing"
        /// The first discussion recorded at the stage ("within 48 hours of the initial
        /// discussion"); until there is one, the stage has no deadline from this timescale.
        case firstContact = "first-contact"
        /// The latest discussion recorded at the stage, else its start: each further discussion
        /// starts a new clock, as the flowchart's "each Manager discussion should take place
        /// within 5 working days of the previous stage" does up a management structure.
        case latestDiscussion = "latest-discussion"

        /// Anchors that are known only once something is recorded at the stage.
        public var isEvent: Bool { self == .firstContact || self == .latestDiscussion }

        public var phrase: String {
            switch self {
            case .stageStart: "the start of the stage"
            case .disputeRaised: "when the dispute is raised"
            case .decision: "the decision or disagreement"
            case .receivedInWriting: "receipt in writing"
            case .firstContact: "the first discussion at the stage"
            case .latestDiscussion: "the latest discussion at the stage (each discussion starts a new clock)"
            }
        }
    }

    /// Whether the timescale bounds finishing the stage or only beginning it.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case completeWithin = "complete-within"
        /// "contact will need to be established … within 5 working days": met by a recorded
        /// event, after which the stage has no deadline from this timescale.
        case beginWithin = "begin-within"
    }

    /// The recorded step that meets a `begin-within` timescale.
    public enum Milestone: String, CaseIterable, Codable, Sendable {
        /// A discussion recorded at the stage.
        case firstContact = "first-contact"
        /// The stage's meeting scheduled ("will offer mediation within 5 working days").
        case meetingOffered = "meeting-offered"
        /// A discussion at the stage with a line manager or someone more senior taking part.
        case lineManagerInvolved = "line-manager-involved"

        public var phrase: String {
            switch self {
            case .firstContact: "first contact is made"
            case .meetingOffered: "the meeting is offered"
            case .lineManagerInvolved: "a line manager is involved"
            }
        }
    }

    public var amount: Int
    public var unit: Unit
    public var from: Anchor
    public var kind: Kind = .completeWithin
    /// The recorded step that meets the timescale: required to begin within one, and for one
    /// to complete within, a step that stops the clock early (Coventry's "if this is not
    /// achievable staff are responsible for immediately notifying their line manager").
    public var metBy: Milestone?
    /// The protocol's figure is a maximum, within which the people at the stage agree their own
    /// (Sunderland's "Timescales, not exceeding 5 working days, should be agreed").
    public var agreed: Bool = false
    /// An earlier stage whose start the time counts from instead of this stage's ("within 5
    /// working days of step 1"); only a stage's own timescale names one.
    public var ofStage: String? = nil
    /// The protocol's own words, kept so readers can see where the number comes from.
    public var quote: String?

    public init(
        amount: Int, unit: Unit, from: Anchor, kind: Kind = .completeWithin, metBy: Milestone? = nil,
        agreed: Bool = false, quote: String? = nil
    ) {
        self.amount = amount
        self.unit = unit
        self.from = from
        self.kind = kind
        self.metBy = metBy
        self.agreed = agreed
        self.quote = quote
    }

    /// "5 working days", "1 month".
    public var phrase: String {
        switch unit {
        case .workingDays: amount == 1 ? "1 working day" : "\(amount) working days"
        case .calendarDays: amount == 1 ? "1 calendar day" : "\(amount) calendar days"
        case .months: amount == 1 ? "1 month" : "\(amount) months"
        case .hours: "\(amount) hours (\(Self.workingDays(inHours: amount)) working day\(amount > 24 ? "s" : ""))"
        case .immediately: "immediately (the same working day)"
        }
    }

    /// Working days that `hours` hours take: 24 to a working day, a part day counting whole.
    public static func workingDays(inHours hours: Int) -> Int {
        (hours + 23) / 24
    }

    /// The timescale in full, as people read it: "5 working days from the start of the stage,
    /// to begin (met once first contact is made)".
    public var description: String { description(stageTitles: [:]) }

    /// The same, naming an earlier stage counted from by its title where one is given.
    public func description(stageTitles: [String: String]) -> String {
        let anchor =
            ofStage.map { id in stageTitles[id].map { "the start of \"\($0)\"" } ?? "the start of stage \"\(id)\"" }
            ?? from.phrase
        var text = "\(agreed ? "at most " : "")\(phrase) from \(anchor)"
        if kind == .beginWithin, let metBy {
            text += ", to begin (met once \(metBy.phrase))"
        } else if let metBy {
            text += ", or until \(metBy.phrase)"
        }
        if agreed { text += "; the people at the stage agree their own timescale within it" }
        return text
    }

    /// The date an anchor names for a stage that starts on `stageStart` in a dispute raised on
    /// `raised`; receipt in writing is the start of the acknowledgement stage, once reached. An
    /// event anchor not yet recorded gives nil.
    public static func date(
        of anchor: Anchor, stageStart: LocalDate, raised: LocalDate, receipt: LocalDate?,
        firstDiscussion: LocalDate? = nil, latestDiscussion: LocalDate? = nil, decision: LocalDate? = nil
    ) -> LocalDate? {
        switch anchor {
        case .stageStart: stageStart
        case .disputeRaised: raised
        case .decision: decision ?? raised
        case .receivedInWriting: receipt ?? stageStart
        case .firstContact: firstDiscussion
        case .latestDiscussion: latestDiscussion ?? stageStart
        }
    }

    /// The due date when measured from `anchor`. A month that ends on a weekend, bank holiday or
    /// closure day runs to the next working day, so "within a month" never falls due on a day
    /// nobody can act; working days already land on one, and calendar days are counted as given.
    public func due(from anchor: LocalDate, in calendar: WorkingCalendar) throws(CalendarError) -> LocalDate {
        switch unit {
        case .workingDays: return try calendar.adding(workingDays: amount, to: anchor)
        case .calendarDays: return anchor.adding(days: amount)
        case .months:
            var day = anchor.adding(months: amount)
            while try !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        case .hours: return try calendar.adding(workingDays: Self.workingDays(inHours: amount), to: anchor)
        case .immediately:
            var day = anchor
            while try !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        }
    }
}

extension Timescale: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        if unit == .immediately {
            try container.encode(true, forKey: Key(stringValue: unit.rawValue))
        } else {
            try container.encode(amount, forKey: Key(stringValue: unit.rawValue))
        }
        try container.encode(from, forKey: Key(stringValue: "from"))
        try container.encodeIfPresent(ofStage, forKey: Key(stringValue: "of_stage"))
        if kind != .completeWithin { try container.encode(kind, forKey: Key(stringValue: "kind")) }
        try container.encodeIfPresent(metBy, forKey: Key(stringValue: "met_by"))
        if agreed { try container.encode(agreed, forKey: Key(stringValue: "agreed")) }
        try container.encodeIfPresent(quote, forKey: Key(stringValue: "quote"))
    }
}
