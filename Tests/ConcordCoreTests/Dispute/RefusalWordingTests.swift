import Testing

@testable import ConcordCore

@Suite("Refusal wording")
struct RefusalWordingTests {
    @Test("Refusals name each stage by its title in the protocol, never by its id", arguments: PolicyLibrary.builtInIDs)
    func refusalsNameStagesByTitle(id: String) throws {
        let policy = try #require(PolicyLibrary.builtIn(id))
        for stage in policy.stages {
            let refusals: [DisputeError] = [
                .lastStage(stage: stage.id, routes: policy.externalRoutes.map(\.id)),
                .notLastStage(stage: stage.id),
                .recordsMissing(stage: stage.id, missing: [.outcome]),
                .participantRequired(.independentReviewingOfficer, stage: stage.id),
                .meetingRequired("Resolution meeting", stage: stage.id),
                .alreadyPastRiskStage(stage.id),
                .notAtAcknowledgementStage(stage.id),
                .noMeeting(stage: stage.id),
            ]
            for refusal in refusals {
                let text = refusal.description(in: policy)
                #expect(text.contains("“\(stage.title)”"), "\(text)")
                #expect(!text.contains("stage “"), "\(text)")
            }
        }
        for route in policy.externalRoutes {
            let text = DisputeError.unknownRoute("elsewhere", routes: [route.id]).description(in: policy)
            #expect(text.contains(route.name))
        }
    }
}
