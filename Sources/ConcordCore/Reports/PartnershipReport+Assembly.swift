import Foundation

extension PartnershipReport {
    public struct Subject: Sendable {
        public var slug: String
        public var name: String
        /// The partnership's policies, current first: they give the stages' order and titles.
        public var policies: [Policy]
        public var agencyNames: [String: String]
        public var calendar: WorkingCalendar

        public init(
            slug: String, name: String, policies: [Policy], agencyNames: [String: String], calendar: WorkingCalendar
        ) {
            self.slug = slug
            self.name = name
            self.policies = policies
            self.agencyNames = agencyNames
            self.calendar = calendar
        }
    }

    public init(
        _ data: ReportData, of subject: Subject, from: LocalDate, to: LocalDate, agency: String? = nil,
        category: DisputeCategory? = nil
    ) throws(CalendarError) {
        self.partnership = subject.slug
        self.partnershipName = subject.name
        self.from = from
        self.to = to
        self.agency = agency.map { subject.agencyNames[$0] ?? $0 }
        self.category = category
        raised = data.endings.reduce(0) { $0 + $1.count }
        func counts(_ figures: [String: Int], label: (String) -> String) -> [Count] {
            figures.map { Count(key: $0.key, label: label($0.key), count: $0.value) }
                .sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        }
        byRaisingAgency = counts(data.byRaisingAgency) { subject.agencyNames[$0] ?? $0 }
        byReceivingAgency = counts(data.byReceivingAgency) { subject.agencyNames[$0] ?? $0 }
        byCategory = DisputeCategory.allCases.compactMap { category in
            data.byCategory[category].map { Count(key: category.rawValue, label: category.title, count: $0) }
        }
        var ended = Ended()
        var routes: [String: Int] = [:]
        for group in data.endings {
            switch group.ending {
            case .resolved?: ended.resolved += group.count
            case .referred?:
                ended.referred += group.count
                routes[group.route ?? "", default: 0] += group.count
            case .withdrawn?: ended.withdrawn += group.count
            case nil: ended.open += group.count
            }
        }
        self.ended = ended
        let routeNames = Dictionary(
            subject.policies.flatMap(\.externalRoutes).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }
        )
        referredByRoute = counts(routes) { routeNames[$0] ?? $0 }
        stages = try Self.stages(data, subject)
        acknowledgement =
            subject.policies.contains { $0.acknowledgement != nil }
            ? try Timeliness.of(
                entered: data.acknowledgement.due, finished: data.acknowledgement.finished, timed: true,
                calendar: subject.calendar) : nil
        wholeProcess =
            subject.policies.contains { $0.overall != nil }
            ? try Timeliness.of(
                entered: data.wholeProcess.due, finished: data.wholeProcess.finished, timed: true,
                calendar: subject.calendar) : nil
        significantHarm = data.significantHarm
        months = Self.months(from: from, to: to).map {
            Month(month: $0, raised: data.raisedByMonth[$0] ?? 0, resolved: data.resolvedByMonth[$0] ?? 0)
        }
    }

    /// In the policies' order; a stage only older policies had comes after, by its id.
    private static func stages(_ data: ReportData, _ subject: Subject) throws(CalendarError) -> [Stage] {
        var known: [(id: String, title: String, timed: Bool)] = []
        for policy in subject.policies {
            for stage in policy.stages where !known.contains(where: { $0.id == stage.id }) {
                let timed = policy.effectiveTimescale(of: stage) != nil || !stage.routes.isEmpty
                known.append((stage.id, stage.title, timed))
            }
        }
        let seen = Set(data.visits.map(\.stage)).union(data.endings.map(\.stage)).union(data.overdueNow.keys)
        for id in seen.subtracting(known.map(\.id)).sorted() {
            known.append((id, id, data.visits.contains { $0.stage == id && $0.withinTimescale != nil }))
        }
        var result: [Stage] = []
        for stage in known {
            let visits = data.visits.filter { $0.stage == stage.id }
            let finished = visits.compactMap { group in
                group.finishedOn.map {
                    Timeliness.Finished(
                        from: group.enteredOn, on: $0, withinTimescale: group.withinTimescale, count: group.count)
                }
            }
            let endings = data.endings.filter { $0.stage == stage.id }
            result.append(
                Stage(
                    id: stage.id, title: stage.title,
                    timeliness: try Timeliness.of(
                        entered: visits.reduce(0) { $0 + $1.count }, finished: finished, timed: stage.timed,
                        calendar: subject.calendar),
                    reached: endings.reduce(0) { $0 + $1.count },
                    resolvedHere: endings.filter { $0.ending == .resolved }.reduce(0) { $0 + $1.count },
                    overdueNow: data.overdueNow[stage.id] ?? 0))
        }
        return result
    }

    /// Every month the period touches, "2026-12".
    static func months(from: LocalDate, to: LocalDate) -> [String] {
        var months: [String] = []
        var year = from.year
        var month = from.month
        while (year, month) <= (to.year, to.month) {
            months.append(String(format: "%04d-%02d", year, month))
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return months
    }
}
