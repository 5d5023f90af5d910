import ConcordCore
import ConcordStore
import Foundation
import Testing

/// The dispute list is derived only from events, so it can be thrown away and rebuilt.
@Suite struct ProjectionRebuildTests {
    @Test(arguments: Backend.allCases) func rebuildingGivesTheSameRows(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let mix = try await MixedDisputes.seed(database)
            let before = try await DisputeQueries.snapshot(database)
            let listed = try await DisputeQueries.list(database)
            #expect(listed.count == mix.disputes.count)
            #expect(Set(listed.map(\.status)) == Set(["open", "resolved", "referred", "withdrawn", "closed"]))

            let result = try await ProjectionRebuilder.rebuild(database)
            #expect(result.disputes == mix.disputes.count)
            #expect(result.events == mix.eventCount)
            #expect(result.events == (try await ChainAudit.run(database)).count)
            #expect(try await DisputeQueries.snapshot(database) == before)
            #expect(try await DisputeQueries.list(database) == listed)
        }
    }

    @Test(arguments: Backend.allCases) func rebuildingFromNothingGivesTheSameRows(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let mix = try await MixedDisputes.seed(database)
            let before = try await DisputeQueries.snapshot(database)
            try await TestDatabase.sql(database, "DELETE FROM dispute_people")
            try await TestDatabase.sql(database, "DELETE FROM dispute_actions")
            try await TestDatabase.sql(database, "DELETE FROM dispute_agencies")
            try await TestDatabase.sql(database, "DELETE FROM dispute_search_terms")
            try await TestDatabase.sql(database, "DELETE FROM disputes")
            #expect(try await DisputeQueries.snapshot(database) == [])
            #expect(try await DisputeQueries.list(database) == [])

            let result = try await ProjectionRebuilder.rebuild(database, batchSize: 3)
            #expect(result.disputes == mix.disputes.count)
            #expect(result.events == mix.eventCount)
            #expect(try await DisputeQueries.snapshot(database) == before)
        }
    }

    @Test(arguments: Backend.allCases) func rebuildingRepairsEditedRows(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let mix = try await MixedDisputes.seed(database)
            let before = try await DisputeQueries.snapshot(database)
            try await TestDatabase.sql(database, "UPDATE disputes SET status = 'closed', stage_due = NULL, version = 1")
            try await TestDatabase.sql(database, "UPDATE dispute_people SET side = 'partnership'")
            #expect(try await DisputeQueries.snapshot(database) != before)
            _ = try await ProjectionRebuilder.rebuild(database, batchSize: 1)
            #expect(try await DisputeQueries.snapshot(database) == before)

            // The store carries on from the rebuilt rows: the next reference and the next step.
            let oldham = mix.fixtures["oldham"]!
            #expect(try await oldham.raise(on: "2026-12-14").state.reference == "OLD-2026-0005")
            let open = try #require(mix.disputes["sunderland-open"])
            let step = try await mix.fixtures["sunderland"]!.perform(
                mix.fixtures["sunderland"]!.discussionCommand, on: open, day: "2026-12-14")
            let summary = try #require(try await DisputeQueries.find(database, reference: open.state.reference))
            #expect(summary.version == step.state.version)
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    @Test(arguments: Backend.allCases) func eachRowMatchesItsDisputesEvents(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let mix = try await MixedDisputes.seed(database)
            for (name, dispute) in mix.disputes {
                let state = try await DisputeStore(database).load(dispute.id).state
                #expect(state == dispute.state, "\(name)")
                let row = try #require(try await DisputeQueries.find(database, reference: state.reference))
                #expect(row.id == dispute.id)
                #expect(row.status == state.status.rawValue, "\(name)")
                #expect(row.currentStage == state.currentStage.stage, "\(name)")
                #expect(row.stageDue == state.currentStage.due?.iso, "\(name)")
                #expect(row.overallDue == state.raised.overallDue?.iso, "\(name)")
                #expect(row.version == state.version, "\(name)")
                #expect(row.raisedOn == state.raised.raisedOn.iso, "\(name)")
            }
            let people = try await DisputeQueries.snapshot(database).filter { $0.split(separator: "|").count == 4 }
            let expected = mix.disputes.values.map { dispute in
                Set(dispute.state.participants.map { "\($0.person.id)|\($0.capacity?.rawValue ?? "∅")" }).count
            }.reduce(0, +)
            #expect(people.count == expected)
        }
    }

    @Test(arguments: Backend.allCases) func rebuildingAnEmptyLogGivesNothing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let result = try await ProjectionRebuilder.rebuild(database)
            #expect(result.disputes == 0)
            #expect(result.events == 0)
            #expect(try await DisputeQueries.snapshot(database) == [])
        }
    }
}
