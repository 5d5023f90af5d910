import Foundation
import Yams

/// GOV.UK's published bank-holidays JSON (`https://www.gov.uk/bank-holidays.json`):
/// `{"england-and-wales": {"division": …, "events": [{"title", "date", "notes", "bunting"}]}, …}`.
public struct GovUKBankHolidays: Sendable, Equatable {
    public var holidays: [Region: [BankHoliday]]

    public init(holidays: [Region: [BankHoliday]]) {
        self.holidays = holidays
    }

    /// The years each region's list covers: a year counts as covered when the list holds at
    /// least one of its holidays, since GOV.UK publishes whole years.
    public func coveredYears(_ region: Region) -> Set<Int> {
        Set((holidays[region] ?? []).map(\.date.year))
    }

    /// Reads and checks a file strictly; every problem is reported with its line and column.
    public static func read(_ data: Data, file: String) throws(DocumentProblems) -> GovUKBankHolidays {
        let reader = NodeReader(file: file)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DocumentProblems([
                DocumentProblem(file: file, line: nil, column: nil, field: "", message: "is not UTF-8 text")
            ])
        }
        var result: [Region: [BankHoliday]] = [:]
        if let root = reader.compose(text),
            let divisions = reader.mapping(root, "", required: [], optional: Region.allCases.map(\.rawValue))
        {
            if divisions.values.isEmpty {
                reader.report(root, "", "holds no division; expected england-and-wales, scotland or northern-ireland")
            }
            for region in Region.allCases {
                guard let node = divisions[region.rawValue] else { continue }
                result[region] = readDivision(node, region: region, reader: reader)
            }
        }
        guard reader.problems.isEmpty else { throw DocumentProblems(reader.problems) }
        return GovUKBankHolidays(holidays: result)
    }

    private static func readDivision(_ node: Node, region: Region, reader: NodeReader) -> [BankHoliday] {
        let path = region.rawValue
        guard let fields = reader.mapping(node, path, required: ["division", "events"]) else { return [] }
        if let division = fields["division"], let name = reader.string(division, fields.field("division")),
            name != region.rawValue
        {
            reader.report(division, fields.field("division"), "expected \"\(region.rawValue)\", found \"\(name)\"")
        }
        var seen: Set<LocalDate> = []
        return reader.list(fields["events"], fields.field("events")) { event, field in
            guard
                let values = reader.mapping(
                    event, field, required: ["title", "date"], optional: ["notes", "bunting"])
            else { return nil }
            let title = values["title"].flatMap { reader.string($0, values.field("title")) }
            let date = values["date"].flatMap { reader.date($0, values.field("date")) }
            let notes = values["notes"].flatMap { readNotes($0, values.field("notes"), reader) } ?? ""
            if let bunting = values["bunting"] { _ = reader.bool(bunting, values.field("bunting")) }
            guard let title, let date else { return nil }
            guard seen.insert(date).inserted else {
                reader.report(values["date"], values.field("date"), "\(date) is listed twice in \(path)")
                return nil
            }
            return BankHoliday(date: date, title: title, notes: notes)
        }
    }

    /// GOV.UK leaves notes empty rather than out; null is read the same way.
    private static func readNotes(_ node: Node, _ field: String, _ reader: NodeReader) -> String? {
        if case .scalar(let scalar) = node, scalar.style == .plain, node.null != nil { return "" }
        if case .scalar(let scalar) = node, scalar.string.isEmpty { return "" }
        return reader.string(node, field)
    }
}
