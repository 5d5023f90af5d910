import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// Scrutineers act at the stages that name them, and read elsewhere.
@Suite("Scrutineers at their own stages")
struct ScrutineerActsTests {
    func open(_ h: WebHarness, _ slug: String, stage: String? = nil, notAt: String? = nil) async throws -> UUID {
        let found = try await h.disputes(in: slug).first { summary in
            summary.status == DisputeStatus.open.rawValue && (stage == nil || summary.currentStage == stage)
                && (notAt == nil || summary.currentStage != notAt)
        }
        return try #require(found, "no open \(slug) dispute \(stage ?? "") \(notAt ?? "")").id
    }

    @Test(
        "If the matter concerns one or more of those strategic safeguarding partners and cannot be resolved, the Independent Scrutineer will facilitate the resolution."
    )
    func sunderlandsScrutineerRecordsAtStepFourAndReadsBefore() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("scrutineer", "sunderland"))
            let own = try await open(h, "sunderland", stage: "sscp")
            let page = try await browser.get("/disputes/\(own)")
            #expect(page.hrefs.contains("/disputes/\(own)/record-discussion"))
            let version = try await h.load(own).state.version
            let recorded = try await DisputeActionTests.act(
                browser, own, .recordStageRecords, ["outcome": "The scrutineer facilitated an agreement"])
            #expect(recorded.location == "/disputes/\(own)?done=recorded")
            let loaded = try await h.load(own)
            #expect(loaded.state.version == version + 1)
            let person = try #require(try await h.account(demo("scrutineer", "sunderland")).personID)
            #expect(loaded.events.last?.content.actorID == person.uuidString)
            let earlier = try await open(h, "sunderland", notAt: "sscp")
            let other = try await browser.get("/disputes/\(earlier)")
            #expect(other.status == .ok && !other.hrefs.contains("/disputes/\(earlier)/record-discussion"))
            #expect(try await browser.get("/disputes/\(earlier)/record-discussion").status == .forbidden)
        }
    }

    @Test(
        "If a meeting is required, the meeting will be chaired by the Independent Scrutiny Officer with an agenda / remit agreed prior to the meeting by all parties involved."
    )
    func northEastLincolnshiresScrutinyOfficerActsAtTheirStage() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("scrutineer", "north-east-lincolnshire"))
            let own = try await open(h, "north-east-lincolnshire", stage: "independent-scrutiny-officer")
            #expect(try await browser.get("/disputes/\(own)/schedule-meeting").status == .ok)
            let auditor = try await h.signedIn(demo("auditor", "north-east-lincolnshire"))
            #expect(try await auditor.get("/disputes/\(own)/schedule-meeting").status == .forbidden)
        }
    }
}
