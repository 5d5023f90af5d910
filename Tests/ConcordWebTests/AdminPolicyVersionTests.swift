import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// The way back from a bad policy version: issue 12 installed a policy whose name held NUL,
/// after which every raise failed, and uploading the previous policy again changed nothing.
@Suite("Administration: making an earlier policy version current")
struct AdminPolicyVersionTests {
    static let path = "/admin/partnerships/oldham/policies"

    @Test func aPolicyWithAHiddenCharacterIsRefusedWhereItIs() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            let poisoned = AdminFixtures.oldham.replacingOccurrences(
                of: "name: Dispute Resolution Pathway", with: "name: \"Dispute Resolution Pathway\\0\"")
            let page = try await browser.postMultipart(Self.path, ["yaml": poisoned])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("name: contains a hidden control character (U+0000); remove it"))
            let line = try #require(poisoned.split(separator: "\n").firstIndex { $0.hasPrefix("name:") }) + 1
            #expect(page.body.contains("Line \(line), column 7"))
            #expect(try await Directory(h.database).policyVersions(partnership: AdminFixtures.oldhamID(h)).count == 1)
        }
    }

    @Test func anEarlierVersionIsMadeCurrentAgainAndNewDisputesFollowIt() async throws {
        try await WebHarness.with { h in
            let oldham = try await AdminFixtures.oldhamID(h)
            let directory = Directory(h.database)
            let original = try #require(try await directory.currentPolicy(partnership: oldham)?.version)
            let browser = try await h.signedIn(AdminFixtures.admin)
            try await browser.get(Self.path)
            h.clock.advance(by: 60)
            let revised = try await browser.postMultipart(Self.path, ["yaml": AdminFixtures.oldhamRevised])
            #expect(revised.location == Self.path + "?done=saved")
            #expect(try await directory.currentPolicy(partnership: oldham)?.version != original)

            try await browser.get(Self.path)
            let again = try await browser.postMultipart(Self.path, ["yaml": AdminFixtures.oldham])
            #expect(again.location == Self.path + "?done=earlier")
            let list = try await browser.get(try #require(again.location))
            #expect(list.body.contains("which is not current. To use it again, choose ‘Make current’ beside it"))
            let makeCurrent = "\(Self.path)/\(original)/make-current"
            #expect(list.body.contains("action=\"\(makeCurrent)\""))

            let forged = try await browser.post(makeCurrent, ["csrf": "forged"])
            #expect(forged.status == .forbidden)
            let practitioner = try await h.signedIn(demo("practitioner.csc", "oldham"))
            try await practitioner.get("/my-work")
            #expect(try await practitioner.post(makeCurrent, [:]).status == .forbidden)
            #expect(try await directory.currentPolicy(partnership: oldham)?.version != original)

            h.clock.advance(by: 60)
            try await browser.get(Self.path)
            let made = try await browser.post(makeCurrent, [:])
            #expect(made.location == Self.path + "?done=current")
            #expect(try await directory.currentPolicy(partnership: oldham)?.version == original)
            let page = try await browser.get(Self.path + "?done=current")
            #expect(page.body.contains("Version made current"))
            let admin = try await h.account(AdminFixtures.admin)
            #expect(page.body.contains("Made current again on \(Formatting.time(h.clock.now())) by \(admin.name)"))
            #expect(try await browser.get("\(Self.path)/\(original)").body.contains("Made current again"))

            let raised = try await h.raise(as: practitioner)
            #expect(try await h.load(raised).state.raised.policyVersion == original)
        }
    }
}
