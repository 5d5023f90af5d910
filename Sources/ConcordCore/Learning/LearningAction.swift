import Foundation

/// Something the partnership does because of what a theme's learning showed ("procedure
/// revised", "multi-agency training"), with who owns it and when it is due, tracked until done.
public struct LearningAction: Hashable, Sendable, Identifiable {
    public enum Status: String, Hashable, Sendable {
        case open, overdue, done

        public var title: String {
            switch self {
            case .open: "Open"
            case .overdue: "Overdue"
            case .done: "Done"
            }
        }
    }

    public var id: UUID
    public var themeID: UUID
    public var themeTitle: String
    public var action: String
    public var owner: String
    public var dueOn: LocalDate
    public var completedOn: LocalDate?
    /// What was done, in the owner's words, when it was completed.
    public var outcome: String?
    public var createdOn: LocalDate

    public init(
        id: UUID, themeID: UUID, themeTitle: String, action: String, owner: String, dueOn: LocalDate,
        completedOn: LocalDate? = nil, outcome: String? = nil, createdOn: LocalDate
    ) {
        self.id = id
        self.themeID = themeID
        self.themeTitle = themeTitle
        self.action = action
        self.owner = owner
        self.dueOn = dueOn
        self.completedOn = completedOn
        self.outcome = outcome
        self.createdOn = createdOn
    }

    /// Overdue from the day after it was due, as deadlines are everywhere else.
    public func status(on today: LocalDate) -> Status {
        if completedOn != nil { return .done }
        return dueOn < today ? .overdue : .open
    }

    /// "Done on 3 March 2027", "Overdue", "Open".
    public func statusText(on today: LocalDate) -> String {
        if let completedOn { return "Done on \(completedOn.text)" }
        return status(on: today).title
    }
}
