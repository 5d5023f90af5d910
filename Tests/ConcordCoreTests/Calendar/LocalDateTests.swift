import ConcordCore
import Foundation
import Testing

@Suite struct LocalDateTests {
    @Test func parsesStrictISODates() throws {
        let date = try #require(LocalDate(iso: "2026-02-01"))
        #expect(date.year == 2026)
        #expect(date.month == 2)
        #expect(date.day == 1)
        #expect(LocalDate(iso: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "2026-12-31") != nil)
    }

    @Test(
        arguments: [
            "2026-2-1", "2026-02-1", "2026-2-01", "2026-02-30", "2026-04-31", "2023-02-29", "1900-02-29",
            "2026-13-01", "2026-00-10", "2026-01-00", "abcd-ef-gh", "2026/02/01", "20260201", "",
            " 2026-02-01", "2026-02-01 ", "2026-02-01T00:00", "+026-02-01", "2026-+2-01", "2026-0a-01",
            "2026–02–01", "２０２６-02-01",
        ])
    func rejectsAnythingButARealYYYYMMDD(_ text: String) {
        #expect(LocalDate(iso: text) == nil, "\(text) should not parse")
    }

    @Test func rejectsImpossibleParts() {
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 6, day: 0) == nil)
        #expect(LocalDate(year: 2026, month: 6, day: 31) == nil)
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test func formatsAsISO() {
        #expect(LocalDate(year: 2026, month: 3, day: 5)?.iso == "2026-03-05")
        #expect(LocalDate(year: 2026, month: 12, day: 31)?.description == "2026-12-31")
        #expect(LocalDate(dayNumber: 0).iso == "1970-01-01")
    }

    @Test func dayNumbersCountFromTheUnixEpoch() {
        #expect(ukDate("1970-01-01").dayNumber == 0)
        #expect(ukDate("1969-12-31").dayNumber == -1)
        #expect(ukDate("2000-03-01").dayNumber == 11_017)
        #expect(ukDate("1995-01-01").dayNumber == 9_131)
        #expect(ukDate("2100-12-31").dayNumber == 47_846)
    }

    /// Foundation's Gregorian calendar in UTC is an independent witness for the civil
    /// conversions over the whole range the working calendar supports.
    @Test func agreesWithFoundationOverTheSupportedRange() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var mismatches: [String] = []
        for number in stride(from: ukDate("1994-12-01").dayNumber, through: ukDate("2101-01-31").dayNumber, by: 1) {
            let date = LocalDate(dayNumber: number)
            let instant = Date(timeIntervalSince1970: Double(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            let isoWeekday = (parts.weekday! + 5) % 7 + 1
            if (date.year, date.month, date.day, date.isoWeekday) != (parts.year!, parts.month!, parts.day!, isoWeekday)
                || LocalDate(iso: date.iso) != date
            {
                mismatches.append("\(number): \(date.iso) weekday \(date.isoWeekday)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test(arguments: [
        ("1970-01-01", 4), ("1969-12-28", 7), ("1969-12-29", 1), ("1995-01-01", 7), ("2026-01-01", 4),
        ("2026-12-25", 5), ("2026-12-26", 6), ("2100-12-31", 5),
    ])
    func isoWeekday(_ iso: String, _ weekday: Int) {
        let date = ukDate(iso)
        #expect(date.isoWeekday == weekday)
        #expect(date.isWeekend == (weekday >= 6))
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-12-15", 1, "2027-01-15"),
        ("2026-08-31", 1, "2026-09-30"), ("2026-03-31", -1, "2026-02-28"), ("2026-01-15", -1, "2025-12-15"),
        ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-29"), ("2026-05-31", 0, "2026-05-31"),
        ("2026-01-31", -13, "2024-12-31"), ("2026-10-31", 4, "2027-02-28"), ("1999-12-31", 2, "2000-02-29"),
    ])
    func addingMonthsClampsToTheLastDay(_ start: String, _ months: Int, _ expected: String) {
        #expect(ukDate(start).adding(months: months) == ukDate(expected))
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(ukDate("2026-12-31").adding(days: 1) == ukDate("2027-01-01"))
        #expect(ukDate("2024-02-28").adding(days: 1) == ukDate("2024-02-29"))
        #expect(ukDate("2024-03-01").adding(days: -1) == ukDate("2024-02-29"))
        #expect(ukDate("2026-01-01").adding(days: 365) == ukDate("2027-01-01"))
        #expect(ukDate("2026-01-01").adding(days: 0) == ukDate("2026-01-01"))
    }

    @Test func ordersChronologically() {
        #expect(ukDate("2026-01-31") < ukDate("2026-02-01"))
        #expect(ukDate("2025-12-31") < ukDate("2026-01-01"))
        #expect(!(ukDate("2026-02-01") < ukDate("2026-02-01")))
        #expect(
            [ukDate("2027-01-01"), ukDate("1999-12-31"), ukDate("2026-06-15")].sorted().map(\.iso) == [
                "1999-12-31", "2026-06-15", "2027-01-01",
            ])
    }

    @Test func codesAsAnISOString() throws {
        let json = try JSONEncoder().encode([ukDate("2026-02-01")])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-02-01"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: json) == [ukDate("2026-02-01")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
