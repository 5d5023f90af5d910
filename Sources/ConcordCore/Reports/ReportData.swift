/// A report's figures as the database gives them, grouped and counted, before they are put in
/// the policy's order and the working days are counted on the partnership's calendar.
public struct ReportData: Sendable {
    public struct Ending: Hashable, Sendable {
        /// Nil while the dispute is open.
        public var ending: DisputeEnding?
        /// The stage it reached: where it ended, or is now.
        public var stage: String
        public var route: String?
        public var count: Int

        public init(ending: DisputeEnding?, stage: String, route: String?, count: Int) {
            self.ending = ending
            self.stage = stage
            self.route = route
            self.count = count
        }
    }

    public struct Visits: Hashable, Sendable {
        public var stage: String
        public var enteredOn: LocalDate
        /// Nil for visits not finished.
        public var finishedOn: LocalDate?
        public var withinTimescale: Bool?
        public var count: Int

        public init(stage: String, enteredOn: LocalDate, finishedOn: LocalDate?, withinTimescale: Bool?, count: Int) {
            self.stage = stage
            self.enteredOn = enteredOn
            self.finishedOn = finishedOn
            self.withinTimescale = withinTimescale
            self.count = count
        }
    }

    /// The acknowledgement or the whole process: how many were due one, and when those done were done.
    public struct Clock: Hashable, Sendable {
        public var due: Int
        public var finished: [Timeliness.Finished]

        public init(due: Int = 0, finished: [Timeliness.Finished] = []) {
            self.due = due
            self.finished = finished
        }
    }

    /// Keyed by agency id.
    public var byRaisingAgency: [String: Int] = [:]
    public var byReceivingAgency: [String: Int] = [:]
    public var byCategory: [DisputeCategory: Int] = [:]
    public var endings: [Ending] = []
    public var visits: [Visits] = []
    public var acknowledgement = Clock()
    public var wholeProcess = Clock()
    public var significantHarm = 0
    /// Open disputes past a deadline now, by their stage.
    public var overdueNow: [String: Int] = [:]
    /// Keyed by month, "2026-12".
    public var raisedByMonth: [String: Int] = [:]
    public var resolvedByMonth: [String: Int] = [:]

    public init() {}
}
