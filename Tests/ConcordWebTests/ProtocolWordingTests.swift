import ConcordCore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("Protocol wording")
struct ProtocolWordingTests {
    @Test(
        "“it should be formally raised with the chair … in writing”: shown as discussed in writing, never ‘Talk by in writing’"
    )
    func writingReadsAsWriting() async throws {
        try await WebHarness.with { h in
            let dispute = try #require(
                try await h.disputes(in: "north-east-lincolnshire").first {
                    $0.currentStage == "chair-in-writing" && $0.status == "open"
                })
            let office = try await h.signedIn(demo("business-office", "north-east-lincolnshire"))
            let page = try await office.get("/disputes/\(dispute.id)")
            #expect(page.body.contains("Discuss it in writing"))
            let form = try await office.get("/disputes/\(dispute.id)/\(DisputeAction.recordDiscussion.rawValue)")
            #expect(form.body.contains("The protocol expects it in writing."))
            for body in [page.body, form.body] {
                #expect(!body.contains("Talk by"))
                #expect(!body.contains("by in writing"))
            }
        }
    }

    @Test("Every way of discussing reads after “Discuss it”", arguments: ContactMethod.allCases)
    func everyMethodReadsAsAPhrase(method: ContactMethod) {
        let phrase = Formatting.contactPhrase(method)
        #expect(!phrase.hasPrefix("by in") && !phrase.hasPrefix("by face") && phrase == phrase.lowercased())
        #expect(
            Formatting.contactPhrases([.telephone, .faceToFace, .video])
                == "by telephone, face to face or by video call")
    }
}
