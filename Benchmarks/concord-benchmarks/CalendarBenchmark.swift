import ConcordCore

enum CalendarBenchmark {
    static func run() async throws {
        let queries = 1_000_000
        var random = SplitMix64(state: 2026)
        let first = LocalDate(iso: "1995-01-01")!.dayNumber
        let last = LocalDate(iso: "2099-12-31")!.dayNumber
        let starts = (0..<queries).map { _ in LocalDate(dayNumber: random.next(in: first...last)) }
        let amounts = (0..<queries).map { _ in random.next(in: 0...60) }
        let closures = (2026...2030).flatMap { year in (27...31).map { LocalDate(year: year, month: 12, day: $0)! } }

        print("Calendar: \(queries) random queries, starts 1995–2099, 0–60 working days")
        let england = WorkingCalendar(region: .englandAndWales)
        let partnership = WorkingCalendar(region: .englandAndWales, closureDays: closures)
        var checksum = 0
        try await measure("add working days (England and Wales)", count: queries) {
            for index in 0..<queries {
                checksum &+= try england.adding(workingDays: amounts[index], to: starts[index]).dayNumber
            }
        }
        try await measure("add working days (with 25 closure days)", count: queries) {
            for index in 0..<queries {
                checksum &+= try partnership.adding(workingDays: amounts[index], to: starts[index]).dayNumber
            }
        }
        try await measure("working days between", count: queries) {
            for index in 0..<queries {
                checksum &+= try england.workingDays(
                    from: starts[index], to: starts[index].adding(days: amounts[index]))
            }
        }
        await measure("build a calendar (rules + official list)", count: 100) {
            for _ in 0..<100 {
                checksum &+= WorkingCalendar(region: .scotland, closureDays: closures).closureDays.count
            }
        }
        print("(checksum \(checksum))")
    }
}
