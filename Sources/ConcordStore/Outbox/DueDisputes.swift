import ConcordCore
import Foundation
import SQLKit

/// The open disputes with a deadline on or before a day, with the people taking part, read in
/// one query served by the deadline indexes.
struct DueDisputes {
    var id: UUID
    var reference: String
    var policyVersion: String
    var stage: String
    var deadlines: [(DeadlineWatch.Deadline, LocalDate)]
    var participants: [(person: String, capacity: Capacity?)]

    static func load(partnership: UUID, upTo latest: LocalDate, _ sql: any SQLDatabase) async throws -> [DueDisputes] {
        let day = latest.iso
        let query: SQLQueryString = """
            SELECT d.id, d.reference, d.policy_version, d.current_stage, d.stage_started_on, d.stage_due,
                   d.acknowledgement_due, d.acknowledged_on, d.overall_due, p.person_id, p.capacity
            FROM disputes d JOIN dispute_people p ON p.dispute_id = d.id
            WHERE d.partnership_id = \(bind: partnership) AND d.status = 'open'
              AND (d.stage_due <= \(bind: day) OR d.overall_due <= \(bind: day)
                   OR (d.acknowledgement_due <= \(bind: day) AND d.acknowledged_on IS NULL))
            ORDER BY d.id
            """
        var disputes: [DueDisputes] = []
        for row in try await sql.raw(query).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let person = try row.decode(column: "person_id", as: String.self)
            let capacity = try row.decode(column: "capacity", as: String?.self).flatMap(Capacity.init(rawValue:))
            if disputes.last?.id == id {
                disputes[disputes.count - 1].participants.append((person, capacity))
                continue
            }
            let stage = try row.decode(column: "current_stage", as: String.self)
            var deadlines: [(DeadlineWatch.Deadline, LocalDate)] = []
            if let due = try row.decode(column: "stage_due", as: String?.self).flatMap(LocalDate.init(iso:)),
                let started = LocalDate(iso: try row.decode(column: "stage_started_on", as: String.self))
            {
                deadlines.append((.stage(id: stage, startedOn: started), due))
            }
            if try row.decode(column: "acknowledged_on", as: String?.self) == nil,
                let due = try row.decode(column: "acknowledgement_due", as: String?.self).flatMap(LocalDate.init(iso:))
            {
                deadlines.append((.acknowledgement, due))
            }
            if let due = try row.decode(column: "overall_due", as: String?.self).flatMap(LocalDate.init(iso:)) {
                deadlines.append((.overall, due))
            }
            disputes.append(
                DueDisputes(
                    id: id, reference: try row.decode(column: "reference", as: String.self),
                    policyVersion: try row.decode(column: "policy_version", as: String.self), stage: stage,
                    deadlines: deadlines.filter { $0.1 <= latest }, participants: [(person, capacity)]))
        }
        return disputes
    }
}
