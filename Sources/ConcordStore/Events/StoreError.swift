import ConcordCore

public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    /// Someone else changed the dispute since the person acting loaded it.
    case conflict(expected: Int, current: Int, changes: [String])
    case refused(DisputeError)
    case noPolicy(partnership: String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) was not found"
        case .conflict(let expected, let current, let changes):
            "this dispute changed since you opened it (version \(expected), now \(current): \(changes.joined(separator: ", "))); reload it and try again"
        case .refused(let error): error.description
        case .noPolicy(let partnership): "partnership \(partnership) has no policy installed"
        }
    }
}
