import ConcordCore

/// The period a report covers, as its form asks for it: a calendar quarter, a reporting year
/// (April to March, as partnerships' yearly reports run), or any two dates.
struct ReportPeriod: Equatable {
    enum Kind: String, CaseIterable {
        case quarter, year, dates
    }

    /// Long enough for any review of the arrangements; a longer one would draw a month-by-month
    /// chart too long to read.
    static let maximumYears = 10

    var kind: Kind
    var from: LocalDate
    var to: LocalDate

    /// The last quarter that has ended: what the board looks at next.
    static func lastQuarter(before today: LocalDate) -> ReportPeriod {
        let start = quarterStart(today).adding(months: -3)
        return ReportPeriod(kind: .quarter, from: start, to: start.adding(months: 3).adding(days: -1))
    }

    static func quarterStart(_ day: LocalDate) -> LocalDate {
        LocalDate(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
    }

    /// The reporting year from April of `year`.
    static func reportingYear(_ year: Int) -> ReportPeriod {
        ReportPeriod(
            kind: .year, from: LocalDate(year: year, month: 4, day: 1)!,
            to: LocalDate(year: year + 1, month: 3, day: 31)!)
    }

    /// The period the form asks for; the last quarter when it asks for none. Nil, with errors
    /// on the fields, when what it asks for is not a period.
    static func parse(_ values: FormValues, today: LocalDate, errors: inout FormErrors) -> ReportPeriod? {
        switch Kind(rawValue: values.text("period")) {
        case nil where values.text("period").isEmpty:
            return lastQuarter(before: today)
        case nil:
            errors.add("period", "Choose a quarter, a reporting year or two dates")
            return nil
        case .quarter?:
            let parts = values.text("quarter").split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...4).contains(parts[1]),
                let start = LocalDate(year: parts[0], month: parts[1] * 3 - 2, day: 1), start.year >= 2000
            else {
                errors.add("quarter", "Choose a quarter from the list")
                return nil
            }
            return ReportPeriod(kind: .quarter, from: start, to: start.adding(months: 3).adding(days: -1))
        case .year?:
            guard let year = Int(values.text("year")), (2000...2099).contains(year) else {
                errors.add("year", "Choose a reporting year from the list")
                return nil
            }
            return reportingYear(year)
        case .dates?:
            let from = values.date("from", label: "The first day", errors: &errors)
            let to = values.date("to", label: "The last day", errors: &errors)
            // A date left empty is not an error of `date(_:)`'s, but a period needs both.
            if from == nil, !errors.items.contains(where: { $0.field == "from" }) {
                errors.add("from", "Enter the first day of the period")
            }
            if to == nil, !errors.items.contains(where: { $0.field == "to" }) {
                errors.add("to", "Enter the last day of the period")
            }
            guard let from, let to else { return nil }
            guard from <= to else {
                errors.add("to", "The last day must be the same as or after the first day")
                return nil
            }
            guard to < from.adding(months: 12 * maximumYears) else {
                errors.add("to", "A period can be at most \(maximumYears) years; choose a later first day")
                return nil
            }
            return ReportPeriod(kind: .dates, from: from, to: to)
        }
    }

    /// What a link to the same report carries.
    var parameters: [(String, String)] {
        switch kind {
        case .quarter: [("period", "quarter"), ("quarter", "\(from.year)-\((from.month + 2) / 3)")]
        case .year: [("period", "year"), ("year", String(from.year))]
        case .dates:
            [
                ("period", "dates"), ("from-day", String(from.day)), ("from-month", String(from.month)),
                ("from-year", String(from.year)), ("to-day", String(to.day)), ("to-month", String(to.month)),
                ("to-year", String(to.year)),
            ]
        }
    }
}
