import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// The business office's e-mail page, each person's e-mail settings, and the administrators'
/// secure domains and designated leads.
@Suite("E-mail pages")
struct MailPagesTests {
    static let office = demo("business-office", "oldham")
    static let practitioner = demo("practitioner.csc", "oldham")

    /// Raises a dispute through the form and fails one of the messages it queued.
    func failedMessage(_ h: WebHarness) async throws -> (UUID, OutboxMessage) {
        let id = try await h.raise(as: try await h.signedIn(Self.practitioner))
        let outbox = Outbox(h.database)
        let partnership = try await h.partnership("oldham")
        let queued = try await outbox.messages(partnership: partnership.id, dispute: id)
        #expect(queued.count == 2)
        let message = try #require(queued.first)
        try await outbox.markFailed(
            message.id, error: "permanent mail delivery failure: RCPT TO refused: 550", retryAt: nil)
        return (id, message)
    }

    @Test func theBusinessOfficeSeesFailuresAndSendsThemAgain() async throws {
        try await WebHarness.with { h in
            let (id, message) = try await failedMessage(h)
            let browser = try await h.signedIn(Self.office)
            let overview = try await browser.get("/partnerships/oldham")
            #expect(overview.hrefs.contains("/partnerships/oldham/email"))
            let page = try await browser.get("/partnerships/oldham/email")
            #expect(page.status == .ok)
            #expect(page.title == "Oldham Safeguarding Partnership: e-mail – Concord")
            #expect(page.element("retrying")?.contains("Nothing is waiting to be tried again") == true)
            let failed = try #require(page.element("failed"))
            #expect(failed.contains(message.recipientName) && failed.contains("RCPT TO refused: 550"))
            #expect(failed.contains("/disputes/\(id)"))
            #expect(!page.body.contains("Zebedee"))
            let resend = try await browser.post("/partnerships/oldham/email/\(message.id)/resend", [:])
            #expect(resend.status == .seeOther)
            #expect(resend.location == "/partnerships/oldham/email?done=resent")
            #expect(try await Outbox(h.database).message(message.id)?.status == .pending)
            // Messages waiting for their first try are not listed; one that failed for now is.
            let outbox = Outbox(h.database)
            let other = try #require(
                try await outbox.messages(partnership: try await h.partnership("oldham").id, dispute: id).first {
                    $0.id != message.id
                })
            try await outbox.markFailed(
                other.id, error: "transient mail delivery failure: connection refused", retryAt: h.clock.now() + 300)
            let retrying = try #require(try await browser.get("/partnerships/oldham/email").element("retrying"))
            #expect(retrying.contains("connection refused (0 tries)") && retrying.contains(other.recipientName))
            // Resending what has not failed changes nothing.
            #expect(try await browser.post("/partnerships/oldham/email/\(message.id)/resend", [:]).status == .notFound)
        }
    }

    @Test func othersMayLookButNotResend() async throws {
        try await WebHarness.with { h in
            let (_, message) = try await failedMessage(h)
            let auditor = try await h.signedIn(demo("auditor", "oldham"))
            let page = try await auditor.get("/partnerships/oldham/email")
            #expect(page.status == .ok && page.element("failed")?.contains(message.recipientName) == true)
            #expect(!page.body.contains("/resend"))
            #expect(try await auditor.post("/partnerships/oldham/email/\(message.id)/resend", [:]).status == .forbidden)
            for email in [demo("business-office", "sunderland"), Self.practitioner, "admin@concord.example"] {
                let outsider = try await h.signedIn(email)
                #expect(try await outsider.get("/partnerships/oldham/email").status == .notFound, "\(email)")
            }
            #expect(try await Outbox(h.database).message(message.id)?.status == .failed)
            let signedOut = h.browser()
            #expect(try await signedOut.get("/partnerships/oldham/email").status == .seeOther)
        }
    }

    @Test func queuedMessagesLinkToTheDisputesPage() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser)
            let messages = try await Outbox(h.database).messages(
                partnership: try await h.partnership("oldham").id, dispute: id)
            let link = try #require(
                messages.first?.text.firstMatch(of: /http:\/\/127\.0\.0\.1:8080(\/disputes\/[^\s]+)/))
            #expect(String(link.output.1) == SiteRoute.dispute(.value(id)).path)
            #expect(try await browser.get(String(link.output.1)).status == .ok)
        }
    }

    @Test func peopleChooseADailyDigest() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let person = try #require(try await h.account(Self.practitioner).personID)
            let page = try await browser.get("/settings/email")
            #expect(page.status == .ok && page.body.contains("One message a day"))
            #expect(try await browser.get("/my-work").hrefs.contains("/settings/email"))
            let missing = try await browser.post("/settings/email", [:])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorSummary?.contains("Select how you want to receive") == true)
            let saved = try await browser.post("/settings/email", ["delivery": "daily"])
            #expect(saved.location == "/settings/email?done=saved")
            #expect(try await MailPreferences(h.database).prefersDigest(person: person))
            #expect(try await browser.get("/settings/email").body.contains("value=\"daily\" checked"))
            _ = try await browser.post("/settings/email", ["delivery": "each"])
            #expect(try await MailPreferences(h.database).prefersDigest(person: person) == false)
        }
    }

    @Test("Each person chooses, under E-mail settings, between each message as it happens and one message a day")
    func theBusinessOfficeAndScrutineerChooseTooAndOthersAreToldTheyGetNoMail() async throws {
        try await WebHarness.with { h in
            for email in [Self.office, demo("scrutineer", "sunderland")] {
                let browser = try await h.signedIn(email)
                let person = try #require(try await h.account(email).personID, "\(email) is no person")
                #expect(try await browser.get("/my-work").hrefs.contains("/settings/email"), "\(email)")
                #expect(try await browser.get("/settings/email").body.contains("One message a day"), "\(email)")
                _ = try await browser.post("/settings/email", ["delivery": "daily"])
                #expect(try await MailPreferences(h.database).prefersDigest(person: person), "\(email)")
            }
            for email in ["admin@concord.example", demo("auditor", "oldham")] {
                let browser = try await h.signedIn(email)
                let page = try await browser.get("/settings/email")
                #expect(page.status == .ok && page.body.contains("Concord sends it no e-mail"), "\(email)")
                #expect(try await browser.post("/settings/email", ["delivery": "daily"]).status == .notFound)
            }
        }
    }

    @Test func administratorsSetSecureDomainsAndDesignatedLeads() async throws {
        try await WebHarness.with { h in
            let admin = try await h.signedIn("admin@concord.example")
            let oldham = try await h.partnership("oldham")
            let page = try await admin.get("/admin/partnerships/oldham")
            #expect(page.element("secure-domains")?.contains("None") == true)
            #expect(page.hrefs.contains("/admin/partnerships/oldham/secure-domains"))
            let bad = try await admin.post(
                "/admin/partnerships/oldham/secure-domains", ["domains": "nhs.net\r\nsomeone@gov.uk"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorSummary?.contains("Line 2") == true)
            #expect(try await MailPreferences(h.database).secureDomains(partnership: oldham.id).isEmpty)
            let good = try await admin.post(
                "/admin/partnerships/oldham/secure-domains", ["domains": "nhs.net\r\ngov.uk\r\n"])
            #expect(good.status == .seeOther)
            #expect(
                try await MailPreferences(h.database).secureDomains(partnership: oldham.id) == ["gov.uk", "nhs.net"])
            #expect(
                try await admin.get("/admin/partnerships/oldham").element("secure-domains")?.contains("gov.uk, nhs.net")
                    == true)

            let person = try #require(try await h.account(Self.practitioner).personID)
            #expect(try await admin.get("/admin/people/\(person)").body.contains("Make a designated safeguarding lead"))
            _ = try await admin.post("/admin/people/\(person)/designated-lead", ["lead": "yes"])
            #expect(try await Directory(h.database).person(id: person)?.designatedLead == true)

            let office = try await h.signedIn(Self.office)
            #expect(
                try await office.post("/admin/partnerships/oldham/secure-domains", ["domains": ""]).status == .forbidden
            )
            #expect(
                try await office.post("/admin/people/\(person)/designated-lead", ["lead": "no"]).status == .forbidden)
            #expect(try await Directory(h.database).person(id: person)?.designatedLead == true)
        }
    }
}
