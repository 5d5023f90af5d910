import ConcordCore
import Synchronization

/// Parsed policy versions by SHA-256, each checked against its hash when first read. A
/// version's text never changes, so a parsed copy stays right for as long as the process runs.
final class PolicyCache: Sendable {
    static let shared = PolicyCache()
    private let policies = Mutex<[String: Policy]>([:])

    /// The parsed version, if it has been read before.
    func cached(_ sha256: String) -> Policy? { policies.withLock { $0[sha256] } }

    func policy(sha256: String, yaml: () -> String, file: String) throws -> Policy {
        if let cached = policies.withLock({ $0[sha256] }) { return cached }
        let text = yaml()
        guard EventChain.sha256(text) == sha256 else { throw StoreError.policyAltered(sha256) }
        let policy = try PolicyReader.read(text, file: file)
        policies.withLock { $0[sha256] = policy }
        return policy
    }
}
