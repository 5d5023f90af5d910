import NIOConcurrencyHelpers
import Vapor

/// bcrypt, run off the event loop because each hash takes a quarter of a second by design.
enum Passwords {
    static let minimumLength = 12

    static func hash(_ password: String, cost: Int, on request: Request) async throws -> String {
        try await request.application.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String, on request: Request) async throws -> Bool {
        try await request.application.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// Checked against when the e-mail address is unknown, so that a wrong address takes as
    /// long to refuse as a wrong password; made once per cost.
    static func decoy(cost: Int, on request: Request) async throws -> String {
        if let hash = decoys.withLockedValue({ $0[cost] }) { return hash }
        let hash = try await self.hash(UUID().uuidString, cost: cost, on: request)
        decoys.withLockedValue { $0[cost] = hash }
        return hash
    }

    private static let decoys = NIOLockedValueBox<[Int: String]>([:])
}
