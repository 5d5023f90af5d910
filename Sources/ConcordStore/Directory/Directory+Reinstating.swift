import FluentKit
import Foundation

extension Directory {
    /// Makes an earlier version current again, as when a newer one turns out to be wrong: from
    /// now it counts as the most recently installed of its procedure. Who did it and when is
    /// recorded beside the versions, which are never changed.
    public func reinstatePolicy(sha256: String, partnership: UUID, by account: Account, at now: Date) async throws {
        let db = database.database
        guard
            try await PolicyVersionModel.query(on: db).filter(\.$partnershipID == partnership)
                .filter(\.$sha256 == sha256).first() != nil
        else { throw StoreError.notFound("policy version \(sha256)") }
        try await db.transaction { tx in
            try await PolicyReinstatementModel(
                partnershipID: partnership, sha256: sha256, accountID: account.id, accountName: account.name,
                reinstatedAt: EventChain.timestamp(now)
            ).create(on: tx)
            try await DirectoryVersion.bump(tx)
        }
    }

    /// When each of the partnership's versions was last made current again, and by whom.
    func reinstatements(partnership: UUID) async throws -> [String: (at: String, by: String)] {
        let rows = try await PolicyReinstatementModel.query(on: database.database)
            .filter(\.$partnershipID == partnership).sort(\.$reinstatedAt).all()
        var latest: [String: (at: String, by: String)] = [:]
        for row in rows { latest[row.sha256] = (row.reinstatedAt, row.accountName) }
        return latest
    }
}
