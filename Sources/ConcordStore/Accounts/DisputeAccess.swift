import FluentKit
import Foundation
import SQLKit

/// Need to know: a dispute is seen by the people taking part in it and everyone above them in
/// line management, by anyone Concord has written to about it, and by its own partnership's
/// business office, scrutineer and auditors; by nobody else, administrators included.
public enum DisputeAccess {
    /// Why someone may see a dispute, which also decides whether they may act on it.
    public enum Relation: Hashable, Sendable {
        case participant
        /// Above a participant in line management.
        case lineManager
        /// The partnership's business office, scrutineer or auditor.
        case partnership(AccountRole)
        /// Concord wrote to them about it (a significant-harm alert to a designated safeguarding
        /// lead, say): whoever is alerted must be able to open what they are alerted about.
        case alerted

        /// Scrutineers and auditors read; everyone else with a reason to see a dispute may
        /// take its next steps, which the policy then governs.
        public var mayAct: Bool {
            switch self {
            case .participant, .lineManager: true
            case .partnership(let role): role == .businessOffice
            case .alerted: false
            }
        }
    }

    public static func relation(
        _ database: ConcordDatabase, account: Account, dispute: UUID
    ) async throws
        -> Relation?
    {
        let db = database.database
        guard !account.disabled, let row = try await DisputeModel.find(dispute, on: db) else { return nil }
        if account.role.actsAsPerson, let person = account.personID?.uuidString {
            let people = try await DisputePersonModel.query(on: db).filter(\.$disputeID == dispute).all()
                .map(\.personID)
            if people.contains(person) { return .participant }
            let managed = try await LineManagementModel.query(on: db).filter(\.$managerID == person)
                .filter(\.$personID ~~ people).first()
            if managed != nil { return .lineManager }
        }
        if account.role.isPartnershipWide, account.partnershipID == row.partnershipID {
            return .partnership(account.role)
        }
        if let person = account.personID, try await writtenTo(db, person: person, dispute: dispute) {
            return .alerted
        }
        return nil
    }

    /// The disputes a person takes part in themselves.
    public static func participating(_ database: ConcordDatabase, person: UUID) async throws -> Set<UUID> {
        Set(
            try await DisputePersonModel.query(on: database.database).filter(\.$personID == person.uuidString).all()
                .map(\.disputeID))
    }

    /// Every dispute the account may see, most recently changed first. Lists page through
    /// `DisputeList` instead; this is for operators and checks that want the whole set.
    public static func visible(_ database: ConcordDatabase, account: Account) async throws -> [DisputeSummary] {
        guard let visible = DisputeList.visibility(account) else { return [] }
        let select: SQLQueryString = """
            SELECT \(DisputeQueries.qualifiedColumns) FROM disputes d \
            WHERE \(visible) ORDER BY d.last_event_at DESC, d.reference DESC
            """
        return try await (database.database as! any SQLDatabase).raw(select).all().map(DisputeQueries.summary)
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
