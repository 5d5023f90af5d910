import ConcordCore
import ConcordStore
import Foundation
import Testing

/// `concord deadlines sweep`, as an operator's cron job runs it, writing mail to the default
/// folder of `.eml` files.
@Suite struct DeadlinesCommandTests {
    /// An Oldham dispute escalated on Monday 1 December 2025 to stage 2, due five working days
    /// later, on Monday the 8th.
    static func seeded() async throws -> CLI {
        let cli = try CLI()
        let database = try await ConcordDatabase.open(
            .sqlite(path: cli.dataDirectory.appendingPathComponent("concord.sqlite").path))
        do {
            try await database.migrate()
            let directory = Directory(database)
            let partnership = try await directory.addPartnership(
                slug: "oldham", name: "Oldham Safeguarding Partnership", region: .englandAndWales)
            try await directory.installPolicy(
                try #require(PolicyLibrary.text(of: "oldham")), file: "oldham.yaml", partnership: partnership)
            let council = try await directory.addAgency(
                name: "Council", type: .childrensSocialCare, partnerships: [partnership])
            let health = try await directory.addAgency(name: "Health", type: .health, partnerships: [partnership])
            let sam = try await directory.addPerson(
                name: "Sam Manager", email: "sam@council.example", agency: council, level: .lineManager,
                lineManager: nil)
            let ola = try await directory.addPerson(
                name: "Ola Manager", email: "ola@health.example", agency: health, level: .lineManager,
                lineManager: nil)
            let store = DisputeStore(database)
            let at = LondonTime.startOfDay(LocalDate(iso: "2025-12-01")!).addingTimeInterval(10 * 3600)
            var dispute = try await store.raise(
                RaiseDispute(
                    raisedBy: sam, otherAgencies: [health], professionals: [ola],
                    children: [ChildRecord(name: "Child Q", dateOfBirth: nil)], category: .plan,
                    disagreement: "The plan", outcomeWanted: "A new plan", significantHarm: false),
                partnership: partnership, at: at)
            for command in [
                DisputeCommand.recordMinutes(
                    MeetingMinutes(
                        heldOn: LocalDate(iso: "2025-12-01")!, attendees: [sam, ola], purpose: "Resolve it",
                        views: [sam.agency, ola.agency].map { AgencyView(agency: $0, view: "Its view") },
                        circumstances: "As recorded", options: "Escalate",
                        actions: [
                            PlannedAction(
                                id: "1", action: "Share the log", owner: sam, due: LocalDate(iso: "2025-12-01")!)
                        ],
                        reviewOn: LocalDate(iso: "2025-12-01")!)),
                .recordStageRecords(StageRecords(outcome: "No agreement")),
                .escalate(reason: "No agreement", evidence: nil, people: [sam, ola]),
            ] {
                dispute = try await store.perform(
                    command, on: dispute.id, expectedVersion: dispute.state.version, by: sam, at: at)
            }
            #expect(dispute.state.currentStage.due == LocalDate(iso: "2025-12-08"))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        return cli
    }

    func mailFiles(_ cli: CLI) -> [String] {
        let folder = cli.dataDirectory.appendingPathComponent("mail").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") }
    }

    @Test func aSweepQueuesOverdueNoticesOnceAndSendsEverything() async throws {
        let cli = try await Self.seeded()
        let first = try cli.run("deadlines", "sweep", "--on", "2025-12-09", "--format", "json")
        #expect(first.status == 0, "\(first.stderr)")
        let counts = try CLIOutput.object(first.stdout)
        #expect(counts["swept"] as? Int == 1 && counts["queued"] as? Int == 2)
        // Raised, two confirmations and the escalation, to both managers; then the overdue notices.
        #expect(counts["sent"] as? Int == 10 && counts["failed"] as? Int == 0)
        let files = mailFiles(cli)
        #expect(files.count == 10)
        let overdue = try files.map {
            try String(contentsOf: cli.dataDirectory.appendingPathComponent("mail/\($0)"), encoding: .utf8)
        }.filter { $0.contains("overdue by 1 working day") }
        #expect(overdue.count == 2)
        #expect(overdue.allSatisfy { !$0.contains("Child Q") })

        let again = try cli.run("deadlines", "sweep", "--on", "2025-12-09")
        #expect(again.status == 0)
        let rows = CLIOutput.lines(again.stdout)
        #expect(rows.contains { $0.hasPrefix("partnerships skipped (already swept today") && $0.hasSuffix("  1") })
        #expect(rows.contains { $0.hasPrefix("messages queued ") && $0.hasSuffix("  0") })
        #expect(again.stdout.contains("e-mail written as .eml files to"))
        #expect(mailFiles(cli).count == 10)
    }

    @Test func aWeekendSendsNothingAndTheFutureIsRefused() async throws {
        let cli = try await Self.seeded()
        let weekend = try cli.run("deadlines", "sweep", "--on", "2025-12-13", "--format", "json")
        #expect(try CLIOutput.object(weekend.stdout)["queued"] as? Int == 0)
        let future = try cli.run("deadlines", "sweep", "--on", "2100-01-04")
        #expect(future.status == 1)
        #expect(future.stderr.contains("--on 2100-01-04 is in the future"))
    }

    @Test func badMailSettingsAreAllListed() throws {
        let result = try CLI().run(
            "deadlines", "sweep",
            environment: [
                "CONCORD_SMTP_HOST": "relay.example", "CONCORD_SMTP_PORT": "smtp", "CONCORD_DEADLINE_HOUR": "25",
                "CONCORD_SMTP_USERNAME": "concord", "CONCORD_PUBLIC_URL": "concord.example",
            ])
        #expect(result.status == 1)
        let lines = CLIOutput.stderrLines(result)
        #expect(lines.first == "Concord's configuration is invalid:")
        #expect(lines.contains("  - CONCORD_SMTP_PORT is \"smtp\"; it must be a whole number from 1 to 65535"))
        #expect(lines.contains("  - CONCORD_DEADLINE_HOUR is \"25\"; it must be a whole number from 0 to 23"))
        #expect(lines.contains("  - CONCORD_SMTP_USERNAME and CONCORD_SMTP_PASSWORD go together; set both or neither"))
        #expect(
            lines.contains("  - CONCORD_PUBLIC_URL is \"concord.example\"; it must be an http:// or https:// address"))
    }
}
