extension LocalDate {
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// The same day of the month `months` later, or that month's last day when it is shorter
    /// (31 January + 1 month = 28 or 29 February), which is how "within a month" is read.
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(day, LocalDate.daysIn(month: newMonth, year: newYear))
        return LocalDate(year: newYear, month: newMonth, day: newDay)!
    }

    /// The first date on or after this one that falls on the given ISO weekday.
    func next(isoWeekday target: Int) -> LocalDate {
        adding(days: (target - isoWeekday + 7) % 7)
    }

    /// The last date on or before this one that falls on the given ISO weekday.
    func previous(isoWeekday target: Int) -> LocalDate {
        adding(days: -((isoWeekday - target + 7) % 7))
    }
}
