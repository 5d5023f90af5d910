import ConcordStore

/// A list's orders worked out in Swift, to check the SQL's pages against.
extension DisputeListQuery.Sort {
    /// What this order sorts a dispute by, as a cursor carries it.
    func key(_ dispute: DisputeSummary) -> String {
        switch self {
        case .deadline: dispute.nextDue
        case .raised: dispute.raisedOn
        case .changed: dispute.lastEventAt
        case .reference: dispute.reference
        }
    }

    /// The references of `disputes` in this order, ties broken by reference.
    func references(_ disputes: [DisputeSummary]) -> [String] {
        disputes.sorted {
            let (a, b) = ((key($0), $0.reference), (key($1), $1.reference))
            return newestFirst ? a > b : a < b
        }.map(\.reference)
    }
}
