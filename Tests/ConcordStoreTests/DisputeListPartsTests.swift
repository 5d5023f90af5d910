import ConcordCore
import ConcordStore
import Foundation
import SQLKit
import Testing

/// A business office sees its partnership and whatever Concord wrote to its person about
/// elsewhere. The list reads the two apart, each along its own index, and merges them: every
/// order, page, count and tally must still see each dispute once.
@Suite struct DisputeListPartsTests {
    static let window = DeadlineWindow(today: LocalDate(iso: "2026-12-21")!, dueSoonUntil: [:])

    /// A message to `person` about `dispute`, as the outbox keeps one.
    private func written(
        _ database: ConcordDatabase, to person: PersonRef, about dispute: DisputeStore.Loaded, in partnership: UUID
    ) async throws {
        let sql = database.database as! any SQLDatabase
        try await sql.raw(
            """
            INSERT INTO outbox_messages (id, dedupe_key, partnership_id, dispute_id, reference, person_id, \
            recipient_name, kind, disclosure, urgent, subject, text_body, html_body, status, attempts, \
            next_attempt_at, created_at) VALUES (\(bind: UUID()), \(bind: UUID().uuidString), \
            \(bind: partnership), \(bind: dispute.id), \(bind: dispute.state.reference), \
            \(bind: UUID(uuidString: person.id)!), \(bind: person.name), 'notice', 'full', \(bind: false), 's', \
            't', 'h', 'sent', 1, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')
            """
        ).run()
    }

    @Test(
        "Its own partnership and what it was written about elsewhere page, count and tally as one list",
        arguments: Backend.allCases)
    func partsMergeIntoOneList(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let fixture = scenario.fixture
            for day in 10..<17 { _ = try await fixture.raise(on: "2026-11-\(day)") }
            let office = try await Accounts(database).create(
                email: "bea@accounts.example", name: "Bea Office", role: .businessOffice, passwordHash: "h",
                person: AccessScenario.id(fixture.businessOffice), partnership: fixture.partnership)
            // Twice about a dispute elsewhere, and twice about one of its own, which it sees anyway.
            for _ in 0..<2 {
                try await written(
                    database, to: fixture.businessOffice, about: scenario.elsewhere, in: scenario.other.partnership)
                try await written(
                    database, to: fixture.businessOffice, about: scenario.practice, in: fixture.partnership)
            }

            let all = try await DisputeAccess.visible(database, account: office)
            #expect(all.count == 10)
            #expect(all.contains { $0.id == scenario.elsewhere.id })
            for sort in DisputeListQuery.Sort.allCases {
                var query = DisputeListQuery()
                query.sort = sort
                query.pageSize = 3
                var pages: [[String]] = []
                var last: DisputeListPage
                repeat {
                    last = try await DisputeList.page(database, query, account: office, window: Self.window)
                    pages.append(last.rows.map(\.reference))
                    query.after = last.next
                } while last.next != nil
                let expected = sort.references(all)
                #expect(pages.map(\.count) == [3, 3, 3, 1], "\(sort)")
                #expect(pages.flatMap { $0 } == expected, "\(sort)")
                // Back from the last page gives the third page again.
                var back = query
                (back.after, back.before) = (nil, try #require(last.previous))
                let previous = try await DisputeList.page(database, back, account: office, window: Self.window)
                #expect(previous.rows.map(\.reference) == pages[2], "\(sort)")
                #expect(
                    try await DisputeList.count(database, DisputeListQuery(), account: office, window: Self.window)
                        == 10)
            }

            let tally = try await DisputeList.statusTally(
                database, DisputeListQuery(), account: office, window: Self.window)
            var overdue = DisputeListQuery()
            overdue.deadline = .overdue
            let overdueCount = try await DisputeList.count(database, overdue, account: office, window: Self.window)
            #expect(tally.total == 10 && tally.open == 10 && tally.overdue == overdueCount)
            #expect(overdueCount > 0)
            let stages = try await DisputeList.stageTallies(
                database, DisputeListQuery(), account: office, window: Self.window)
            #expect(stages.map(\.open).reduce(0, +) == 10)
            #expect(stages.map(\.overdue).reduce(0, +) == overdueCount)
            // Another partnership's dispute is still searched and filtered like the rest.
            var search = DisputeListQuery()
            search.text = scenario.elsewhere.state.reference
            #expect(
                try await DisputeList.page(database, search, account: office, window: Self.window).rows.map(\.id)
                    == [scenario.elsewhere.id])
            // The same office without a person sees only its own partnership.
            #expect(
                try await DisputeList.count(
                    database, DisputeListQuery(), account: scenario["office"], window: Self.window) == 9)
        }
    }
}
