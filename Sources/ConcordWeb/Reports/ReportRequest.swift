import ConcordCore
import ConcordStore
import Vapor

/// What a report's address asks for: its period and filters, read and checked, with the form
/// that asks for them again.
struct ReportRequest {
    var period: ReportPeriod?
    var agency: Directory.Agency?
    var category: DisputeCategory?
    var publication: Bool
    var errors = FormErrors()
    var fields: [FormField] = []

    /// `counting` says, under the period, what the page counts in it.
    static func read(
        _ request: Request, partnership: Directory.Partnership,
        counting: String = "Disputes raised in the period are counted, wherever they got to."
    ) async throws -> ReportRequest {
        let values = FormValues(body: request.url.query ?? "")
        let today = LondonTime.date(of: request.now)
        var errors = FormErrors()
        let period = ReportPeriod.parse(values, today: today, errors: &errors)
        let agencies = try await request.directory().agencies.filter { $0.partnerships.contains(partnership.id) }
        var agency: Directory.Agency?
        if let asked = values.optional("agency") {
            agency = agencies.first { $0.ref.id == asked }
            if agency == nil { errors.add("agency", "Choose an agency from the list") }
        }
        var category: DisputeCategory?
        if let asked = values.optional("category") {
            category = DisputeCategory(rawValue: asked)
            if category == nil { errors.add("category", "Choose a category from the list") }
        }
        var read = ReportRequest(
            period: period, agency: agency, category: category, publication: values.text("publication") == "yes",
            errors: errors)
        read.fields = fields(
            values, period: period ?? .lastQuarter(before: today), today: today, agencies: agencies, counting: counting)
        return read
    }

    /// The period and filters, for links to the same report.
    var parameters: [(String, String)] {
        (period?.parameters ?? []) + (agency.map { [("agency", $0.ref.id)] } ?? [])
            + (category.map { [("category", $0.rawValue)] } ?? [])
    }

    var queryString: String { ListRequest.queryString(parameters) }

    func report(_ request: Request, partnership: Directory.Partnership) async throws -> PartnershipReport? {
        guard errors.isEmpty, let period else { return nil }
        let query = ReportQuery(
            partnership: partnership.id, from: period.from, to: period.to, agency: agency?.ref.id, category: category,
            today: LondonTime.date(of: request.now))
        return try await PartnershipReports.report(
            request.concord.database, query, holidays: request.concord.holidays, calendars: request.concord.calendars)
    }

    private static func fields(
        _ values: FormValues, period: ReportPeriod, today: LocalDate, agencies: [Directory.Agency], counting: String
    ) -> [FormField] {
        let kind = ReportPeriod.Kind(rawValue: values.text("period")) ?? period.kind
        let lastQuarter = ReportPeriod.quarterStart(today)
        let quarters = (0..<12).map { lastQuarter.adding(months: -3 * $0) }.map { start in
            let value = "\(start.year)-\((start.month + 2) / 3)"
            let end = start.adding(months: 3).adding(days: -1)
            return FormField.Option.option(
                value, "\(Formatting.date(start)) to \(Formatting.date(end))",
                selected: kind == .quarter && period.from == start)
        }
        let thisYear = today.month >= 4 ? today.year : today.year - 1
        let years = (0..<4).map { thisYear - $0 }.map { year in
            FormField.Option.option(
                String(year), "April \(year) to March \(year + 1)", selected: kind == .year && period.from.year == year)
        }
        var fields = [
            FormField(
                .radios, name: "period", label: "Period",
                hint: counting,
                options: [
                    .option("quarter", "A quarter", selected: kind == .quarter),
                    .option("year", "A reporting year, April to March", selected: kind == .year),
                    .option("dates", "Between two dates", selected: kind == .dates),
                ]),
            FormField(.select, name: "quarter", label: "Quarter", options: quarters),
            FormField(.select, name: "year", label: "Reporting year", options: years),
            FormField.date(name: "from", label: "First day", value: kind == .dates ? period.from : nil),
            FormField.date(name: "to", label: "Last day", value: kind == .dates ? period.to : nil),
            FormField(
                .select, name: "agency", label: "Agency", hint: "Disputes it raised or received",
                options: [.option("", "Every agency", selected: values.text("agency").isEmpty)]
                    + agencies.map { .option($0.ref.id, $0.name, selected: values.text("agency") == $0.ref.id) }),
            FormField(
                .select, name: "category", label: "What they were about",
                options: [.option("", "Everything", selected: values.text("category").isEmpty)]
                    + DisputeCategory.allCases.map {
                        .option($0.rawValue, $0.title, selected: values.text("category") == $0.rawValue)
                    }),
        ]
        // Dates typed but not valid are shown as typed.
        for name in ["from", "to"] where kind == .dates {
            guard let index = fields.firstIndex(where: { $0.name == name }) else { continue }
            fields[index].day = values.text("\(name)-day")
            fields[index].month = values.text("\(name)-month")
            fields[index].year = values.text("\(name)-year")
        }
        return fields
    }
}
