import ConcordCore

/// Who a dispute involves: the agency raising it, the agency it is with, the partnership's own
/// people, and the specialists its policy may call in.
struct Cast: Sendable {
    var raising: DemoAgency
    var receiving: DemoAgency
    var partnership: DemoAgency
    var specialists: [Capacity: PersonRef]

    /// Each agency's line manager is also its designated safeguarding lead, so the lead
    /// consulted is the raising agency's own.
    func holder(of capacity: Capacity) -> PersonRef? {
        capacity == .designatedSafeguardingLead ? raising.people[.lineManager] : specialists[capacity]
    }

    /// The people a policy's participant stands for in this dispute.
    func people(_ participant: Participant) -> [PersonRef] {
        let agencies =
            switch participant.side {
            case .raising: [raising]
            case .receiving: [receiving]
            case .both: [raising, receiving]
            case .partnership: [partnership]
            }
        return agencies.compactMap { $0.people[participant.level] }
    }
}

extension Policy {
    /// The most senior agency level a stage involves; for a stage of the partnership alone
    /// (Oldham's stage 4), the nearest earlier stage's, since its agencies are still the ones
    /// to agree an outcome.
    func agencyLevel(at index: Int) -> RoleLevel {
        for stage in stages[...index].reversed() {
            let levels = stage.participants.filter { $0.capacity == nil && $0.side != .partnership }.map(\.level)
            if let level = levels.max() { return level }
        }
        return .practitioner
    }

    /// Practitioners raise practice disputes; agency leads raise strategic ones.
    var raiserLevel: RoleLevel {
        scope == .practice ? .practitioner : agencyLevel(at: 0)
    }
}

extension Sequence {
    func uniqued<Key: Hashable>(by key: (Element) -> Key) -> [Element] {
        var seen: Set<Key> = []
        return filter { seen.insert(key($0)).inserted }
    }
}
