import ConcordCore
import Synchronization

/// Parsed policy versions by SHA-256. A version's text never changes, so a parsed copy stays
/// right for as long as the process runs, and no command pays for parsing YAML again.
final class PolicyCache: Sendable {
    static let shared = PolicyCache()
    private let policies = Mutex<[String: Policy]>([:])

    func policy(sha256: String, yaml: () -> String, file: String) throws -> Policy {
        if let cached = policies.withLock({ $0[sha256] }) { return cached }
        let policy = try PolicyReader.read(yaml(), file: file)
        policies.withLock { $0[sha256] = policy }
        return policy
    }
}
