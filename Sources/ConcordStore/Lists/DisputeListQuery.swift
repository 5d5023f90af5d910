import ConcordCore
import Foundation

/// What a list of disputes is asked for: filters, an order, and where the page starts. Every
/// part becomes SQL, with need to know, so a page costs its rows whatever the store holds.
public struct DisputeListQuery: Hashable, Sendable {
    public enum Sort: String, CaseIterable, Sendable {
        /// Soonest deadline first; disputes with none running last.
        case deadline
        case reference
        /// Newest first.
        case raised
        /// Most recently changed first.
        case changed

        /// Whether the order runs from the latest back.
        public var newestFirst: Bool { self == .raised || self == .changed }
    }

    /// The `overdue` filter: overdue, due within a working day, or neither.
    public enum Deadline: String, CaseIterable, Sendable {
        case overdue = "yes"
        case dueSoon = "soon"
        case notOverdue = "no"
    }

    /// Whose disputes, among those the account may see.
    public enum Involvement: String, CaseIterable, Sendable {
        case visible
        /// Those the person takes part in or was alerted about.
        case mine
        /// Those someone below the person in line management takes part in.
        case team
    }

    /// What My work leaves to a more urgent section, so that each dispute appears once.
    public enum Exclusion: Hashable, Sendable {
        /// Overdue or due within a working day.
        case urgent
        /// Taken part in or alerted about.
        case mine
        /// Taken part in or alerted about, and not yet closed.
        case mineUnclosed
    }

    public var text = ""
    public var statuses: [DisputeStatus] = []
    public var stage: String?
    /// With `stage`, the procedure whose stage it is, where a partnership runs several.
    public var policyID: String?
    public var agency: String?
    public var category: DisputeCategory?
    public var deadline: Deadline?
    public var raisedFrom: LocalDate?
    public var raisedTo: LocalDate?
    public var partnership: UUID?
    public var involvement = Involvement.visible
    public var excluding: Set<Exclusion> = []
    /// `EventChain.timestamp` of the earliest last change to include.
    public var changedSince: String?
    public var sort = Sort.deadline
    public var after: DisputeCursor?
    public var before: DisputeCursor?
    public var pageSize = 50

    public init() {}
}

/// A place in one of the list's orders: the sort column's value and the reference, which is
/// unique, so no two disputes share a place and none is skipped or repeated between pages.
public struct DisputeCursor: Hashable, Sendable {
    public var key: String
    public var reference: String

    public init(key: String, reference: String) {
        self.key = key
        self.reference = reference
    }

    /// `key~reference`, as it appears after `after=` or `before=`.
    public init?(_ text: String, sort: DisputeListQuery.Sort) {
        let parts = text.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 64 }), Self.isReference(parts[1]) else { return nil }
        switch sort {
        case .reference: guard parts[0] == parts[1] else { return nil }
        case .deadline, .raised: guard LocalDate(iso: parts[0]) != nil else { return nil }
        case .changed:
            guard let time = EventChain.date(parts[0]), EventChain.timestamp(time) == parts[0] else { return nil }
        }
        self.init(key: parts[0], reference: parts[1])
    }

    public var text: String { "\(key)~\(reference)" }

    private static func isReference(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
    }
}

/// How deadlines stand today for each partnership's calendar: due soon means due by the end
/// of the next working day, which depends on the partnership's bank holidays and closures.
public struct DeadlineWindow: Hashable, Sendable {
    public var today: LocalDate
    public var dueSoonUntil: [UUID: LocalDate]

    public init(today: LocalDate, dueSoonUntil: [UUID: LocalDate]) {
        self.today = today
        self.dueSoonUntil = dueSoonUntil
    }
}

/// One page of a list.
public struct DisputeListPage: Sendable {
    public var rows: [DisputeSummary]
    public var next: DisputeCursor?
    public var previous: DisputeCursor?
}
