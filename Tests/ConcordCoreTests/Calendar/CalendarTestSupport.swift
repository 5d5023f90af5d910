import ConcordCore
import Testing

/// A date literal for tests. A typo records an issue instead of crashing, so one bad literal
/// cannot take the rest of the run down with it.
func ukDate(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
    guard let date = LocalDate(iso: iso) else {
        Issue.record("bad date literal \(iso)", sourceLocation: sourceLocation)
        return LocalDate(dayNumber: 0)
    }
    return date
}

enum CalendarFixture {
    /// SplitMix64 (Steele, Lea and Flood), so that property tests are reproducible on every
    /// platform without relying on the standard library's unseeded generator.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func int(in range: ClosedRange<Int>) -> Int {
            let span = UInt64(range.upperBound - range.lowerBound + 1)
            return range.lowerBound + Int(next() % span)
        }
    }

    /// A deliberately naive working-day calendar that walks one day at a time, used as the
    /// reference the real calendar's closed-form arithmetic must agree with.
    struct NaiveCalendar {
        let first = WorkingCalendar.firstDate
        let last = WorkingCalendar.lastDate
        private let working: [Bool]

        init(nonWorking: Set<LocalDate>) {
            let first = WorkingCalendar.firstDate
            working = (first.dayNumber...WorkingCalendar.lastDate.dayNumber).map { number in
                let date = LocalDate(dayNumber: number)
                return !date.isWeekend && !nonWorking.contains(date)
            }
        }

        func isWorking(_ date: LocalDate) -> Bool {
            working[date.dayNumber - first.dayNumber]
        }

        /// nil when the walk leaves the calendar's range before finding the answer.
        func adding(_ n: Int, to start: LocalDate) -> LocalDate? {
            var date = start
            if n == 0 {
                while !isWorking(date) {
                    date = date.adding(days: 1)
                    if date > last { return nil }
                }
                return date
            }
            var remaining = abs(n)
            while remaining > 0 {
                date = date.adding(days: n > 0 ? 1 : -1)
                if date < first || date > last { return nil }
                if isWorking(date) { remaining -= 1 }
            }
            return date
        }

        func workingDays(from: LocalDate, to: LocalDate) -> Int {
            let (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1)
            var count = 0
            var date = low.adding(days: 1)
            while date <= high {
                if isWorking(date) { count += 1 }
                date = date.adding(days: 1)
            }
            return sign * count
        }
    }

    /// Every holiday date of a region in a table, across all supported years.
    static func holidayDates(_ region: Region, _ table: HolidayTable = .standard) -> Set<LocalDate> {
        Set(table.holidays(region: region).map(\.date))
    }
}
