import ConcordCore
import FluentKit
import Foundation

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
}

public enum DisputeQueries {
    public static func list(
        _ database: ConcordDatabase, status: DisputeStatus? = nil, partnership: UUID? = nil
    )
        async throws -> [DisputeSummary]
    {
        var query = DisputeModel.query(on: database.database)
        if let status { query = query.filter(\.$status == status.rawValue) }
        if let partnership { query = query.filter(\.$partnershipID == partnership) }
        return try await query.sort(\.$raisedOn).sort(\.$reference).all().map(summary)
    }

    /// Every open dispute whose current stage was due before `day`, oldest first, served by
    /// the (status, stage_due) index.
    public static func overdue(_ database: ConcordDatabase, on day: LocalDate) async throws -> [DisputeSummary] {
        try await DisputeModel.query(on: database.database)
            .filter(\.$status == DisputeStatus.open.rawValue).filter(\.$stageDue < day.iso)
            .sort(\.$stageDue).all().map(summary)
    }

    /// Every open dispute past any of its deadlines before `day`: the current stage's, an
    /// acknowledgement not yet given, or the whole process's (Sunderland's month).
    public static func pastAnyDeadline(
        _ database: ConcordDatabase, on day: LocalDate
    ) async throws
        -> [DisputeSummary]
    {
        try await DisputeModel.query(on: database.database)
            .filter(\.$status == DisputeStatus.open.rawValue)
            .group(.or) { deadline in
                deadline.filter(\.$stageDue < day.iso).filter(\.$overallDue < day.iso).group(.and) {
                    $0.filter(\.$acknowledgementDue < day.iso).filter(\.$acknowledgedOn == nil)
                }
            }
            .sort(\.$raisedOn).sort(\.$reference).all().map(summary)
    }

    public static func find(_ database: ConcordDatabase, reference: String) async throws -> DisputeSummary? {
        try await DisputeModel.query(on: database.database).filter(\.$reference == reference).first().map(summary)
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
                model.lastEventAt,
            ].map { $0 ?? "∅" }.joined(separator: "|")
        }
        let people = try await DisputePersonModel.query(on: db).all().map { model in
            [model.disputeID.uuidString, model.personID, model.side, model.capacity ?? "∅"].joined(separator: "|")
        }.sorted()
        return disputes + people
    }

    static func summary(_ model: DisputeModel) -> DisputeSummary {
        DisputeSummary(
            id: model.id ?? UUID(), reference: model.reference, partnershipID: model.partnershipID,
            policyID: model.policyID, status: model.status, category: model.category,
            currentStage: model.currentStage, stageStartedOn: model.stageStartedOn, stageDue: model.stageDue,
            acknowledgementDue: model.acknowledgementDue, acknowledgedOn: model.acknowledgedOn,
            overallDue: model.overallDue, raisedOn: model.raisedOn,
            version: model.version)
    }
}
