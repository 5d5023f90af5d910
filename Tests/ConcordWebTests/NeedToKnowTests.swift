import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// Oldham's newest stage-1 dispute: CSC's practitioner raised it with health about an
/// assessment, so CSC's and health's practitioners and team managers take part, and CSC's senior
/// manager sees it from above.
@Suite("Need to know")
struct NeedToKnowTests {
    static func oldhamDispute(_ h: WebHarness) async throws -> DisputeSummary {
        try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
    }

    static let canSee = [
        demo("practitioner.csc", "oldham"), demo("practitioner.health", "oldham"), demo("line-manager.csc", "oldham"),
        demo("senior-manager.csc", "oldham"), demo("business-office", "oldham"), demo("scrutineer", "oldham"),
        demo("auditor", "oldham"),
    ]
    static let cannotSee = [
        "admin@concord.example", demo("practitioner.csc", "sunderland"), demo("business-office", "sunderland"),
        demo("auditor", "coventry"),
    ]

    @Test func peopleWithAReasonSeeTheDispute() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            for email in Self.canSee {
                let page = try await h.signedIn(email).get("/disputes/\(dispute.id)")
                #expect(page.status == .ok, "\(email)")
                #expect(page.body.contains(dispute.reference), "\(email)")
                #expect(page.title == "Dispute \(dispute.reference) – Concord", "\(email)")
            }
        }
    }

    @Test func everyoneElseGetsTheSameNotFoundAsForNoDisputeAtAll() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            for email in Self.cannotSee {
                let browser = try await h.signedIn(email)
                let hidden = try await browser.get("/disputes/\(dispute.id)")
                let missing = try await browser.get("/disputes/\(UUID())")
                #expect(hidden.status == .notFound, "\(email)")
                #expect(hidden.body.contains("Page not found"))
                #expect(!hidden.body.contains(dispute.reference))
                #expect(hidden.body == missing.body, "\(email) can tell a hidden dispute from a missing one")
                #expect(try await browser.get("/disputes/\(dispute.id)/access-log").body == missing.body)
            }
        }
    }

    @Test func aPractitionerOfTheSamePartnershipNotInvolvedCannotSeeIt() async throws {
        try await WebHarness.with { h in
            // CSC raised this one with the police: health has no part in it.
            let dispute = try await h.dispute(in: "oldham", stage: "head-of-service", category: .plan)
            let browser = try await h.signedIn(demo("practitioner.health", "oldham"))
            let page = try await browser.get("/disputes/\(dispute.id)")
            #expect(page.status == .notFound)
            #expect(page.body == (try await browser.get("/disputes/\(UUID())")).body)
            let raiser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            #expect(try await raiser.get("/disputes/\(dispute.id)").status == .ok)
        }
    }

    @Test func everyActionIsNotFoundForThoseWhoCannotSeeTheDispute() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            let before = try await h.load(dispute.id).state.version
            for email in [
                "admin@concord.example", demo("practitioner.csc", "sunderland"), demo("business-office", "coventry"),
            ] {
                let browser = try await h.signedIn(email)
                let missing = try await browser.get("/disputes/\(UUID())/resolve")
                for action in DisputeAction.allCases {
                    let path = "/disputes/\(dispute.id)/\(action.rawValue)"
                    let get = try await browser.get(path)
                    #expect(get.status == .notFound, "\(email) GET \(path)")
                    #expect(get.body == missing.body, "\(email) GET \(path)")
                    let post = try await browser.post(path, ["reason": "x", "outcome": "x", "concern": "x"])
                    #expect(post.status == .notFound, "\(email) POST \(path)")
                }
            }
            #expect(try await h.load(dispute.id).state.version == before)
        }
    }

    @Test func scrutineersAndAuditorsReadButCannotAct() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            let before = try await h.load(dispute.id).state.version
            for email in [demo("scrutineer", "oldham"), demo("auditor", "oldham")] {
                let browser = try await h.signedIn(email)
                let page = try await browser.get("/disputes/\(dispute.id)")
                #expect(page.body.contains("but not change it"))
                #expect(page.element("actions") == nil, "\(email) is offered actions")
                for action in DisputeAction.allCases {
                    let path = "/disputes/\(dispute.id)/\(action.rawValue)"
                    #expect(try await browser.get(path).status == .forbidden, "\(email) GET \(path)")
                    let post = try await browser.post(path, ["concern": "x", "reason": "x", "outcome": "x"])
                    #expect(post.status == .forbidden, "\(email) POST \(path)")
                    #expect(post.body.contains("You cannot do this"))
                }
            }
            #expect(try await h.load(dispute.id).state.version == before)
        }
    }

    @Test func signedOutVisitorsAreSentToSignInAndBack() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            let browser = h.browser()
            var paths = ["/disputes/\(dispute.id)", "/disputes/\(dispute.id)/access-log", "/my-work", "/disputes/new"]
            paths += DisputeAction.allCases.map { "/disputes/\(dispute.id)/\($0.rawValue)" }
            for path in paths {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location == "/sign-in?next=\(path)", "\(path)")
            }
            try await browser.get("/sign-in")
            let post = try await browser.post("/disputes/\(dispute.id)/resolve", ["outcome": "x"])
            #expect(post.status == .seeOther)
            #expect(post.location == "/sign-in")
        }
    }

    @Test func theBusinessOfficeReadsWhoHasLooked() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            let viewers = [demo("senior-manager.csc", "oldham"), demo("scrutineer", "oldham")]
            for email in viewers { _ = try await h.signedIn(email).get("/disputes/\(dispute.id)") }
            let office = try await h.signedIn(demo("business-office", "oldham"))
            let page = try await office.get("/disputes/\(dispute.id)")
            #expect(page.hrefs.contains("/disputes/\(dispute.id)/access-log"))
            let log = try await office.get("/disputes/\(dispute.id)/access-log")
            #expect(log.status == .ok)
            let table = try #require(log.element("access-log"))
            for email in viewers + [demo("business-office", "oldham")] {
                #expect(table.contains(try await h.account(email).name), "\(email) missing from the log")
            }
            #expect(table.contains("viewed"))
            #expect(!table.contains(try await h.account(demo("practitioner.health", "oldham")).name))
        }
    }

    @Test func aParticipantCannotReadTheAccessLog() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let page = try await browser.get("/disputes/\(dispute.id)")
            #expect(!page.hrefs.contains("/disputes/\(dispute.id)/access-log"))
            #expect(try await browser.get("/disputes/\(dispute.id)/access-log").status == .forbidden)
        }
    }

    @Test func childNamesStayOutOfTitlesAndAddresses() async throws {
        try await WebHarness.with { h in
            let dispute = try await Self.oldhamDispute(h)
            let child = try #require(try await h.load(dispute.id).state.raised.children.first?.name)
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let surname = try #require(child.split(separator: " ").last.map(String.init))
            for path in ["/my-work", "/disputes/\(dispute.id)", "/disputes/\(dispute.id)/record-discussion"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(!page.title.contains(surname), "\(path) title: \(page.title)")
                #expect(page.hrefs.allSatisfy { !$0.contains(surname) }, "\(path)")
            }
            #expect(try await browser.get("/disputes/\(dispute.id)").body.contains(child))
        }
    }
}
