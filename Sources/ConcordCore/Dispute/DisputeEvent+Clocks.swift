extension DisputeEvent {
    /// One of a stage's further clocks starts: its anchor has happened, and its due date is
    /// fixed now on the partnership's calendar, never recomputed. It carries what the clock is,
    /// so the dispute can be rebuilt without the policy.
    public struct ClockStarted: Codable, Hashable, Sendable {
        public var stage: String
        public var clock: String
        public var name: String
        public var kind: Clock.Kind
        public var by: Side
        public var metBy: Timescale.Milestone?
        public var letter: String?
        public var indicative: Bool
        /// The day it is counted from.
        public var startedOn: LocalDate
        public var due: LocalDate
    }

    /// The letter a letter-within clock asks for was sent.
    public struct LetterSent: Codable, Hashable, Sendable {
        public var stage: String
        public var clock: String
        public var letter: String
        public var sentOn: LocalDate
        /// Who it was sent to: "the raising agency's team manager".
        public var to: String
        /// What it said, in brief; it can identify a child, so it goes only where the record does.
        public var summary: String?
    }
}
