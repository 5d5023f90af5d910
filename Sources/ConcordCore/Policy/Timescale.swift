/// How long something may take, as a protocol states it.
public struct Timescale: Hashable, Sendable {
    public enum Unit: String, Encodable, Sendable {
        case workingDays = "working_days"
        case calendarDays = "calendar_days"
        case months
    }

    /// What the time is measured from.
    public enum Anchor: String, CaseIterable, Codable, Sendable {
        case stageStart = "stage-start"
        case disputeRaised = "dispute-raised"
        /// The start of the stage at which the dispute is formally received in writing: the
        /// policy's acknowledgement stage.
        case receivedInWriting = "received-in-writing"
    }

    public var amount: Int
    public var unit: Unit
    public var from: Anchor
    /// The protocol's own words, kept so readers can see where the number comes from.
    public var quote: String?

    public init(amount: Int, unit: Unit, from: Anchor, quote: String? = nil) {
        self.amount = amount
        self.unit = unit
        self.from = from
        self.quote = quote
    }

    /// "5 working days", "1 month".
    public var phrase: String {
        switch unit {
        case .workingDays: amount == 1 ? "1 working day" : "\(amount) working days"
        case .calendarDays: amount == 1 ? "1 calendar day" : "\(amount) calendar days"
        case .months: amount == 1 ? "1 month" : "\(amount) months"
        }
    }

    /// The date an anchor names for a stage that starts on `stageStart` in a dispute raised on
    /// `raised`; receipt in writing is the start of the acknowledgement stage, once reached.
    public static func date(
        of anchor: Anchor, stageStart: LocalDate, raised: LocalDate, receipt: LocalDate?
    ) -> LocalDate {
        switch anchor {
        case .stageStart: stageStart
        case .disputeRaised: raised
        case .receivedInWriting: receipt ?? stageStart
        }
    }

    /// The due date when measured from `anchor`.
    public func due(from anchor: LocalDate, in calendar: WorkingCalendar) throws(CalendarError) -> LocalDate {
        switch unit {
        case .workingDays: try calendar.adding(workingDays: amount, to: anchor)
        case .calendarDays: anchor.adding(days: amount)
        case .months: anchor.adding(months: amount)
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
        try container.encode(amount, forKey: Key(stringValue: unit.rawValue))
        try container.encode(from, forKey: Key(stringValue: "from"))
        try container.encodeIfPresent(quote, forKey: Key(stringValue: "quote"))
    }
}
