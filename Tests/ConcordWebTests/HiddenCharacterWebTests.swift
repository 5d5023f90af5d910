import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// Hidden characters as issue 12 typed them: a right-to-left override in a name, control
/// characters in dispute text, and NUL, which gave a 500 on PostgreSQL. Each is refused with
/// the answer's own error where the form can show one, and with a 400 page everywhere else.
@Suite("Hidden characters")
struct HiddenCharacterWebTests {
    static let override = "\u{202E}"

    static func agencyForm(_ browser: Browser, name: String) async throws -> Browser.Page {
        let form = try await browser.get("/admin/agencies/new")
        return try await browser.post(
            "/admin/agencies/new", ["name": name, "type": "health"],
            repeated: [("partnerships[]", form.options("partnerships[]").first?.value ?? "")])
    }

    @Test func anAdministratorCannotNameAnAgencyBackwards() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let before = try await Directory(h.database).agencies().count
            let page = try await Self.agencyForm(browser, name: "Health\(Self.override)evil")
            #expect(page.status == .unprocessableEntity)
            let error = try #require(
                page.body.range(of: "id=\"name-error\"").map { String(page.body[$0.lowerBound...].prefix(300)) })
            #expect(error.contains("Remove the hidden text-direction character (U+202E) from this answer"))
            #expect(page.errorSummary?.contains("href=\"#name\"") == true)
            #expect(try await Directory(h.database).agencies().count == before)
        }
    }

    @Test(arguments: [("Pat\tWorker", "Remove the tab from this answer"), ("Pat\u{7}Worker", "(U+0007)")])
    func aPersonsNameIsOneLineOfVisibleText(_ name: String, _ message: String) async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let form = try await browser.get("/admin/people/new")
            let agency = try #require(form.options("agency").first?.value)
            let page = try await browser.post(
                "/admin/people/new", ["name": name, "agency": agency, "level": "practitioner"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.errorSummary?.contains(message) == true, "\(page.errorSummary ?? "")")
            #expect(try await Directory(h.database).people().allSatisfy { $0.name != name })
        }
    }

    @Test func disputeTextKeepsItsLinesButNotItsControls() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let form = try await browser.get("/disputes/new/oldham")
            var fields = try FormTokenTests.raiseFields(form, token: try #require(form.hidden("token")))
            fields["disagreement"] = "Threshold\u{1B}[2J"
            fields["child-1-name"] = "Orla\u{2067}Madeup"
            let refused = try await browser.post("/disputes/new/oldham", fields)
            #expect(refused.status == .unprocessableEntity)
            let summary = try #require(refused.errorSummary)
            #expect(summary.contains("href=\"#disagreement\">Remove the hidden control character (U+001B)"))
            #expect(summary.contains("href=\"#child-1-name\">Remove the hidden text-direction character (U+2067)"))
            fields["disagreement"] = "Whether the threshold is met.\r\n\r\nHealth disagree.\tStill."
            fields["child-1-name"] = "Orla Madeup"
            let raised = try await browser.post("/disputes/new/oldham", fields)
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            #expect(try await h.load(id).state.raised.disagreement == fields["disagreement"])
        }
    }

    @Test func namesAndDisputeTextAreIsolatedOnThePage() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let id = try await h.raise(as: browser, child: "Zebedee Quartermaine")
            let page = try await browser.get("/disputes/\(id)")
            let name = try await h.account(demo("practitioner.csc", "oldham")).name
            #expect(page.body.contains("<bdi>Zebedee Quartermaine</bdi>"))
            #expect(page.body.contains("<td class=\"c-table__cell\"><bdi>\(name)</bdi></td>"))
            #expect(page.body.contains("<span class=\"c-header__account\"><bdi>\(name)</bdi>"))
            let people = try await h.signedIn(AdminFixtures.admin).get("/admin/people")
            #expect(people.body.contains("<bdi>\(name)</bdi>"))
        }
    }

    /// NUL gave a 500 on PostgreSQL, in forms and in the sign-in address before anyone was
    /// signed in: now a 422 with the answer's error, or a 400 page, on both databases.
    @Test(arguments: WebBackend.allCases)
    func nulIsAFormErrorNeverAServerError(_ backend: WebBackend) async throws {
        try await WebHarness.with(backend: backend) { h in
            let anonymous = h.browser()
            try await anonymous.get("/sign-in")
            let signIn = try await anonymous.post(
                "/sign-in", ["email": "practitioner.csc\u{0}@oldham.concord.example", "password": DemoData.password])
            #expect(signIn.status == .unprocessableEntity)
            #expect(
                signIn.errorSummary?.contains("href=\"#email\">Remove the hidden control character (U+0000)") == true)

            let admin = try await h.signedIn(AdminFixtures.admin)
            let agencies = try await Directory(h.database).agencies().count
            #expect(try await Self.agencyForm(admin, name: "Health\u{0}").status == .unprocessableEntity)
            #expect(try await Directory(h.database).agencies().count == agencies)

            let practitioner = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let before = try await h.disputes(in: "oldham").count
            let form = try await practitioner.get("/disputes/new/oldham")
            var fields = try FormTokenTests.raiseFields(form, token: try #require(form.hidden("token")))
            fields["outcome"] = "A meeting\u{0}"
            #expect(try await practitioner.post("/disputes/new/oldham", fields).status == .unprocessableEntity)
            #expect(try await h.disputes(in: "oldham").count == before)

            // A form that checks no answers itself, a query and an address are refused whole.
            try await practitioner.get("/settings/email")
            let settings = try await practitioner.post("/settings/email", ["delivery": "digest\u{0}"])
            #expect(settings.status == .badRequest)
            #expect(settings.body.contains("What you sent cannot be accepted"))
            #expect(settings.body.contains("hidden control character (U+0000)"))
            #expect(try await practitioner.get("/my-work?sort=%00").status == .badRequest)
            #expect(try await admin.get("/admin/partnerships/old%00ham").status == .badRequest)
            #expect(try await h.raw(.GET, "/sign-in?next=%E2%80%AE").status == .badRequest)
        }
    }
}
