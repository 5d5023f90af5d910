import ConcordCore
import Foundation

public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    /// Someone else changed the dispute since the person acting loaded it.
    case conflict(expected: Int, current: Int, changes: [String])
    case refused(DisputeError)
    case noPolicy(partnership: String)
    case regionMismatch(policy: String, partnership: String)
    /// A stored policy version's text no longer matches the SHA-256 disputes recorded.
    case policyAltered(String)
    case damagedEvent(sequence: Int64, reason: String)
    /// The same form was submitted again; the first submission changed this dispute.
    case duplicateSubmission(dispute: UUID)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) was not found"
        case .conflict(let expected, let current, let changes):
            "this dispute changed since you opened it (version \(expected), now \(current): \(changes.joined(separator: ", "))); reload it and try again"
        case .refused(let error): error.description
        case .noPolicy(let partnership): "partnership \(partnership) has no policy installed"
        case .regionMismatch(let policy, let partnership):
            "the policy counts days on the \(policy) calendar but the partnership is in \(partnership)"
        case .policyAltered(let version):
            "policy version \(version) has been changed since it was installed; its text no longer matches its SHA-256"
        case .damagedEvent(let sequence, let reason): "event #\(sequence) cannot be read: \(reason)"
        case .duplicateSubmission: "this form was already submitted, and took effect once"
        }
    }
}
