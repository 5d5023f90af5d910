/// How a stage, the acknowledgement or the whole process kept to its timescale over the
/// disputes of a report.
public struct Timeliness: Hashable, Sendable {
    /// Disputes that reached it: entered the stage, or were due an acknowledgement or an outcome.
    public var entered: Int
    /// Those that finished by their deadline; nil where there is no timescale.
    public var withinTimescale: Int?
    /// Those that finished after it; nil where there is no timescale.
    public var late: Int?
    /// Working days taken by those that finished, on the partnership's own calendar: the
    /// median (halfway between the two middle values when their number is even) and the 90th
    /// percentile (the smallest value at least 90% of them do not exceed). Nil when none finished
    /// or there is no timescale.
    public var medianWorkingDays: Double?
    public var p90WorkingDays: Double?

    public init(
        entered: Int, withinTimescale: Int?, late: Int?, medianWorkingDays: Double?, p90WorkingDays: Double?
    ) {
        self.entered = entered
        self.withinTimescale = withinTimescale
        self.late = late
        self.medianWorkingDays = medianWorkingDays
        self.p90WorkingDays = p90WorkingDays
    }

    /// How many finished on which days, and whether by their deadline: what the database gives,
    /// grouped, so that a report never reads a row per dispute.
    public struct Finished: Hashable, Sendable {
        public var from: LocalDate
        public var on: LocalDate
        public var withinTimescale: Bool?
        public var count: Int

        public init(from: LocalDate, on: LocalDate, withinTimescale: Bool?, count: Int) {
            self.from = from
            self.on = on
            self.withinTimescale = withinTimescale
            self.count = count
        }
    }

    /// `timed`: whether there is a timescale at all; without one only `entered` is counted.
    public static func of(
        entered: Int, finished: [Finished], timed: Bool, calendar: WorkingCalendar
    ) throws(CalendarError) -> Timeliness {
        guard timed else {
            return Timeliness(
                entered: entered, withinTimescale: nil, late: nil, medianWorkingDays: nil, p90WorkingDays: nil)
        }
        var days: [Int: Int] = [:]
        var within = 0
        var late = 0
        for group in finished {
            days[try calendar.workingDays(from: group.from, to: group.on), default: 0] += group.count
            switch group.withinTimescale {
            case true?: within += group.count
            case false?: late += group.count
            case nil: break
            }
        }
        let tally = days.sorted { $0.key < $1.key }
        return Timeliness(
            entered: entered, withinTimescale: within, late: late, medianWorkingDays: median(tally),
            p90WorkingDays: percentile(90, tally).map(Double.init))
    }

    /// `tally`: (value, how many), ascending.
    static func median(_ tally: [(key: Int, value: Int)]) -> Double? {
        let count = tally.reduce(0) { $0 + $1.value }
        guard count > 0 else { return nil }
        guard let lower = value(atRank: (count + 1) / 2, tally), let upper = value(atRank: count / 2 + 1, tally)
        else { return nil }
        return count % 2 == 1 ? Double(lower) : Double(lower + upper) / 2
    }

    /// The nearest-rank percentile: the value at rank ⌈p/100 × n⌉.
    static func percentile(_ p: Int, _ tally: [(key: Int, value: Int)]) -> Int? {
        let count = tally.reduce(0) { $0 + $1.value }
        guard count > 0 else { return nil }
        return value(atRank: (p * count + 99) / 100, tally)
    }

    private static func value(atRank rank: Int, _ tally: [(key: Int, value: Int)]) -> Int? {
        var seen = 0
        for (value, count) in tally {
            seen += count
            if seen >= rank { return value }
        }
        return nil
    }
}
