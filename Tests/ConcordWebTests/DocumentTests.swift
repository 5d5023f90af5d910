import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// The printable record and its download, the Sunderland referral proforma, and who may see
/// them.
@Suite("Documents")
struct DocumentTests {
    static let practitioner = demo("practitioner.csc", "oldham")
    static let child = "Zebedee Quartermaine"

    /// An Oldham dispute with a discussion and stage records, raised through the forms.
    static func discussed(_ h: WebHarness, _ browser: Browser) async throws -> UUID {
        let id = try await h.raise(as: browser, child: child)
        let discussion = try await DisputeActionTests.act(
            browser, id, .recordDiscussion, DisputeActionTests.meeting,
            repeated: DisputeActionTests.all("participants[]"))
        #expect(discussion.status == .seeOther)
        let records = try await DisputeActionTests.act(
            browser, id, .recordStageRecords,
            ["outcome": "No agreement yet", "learning-identified": "yes", "learning": "Share notes sooner"])
        #expect(records.status == .seeOther)
        return id
    }

    @Test func theRecordShowsEveryStageStepAndTheChild() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await Self.discussed(h, browser)
            let reference = try await h.load(id).state.reference
            let dispute = try await browser.get("/disputes/\(id)")
            #expect(dispute.element("documents")?.contains("/disputes/\(id)/record\"") == true)

            let page = try await browser.get("/disputes/\(id)/record")
            #expect(page.status == .ok)
            #expect(page.title == "Record of dispute \(reference) – Concord")
            #expect(page.hrefs.contains("/disputes/\(id)/record/download"))
            for text in [
                reference, Self.child, "Stage 1: Team Manager or agency equivalent", "Started", "23 November 2026",
                "Discussion recorded", "no agreement on the assessment", "Stage records recorded", "No agreement yet",
                "Share notes sooner", "Dispute raised", "Every step, in order",
            ] {
                #expect(page.body.contains(text), "the record lacks \(text)")
            }
            let office = try await h.signedIn(demo("business-office", "oldham"))
            let log = try await office.get("/disputes/\(id)/access-log")
            #expect(log.body.contains("viewed the printable record"))
            #expect(!log.body.contains(Self.child))
        }
    }

    @Test func theDownloadIsOneFileNamedOnlyByTheReference() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await Self.discussed(h, browser)
            let reference = try await h.load(id).state.reference
            let file = try await browser.get("/disputes/\(id)/record/download")
            #expect(file.status == .ok)
            #expect(
                file.headers.first(name: .contentDisposition) == "attachment; filename=\"\(reference)-record.html\"")
            #expect(file.headers.first(name: .contentType) == "text/html; charset=utf-8")
            #expect(file.headers.first(name: .cacheControl) == "no-store")
            #expect(file.body.hasPrefix("<!DOCTYPE html>"))
            #expect(file.body.contains("<style>") && file.body.contains(".c-summary-list"))
            #expect(!file.body.contains("<link") && !file.body.contains("<script") && !file.body.contains("csrf"))
            #expect(file.body.contains(Self.child) && file.body.contains("Share notes sooner"))
            #expect(file.body.contains("<title>Record of dispute \(reference)</title>"))
            let office = try await h.signedIn(demo("business-office", "oldham"))
            #expect(try await office.get("/disputes/\(id)/access-log").body.contains("downloaded the record"))
        }
    }

    @Test func outsidersGetTheSameNotFoundForEveryDocument() async throws {
        try await WebHarness.with { h in
            let oldham = try await NeedToKnowTests.oldhamDispute(h)
            let sunderland = try #require(try await h.disputes(in: "sunderland").first { $0.currentStage == "sscp" })
            let paths = [
                "/disputes/\(oldham.id)/record", "/disputes/\(oldham.id)/record/download",
                "/disputes/\(oldham.id)/meeting/agenda", "/disputes/\(oldham.id)/meetings/M1/invitation.ics",
                "/disputes/\(sunderland.id)/forms/sscp-referral",
            ]
            let browser = try await h.signedIn(demo("practitioner.csc", "coventry"))
            let missing = try await browser.get("/disputes/\(UUID())")
            for path in paths {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body == missing.body, "\(path) tells a hidden dispute from a missing one")
            }
            for email in NeedToKnowTests.cannotSee where !email.contains("sunderland") {
                let outsider = try await h.signedIn(email)
                #expect(try await outsider.get(paths[0]).status == .notFound, "\(email)")
                #expect(try await outsider.get(paths[1]).status == .notFound, "\(email)")
            }
        }
    }

    @Test func sunderlandsReferralProformaIsFilledFromTheRecord() async throws {
        try await WebHarness.with { h in
            let dispute = try #require(try await h.disputes(in: "sunderland").first { $0.currentStage == "sscp" })
            let office = try await h.signedIn(demo("business-office", "sunderland"))
            let page = try await office.get("/disputes/\(dispute.id)")
            let path = "/disputes/\(dispute.id)/forms/sscp-referral"
            #expect(page.element("documents")?.contains(path) == true)
            let form = try await office.get(path)
            #expect(form.status == .ok)
            #expect(form.title == "Dispute resolution – referral to SSCP – \(dispute.reference) – Concord")
            let body = try #require(form.element("stage-form"))
            for text in [
                "Name and designation of referrer", "Contact details of referrer",
                "Date information passed to SSCB Strategic Business Manager",
                "Reason for implementing the SSCP Escalation and Challenge Protocol",
                "Step 1: Resolution by professional/practitioner", "Step 2: Resolution by Line Manager",
                "Step 3: Resolution by Senior Manager (or equivalent)", "Actions taken", "Outcome",
                "Has any learning been identified?", "Date complete", "Signed", "@",
            ] {
                #expect(body.contains(text), "the proforma lacks \(text)")
            }
            let loaded = try await h.load(dispute.id)
            #expect(body.contains(loaded.state.raised.disagreement.replacingOccurrences(of: "'", with: "&#39;")))
            #expect(try await office.get("/disputes/\(dispute.id)/forms/no-such-form").status == .notFound)
            // Oldham's protocol has no such form; Sunderland's only once the dispute reaches step 4.
            let oldham = try await NeedToKnowTests.oldhamDispute(h)
            let oldhamOffice = try await h.signedIn(demo("business-office", "oldham"))
            #expect(try await oldhamOffice.get("/disputes/\(oldham.id)/forms/sscp-referral").status == .notFound)
            let early = try #require(try await h.disputes(in: "sunderland").first { $0.currentStage == "frontline" })
            let earlyPage = try await office.get("/disputes/\(early.id)")
            #expect(earlyPage.element("documents")?.contains("sscp-referral") == false)
            #expect(try await office.get("/disputes/\(early.id)/forms/sscp-referral").status == .notFound)
        }
    }
}
