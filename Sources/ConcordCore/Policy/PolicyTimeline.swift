/// The latest each stage could start and fall due if every stage ran its full timescale: the
/// outer envelope of a dispute raised on a given day, for planning and for checking a policy.
public struct PolicyTimeline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let stage: Stage
        public let starts: LocalDate
        /// Nil when neither the stage nor the policy sets a timescale for it.
        public let due: LocalDate?
        public let timescale: Timescale?
        /// True when the due date comes from the policy's protocol-wide stage limit.
        public let fromStageLimit: Bool
        /// The stage's further clocks, each as late as it could fall due: one waiting for a
        /// discussion assumes it on the stage's first day, one counted after another from
        /// that one's due date.
        public var clocks: [ClockDue] = []
    }

    public struct ClockDue: Sendable, Equatable {
        public let clock: Clock
        public let due: LocalDate
    }

    public let start: LocalDate
    public let entries: [Entry]
    public let acknowledgementDue: LocalDate?
    public let overallDue: LocalDate?

    public var stagesWithoutTimescale: [Stage] {
        entries.filter { $0.due == nil }.map(\.stage)
    }

    /// A stage starts when the one before it falls due (escalation at the end of its last
    /// allowed day); after a stage with no timescale the next is shown starting the same day,
    /// since nothing bounds it, and the stage is listed as having none.
    public init(policy: Policy, raised start: LocalDate, calendar: WorkingCalendar) throws(CalendarError) {
        self.start = start
        var entries: [Entry] = []
        var stageStart = start
        var receipt: LocalDate?
        for stage in policy.stages {
            if stage.id == policy.acknowledgement?.stage {
                receipt = stageStart
            }
            let timescale = policy.effectiveTimescale(of: stage)
            var due: LocalDate?
            if let timescale {
                // The envelope assumes anything the timescale waits for happens as the stage starts.
                let anchor =
                    timescale.ofStage.flatMap { id in entries.first { $0.stage.id == id }?.starts }
                    ?? Timescale.date(
                        of: timescale.from, stageStart: stageStart, raised: start, receipt: receipt,
                        firstDiscussion: stageStart) ?? stageStart
                due = try timescale.due(from: anchor, in: calendar)
            }
            var clocks: [ClockDue] = []
            for clock in stage.clocks {
                let anchor =
                    clock.after.flatMap { after in clocks.first { $0.clock.id == after }?.due }
                    ?? Timescale.date(
                        of: clock.from, stageStart: stageStart, raised: start, receipt: receipt,
                        firstDiscussion: stageStart) ?? stageStart
                clocks.append(ClockDue(clock: clock, due: try clock.timescale.due(from: anchor, in: calendar)))
            }
            entries.append(
                Entry(
                    stage: stage, starts: stageStart, due: due, timescale: timescale,
                    fromStageLimit: stage.timescale == nil && timescale != nil, clocks: clocks))
            stageStart = max(stageStart, due ?? stageStart)
        }
        self.entries = entries
        if let acknowledgement = policy.acknowledgement,
            let entry = entries.first(where: { $0.stage.id == acknowledgement.stage })
        {
            let timescale = acknowledgement.timescale
            let anchor =
                Timescale.date(of: timescale.from, stageStart: entry.starts, raised: start, receipt: entry.starts)
                ?? entry.starts
            acknowledgementDue = try timescale.due(from: anchor, in: calendar)
        } else {
            acknowledgementDue = nil
        }
        overallDue = try policy.overall.map { overall throws(CalendarError) in
            try overall.due(
                from: Timescale.date(of: overall.from, stageStart: start, raised: start, receipt: receipt) ?? start,
                in: calendar)
        }
    }
}
