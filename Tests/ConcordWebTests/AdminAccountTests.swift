import ConcordCore
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Administration: accounts")
struct AdminAccountTests {
    static let newPassword = "a long new password"

    @Test("adding an account checks every answer, then lets them sign in")
    func addAccount() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let person = try #require(try await Directory(h.database).people().first { $0.level == .practitioner })
            try await browser.get("/admin/accounts/new")
            let short = try await browser.post(
                "/admin/accounts/new",
                ["email": "new@concord.example", "name": "New Person", "role": "practitioner", "password": "short"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("<title>Error: Add an account – Concord</title>"))
            #expect(short.body.contains("at least 12 characters"))
            #expect(short.body.contains("must name the person"))
            #expect(short.body.contains("value=\"new@concord.example\""))
            #expect(!short.body.contains("value=\"short\""), "a password is never sent back")

            let mismatch = try await browser.post(
                "/admin/accounts/new",
                [
                    "email": "new@concord.example", "name": "New Person", "role": "auditor",
                    "password": Self.newPassword, "confirm": "something else entirely",
                ])
            #expect(mismatch.body.contains("The passwords do not match"))
            #expect(mismatch.body.contains("must name its partnership"))

            let duplicate = try await browser.post(
                "/admin/accounts/new",
                [
                    "email": "Admin@Concord.example", "name": "Copy", "role": "administrator",
                    "password": Self.newPassword, "confirm": Self.newPassword,
                ])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.contains("An account for admin@concord.example already exists"))
            #expect(duplicate.body.contains("href=\"#email\""))

            let added = try await browser.post(
                "/admin/accounts/new",
                [
                    "email": "new@concord.example", "name": "New Person", "role": "practitioner",
                    "person": person.id.uuidString, "password": Self.newPassword, "confirm": Self.newPassword,
                ])
            #expect(added.status == .seeOther)
            #expect(added.location == "/admin/accounts?done=saved")
            let list = try await browser.get("/admin/accounts")
            #expect(list.body.contains("new@concord.example"))
            #expect(list.body.contains(person.name))
            #expect(!list.body.contains("$2"), "no password hash is shown")
            _ = try await h.signedIn("new@concord.example", password: Self.newPassword)
        }
    }

    @Test("disabling an account ends its sessions and stops it signing in; enabling restores it")
    func disable() async throws {
        try await WebHarness.with { h in
            let admin = try await h.signedIn(AdminFixtures.admin)
            let user = try await h.signedIn(AdminFixtures.practitioner)
            // Signed in, they are refused administration; signed out, they are sent to sign in.
            #expect(try await user.get("/admin").status == .forbidden)
            let account = try #require(try await Accounts(h.database).find(email: AdminFixtures.practitioner))
            let path = "/admin/accounts/\(account.id)"
            let page = try await admin.get(path)
            #expect(page.body.contains("Disable account"))
            #expect(!page.body.contains(account.passwordHash))
            #expect(try await admin.post(path + "/status", ["disabled": "true"]).status == .seeOther)
            #expect(try await admin.get(path).body.contains("Enable account"))
            #expect(try await admin.get("/admin/accounts").body.contains("Disabled"))

            let after = try await user.get("/admin")
            #expect(after.status == .seeOther)
            await #expect(throws: HarnessError.self) { _ = try await h.signedIn(AdminFixtures.practitioner) }

            try await admin.get(path)
            #expect(try await admin.post(path + "/status", ["disabled": "false"]).status == .seeOther)
            _ = try await h.signedIn(AdminFixtures.practitioner)
        }
    }

    @Test("an administrator cannot disable their own account")
    func notSelf() async throws {
        try await WebHarness.with { h in
            let admin = try await h.signedIn(AdminFixtures.admin)
            let account = try #require(try await Accounts(h.database).find(email: AdminFixtures.admin))
            try await admin.get("/admin/accounts/\(account.id)")
            let page = try await admin.post("/admin/accounts/\(account.id)/status", ["disabled": "true"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("cannot disable the account you are signed in with"))
            #expect(try await Accounts(h.database).find(id: account.id)?.disabled == false)
        }
    }

    @Test("setting a new password signs them out and the new one works")
    func setPassword() async throws {
        try await WebHarness.with { h in
            let admin = try await h.signedIn(AdminFixtures.admin)
            let user = try await h.signedIn(AdminFixtures.businessOffice)
            #expect(try await user.get("/admin").status == .forbidden)
            let account = try #require(try await Accounts(h.database).find(email: AdminFixtures.businessOffice))
            let path = "/admin/accounts/\(account.id)"
            try await admin.get(path)
            let short = try await admin.post(path + "/password", ["password": "tiny", "confirm": "tiny"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("at least 12 characters"))
            let set = try await admin.post(
                path + "/password", ["password": Self.newPassword, "confirm": Self.newPassword])
            #expect(set.status == .seeOther)
            #expect(try await admin.get("/admin").status == .ok, "the administrator stays signed in")
            #expect(try await user.get("/admin").status == .seeOther)
            await #expect(throws: HarnessError.self) { _ = try await h.signedIn(AdminFixtures.businessOffice) }
            _ = try await h.signedIn(AdminFixtures.businessOffice, password: Self.newPassword)
        }
    }
}
