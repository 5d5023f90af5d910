/// What a partnership learns from its disputes over a period: how many, between whom, about
/// what, how far they went, how they ended, and whether each stage kept to its timescale.
/// Everything but "overdue now" and the months' resolutions is about the disputes raised in
/// the period (and matching the filters).
public struct PartnershipReport: Sendable {
    public struct Count: Hashable, Sendable {
        /// What the figure counts, as stored: an agency id, a category, a stage or route id.
        public var key: String
        public var label: String
        public var count: Int

        public init(key: String, label: String, count: Int) {
            self.key = key
            self.label = label
            self.count = count
        }
    }

    public struct Ended: Hashable, Sendable {
        public var resolved = 0
        public var referred = 0
        public var withdrawn = 0
        public var open = 0

        public init(resolved: Int = 0, referred: Int = 0, withdrawn: Int = 0, open: Int = 0) {
            self.resolved = resolved
            self.referred = referred
            self.withdrawn = withdrawn
            self.open = open
        }
    }

    public struct Stage: Hashable, Sendable {
        public var id: String
        public var title: String
        public var timeliness: Timeliness
        /// Disputes in the stage now, or that ended there.
        public var reached: Int
        public var resolvedHere: Int
        public var overdueNow: Int
    }

    public struct Month: Hashable, Sendable {
        /// "2026-12".
        public var month: String
        public var raised: Int
        public var resolved: Int
    }

    public var partnership: String
    public var partnershipName: String
    public var from: LocalDate
    public var to: LocalDate
    /// The filters' labels, when set.
    public var agency: String?
    public var category: DisputeCategory?

    public var raised: Int
    public var byRaisingAgency: [Count]
    public var byReceivingAgency: [Count]
    public var byCategory: [Count]
    public var ended: Ended
    public var referredByRoute: [Count]
    public var stages: [Stage]
    public var acknowledgement: Timeliness?
    public var wholeProcess: Timeliness?
    public var significantHarm: Int
    public var months: [Month]
    /// Nil until the store adds it: the figures alone make a report without it.
    public var learning: Learning?
}
