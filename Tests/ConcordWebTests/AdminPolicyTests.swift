import ConcordCore
import ConcordStore
import Foundation
import SeedTexts
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Administration: policies")
struct AdminPolicyTests {
    static let path = "/admin/partnerships/oldham/policies"

    @Test("a policy with problems is shown line by line, keeps the text, and installs nothing")
    func badUpload() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let broken = AdminFixtures.oldham.replacingOccurrences(of: "scope: practice", with: "scope: sideways")
                .replacingOccurrences(of: "region: england-and-wales", with: "region: england-and-wales\nflavour: mint")
            let page = try await browser.postMultipart(Self.path, ["yaml": broken])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("<title>Error: Policies – Concord</title>"))
            #expect(page.body.contains("c-error-summary"))
            #expect(page.body.contains("Line 7, column 1: "))
            #expect(page.body.contains("Line 8, column "))
            #expect(page.body.contains("id=\"problems\""))
            #expect(page.body.contains("flavour: mint"), "what was pasted is kept")
            let versions = try await Directory(h.database).policyVersions(partnership: AdminFixtures.oldhamID(h))
            #expect(versions.count == 1)
        }
    }

    @Test("a policy for another region's calendar is refused")
    func regionMismatch() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let scottish = AdminFixtures.oldham.replacingOccurrences(
                of: "region: england-and-wales", with: "region: scotland")
            let page = try await browser.postMultipart(Self.path, [:], file: ("scottish.yaml", scottish))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Scotland calendar"))
            #expect(page.body.contains("region: scotland"), "the uploaded file's text is put in the box to fix")
            let versions = try await Directory(h.database).policyVersions(partnership: AdminFixtures.oldhamID(h))
            #expect(versions.count == 1)
        }
    }

    @Test("an empty upload asks for a policy")
    func emptyUpload() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let page = try await browser.postMultipart(Self.path, ["yaml": "  "], file: ("", ""))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Paste a policy or choose a policy file"))
        }
    }

    @Test("a good upload makes a new current version, viewable with line numbers; the same text again changes nothing")
    func goodUpload() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            h.clock.advance(by: 60)
            let uploaded = try await browser.postMultipart(
                Self.path, [:], file: ("oldham-v2.yaml", AdminFixtures.oldhamRevised))
            #expect(uploaded.status == .seeOther)
            #expect(uploaded.location == Self.path + "?done=saved")
            let oldham = try await AdminFixtures.oldhamID(h)
            let versions = try await Directory(h.database).policyVersions(partnership: oldham)
            #expect(versions.count == 2)
            let newest = try #require(versions.first)
            #expect(newest.yaml == AdminFixtures.oldhamRevised)
            #expect(try await Directory(h.database).currentPolicy(partnership: oldham)?.version == newest.sha256)

            let list = try await browser.get(Self.path + "?done=saved")
            #expect(list.body.contains("Changes saved"))
            #expect(list.body.contains(String(newest.sha256.prefix(12))))
            #expect(list.body.contains(String(versions[1].sha256.prefix(12))))
            let current = try #require(list.body.range(of: "Current"))
            #expect(list.body[..<current.lowerBound].contains(String(newest.sha256.prefix(12))))

            let view = try await browser.get(Self.path + "/" + newest.sha256)
            #expect(view.status == .ok)
            #expect(view.body.contains("<pre class=\"c-pre\""))
            #expect(view.body.contains("<span class=\"c-pre__line\">name: Dispute Resolution Pathway (revised)</span>"))
            #expect(view.body.contains("Current"))
            let earlier = try await browser.get(Self.path + "/" + versions[1].sha256)
            #expect(earlier.body.contains("Earlier"))
            #expect(try await browser.get(Self.path + "/deadbeef").status == .notFound)

            // Pasted in a browser, the same text arrives with CR LF line endings.
            h.clock.advance(by: 60)
            try await browser.get(Self.path)
            let again = try await browser.post(
                Self.path, ["yaml": AdminFixtures.oldhamRevised.replacingOccurrences(of: "\n", with: "\r\n")])
            #expect(again.status == .seeOther)
            #expect(again.location == Self.path + "?done=unchanged")
            #expect(try await browser.get(Self.path + "?done=unchanged").body.contains("Nothing changed"))
            #expect(try await Directory(h.database).policyVersions(partnership: oldham).count == 2)
        }
    }

    @Test("pasting and choosing a file at once is refused")
    func both() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let page = try await browser.postMultipart(
                Self.path, ["yaml": AdminFixtures.oldhamRevised], file: ("oldham.yaml", AdminFixtures.oldhamRevised))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("not both"))
        }
    }

    /// Oldham's seed protocol, wherever `SeedTexts` finds it.
    static func oldhamSeed() throws -> String {
        try SeedTexts.text("000_36ed91dd46ade3d5.txt")
    }

    @Test(
        "with the protocol's text attached, a policy quoting it word for word installs",
        .enabled(if: SeedTexts.directory != nil, Comment(rawValue: SeedTexts.absence)))
    func quotesCheckedAgainstTheProtocol() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let page = try await browser.postMultipart(
                Self.path, ["yaml": AdminFixtures.oldhamRevised, "source": try Self.oldhamSeed()])
            #expect(page.status == .seeOther, "\(page.body)")
            #expect(try await Directory(h.database).policyVersions(partnership: AdminFixtures.oldhamID(h)).count == 2)
        }
    }

    @Test(
        "a quote that is not in the attached protocol text is shown at its line, and nothing is installed",
        .enabled(if: SeedTexts.directory != nil, Comment(rawValue: SeedTexts.absence)))
    func quoteNotInTheProtocol() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let seed = try Self.oldhamSeed()
            let sentence = "to ensure decision making captured on"
            #expect(seed.contains(sentence))
            let page = try await browser.postMultipart(
                Self.path,
                ["yaml": AdminFixtures.oldhamRevised, "source": seed.replacingOccurrences(of: sentence, with: "")])
            #expect(page.status == .unprocessableEntity)
            #expect(
                page.body.contains("confirmations.quote: this quote is not word for word in the protocol&#39;s text"),
                "\(page.body)")
            #expect(page.body.contains("Line 20, column "))
            #expect(try await Directory(h.database).policyVersions(partnership: AdminFixtures.oldhamID(h)).count == 1)
        }
    }
}
