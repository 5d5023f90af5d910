import ConcordCore
import Foundation

/// A partnership's report: the period's disputes, by when they were raised, and the filters.
public struct ReportQuery: Hashable, Sendable {
    public var partnership: UUID
    public var from: LocalDate
    public var to: LocalDate
    /// Disputes this agency is party to, raising or receiving.
    public var agency: String?
    public var category: DisputeCategory?
    /// For what is overdue now.
    public var today: LocalDate

    public init(
        partnership: UUID, from: LocalDate, to: LocalDate, agency: String? = nil, category: DisputeCategory? = nil,
        today: LocalDate
    ) {
        self.partnership = partnership
        self.from = from
        self.to = to
        self.agency = agency
        self.category = category
        self.today = today
    }
}
