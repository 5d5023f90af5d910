import ConcordCore
import ConcordStore
import Foundation
import Testing

@Suite struct StoreSmokeTests {
    @Test(arguments: Backend.allCases) func raiseEscalateAndVerify(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let store = DisputeStore(database)
            let raised = try await store.raise(
                fixture.raiseCommand(), partnership: fixture.partnership, at: .london("2026-12-21"))
            #expect(raised.state.reference == "OLD-2026-0001")
            #expect(raised.state.currentStage.stage == "team-manager")
            let report = try await ChainAudit.run(database)
            #expect(report.isIntact)
            #expect(report.count == 2)
        }
    }
}
