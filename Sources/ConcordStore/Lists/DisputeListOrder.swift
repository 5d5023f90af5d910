import ConcordCore

/// Where a dispute falls in "soonest deadline first".
public enum DisputeListOrder {
    /// Sorts after every real date, so a dispute with no deadline running comes last and the
    /// column needs no NULL handling in keyset comparisons.
    public static let noDeadline = "9999-12-31"

    /// The soonest of the deadlines lists show: the stage's, an acknowledgement not yet given,
    /// and the whole process's. A dispute that is no longer open has none.
    public static func nextDue(_ state: DisputeState) -> String {
        guard state.status == .open else { return noDeadline }
        let deadlines = [
            state.currentStage.due,
            state.acknowledged == nil ? state.acknowledgementDue : nil,
            state.overallDue,
        ].compactMap { $0 }
        return deadlines.min()?.iso ?? noDeadline
    }
}
