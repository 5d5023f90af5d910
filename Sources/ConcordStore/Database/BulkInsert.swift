import FluentKit
import Foundation
import SQLKit

/// A row `BulkInsert` can write: its table, its columns, and its values in that order.
protocol BulkRow {
    static var schema: String { get }
    static var columns: [String] { get }
    var values: [any Encodable & Sendable] { get }
}

/// Writes rows with multi-row INSERTs bound straight from their values. Fluent's `create`
/// finds a model's fields by reflection for every row, which cost more than the database did
/// when seeding volume data and rebuilding projections.
enum BulkInsert {
    /// Within PostgreSQL's limit of 65,535 bound values per statement (SQLite's, as built here,
    /// is higher).
    static let maximumBinds = 30_000

    static func insert<Row: BulkRow>(_ rows: [Row], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let perStatement = max(1, maximumBinds / Row.columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let insert = sql.insert(into: Row.schema).columns(Row.columns)
            for row in rows[start..<min(start + perStatement, rows.count)] { insert.values(row.values) }
            try await insert.run()
        }
    }
}

extension DisputeEventModel: BulkRow {
    static let columns = [
        "id", "sequence", "dispute_id", "dispute_version", "type", "actor_id", "actor_name", "recorded_at", "payload",
        "previous_hash", "hash",
    ]
    var values: [any Encodable & Sendable] {
        [
            id ?? UUID(), sequence, disputeID, disputeVersion, type, actorID, actorName, recordedAt, payload,
            previousHash, hash,
        ]
    }
}

extension DisputeModel: BulkRow {
    static let columns = [
        "id", "reference", "partnership_id", "policy_id", "policy_version", "scope", "category", "status",
        "current_stage", "stage_started_on", "stage_due", "acknowledgement_due", "acknowledged_on", "overall_due",
        "raised_on", "raised_by_id", "significant_harm", "version", "last_event_at", "next_due", "raising_agency_id",
        "ended_how", "ended_on", "referral_route", "acknowledgement_from", "overall_from",
    ]
    var values: [any Encodable & Sendable] {
        [
            id, reference, partnershipID, policyID, policyVersion, scope, category, status, currentStage,
            stageStartedOn, stageDue, acknowledgementDue, acknowledgedOn, overallDue, raisedOn, raisedByID,
            significantHarm, version, lastEventAt, nextDue, raisingAgencyID, endedHow, endedOn, referralRoute,
            acknowledgementFrom, overallFrom,
        ]
    }
}

extension DisputeStageVisitModel: BulkRow {
    static let columns = ["id", "dispute_id", "position", "stage", "entered_on", "finished_on", "deadline"]
    var values: [any Encodable & Sendable] {
        [id ?? UUID(), disputeID, position, stage, enteredOn, finishedOn, deadline]
    }
}

extension DisputePersonModel: BulkRow {
    static let columns = ["id", "dispute_id", "person_id", "side", "capacity"]
    var values: [any Encodable & Sendable] { [id ?? UUID(), disputeID, personID, side, capacity] }
}

extension DisputeActionModel: BulkRow {
    static let columns = [
        "id", "dispute_id", "action_id", "kind", "action", "owner_id", "owner", "due_on", "indicative",
    ]
    var values: [any Encodable & Sendable] {
        [id ?? UUID(), disputeID, actionID, kind, action, ownerID, owner, dueOn, indicative]
    }
}

extension DisputeAgencyModel: BulkRow {
    static let columns = ["id", "dispute_id", "agency_id"]
    var values: [any Encodable & Sendable] { [id ?? UUID(), disputeID, agencyID] }
}

extension DisputeSearchTermModel: BulkRow {
    static let columns = ["id", "dispute_id", "term"]
    var values: [any Encodable & Sendable] { [id ?? UUID(), disputeID, term] }
}
