import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// A row of the dispute list, as operators and the web app see it.
public struct DisputeSummary: Hashable, Sendable, Encodable {
    public var id: UUID
    public var reference: String
    public var partnershipID: UUID
    public var policyID: String
    public var status: String
    public var category: String
    public var currentStage: String
    public var stageStartedOn: String
    public var stageDue: String?
    public var acknowledgementDue: String?
    public var acknowledgedOn: String?
    public var overallDue: String?
    public var raisedOn: String
    public var version: Int
    /// UTC `YYYY-MM-DDTHH:MM:SS.mmmZ` of the latest event.
    public var lastEventAt: String
    /// The soonest deadline running, or `DisputeListOrder.noDeadline`.
    public var nextDue: String
}

public enum DisputeQueries {
    public static func list(
        _ database: ConcordDatabase, status: DisputeStatus? = nil, partnership: UUID? = nil
    ) async throws -> [DisputeSummary] {
        try await select(database) { query in
            if let status { query.where("status", .equal, status.rawValue) }
            if let partnership { query.where("partnership_id", .equal, partnership) }
            query.orderBy("raised_on").orderBy("reference")
        }
    }

    /// Every open dispute whose current stage was due before `day`, oldest first, served by
    /// the (status, stage_due) index.
    public static func overdue(_ database: ConcordDatabase, on day: LocalDate) async throws -> [DisputeSummary] {
        try await select(database) { query in
            query.where("status", .equal, DisputeStatus.open.rawValue).where("stage_due", .lessThan, day.iso)
                .orderBy("stage_due")
        }
    }

    /// Every open dispute past any of its deadlines before `day`: the current stage's, an
    /// acknowledgement not yet given, or the whole process's (Sunderland's month).
    public static func pastAnyDeadline(
        _ database: ConcordDatabase, on day: LocalDate
    ) async throws
        -> [DisputeSummary]
    {
        try await select(database) { query in
            query.where("status", .equal, DisputeStatus.open.rawValue)
                .where { deadline in
                    deadline.where("stage_due", .lessThan, day.iso).orWhere("overall_due", .lessThan, day.iso)
                        .orWhere { acknowledgement in
                            acknowledgement.where("acknowledgement_due", .lessThan, day.iso)
                                .where("acknowledged_on", .is, SQLLiteral.null)
                        }
                }
                .orderBy("raised_on").orderBy("reference")
        }
    }

    public static func find(_ database: ConcordDatabase, reference: String) async throws -> DisputeSummary? {
        try await select(database) { $0.where("reference", .equal, reference) }.first
    }

    /// The list's columns of `disputes d`, for queries written in SQL.
    static let qualifiedColumns = SQLQueryString(
        columns.map { "d.\($0)" }.joined(separator: ", "))

    static let columns = [
        "id", "reference", "partnership_id", "policy_id", "status", "category", "current_stage", "stage_started_on",
        "stage_due", "acknowledgement_due", "acknowledged_on", "overall_due", "raised_on", "version", "last_event_at",
        "next_due",
    ]

    /// Reads only the list's columns straight from SQL rows: listing a quarter of a million
    /// overdue stages should cost the rows, not a full model for each.
    static func select(
        _ database: ConcordDatabase, _ refine: (SQLSelectBuilder) -> Void
    ) async throws
        -> [DisputeSummary]
    {
        let query = (database.database as! any SQLDatabase).select().columns(columns).from("disputes")
        refine(query)
        return try await query.all().map(summary)
    }

    static func summary(_ row: any SQLRow) throws -> DisputeSummary {
        DisputeSummary(
            id: try row.decode(column: "id", as: UUID.self),
            reference: try row.decode(column: "reference", as: String.self),
            partnershipID: try row.decode(column: "partnership_id", as: UUID.self),
            policyID: try row.decode(column: "policy_id", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            category: try row.decode(column: "category", as: String.self),
            currentStage: try row.decode(column: "current_stage", as: String.self),
            stageStartedOn: try row.decode(column: "stage_started_on", as: String.self),
            stageDue: try row.decode(column: "stage_due", as: String?.self),
            acknowledgementDue: try row.decode(column: "acknowledgement_due", as: String?.self),
            acknowledgedOn: try row.decode(column: "acknowledged_on", as: String?.self),
            overallDue: try row.decode(column: "overall_due", as: String?.self),
            raisedOn: try row.decode(column: "raised_on", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            lastEventAt: try row.decode(column: "last_event_at", as: String.self),
            nextDue: try row.decode(column: "next_due", as: String.self))
    }

    /// Every projection row as text, in a fixed order, so two builds can be compared exactly.
    public static func snapshot(_ database: ConcordDatabase) async throws -> [String] {
        let db = database.database
        let disputes = try await DisputeModel.query(on: db).sort(\.$id).all().map { model in
            [
                model.id?.uuidString, model.reference, model.partnershipID.uuidString, model.policyID,
                model.policyVersion, model.scope, model.category, model.status, model.currentStage,
                model.stageStartedOn, model.stageDue, model.acknowledgementDue, model.acknowledgedOn, model.overallDue,
                model.raisedOn, model.raisedByID, String(model.significantHarm), String(model.version),
                model.lastEventAt, model.nextDue,
            ].map { $0 ?? "∅" }.joined(separator: "|")
        }
        let people = try await DisputePersonModel.query(on: db).all().map { model in
            [model.disputeID.uuidString, model.personID, model.side, model.capacity ?? "∅"].joined(separator: "|")
        }.sorted()
        let actions = try await DisputeActionModel.query(on: db).all().map { model in
            [model.disputeID.uuidString, model.actionID, model.kind, model.action, model.owner, model.dueOn]
                .joined(separator: "|")
        }.sorted()
        let agencies = try await DisputeAgencyModel.query(on: db).all().map {
            "\($0.disputeID.uuidString)|agency|\($0.agencyID)"
        }.sorted()
        let terms = try await DisputeSearchTermModel.query(on: db).all().map {
            "\($0.disputeID.uuidString)|term|\($0.term)"
        }.sorted()
        return disputes + people + actions + agencies + terms
    }
}
