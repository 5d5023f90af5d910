import ConcordCore
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Administration: access and pages")
struct AdminTests {
    @Test("every admin page renders for the administrator, with a plain title")
    func pagesRender() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let (gets, _) = try await AdminFixtures.routes(h)
            for path in gets {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("<title>Error:"), "\(path)")
                #expect(!page.body.contains("$2"), "\(path) shows no bcrypt hash")
            }
            let index = try await browser.get("/admin")
            #expect(index.body.contains("<title>Administration – Concord</title>"))
            #expect(index.body.contains("href=\"/admin/partnerships/oldham\""))
            #expect(index.body.contains("href=\"/admin/agencies\""))
            #expect(index.body.contains("href=\"/admin/people\""))
            #expect(index.body.contains("href=\"/admin/accounts\""))
            #expect(index.body.contains("Dispute Resolution Pathway (oldham, "))
            #expect(try await browser.get("/admin/agencies").body.contains("<title>Agencies – Concord</title>"))
        }
    }

    @Test("signing in as the administrator goes to administration, which shows no dispute")
    func adminSeesNoDisputes() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let index = try await browser.get("/admin")
            #expect(!index.body.contains("/disputes/"))
        }
    }

    @Test(
        "every admin page and form is refused to other roles",
        arguments: [AdminFixtures.practitioner, AdminFixtures.businessOffice])
    func forbiddenToOtherRoles(email: String) async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(email)
            let (gets, posts) = try await AdminFixtures.routes(h)
            for path in gets {
                #expect(try await browser.get(path).status == .forbidden, "GET \(path)")
            }
            for path in posts {
                try await browser.get("/admin")
                let page = try await browser.post(path, ["name": "Intruder", "slug": "intruder", "region": "scotland"])
                #expect(page.status == .forbidden, "POST \(path)")
                #expect(page.body.contains("You cannot do this"), "POST \(path)")
            }
            #expect(try await Directory(h.database).partnership(slug: "intruder") == nil)
        }
    }

    @Test("signed out, admin pages and forms send you to sign in")
    func signedOutRedirects() async throws {
        try await WebHarness.with { h in
            let browser = h.browser()
            let (gets, posts) = try await AdminFixtures.routes(h)
            for path in gets {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "GET \(path)")
                #expect(page.location?.hasPrefix("/sign-in") == true, "GET \(path)")
            }
            for path in posts {
                try await browser.get("/sign-in")
                let page = try await browser.post(path, ["name": "Intruder"])
                #expect(page.status == .seeOther, "POST \(path)")
                #expect(page.location == "/sign-in", "POST \(path)")
            }
        }
    }

    @Test("a form posted without its CSRF token is refused and changes nothing")
    func csrfRequired() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get("/admin/partnerships/new")
            let missing = try await browser.post(
                "/admin/partnerships/new", ["csrf": "", "name": "Forged", "slug": "forged", "region": "scotland"])
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post(
                "/admin/partnerships/new",
                ["csrf": "not-the-token", "name": "Forged", "slug": "forged", "region": "scotland"])
            #expect(wrong.status == .forbidden)
            try await browser.get("/admin/partnerships/oldham/policies")
            let upload = try await browser.postMultipart(
                "/admin/partnerships/oldham/policies", ["yaml": AdminFixtures.oldhamRevised], csrf: "")
            #expect(upload.status == .forbidden)
            #expect(try await Directory(h.database).partnership(slug: "forged") == nil)
            let versions = try await Directory(h.database).policyVersions(partnership: AdminFixtures.oldhamID(h))
            #expect(versions.count == 1)
        }
    }
}
