import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// The professional a dispute is raised with works for the agency it is raised with.
@Suite("Raising a dispute: the professional")
struct RaiseProfessionalTests {
    static let path = "/disputes/new/sunderland"

    func answers(_ form: Browser.Page, agency: String, professional: String) throws -> [String: String] {
        [
            "token": try #require(form.hidden("token")),
            "agency": try #require(form.options("agency").first { $0.label.contains(agency) }?.value),
            "professional": professional, "child-1-name": "Perpetua Hollinshead", "category": "assessment",
            "disagreement": "Whether an assessment is needed", "outcome": "A joint assessment",
            "significant-harm": "no",
        ]
    }

    @Test("the list groups professionals under their agency")
    func groupedByAgency() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "sunderland"))
            let form = try await browser.get(Self.path)
            let health = try await h.account(demo("practitioner.health", "sunderland")).name
            let select = try #require(form.body.firstRange(of: "id=\"professional\""))
            let end = try #require(form.body[select.upperBound...].firstRange(of: "</select>"))
            let markup = form.body[select.upperBound..<end.lowerBound]
            let groups = markup.matches(of: /<optgroup label="([^"]*)">((?:.|\n)*?)<\/optgroup>/).map {
                (label: String($0.output.1), options: String($0.output.2))
            }
            let healthGroup = try #require(groups.first { $0.label == "Wearside Community Health" })
            #expect(healthGroup.options.contains(">\(health), Wearside Community Health</option>"))
            #expect(groups.contains { $0.label.hasPrefix("Northumbria Police") })
            for group in groups {
                let labels = group.options.matches(of: /<option value="[^"]+">([^<]*)<\/option>/).map {
                    String($0.output.1)
                }
                #expect(!labels.isEmpty && labels.allSatisfy { $0.hasSuffix(", \(group.label)") }, "\(group.label)")
            }
        }
    }

    @Test("a professional from another agency than the one chosen is refused on the field, and nothing is raised")
    func mismatchRefused() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "sunderland"))
            let before = try await h.disputes(in: "sunderland").count
            let form = try await browser.get(Self.path)
            let health = try await h.account(demo("practitioner.health", "sunderland")).name
            let healthID = try #require(form.options("professional").first { $0.label.hasPrefix(health) }?.value)
            let page = try await browser.post(
                Self.path, try answers(form, agency: "Northumbria Police", professional: healthID))
            #expect(page.status == .unprocessableEntity)
            let summary = try #require(page.errorSummary)
            #expect(
                summary.contains(
                    "<a href=\"#professional\">\(health) works for Wearside Community Health, not Northumbria Police (Sunderland): choose someone listed under Northumbria Police (Sunderland), or Not known yet</a>"
                ), "\(summary)")
            #expect(page.body.contains("id=\"professional-error\""))
            #expect(page.body.contains("value=\"\(healthID)\" selected"), "the choice is kept to be corrected")
            #expect(try await h.disputes(in: "sunderland").count == before)

            let unknown = try await browser.post(
                Self.path, try answers(form, agency: "Northumbria Police", professional: UUID().uuidString))
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.contains("Select the professional from the list, or Not known yet"))

            let matched = try await browser.post(
                Self.path, try answers(form, agency: "Wearside Community Health", professional: healthID))
            #expect(matched.status == .seeOther)
            let id = try #require(
                matched.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            let raised = try await h.load(id).state
            #expect(raised.agencies.map(\.name).contains("Wearside Community Health"))
            #expect(raised.raised.professionals.map(\.name) == [health])
        }
    }
}
