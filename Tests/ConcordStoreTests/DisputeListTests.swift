import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Lists page, sort, filter, search and count in SQL, and only ever within need to know.
@Suite struct DisputeListTests {
    /// Monday 21 December 2026; the fixture's disputes are raised in the weeks before it.
    static let window = DeadlineWindow(today: LocalDate(iso: "2026-12-21")!, dueSoonUntil: [:])

    /// Nine disputes in the fixture's partnership, raised on different days with different
    /// children and categories; two in another partnership.
    private func scenario(_ database: ConcordDatabase) async throws -> (AccessScenario, [DisputeStore.Loaded]) {
        let scenario = try await AccessScenario.make(database)
        let fixture = scenario.fixture
        var raised: [DisputeStore.Loaded] = []
        let names = ["Zoë O'Neil", "Aisha Khan", "Ben Stokes", "Zoe Oakes", "Cara Dune", "Dev Patel", "Eve Moss"]
        for (index, name) in names.enumerated() {
            var command = fixture.raiseCommand()
            command.children[0].name = name
            command.children[0].caseReferences = [
                CaseReference(agencyID: fixture.socialCare.id, reference: "CR 90\(index)")
            ]
            command.category = index.isMultiple(of: 2) ? .threshold : .plan
            raised.append(
                try await fixture.store.raise(
                    command, partnership: fixture.partnership, at: .london("2026-11-\(10 + index)")))
        }
        return (scenario, raised)
    }

    private func collect(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account
    ) async throws -> [[String]] {
        var query = query
        var pages: [[String]] = []
        while true {
            let page = try await DisputeList.page(database, query, account: account, window: Self.window)
            pages.append(page.rows.map(\.reference))
            guard let next = page.next else { return pages }
            query.after = next
        }
    }

    @Test("Every order pages through every dispute exactly once, forwards and back", arguments: Backend.allCases)
    func pagesThroughEveryDisputeOnce(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (scenario, _) = try await scenario(database)
            let office = scenario["office"]
            let all = try await DisputeAccess.visible(database, account: office)
            #expect(all.count == 9)
            for sort in DisputeListQuery.Sort.allCases {
                var query = DisputeListQuery()
                query.sort = sort
                query.pageSize = 4
                let pages = try await collect(database, query, account: office)
                #expect(pages.map(\.count) == [4, 4, 1], "\(sort)")
                let listed = pages.flatMap { $0 }
                let expected = sort.references(all)
                #expect(listed == expected, "\(sort)")
                #expect(try await DisputeList.count(database, query, account: office, window: Self.window) == 9)
                // Back from the last page: the same pages in reverse.
                var back = query
                back.before = DisputeCursor(
                    key: sort.key(all.first { $0.reference == listed[8] }!), reference: listed[8])
                let previous = try await DisputeList.page(database, back, account: office, window: Self.window)
                #expect(previous.rows.map(\.reference) == pages[1], "\(sort)")
                #expect(previous.next != nil && previous.previous != nil)
            }
        }
    }

    @Test("A search finds a child only in disputes the searcher may see", arguments: Backend.allCases)
    func searchIsWithinNeedToKnow(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (scenario, raised) = try await scenario(database)
            func found(_ account: String, _ text: String) async throws -> [String] {
                var query = DisputeListQuery()
                query.text = text
                query.sort = .reference
                return try await DisputeList.page(database, query, account: scenario[account], window: Self.window)
                    .rows.map(\.reference)
            }
            let zoe = raised[0].state.reference
            let zoeOakes = raised[3].state.reference
            // Case, accents and apostrophes do not matter; words match from their start.
            #expect(try await found("office", "zoe") == [zoe, zoeOakes].sorted())
            #expect(try await found("office", "ZOË o'neil") == [zoe])
            #expect(try await found("office", "oneil") == [zoe])
            #expect(try await found("office", "neil").isEmpty)
            #expect(try await found("office", "CR 903") == [zoeOakes])
            #expect(try await found("office", "cr903") == [zoeOakes])
            #expect(try await found("office", zoe) == [zoe])
            // The manager raised these, so sees them; the stranger and another partnership do not.
            #expect(try await found("manager", "zoe") == [zoe, zoeOakes].sorted())
            #expect(try await found("stranger", "zoe").isEmpty)
            #expect(try await found("otherOffice", "zoe").isEmpty)
            #expect(try await found("disabledOffice", "zoe").isEmpty)
            #expect(try await found("administrator", "zoe").isEmpty)
            var query = DisputeListQuery()
            query.text = "zoe"
            #expect(
                try await DisputeList.count(database, query, account: scenario["stranger"], window: Self.window) == 0)
        }
    }

    @Test("Filters narrow the list in SQL, and tallies agree with the rows", arguments: Backend.allCases)
    func filtersAndTallies(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (scenario, raised) = try await scenario(database)
            let office = scenario["office"]
            let fixture = scenario.fixture
            func references(_ change: (inout DisputeListQuery) -> Void) async throws -> Set<String> {
                var query = DisputeListQuery()
                query.pageSize = 100
                change(&query)
                return Set(
                    try await DisputeList.page(database, query, account: office, window: Self.window).rows.map(
                        \.reference))
            }
            let all = try await DisputeAccess.visible(database, account: office)
            #expect(
                try await references { $0.category = .plan }
                    == Set(all.filter { $0.category == "plan" }.map(\.reference)))
            #expect(try await references { $0.agency = fixture.health.id }.count == 9)
            #expect(try await references { $0.agency = UUID().uuidString }.isEmpty)
            #expect(try await references { $0.stage = fixture.policy.stages[0].id }.count == 9)
            #expect(try await references { $0.stage = fixture.policy.stages[1].id }.isEmpty)
            #expect(try await references { $0.statuses = [.closed] }.isEmpty)
            #expect(
                try await references {
                    $0.raisedFrom = LocalDate(iso: "2026-11-11")
                    $0.raisedTo = LocalDate(iso: "2026-11-12")
                } == Set(raised[1...2].map(\.state.reference)))
            // Oldham's first stage has no timescale; Sunderland's does, so its dispute is overdue by now.
            #expect(try await references { $0.deadline = .overdue }.isEmpty)
            let sunderland = scenario["otherOffice"]
            let elsewhere = scenario.elsewhere.state.reference
            var overdueQuery = DisputeListQuery()
            overdueQuery.deadline = .overdue
            #expect(
                try await DisputeList.page(database, overdueQuery, account: sunderland, window: Self.window).rows
                    .map(\.reference) == [elsewhere])
            overdueQuery.deadline = .notOverdue
            #expect(
                try await DisputeList.page(database, overdueQuery, account: sunderland, window: Self.window).rows
                    .isEmpty)
            let elsewhereTally = try await DisputeList.statusTally(
                database, DisputeListQuery(), account: sunderland, window: Self.window)
            #expect(elsewhereTally.overdue == 1 && elsewhereTally.open == 1)
            let overdue: Set<String> = []
            let tally = try await DisputeList.statusTally(
                database, DisputeListQuery(), account: office, window: Self.window)
            #expect(tally.open == 9 && tally.total == 9 && tally.overdue == overdue.count)
            let stages = try await DisputeList.stageTallies(
                database, DisputeListQuery(), account: office, window: Self.window)
            #expect(stages.map(\.open).reduce(0, +) == 9)
            #expect(stages.map(\.overdue).reduce(0, +) == overdue.count)
        }
    }

    @Test("Mine and my team's follow line management, kept in step as managers change", arguments: Backend.allCases)
    func involvementFollowsLineManagement(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (scenario, _) = try await scenario(database)
            func references(_ account: String, _ involvement: DisputeListQuery.Involvement) async throws -> Set<String>
            {
                var query = DisputeListQuery()
                query.involvement = involvement
                query.pageSize = 100
                return Set(
                    try await DisputeList.page(database, query, account: scenario[account], window: Self.window).rows
                        .map(\.reference))
            }
            let practice = scenario.practice.state.reference
            #expect(try await references("practitioner", .mine) == [practice])
            #expect(try await references("senior", .team).contains(practice))
            #expect(try await references("senior", .mine).isEmpty)
            #expect(try await references("stranger", .team).isEmpty)
            // Sam Manager moves under the stranger: the senior manager loses the team's disputes and the stranger gains them.
            try await Directory(database).setLineManager(
                person: AccessScenario.id(scenario.fixture.manager), manager: AccessScenario.id(scenario.stranger))
            #expect(try await references("senior", .team).isEmpty)
            #expect(try await references("stranger", .team).contains(practice))
            #expect(
                try await DisputeAccess.relation(database, account: scenario["stranger"], dispute: scenario.practice.id)
                    == .lineManager)
            #expect(
                try await DisputeAccess.relation(database, account: scenario["senior"], dispute: scenario.practice.id)
                    == nil)
        }
    }
}
