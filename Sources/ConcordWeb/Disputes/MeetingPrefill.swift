import ConcordCore

/// What the dispute already says, in the words a meeting's agenda and minutes start from.
enum MeetingPrefill {
    static func purpose(_ state: DisputeState) -> String {
        let others = state.raised.otherAgencies.map(\.name).joined(separator: " and ")
        return "To resolve the disagreement between \(state.raised.raisedBy.agency.name) and \(others) about "
            + "\(state.raised.category.title.lowercased()): \(state.raised.disagreement)"
    }

    static func raisingView(_ state: DisputeState) -> String {
        "\(state.raised.disagreement) Outcome wanted: \(state.raised.outcomeWanted)"
    }

    /// Each child's name, date of birth, circumstances and agencies' references; for a
    /// strategic dispute, the issue.
    static func circumstances(_ state: DisputeState, agencies: [AgencyRef]) -> String {
        guard state.raised.scope == .practice else { return state.raised.issue ?? "" }
        return state.raised.children.map { child in
            var parts = [child.name]
            if let birth = child.dateOfBirth { parts.append("born \(Formatting.date(birth))") }
            parts += child.flags.map { Formatting.flag($0).lowercased() }
            for reference in child.caseReferences {
                let agency = agencies.first { $0.id == reference.agencyID }?.name ?? "agency"
                parts.append("\(agency) reference \(reference.reference)")
            }
            return parts.joined(separator: ", ") + "."
        }.joined(separator: "\n")
    }
}
