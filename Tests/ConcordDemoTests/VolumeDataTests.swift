import ConcordCore
import ConcordDemo
import ConcordStore
import DatabaseTestSupport
import Foundation
import SQLKit
import Testing

/// `concord seed volume`: disputes written through the engine and the store, spread as a
/// partnership's years would be, the same for the same seed, and indistinguishable from
/// disputes the store wrote one command at a time (the chain verifies, a rebuild changes nothing).
@Suite struct VolumeDataTests {
    static let options = VolumeData.Options(
        partnership: "oldham", disputes: 240, years: 3, seed: 11, practitioners: 12)

    static func withVolume(
        _ backend: Backend, _ options: VolumeData.Options = options, _ body: (ConcordDatabase) async throws -> Void
    ) async throws {
        let (url, remove) = try await backend.create()
        let database = try await ConcordDatabase.open(url)
        do {
            try await database.migrate()
            _ = try await DemoData.seed(database, hash: { "hashed:\($0)" }, now: demoNow)
            try await VolumeData.seed(database, options, holidays: .standard, now: demoNow)
            try await body(database)
        } catch {
            await database.shutdown()
            try await remove()
            throw error
        }
        await database.shutdown()
        try await remove()
    }

    /// Every projection row, ids aside (a rebuild gives its rows new ones), in a fixed order.
    static func projections(_ database: ConcordDatabase) async throws -> [String] {
        let sql = database.database as! any SQLDatabase
        let queries = [
            """
            SELECT reference || '|' || status || '|' || current_stage || '|' || category || '|' || stage_started_on
              || '|' || COALESCE(stage_due, '-') || '|' || next_due || '|' || version || '|' || last_event_at AS line
            FROM disputes
            """,
            "SELECT d.reference || '|' || p.person_id || '|' || p.side || '|' || COALESCE(p.capacity, '-') AS line "
                + "FROM dispute_people p JOIN disputes d ON d.id = p.dispute_id",
            "SELECT d.reference || '|' || a.action_id || '|' || a.due_on || '|' || a.owner AS line "
                + "FROM dispute_actions a JOIN disputes d ON d.id = a.dispute_id",
            "SELECT d.reference || '|' || a.agency_id AS line FROM dispute_agencies a JOIN disputes d ON d.id = a.dispute_id",
            "SELECT d.reference || '|' || t.term AS line FROM dispute_search_terms t JOIN disputes d ON d.id = t.dispute_id",
        ]
        var lines: [String] = []
        for (table, query) in queries.enumerated() {
            let rows = try await sql.raw(SQLQueryString(query)).all(decodingColumn: "line", as: String.self)
            lines += rows.sorted().map { "\(table):\($0)" }
        }
        return lines
    }

    @Test(arguments: Backend.allCases)
    func volumeIsChainedAndProjectedAsTheStoreWouldAndARebuildChangesNothing(_ backend: Backend) async throws {
        try await Self.withVolume(backend) { database in
            let audit = try await ChainAudit.run(database)
            #expect(audit.isIntact, "\(audit.findings)")
            let before = try await Self.projections(database)
            #expect(
                before.filter { $0.hasPrefix("0:OLD-") }.count == 240 + 10 + 12,
                "the volume, and the demo's current and ended")
            let rebuilt = try await ProjectionRebuilder.rebuild(database)
            #expect(rebuilt.events == audit.count)
            #expect(try await Self.projections(database) == before)
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    @Test func volumeIsSpreadOverYearsStagesStatusesCategoriesAndDeadlines() async throws {
        try await Self.withVolume(.sqlite) { database in
            let sql = database.database as! any SQLDatabase
            func distinct(_ column: String) async throws -> Set<String> {
                Set(
                    try await sql.raw("SELECT DISTINCT \(ident: column) AS value FROM disputes")
                        .all(decodingColumn: "value", as: String.self))
            }
            #expect(try await distinct("status").isSuperset(of: ["open", "resolved", "closed"]))
            #expect(try await distinct("current_stage").count >= 3)
            #expect(try await distinct("category").count >= 4)
            let years = Set(try await distinct("raised_on").map { $0.prefix(4) })
            #expect(years.count >= 3)
            let today = LondonTime.date(of: demoNow).iso
            let open = try await sql.raw("SELECT next_due FROM disputes WHERE status = 'open'")
                .all(decodingColumn: "next_due", as: String.self)
            #expect(
                open.contains { $0 < today } && open.contains { $0 >= today }, "some open disputes overdue, some not")
            let pairs = try await sql.raw(
                "SELECT COUNT(DISTINCT dispute_id) AS n FROM dispute_agencies GROUP BY agency_id"
            ).all(decodingColumn: "n", as: Int.self)
            #expect(pairs.count >= 3, "disputes between several agencies")
        }
    }

    @Test func theSameSeedGivesTheSameDisputesAndIsNotAddedTwice() async throws {
        var first: [String] = []
        try await Self.withVolume(.sqlite) { database in
            first = try await Self.projections(database)
            await #expect {
                try await VolumeData.seed(database, Self.options, holidays: .standard, now: demoNow)
            } throws: { error in
                "\(error)".contains("--seed 11 are already in this database")
            }
            #expect(try await Self.projections(database) == first, "nothing half-written")
        }
        // The demo's people have new ids in each database, so the disputes are compared by
        // everything but who takes part: references, stages, deadlines, versions, search terms.
        func comparable(_ lines: [String]) -> [String] { lines.filter { $0.hasPrefix("0:") || $0.hasPrefix("4:") } }
        try await Self.withVolume(.sqlite) { database in
            let again = comparable(try await Self.projections(database))
            let differing = Set(again).symmetricDifference(comparable(first))
            #expect(again.count == comparable(first).count && differing.isEmpty, "\(differing.sorted().prefix(5))")
        }
    }

    /// Each agency's disputes are raised by and named to many practitioners, not the one the
    /// demo gave it, and a second seed casts the same people rather than adding more.
    @Test func practitionersAreManyAndASecondSeedCastsTheSamePeople() async throws {
        try await Self.withVolume(.sqlite) { database in
            let sql = database.database as! any SQLDatabase
            func practitionersByDisputes() async throws -> [String: Int] {
                let rows = try await sql.raw(
                    """
                    SELECT pe.agency_id AS agency, COUNT(DISTINCT pe.id) AS people, MAX(n) AS busiest
                    FROM (
                      SELECT p.person_id, COUNT(DISTINCT p.dispute_id) AS n
                      FROM dispute_people p JOIN disputes d ON d.id = p.dispute_id
                      WHERE d.reference LIKE 'OLD-%' GROUP BY p.person_id
                    ) c
                    JOIN people pe ON pe.id = c.person_id
                    WHERE pe.level = 'practitioner' GROUP BY pe.agency_id
                    """
                ).all()
                var byAgency: [String: Int] = [:]
                for row in rows {
                    let people = try row.decode(column: "people", as: Int.self)
                    let busiest = try row.decode(column: "busiest", as: Int.self)
                    byAgency[try row.decode(column: "agency", as: String.self)] = people
                    #expect(busiest <= 40, "one practitioner in \(busiest) of about 100 disputes")
                }
                return byAgency
            }
            let before = try await practitionersByDisputes()
            #expect(before.count >= 3 && before.values.allSatisfy { $0 >= 10 }, "\(before)")
            let people = try await Directory(database).people().count
            var again = Self.options
            again.seed = 12
            try await VolumeData.seed(database, again, holidays: .standard, now: demoNow)
            #expect(try await Directory(database).people().count == people, "no one added the second time")
            let after = try await practitionersByDisputes()
            #expect(after.values.allSatisfy { $0 <= 12 }, "\(after)")
        }
    }
}
