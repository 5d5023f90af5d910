/// UK bank holidays by rule (Banking and Financial Dealings Act 1971, the St Andrew's Day Bank
/// Holiday (Scotland) Act 2007, and the royal proclamations that moved or added days), so that
/// deadlines can be computed for years the official GOV.UK list does not cover.
public enum BankHolidayRules {
    public static let supportedYears = 1995...2100

    public static func holidays(region: Region, year: Int) -> [BankHoliday] {
        var days: [BankHoliday] = []
        days += substituted(newYear(region: region, year: year))
        if region == .northernIreland {
            days += substituted([fixed(year, 3, 17, "St Patrick’s Day")])
        }
        let easter = easterSunday(year)
        days.append(BankHoliday(date: easter.adding(days: -2), title: "Good Friday"))
        if region != .scotland {
            days.append(BankHoliday(date: easter.adding(days: 1), title: "Easter Monday"))
        }
        days += mayHolidays(year: year)
        if region == .northernIreland {
            days += substituted([fixed(year, 7, 12, "Battle of the Boyne (Orangemen’s Day)")])
        }
        let august =
            region == .scotland
            ? date(year, 8, 1).next(isoWeekday: 1)
            : date(year, 8, 31).previous(isoWeekday: 1)
        days.append(BankHoliday(date: august, title: "Summer bank holiday"))
        if region == .scotland && year >= 2007 {
            days += substituted([fixed(year, 11, 30, "St Andrew’s Day")])
        }
        days += substituted([fixed(year, 12, 25, "Christmas Day"), fixed(year, 12, 26, "Boxing Day")])
        days += OneOffHolidays.extra(year: year)
        return days.sorted { $0.date < $1.date }
    }

    /// Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return date(year, month, day)
    }

    private static func newYear(region: Region, year: Int) -> [BankHoliday] {
        var group = [fixed(year, 1, 1, "New Year’s Day")]
        if region == .scotland {
            group.append(fixed(year, 1, 2, "2nd January"))
        }
        return group
    }

    private static func mayHolidays(year: Int) -> [BankHoliday] {
        let earlyMay =
            OneOffHolidays.movedEarlyMay[year]
            ?? BankHoliday(date: date(year, 5, 1).next(isoWeekday: 1), title: "Early May bank holiday")
        let spring =
            OneOffHolidays.movedSpring[year]
            ?? BankHoliday(date: date(year, 5, 31).previous(isoWeekday: 1), title: "Spring bank holiday")
        return [earlyMay, spring]
    }

    /// A holiday on a weekday keeps its date; one at a weekend moves to the first weekday after
    /// it that is not already a holiday of the same group (so Christmas on a Sunday is kept on
    /// Tuesday 27th, Boxing Day keeping Monday 26th, as GOV.UK lists it).
    private static func substituted(_ group: [BankHoliday]) -> [BankHoliday] {
        var taken = Set(group.filter { !$0.date.isWeekend }.map(\.date))
        return group.map { holiday in
            guard holiday.date.isWeekend else { return holiday }
            var candidate = holiday.date.adding(days: 1)
            while candidate.isWeekend || taken.contains(candidate) {
                candidate = candidate.adding(days: 1)
            }
            taken.insert(candidate)
            return BankHoliday(date: candidate, title: holiday.title, notes: "Substitute day")
        }
    }

    private static func fixed(_ year: Int, _ month: Int, _ day: Int, _ title: String) -> BankHoliday {
        BankHoliday(date: date(year, month, day), title: title)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }
}
