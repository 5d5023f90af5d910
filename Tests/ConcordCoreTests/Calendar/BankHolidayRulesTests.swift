import ConcordCore
import Testing

@Suite struct BankHolidayRulesTests {
    private func rules(_ region: Region, _ year: Int) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: BankHolidayRules.holidays(region: region, year: year).map { ($0.date.iso, $0.title) })
    }

    @Test(arguments: [
        (1995, "1995-04-16"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
        (2019, "2019-04-21"), (2024, "2024-03-31"), (2026, "2026-04-05"), (2038, "2038-04-25"),
        (2049, "2049-04-18"), (2079, "2079-04-23"), (2100, "2100-03-28"),
    ])
    func easterSunday(_ year: Int, _ expected: String) {
        #expect(BankHolidayRules.easterSunday(year) == ukDate(expected))
    }

    @Test func easterIsAlwaysASundayBetween22MarchAnd25April() {
        for year in BankHolidayRules.supportedYears {
            let easter = BankHolidayRules.easterSunday(year)
            #expect(easter.isoWeekday == 7, "\(easter)")
            #expect(easter >= ukDate("\(year)-03-22") && easter <= ukDate("\(year)-04-25"), "\(easter)")
        }
    }

    @Test func englandAndWales2026() {
        #expect(
            rules(.englandAndWales, 2026) == [
                "2026-01-01": "New Year’s Day", "2026-04-03": "Good Friday", "2026-04-06": "Easter Monday",
                "2026-05-04": "Early May bank holiday", "2026-05-25": "Spring bank holiday",
                "2026-08-31": "Summer bank holiday", "2026-12-25": "Christmas Day", "2026-12-28": "Boxing Day",
            ])
    }

    @Test func scotland2026() {
        #expect(
            rules(.scotland, 2026) == [
                "2026-01-01": "New Year’s Day", "2026-01-02": "2nd January", "2026-04-03": "Good Friday",
                "2026-05-04": "Early May bank holiday", "2026-05-25": "Spring bank holiday",
                "2026-08-03": "Summer bank holiday", "2026-11-30": "St Andrew’s Day", "2026-12-25": "Christmas Day",
                "2026-12-28": "Boxing Day",
            ])
    }

    @Test func northernIreland2026() {
        #expect(
            rules(.northernIreland, 2026) == [
                "2026-01-01": "New Year’s Day", "2026-03-17": "St Patrick’s Day", "2026-04-03": "Good Friday",
                "2026-04-06": "Easter Monday", "2026-05-04": "Early May bank holiday",
                "2026-05-25": "Spring bank holiday", "2026-07-13": "Battle of the Boyne (Orangemen’s Day)",
                "2026-08-31": "Summer bank holiday", "2026-12-25": "Christmas Day", "2026-12-28": "Boxing Day",
            ])
    }

    @Test func stAndrewsDayOnlyFrom2007() {
        #expect(rules(.scotland, 2006).values.contains("St Andrew’s Day") == false)
        #expect(rules(.scotland, 2006)["2006-11-30"] == nil)
        #expect(rules(.scotland, 2007)["2007-11-30"] == "St Andrew’s Day")
        #expect(rules(.englandAndWales, 2026)["2026-11-30"] == nil)
        #expect(rules(.northernIreland, 2026)["2026-11-30"] == nil)
    }

    /// The weekday rules restated naively (first/last Monday found by walking), checked for
    /// every supported year in every region outside the years a proclamation moved them.
    @Test(arguments: Region.allCases)
    func recurringHolidaysFollowTheirRules(_ region: Region) {
        func monday(_ year: Int, _ month: Int, last: Bool) -> String {
            let days = last ? Array((1...31).reversed()) : Array(1...31)
            return days.compactMap { LocalDate(year: year, month: month, day: $0) }
                .first { $0.isoWeekday == 1 }!.iso
        }
        for year in BankHolidayRules.supportedYears {
            let table = rules(region, year)
            let easter = BankHolidayRules.easterSunday(year)
            #expect(table[easter.adding(days: -2).iso] == "Good Friday", "\(region) \(year)")
            #expect((table[easter.adding(days: 1).iso] == "Easter Monday") == (region != .scotland), "\(year)")
            if ![1995, 2020].contains(year) {
                #expect(table[monday(year, 5, last: false)] == "Early May bank holiday", "\(region) \(year)")
            }
            if ![2002, 2012, 2022].contains(year) {
                #expect(table[monday(year, 5, last: true)] == "Spring bank holiday", "\(region) \(year)")
            }
            let summer = monday(year, 8, last: region != .scotland)
            #expect(table[summer] == "Summer bank holiday", "\(region) \(year)")
        }
    }

    /// England and Wales has eight holidays a year, Scotland one more from 2007 (St Andrew's),
    /// Northern Ireland ten; proclamations add the extras and only move the rest.
    @Test(arguments: Region.allCases)
    func holidayCountsPerYear(_ region: Region) {
        let extras = [1999: 1, 2002: 1, 2011: 1, 2012: 1, 2022: 2, 2023: 1]
        for year in BankHolidayRules.supportedYears {
            let base: Int
            switch region {
            case .englandAndWales: base = 8
            case .scotland: base = year >= 2007 ? 9 : 8
            case .northernIreland: base = 10
            }
            let holidays = BankHolidayRules.holidays(region: region, year: year)
            #expect(holidays.count == base + extras[year, default: 0], "\(region) \(year): \(holidays)")
        }
    }

    @Test(arguments: Region.allCases)
    func everyHolidayIsADistinctWeekdayOfItsYearInOrder(_ region: Region) {
        for year in BankHolidayRules.supportedYears {
            let holidays = BankHolidayRules.holidays(region: region, year: year)
            let dates = holidays.map(\.date)
            #expect(dates == dates.sorted(), "\(region) \(year)")
            #expect(Set(dates).count == dates.count, "\(region) \(year): \(dates)")
            for holiday in holidays {
                #expect(!holiday.date.isWeekend, "\(region) \(holiday)")
                #expect(holiday.date.year == year, "\(region) \(holiday)")
                #expect(["", "Substitute day", "Extra bank holiday"].contains(holiday.notes), "\(holiday)")
                if holiday.notes == "Substitute day" {
                    #expect(holiday.date.isoWeekday <= 2, "a substitute is the Monday or Tuesday after: \(holiday)")
                }
            }
        }
    }
}
