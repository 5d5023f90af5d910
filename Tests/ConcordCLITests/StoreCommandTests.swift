import ConcordCore
import ConcordStore
import Foundation
import SQLKit
import Testing

/// The operator commands against a real SQLite file that the test fills through the store.
@Suite struct StoreCommandTests {
    /// Two flowchart disputes raised on Monday 21 December 2026; the first is resolved with a plan.
    static func seeded() async throws -> (CLI, String) {
        let cli = try CLI()
        let path = cli.dataDirectory.appendingPathComponent("concord.sqlite").path
        let database = try await ConcordDatabase.open(.sqlite(path: path))
        do {
            try await fill(database)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        return (cli, path)
    }

    private static func fill(_ database: ConcordDatabase) async throws {
        let people = try await FlowchartDirectory.make(database)
        let (teacher, officer, police, partnership) = (
            people.teacher, people.officer, people.police, people.partnership
        )
        let store = DisputeStore(database)
        let raisedAt = LondonTime.startOfDay(LocalDate(iso: "2026-12-21")!).addingTimeInterval(10 * 3600)
        var first: DisputeStore.Loaded?
        for name in ["Child One", "Child Two"] {
            let raised = try await store.raise(
                RaiseDispute(
                    raisedBy: teacher, otherAgencies: [police], professionals: [officer],
                    children: [ChildRecord(name: name, dateOfBirth: LocalDate(iso: "2015-03-03"))],
                    category: .referral, disagreement: "Referral not accepted", outcomeWanted: "Referral accepted",
                    significantHarm: false), partnership: partnership, at: raisedAt)
            first = first ?? raised
        }
        let dispute = try #require(first)
        let planned = try await store.perform(
            .agreePlan([
                PlannedAction(
                    id: "1", action: "Resubmit the referral", owner: teacher, due: LocalDate(iso: "2026-12-22")!)
            ]), on: dispute.id, expectedVersion: dispute.state.version, by: teacher,
            at: raisedAt.addingTimeInterval(1800))
        _ = try await store.perform(
            .resolve(outcome: "Referral accepted", agreedBy: [teacher, officer], followUp: "Teacher resubmits"),
            on: dispute.id, expectedVersion: planned.state.version, by: teacher, at: raisedAt.addingTimeInterval(3600))
    }

    @Test func listJudgesDeadlinesOnTheGivenDay() async throws {
        let (cli, _) = try await Self.seeded()
        let result = try cli.run("dispute", "list", "--on", "2027-01-04", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try CLIOutput.objects(result.stdout)
        #expect(rows.map { $0["reference"] as? String } == ["FSF-2026-0001", "FSF-2026-0002"])
        #expect(rows.map { $0["status"] as? String } == ["resolved", "open"])
        #expect(rows.map { $0["stage_due"] as? String } == ["2026-12-23", "2026-12-23"])
        // 24, 29, 30 and 31 December and 4 January are working days after the due date.
        #expect(rows[1]["deadline"] as? String == "overdue by 5 working days")
        let overdue = try cli.run("dispute", "list", "--overdue", "--on", "2027-01-04")
        #expect(overdue.stdout.contains("FSF-2026-0002"))
        #expect(!overdue.stdout.contains("FSF-2026-0001"))
    }

    @Test func showLeavesOutChildrenUnlessAsked() async throws {
        let (cli, _) = try await Self.seeded()
        let plain = try cli.run("dispute", "show", "FSF-2026-0002", "--on", "2026-12-22")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("Stage 1"))
        #expect(plain.stdout.contains("due within a working day"))
        #expect(!plain.stdout.contains("Child Two"))
        let detailed = try cli.run("dispute", "show", "FSF-2026-0002", "--child-details")
        #expect(detailed.stdout.contains("Child Two"))
        let missing = try cli.run("dispute", "show", "FSF-2026-9999")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no dispute FSF-2026-9999"))
    }

    @Test func auditVerifyNamesAnEditedEventAndAKeptHeadCatchesACutTail() async throws {
        let (cli, path) = try await Self.seeded()
        let intact = try cli.run("audit", "verify", "--format", "json")
        #expect(intact.status == 0, "\(intact.stderr)")
        let report = try CLIOutput.object(intact.stdout)
        #expect(report["events"] as? Int == 6)
        #expect(report["intact"] as? Bool == true)
        let head = try #require(report["head_hash"] as? String)
        #expect(try cli.run("audit", "verify", "--expect-head", head).status == 0)

        let database = try await ConcordDatabase.open(.sqlite(path: path))
        let sql = database.database as! any SQLDatabase
        // As someone with the rights to drop the append-only guard would.
        try await sql.raw("DROP TRIGGER dispute_events_no_update").run()
        try await sql.raw(
            "UPDATE dispute_events SET payload = replace(payload, 'Referral', 'Nothing') WHERE sequence = 1"
        )
        .run()
        await database.shutdown()
        let broken = try cli.run("audit", "verify")
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("BROKEN: event #1 was edited"))
        let cut = try cli.run("audit", "verify", "--expect-head", String(repeating: "a", count: 64))
        #expect(cut.stdout.contains("no event has the hash \(String(repeating: "a", count: 64)) kept elsewhere"))
    }

    @Test func rebuildRestoresTheDisputeList() async throws {
        let (cli, path) = try await Self.seeded()
        let before = try cli.run("dispute", "list", "--format", "json", "--on", "2027-01-04").stdout
        let database = try await ConcordDatabase.open(.sqlite(path: path))
        try await (database.database as! any SQLDatabase).raw("DELETE FROM disputes").run()
        await database.shutdown()
        #expect(try cli.run("dispute", "list").stdout == "No disputes.\n")
        let rebuilt = try cli.run("store", "rebuild")
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.hasPrefix("Rebuilt 2 disputes from 6 events"))
        #expect(try cli.run("dispute", "list", "--format", "json", "--on", "2027-01-04").stdout == before)
    }

    @Test func migrateReportsTheDatabaseAndABadURLIsListed() throws {
        let cli = try CLI()
        let result = try cli.run("migrate")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Migrations applied to sqlite:\(cli.dataDirectory.path)/concord.sqlite\n")
        let bad = try cli.run("migrate", environment: ["DATABASE_URL": "mysql://root:secret@db/concord"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("DATABASE_URL"))
        #expect(!bad.stderr.contains("secret"))
    }
}
