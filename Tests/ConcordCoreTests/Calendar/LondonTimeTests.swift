import ConcordCore
import Foundation
import Testing

/// London is UTC+1 in summer (BST) and UTC in winter (GMT); in 2026 the clocks go forward at
/// 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.
@Suite struct LondonTimeTests {
    private func utc(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            Issue.record("bad instant literal \(text)", sourceLocation: sourceLocation)
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }

    @Test(arguments: [
        ("2026-06-30T23:30:00Z", "2026-07-01"), ("2026-06-30T22:59:59Z", "2026-06-30"),
        ("2026-06-30T23:00:00Z", "2026-07-01"), ("2026-12-31T23:30:00Z", "2026-12-31"),
        ("2027-01-01T00:00:00Z", "2027-01-01"), ("2026-03-29T00:59:59Z", "2026-03-29"),
        ("2026-03-28T23:59:59Z", "2026-03-28"), ("2026-10-24T23:00:00Z", "2026-10-25"),
        ("2026-10-25T23:30:00Z", "2026-10-25"), ("1995-01-01T00:00:00Z", "1995-01-01"),
        ("2100-06-30T23:00:00Z", "2100-07-01"),
    ])
    func dateOfAnInstant(_ instant: String, _ expected: String) {
        #expect(LondonTime.date(of: utc(instant)) == ukDate(expected))
    }

    @Test(arguments: [
        ("2026-07-01", "2026-07-01T23:00:00Z"), ("2026-12-01", "2026-12-02T00:00:00Z"),
        ("2026-03-28", "2026-03-29T00:00:00Z"), ("2026-03-29", "2026-03-29T23:00:00Z"),
        ("2026-10-24", "2026-10-24T23:00:00Z"), ("2026-10-25", "2026-10-26T00:00:00Z"),
        ("2026-12-31", "2027-01-01T00:00:00Z"),
    ])
    func deadlineIsMidnightAtTheEndOfTheDayInLondon(_ day: String, _ instant: String) {
        #expect(LondonTime.deadline(endOf: ukDate(day)) == utc(instant))
    }

    @Test func startOfDay() {
        #expect(LondonTime.startOfDay(ukDate("2026-07-01")) == utc("2026-06-30T23:00:00Z"))
        #expect(LondonTime.startOfDay(ukDate("2026-12-01")) == utc("2026-12-01T00:00:00Z"))
    }

    /// The clock-change days are 23 and 25 hours long; a deadline must still be the end of
    /// its own day in London and every instant of the day must map back to it.
    @Test func everyDayOf2026RoundTrips() {
        var day = ukDate("2026-01-01")
        while day.year == 2026 {
            let start = LondonTime.startOfDay(day)
            let end = LondonTime.deadline(endOf: day)
            let hours = end.timeIntervalSince(start) / 3600
            let expectedHours: Double = day == ukDate("2026-03-29") ? 23 : day == ukDate("2026-10-25") ? 25 : 24
            #expect(hours == expectedHours, "\(day)")
            #expect(LondonTime.date(of: start) == day, "\(day)")
            #expect(LondonTime.date(of: end.addingTimeInterval(-1)) == day, "\(day)")
            #expect(LondonTime.date(of: end) == day.adding(days: 1), "\(day)")
            day = day.adding(days: 1)
        }
    }
}
