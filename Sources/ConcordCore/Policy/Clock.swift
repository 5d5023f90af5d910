/// One of several deadlines a stage can run besides its own timescale, as real protocols set
/// them: "the receiving agency will speak to you within 3 working days", "an outcome letter
/// within a further 2". Each is fixed when its anchor happens and watched until it is met.
public struct Clock: Hashable, Sendable, Encodable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// Something must begin by the deadline, and a recorded step (`met_by`) meets it.
        case beginWithin = "begin-within"
        /// Runs until the dispute leaves the stage.
        case completeWithin = "complete-within"
        /// The side named by `by` must respond: met by a discussion or meeting at the stage in
        /// which one of them takes part.
        case respondWithin = "respond-within"
        /// A letter must be sent: met when someone records it as sent.
        case letterWithin = "letter-within"
    }

    /// Unique within the stage; `after` refers to clocks by it.
    public var id: String
    /// What must happen, as people read it: "The receiving agency speaks to you".
    public var name: String
    public var kind: Kind
    /// Whose clock it is: the people on that side are reminded, and told when it is overdue.
    public var by: Side
    public var amount: Int
    public var unit: Timescale.Unit
    public var from: Timescale.Anchor
    /// Counted from the day another clock at the stage is met: "within a further 2 working days".
    public var after: String?
    public var metBy: Timescale.Milestone?
    /// The letter a letter-within clock asks for.
    public var letter: String?
    /// "Timescales are indicative … dictated by the needs of the child": shown and reminded, but
    /// an overdue notice goes only to the clock's own people, not their line managers.
    public var indicative: Bool
    public var quote: String?

    public init(
        id: String, name: String, kind: Kind, by: Side, amount: Int, unit: Timescale.Unit,
        from: Timescale.Anchor = .stageStart, after: String? = nil, metBy: Timescale.Milestone? = nil,
        letter: String? = nil, indicative: Bool = false, quote: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.by = by
        self.amount = amount
        self.unit = unit
        self.from = from
        self.after = after
        self.metBy = metBy
        self.letter = letter
        self.indicative = indicative
        self.quote = quote
    }

    /// Its amount as a timescale, to count the due date with.
    public var timescale: Timescale { Timescale(amount: amount, unit: unit, from: from) }

    /// "3 working days from the start of the stage", "2 working days after the receiving agency speaks to you".
    public func description(in stage: Stage) -> String {
        var text = "\(timescale.phrase) from \(from.phrase)"
        if let after, let earlier = stage.clocks.first(where: { $0.id == after }) {
            text = "\(timescale.phrase) after \(earlier.name.prefix(1).lowercased() + earlier.name.dropFirst())"
        }
        return text + (indicative ? " (indicative)" : "")
    }
}
