import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Partnership overview")
struct PartnershipOverviewTests {
    static let office = demo("business-office", "oldham")

    /// The key figures, by label: "open", "overdue", "ended".
    static func figures(_ page: Browser.Page) -> [String: Int] {
        let pattern = try! Regex("c-key-figure__number\">([0-9]+)</span> <span class=\"c-key-figure__label\">([a-z]+)<")
        var result: [String: Int] = [:]
        for match in page.body.matches(of: pattern) {
            if let label = match.output[2].substring, let number = match.output[1].substring.flatMap({ Int($0) }) {
                result[String(label)] = number
            }
        }
        return result
    }

    static func heading(_ count: Int) -> String {
        count == 1 ? "1 dispute" : "\(count) disputes"
    }

    @Test func theBusinessOfficeSeesItsWholePartnership() async throws {
        try await WebHarness.with { h in
            let disputes = try await h.disputes(in: "oldham")
            let open = disputes.filter { $0.status == "open" }
            let browser = try await h.signedIn(Self.office)
            let work = try await browser.get("/my-work")
            #expect(work.hrefs.contains("/partnerships/oldham"))
            #expect(work.body.utf8.count < 100_000)
            let page = try await browser.get("/partnerships/oldham")
            #expect(page.status == .ok)
            #expect(page.title == "Oldham Safeguarding Partnership: overview – Concord")
            let figures = Self.figures(page)
            #expect(figures["open"] == open.count)
            #expect(figures["ended"] == disputes.count - open.count)
            #expect(figures["overdue"].map { $0 > 0 } == true)
            let all = try #require(page.element("all"))
            #expect(all.contains(Self.heading(disputes.count)))
            for dispute in disputes { #expect(all.contains(dispute.reference)) }
            let overdue = try await h.dispute(in: "oldham", stage: "head-of-service", category: .plan)
            #expect(page.element("overdue")?.contains(overdue.reference) == true)
            #expect(
                page.element("by-stage")?.contains("Stage 4: Escalation to Oldham Safeguarding Partnership") == true)
            // Nothing from another partnership.
            for dispute in try await h.disputes(in: "sunderland") { #expect(!page.body.contains(dispute.reference)) }
        }
    }

    @Test func filtersNarrowTheList() async throws {
        try await WebHarness.with { h in
            let disputes = try await h.disputes(in: "oldham")
            let browser = try await h.signedIn(Self.office)
            let plan = try await browser.get("/partnerships/oldham?category=plan")
            #expect(plan.status == .ok)
            let plans = disputes.filter { $0.category == "plan" }
            #expect(plans.count < disputes.count)
            #expect(plan.element("all")?.contains(Self.heading(plans.count)) == true)
            #expect(plan.body.contains("Clear filters"))

            let stage = try await browser.get("/partnerships/oldham?stage=team-manager")
            let first = disputes.filter { $0.currentStage == "team-manager" }
            #expect(stage.element("all")?.contains(Self.heading(first.count)) == true)
            for dispute in disputes where dispute.currentStage != "team-manager" {
                #expect(stage.element("all")?.contains(dispute.reference) == false)
            }

            let overview = try await browser.get("/partnerships/oldham")
            let health = try #require(overview.options("agency").first { $0.label.contains("(Health)") })
            var withHealth: [DisputeSummary] = []
            for dispute in disputes
            where try await h.load(dispute.id).state.agencies.contains(where: { $0.id == health.value }) {
                withHealth.append(dispute)
            }
            let agency = try await browser.get("/partnerships/oldham?agency=\(health.value)")
            #expect(agency.status == .ok)
            #expect(agency.element("all")?.contains(Self.heading(withHealth.count)) == true)
            #expect(Self.figures(agency)["open"] == withHealth.filter { $0.status == "open" }.count)

            let both = try await browser.get("/partnerships/oldham?agency=\(health.value)&category=plan&stage=")
            let expected = withHealth.filter { $0.category == "plan" }.count
            #expect(both.element("all")?.contains(Self.heading(expected)) == true)

            let nonsense = try await browser.get("/partnerships/oldham?agency=not-an-id&stage=nowhere")
            #expect(nonsense.status == .ok)
            #expect(nonsense.element("all")?.contains("No disputes match.") == true)
        }
    }

    @Test func scrutineersAndAuditorsReadTheOverviewToo() async throws {
        try await WebHarness.with { h in
            for email in [demo("scrutineer", "oldham"), demo("auditor", "oldham")] {
                let page = try await h.signedIn(email).get("/partnerships/oldham")
                #expect(page.status == .ok, "\(email)")
                #expect(Self.figures(page)["open"] != nil)
            }
        }
    }

    @Test func nobodyElseCanSeeIt() async throws {
        try await WebHarness.with { h in
            for email in [
                demo("practitioner.csc", "oldham"), demo("senior-manager.csc", "oldham"),
                demo("business-office", "sunderland"),
                demo("auditor", "coventry"), "admin@concord.example",
            ] {
                let browser = try await h.signedIn(email)
                let page = try await browser.get("/partnerships/oldham")
                #expect(page.status == .notFound, "\(email)")
                #expect(page.body == (try await browser.get("/partnerships/nowhere")).body, "\(email)")
            }
            let anonymous = try await h.browser().get("/partnerships/oldham")
            #expect(anonymous.location == "/sign-in?next=/partnerships/oldham")
        }
    }
}
