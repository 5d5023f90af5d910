import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Raising a dispute")
struct RaiseTests {
    static let practitioner = demo("practitioner.csc", "oldham")

    @Test func myWorkShowsEachSectionWithRealRows() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let page = try await browser.get("/my-work")
            #expect(page.status == .ok)
            for id in ["needs-action", "team", "due-soon", "overdue", "recently-ended"] {
                #expect(page.element(id) != nil, "no section \(id)")
            }
            // Stage 2 has five working days, and this one started eight ago.
            let overdue = try await h.dispute(in: "oldham", stage: "head-of-service", category: .plan)
            // Each dispute once, in its most urgent section.
            #expect(page.element("overdue")?.contains(overdue.reference) == true)
            #expect(page.element("needs-action")?.contains(overdue.reference) == false)
            let mine = try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
            #expect(page.element("needs-action")?.contains(mine.reference) == true)
            #expect(page.element("overdue")?.contains(mine.reference) == false)
            #expect(page.element("recently-ended")?.contains("/disputes/") == true)
            #expect(page.hrefs.contains("/disputes/new"))
            #expect(page.body.utf8.count < 100_000)
        }
    }

    @Test func theOnlyPartnershipIsChosenForYou() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let choose = try await browser.get("/disputes/new")
            #expect(choose.status == .seeOther)
            #expect(choose.location == "/disputes/new/oldham")
            let form = try await browser.get("/disputes/new/oldham")
            #expect(form.status == .ok)
            #expect(form.hidden("token")?.isEmpty == false)
            #expect(form.body.contains("Oldham Safeguarding Partnership"))
            // Another partnership's form is not this practitioner's to use.
            #expect(try await browser.get("/disputes/new/sunderland").status == .notFound)
        }
    }

    @Test func partnershipRolesCannotRaise() async throws {
        try await WebHarness.with { h in
            for email in [demo("business-office", "oldham"), demo("auditor", "oldham")] {
                let browser = try await h.signedIn(email)
                #expect(try await browser.get("/disputes/new").status == .forbidden, "\(email)")
                #expect(try await browser.get("/disputes/new/oldham").status == .forbidden, "\(email)")
            }
        }
    }

    @Test func missingAnswersAreListedAndLinked() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let before = try await h.disputes(in: "oldham").count
            let form = try await browser.get("/disputes/new/oldham")
            let page = try await browser.post("/disputes/new/oldham", ["token": form.hidden("token") ?? ""])
            #expect(page.status == .unprocessableEntity)
            #expect(page.title.hasPrefix("Error: "))
            let summary = try #require(page.errorSummary)
            for (field, message) in [
                ("agency", "Select the agency you disagree with"), ("child-1-name", "Enter the child&#39;s full name"),
                ("category", "Select what the disagreement is about"),
                ("disagreement", "Enter what the disagreement is"),
                ("outcome", "Enter the outcome you want"),
                ("significant-harm", "Select yes if a child may be suffering significant harm"),
            ] {
                #expect(summary.contains("<a href=\"#\(field)\">\(message)</a>"), "\(field)")
                #expect(page.body.contains("id=\"\(field)\""), "nothing on the page has id \(field)")
            }
            #expect(page.hidden("token") == form.hidden("token"))
            #expect(try await h.disputes(in: "oldham").count == before)
        }
    }

    @Test func aValidFormRaisesTheDispute() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser, child: "Zebedee Quartermaine")
            let page = try await browser.get("/disputes/\(id)")
            let reference = try await h.load(id).state.reference
            #expect(page.status == .ok)
            #expect(page.body.contains("Dispute raised"))
            #expect(page.body.contains(reference))
            #expect(page.title == "Dispute \(reference) – Concord")
            #expect(page.body.contains("Zebedee Quartermaine"))
            #expect(!page.body.contains("What the policy says to do now"))
            let timeline = try #require(page.element("timeline"))
            #expect(timeline.contains("Dispute raised"))
            #expect(timeline.contains("Stage started: Stage 1: Team Manager"))
            // The person it was raised with sees it too.
            let other = try await h.signedIn(demo("practitioner.health", "oldham"))
            #expect(try await other.get("/disputes/\(id)").status == .ok)
        }
    }

    @Test func submittingTheSameFormTwiceRaisesOneDispute() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let before = try await h.disputes(in: "oldham").count
            let form = try await browser.get("/disputes/new/oldham")
            let fields = [
                "token": try #require(form.hidden("token")),
                "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
                "child-1-name": "Ada Twice", "category": "threshold", "disagreement": "Threshold",
                "outcome": "A strategy meeting", "significant-harm": "no",
            ]
            let first = try await browser.post("/disputes/new/oldham", fields)
            let second = try await browser.post("/disputes/new/oldham", fields)
            #expect(first.status == .seeOther)
            #expect(second.status == .seeOther)
            let id = try #require(first.location)
            #expect(second.location == id)
            #expect(try await h.disputes(in: "oldham").count == before + 1)
            let page = try await browser.get(try #require(second.location))
            #expect(page.body.contains("That form was already submitted"))
        }
    }

    @Test("Raising ends on the dispute's own address, so reloading it shows the dispute, not the form again")
    func raisingEndsOnTheDisputesOwnAddress() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let before = try await h.disputes(in: "oldham").count
            let id = try await h.raise(as: browser)
            let shown = try await browser.get("/disputes/\(id)")
            #expect(shown.body.contains("id=\"notice-title\""), "the raised notice is missing")
            #expect(shown.body.contains("Everyone named has been added to it."))
            let reloaded = try await browser.get("/disputes/\(id)")
            #expect(reloaded.status == .ok)
            #expect(!reloaded.body.contains("id=\"notice-title\""), "a reload says the dispute was raised again")
            #expect(try await h.disputes(in: "oldham").count == before + 1)
        }
    }

    @Test func significantHarmShowsWhatToDoNow() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let form = try await browser.get("/disputes/new/oldham")
            #expect(form.body.contains("follow your agency&#39;s child protection procedures now"))
            let id = try await h.raise(as: browser, harm: true)
            let page = try await browser.get("/disputes/\(id)")
            let guidance = try #require(page.element("significant-harm-guidance"))
            #expect(guidance.contains("What the policy says to do now"))
            #expect(guidance.contains("Stage 4: Escalation to Oldham Safeguarding Partnership"))
            #expect(page.body.contains("Yes: a child may be suffering"))
        }
    }

    @Test func childNameNeverReachesTheAddressOrTitle() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let form = try await browser.get("/disputes/new/oldham")
            let response = try await browser.post(
                "/disputes/new/oldham",
                [
                    "token": form.hidden("token") ?? "", "child-1-name": "Ottoline Vexworth",
                    "agency": try #require(form.options("agency").first?.value), "category": "plan",
                    "disagreement": "Plan", "outcome": "Review", "significant-harm": "no",
                ])
            let location = try #require(response.location)
            #expect(!location.contains("Vexworth"))
            let page = try await browser.get(location)
            #expect(page.body.contains("Ottoline Vexworth"))
            #expect(!page.title.contains("Vexworth"))
            #expect(page.hrefs.allSatisfy { !$0.contains("Vexworth") })
            #expect(!(try await browser.get("/my-work")).body.contains("Vexworth"))
        }
    }
}
