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
            let managers = try await PeopleGraph.load(db)
            if people.contains(where: { managers.chain(above: $0).contains(person) }) { return .lineManager }
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

    /// Every dispute the account may see, newest first.
    public static func visible(_ database: ConcordDatabase, account: Account) async throws -> [DisputeSummary] {
        guard !account.disabled else { return [] }
        let db = database.database
        var ids: Set<UUID> = []
        if account.role.actsAsPerson, let person = account.personID {
            let team = try await PeopleGraph.load(db).team(of: person.uuidString)
            for chunk in Array(team).chunked(500) {
                let rows = try await DisputePersonModel.query(on: db).filter(\.$personID ~~ chunk).all()
                ids.formUnion(rows.map(\.disputeID))
            }
        }
        if let person = account.personID { ids.formUnion(try await writtenTo(db, person: person)) }
        var result: [DisputeSummary] = []
        for chunk in Array(ids).chunked(500) {
            result += try await DisputeQueries.select(database) { $0.where("id", .in, chunk) }
        }
        if account.role.isPartnershipWide, let partnership = account.partnershipID {
            let seen = Set(result.map(\.id))
            result += try await DisputeQueries.list(database, partnership: partnership).filter {
                !seen.contains($0.id)
            }
        }
        return result.sorted { ($0.lastEventAt, $0.reference) > ($1.lastEventAt, $1.reference) }
    }
}

/// Who manages whom, read whole: directories are thousands of people, not millions, and the
/// chain must be followed to the top.
struct PeopleGraph {
    var manager: [String: String]

    static func load(_ db: any Database) async throws -> PeopleGraph {
        let rows = try await PersonModel.query(on: db).field(\.$id).field(\.$lineManagerID).all()
        var manager: [String: String] = [:]
        for row in rows {
            if let id = row.id, let boss = row.lineManagerID { manager[id.uuidString] = boss.uuidString }
        }
        return PeopleGraph(manager: manager)
    }

    /// Everyone above `person`, nearest first; a loop in the data stops the walk.
    func chain(above person: String) -> [String] {
        var result: [String] = []
        var current = person
        while let next = manager[current], !result.contains(next), next != person {
            result.append(next)
            current = next
        }
        return result
    }

    /// `person` and everyone below them.
    func team(of person: String) -> Set<String> {
        var reports: [String: [String]] = [:]
        for (member, boss) in manager { reports[boss, default: []].append(member) }
        var team: Set<String> = [person]
        var queue = [person]
        while let next = queue.popLast() {
            for member in reports[next] ?? [] where team.insert(member).inserted { queue.append(member) }
        }
        return team
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
