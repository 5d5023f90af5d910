/// Bank holidays that were moved or added by royal proclamation, across the whole UK.
/// When another is proclaimed, add it here and import GOV.UK's newer list
/// (`concord calendar import`), which takes effect without a release.
enum OneOffHolidays {
    /// The early May holiday moved to 8 May for VE Day's 50th and 75th anniversaries.
    static let movedEarlyMay: [Int: BankHoliday] = [
        1995: BankHoliday(date: BankHolidayRules.date(1995, 5, 8), title: "Early May bank holiday (VE day)"),
        2020: BankHoliday(date: BankHolidayRules.date(2020, 5, 8), title: "Early May bank holiday (VE day)"),
    ]

    /// The spring holiday moved to make a four-day weekend for the Golden, Diamond and Platinum
    /// Jubilees.
    static let movedSpring: [Int: BankHoliday] = [
        2002: BankHoliday(date: BankHolidayRules.date(2002, 6, 4), title: "Spring bank holiday"),
        2012: BankHoliday(
            date: BankHolidayRules.date(2012, 6, 4), title: "Spring bank holiday", notes: "Substitute day"),
        2022: BankHoliday(date: BankHolidayRules.date(2022, 6, 2), title: "Spring bank holiday"),
    ]

    static func extra(year: Int) -> [BankHoliday] {
        all.filter { $0.date.year == year }
    }

    private static let all: [BankHoliday] = [
        BankHoliday(date: BankHolidayRules.date(1999, 12, 31), title: "Millennium Eve", notes: "Extra bank holiday"),
        BankHoliday(
            date: BankHolidayRules.date(2002, 6, 3), title: "Queen’s Golden Jubilee", notes: "Extra bank holiday"),
        BankHoliday(
            date: BankHolidayRules.date(2011, 4, 29), title: "Royal wedding of Prince William and Catherine Middleton",
            notes: "Extra bank holiday"),
        BankHoliday(
            date: BankHolidayRules.date(2012, 6, 5), title: "Queen’s Diamond Jubilee", notes: "Extra bank holiday"),
        BankHoliday(date: BankHolidayRules.date(2022, 6, 3), title: "Platinum Jubilee bank holiday"),
        BankHoliday(
            date: BankHolidayRules.date(2022, 9, 19), title: "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        BankHoliday(
            date: BankHolidayRules.date(2023, 5, 8), title: "Bank holiday for the coronation of King Charles III"),
    ]
}
