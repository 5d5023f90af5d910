import ConcordCore
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Administration: partnerships, agencies and people")
struct AdminDirectoryTests {
    @Test("adding a partnership checks its answers, then shows it")
    func addPartnership() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get("/admin/partnerships/new")
            let empty = try await browser.post("/admin/partnerships/new", [:])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("<title>Error: Add a partnership – Concord</title>"))
            #expect(
                empty.body.contains("Enter the partnership&#39;s name")
                    || empty.body.contains("Enter the partnership's name"))
            #expect(empty.body.contains("href=\"#region\""))
            let taken = try await browser.post(
                "/admin/partnerships/new", ["name": "Oldham again", "slug": "oldham", "region": "england-and-wales"])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("already exists"))
            #expect(taken.body.contains("value=\"Oldham again\""))
            let bad = try await browser.post(
                "/admin/partnerships/new", ["name": "Fife", "slug": "Fife Council", "region": "scotland"])
            #expect(bad.body.contains("lower-case letters"))
            let added = try await browser.post(
                "/admin/partnerships/new",
                ["name": "Fife Child Protection Committee", "slug": "fife", "region": "scotland"])
            #expect(added.status == .seeOther)
            #expect(added.location == "/admin/partnerships/fife?done=saved")
            let page = try await browser.get("/admin/partnerships/fife?done=saved")
            #expect(page.body.contains("Fife Child Protection Committee"))
            #expect(page.body.contains("Scotland"))
            #expect(page.body.contains("None installed"))
            #expect(try await browser.get("/admin").body.contains("/admin/partnerships/fife"))
        }
    }

    @Test("closure days are added with the three date boxes and removed")
    func closureDays() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let path = "/admin/partnerships/oldham"
            try await browser.get(path)
            let invalid = try await browser.post(
                path + "/closure-days", ["day-day": "31", "day-month": "2", "day-year": "2027"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("must be a real date"))
            #expect(invalid.body.contains("value=\"31\""))
            let missing = try await browser.post(path + "/closure-days", [:])
            #expect(missing.body.contains("Enter the closure day"))
            let added = try await browser.post(
                path + "/closure-days", ["day-day": "29", "day-month": "12", "day-year": "2026"])
            #expect(added.status == .seeOther)
            let day = try #require(LocalDate(year: 2026, month: 12, day: 29))
            var oldham = try #require(try await Directory(h.database).partnership(slug: "oldham"))
            #expect(oldham.closureDays.contains(day))
            let page = try await browser.get(path)
            #expect(page.body.contains("29 December 2026"))
            let twice = try await browser.post(
                path + "/closure-days", ["day-day": "29", "day-month": "12", "day-year": "2026"])
            #expect(twice.body.contains("already a closure day"))
            try await browser.get(path)
            let removed = try await browser.post(path + "/closure-days/remove", ["day": "2026-12-29"])
            #expect(removed.status == .seeOther)
            oldham = try #require(try await Directory(h.database).partnership(slug: "oldham"))
            #expect(!oldham.closureDays.contains(day))
        }
    }

    @Test("adding an agency and a person shows them in the lists")
    func agencyAndPerson() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let oldham = try await AdminFixtures.oldhamID(h)
            try await browser.get("/admin/agencies/new")
            let empty = try await browser.post("/admin/agencies/new", [:])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("Select at least one partnership"))
            let agency = try await browser.post(
                "/admin/agencies/new", ["name": "Oldham Youth Justice Service", "type": "other"],
                repeated: [("partnerships[]", oldham.uuidString)])
            #expect(agency.status == .seeOther)
            let agencies = try await browser.get("/admin/agencies")
            #expect(agencies.body.contains("Oldham Youth Justice Service"))
            #expect(agencies.body.contains("Oldham Safeguarding Partnership"))

            let agencyID = try #require(
                try await Directory(h.database).agencies().first { $0.name == "Oldham Youth Justice Service" }?.id)
            try await browser.get("/admin/people/new")
            let bad = try await browser.post("/admin/people/new", ["name": "Ravi Shah", "email": "not an address"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("correct format"))
            #expect(
                bad.body.contains("Select the person&#39;s agency") || bad.body.contains("Select the person's agency"))
            let manager = try await browser.post(
                "/admin/people/new",
                [
                    "name": "Ravi Shah", "email": "ravi@yjs.example", "agency": agencyID.uuidString,
                    "level": "line-manager",
                ])
            #expect(manager.status == .seeOther)
            let ravi = try #require(try await Directory(h.database).people().first { $0.name == "Ravi Shah" })
            try await browser.get("/admin/people/new")
            let worker = try await browser.post(
                "/admin/people/new",
                [
                    "name": "Ada Quinn", "agency": agencyID.uuidString, "level": "practitioner",
                    "manager": ravi.id.uuidString,
                ])
            #expect(worker.status == .seeOther)
            let people = try await browser.get("/admin/people")
            #expect(people.body.contains("Ada Quinn"))
            let ada = try #require(try await Directory(h.database).people().first { $0.name == "Ada Quinn" })
            #expect(ada.lineManagerID == ravi.id)
        }
    }

    @Test("a person's line manager can be changed, but not into a loop")
    func lineManager() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let directory = Directory(h.database)
            let people = try await directory.people()
            let worker = try #require(people.first { $0.lineManagerID != nil && $0.level == .practitioner })
            let manager = try #require(people.first { $0.id == worker.lineManagerID })
            let path = "/admin/people/\(worker.id)"
            let page = try await browser.get(path)
            #expect(page.body.contains(manager.name))

            try await browser.get("/admin/people/\(manager.id)")
            let loop = try await browser.post("/admin/people/\(manager.id)", ["manager": worker.id.uuidString])
            #expect(loop.status == .unprocessableEntity)
            #expect(loop.body.contains("cannot be their line manager"))
            let myself = try await browser.post("/admin/people/\(manager.id)", ["manager": manager.id.uuidString])
            #expect(myself.body.contains("cannot be their own line manager"))
            #expect(try await directory.person(id: manager.id)?.lineManagerID == manager.lineManagerID)

            try await browser.get(path)
            let cleared = try await browser.post(path, ["manager": ""])
            #expect(cleared.status == .seeOther)
            #expect(try await directory.person(id: worker.id)?.lineManagerID == nil)
            let other = try #require(
                people.first { $0.id != worker.id && $0.agency == worker.agency && $0.level == .seniorManager })
            try await browser.get(path)
            #expect(try await browser.post(path, ["manager": other.id.uuidString]).status == .seeOther)
            #expect(try await directory.person(id: worker.id)?.lineManagerID == other.id)
        }
    }

    @Test("an e-mail address with a line break in it is refused on its field, and nothing is added")
    func addressWithALineBreak() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            let agency = try #require(try await Directory(h.database).agencies().first)
            let injected = "ravi@yjs.example\r\nATTENDEE:mailto:mallory@evil.example"
            let before = try await Directory(h.database).people().count
            try await browser.get("/admin/people/new")
            let person = try await browser.post(
                "/admin/people/new",
                ["name": "Ravi Shah", "email": injected, "agency": agency.id.uuidString, "level": "line-manager"])
            #expect(person.status == .unprocessableEntity)
            // Every form refuses a line break in a one-line answer before the address itself is read.
            #expect(person.body.contains("Remove the line break: this answer must be on one line"))
            #expect(person.body.contains("href=\"#email\""))
            #expect(person.body.contains("value=\"Ravi Shah\""), "what was typed is kept")
            #expect(try await Directory(h.database).people().count == before)

            try await browser.get("/admin/accounts/new")
            let account = try await browser.post(
                "/admin/accounts/new",
                [
                    "email": injected, "name": "Ravi Shah", "role": "administrator",
                    "password": AdminAccountTests.newPassword, "confirm": AdminAccountTests.newPassword,
                ])
            #expect(account.status == .unprocessableEntity)
            #expect(account.body.contains("Remove the line break: this answer must be on one line"))
            let semicolon = try await browser.post(
                "/admin/people/new",
                [
                    "name": "Ravi Shah", "email": "ravi;x@yjs.example", "agency": agency.id.uuidString,
                    "level": "line-manager",
                ])
            #expect(semicolon.body.contains("An e-mail address cannot contain ;"))
        }
    }
}
