extension DisputeEvent {
    /// The people at a stage agreed their own timescale within the protocol's maximum; it
    /// replaces the stage's deadline.
    public struct TimescaleAgreed: Codable, Hashable, Sendable {
        public var stage: String
        public var workingDays: Int
        public var due: LocalDate
        public var reason: String
        public var agreedBy: [PersonRef]
        /// The response someone else is to give within a timescale agreed with it.
        public var response: AgreedResponse?
    }
}

/// Sunderland's "a timescale for response from the other line manager should also be agreed":
/// who is to respond, and by when, counted from the day it was agreed.
public struct AgreedResponse: Codable, Hashable, Sendable {
    public var from: PersonRef
    public var workingDays: Int
    public var due: LocalDate

    public init(from: PersonRef, workingDays: Int, due: LocalDate) {
        self.from = from
        self.workingDays = workingDays
        self.due = due
    }
}

/// A later stage's deadline that is already running.
public struct AheadDeadline: Codable, Hashable, Sendable {
    public var stage: String
    public var due: LocalDate

    public init(stage: String, due: LocalDate) {
        self.stage = stage
        self.due = due
    }
}

/// A dispute formally recorded in a board's minutes.
public struct BoardMinute: Codable, Hashable, Sendable {
    public var board: String
    public var date: LocalDate
    public var reference: String

    public init(board: String, date: LocalDate, reference: String) {
        self.board = board
        self.date = date
        self.reference = reference
    }
}
