/// One bank holiday in one region, titled as GOV.UK titles it.
public struct BankHoliday: Hashable, Sendable, Codable {
    public let date: LocalDate
    public let title: String
    /// GOV.UK's notes: "Substitute day", "Extra bank holiday" or empty.
    public let notes: String

    public init(date: LocalDate, title: String, notes: String = "") {
        self.date = date
        self.title = title
        self.notes = notes
    }
}
