import FluentKit
import Foundation

extension Accounts {
    /// Signs an account out everywhere, for example after an administrator sets its password.
    /// `keeping` is a session token to leave alone: the administrator's own, when it is theirs.
    public func endSessions(_ id: UUID, keeping token: String? = nil) async throws {
        var query = WebSessionModel.query(on: database.database).filter(\.$accountID == id)
        if let token { query = query.filter(\.$tokenHash != WebSessions.hash(token)) }
        try await query.delete()
    }
}
