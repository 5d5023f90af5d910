import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

/// The raise form asks about whoever the partnership's protocol covers: an all-ages procedure
/// asks whether each person is a child, an adult or an unborn baby.
@Suite("Raising a dispute about an adult or an unborn baby")
struct RaiseSubjectsTests {
    static let policy = """
        id: all-ages
        name: Joint Escalation Procedure for Children and Adults
        partnership: Oldham Safeguarding Partnership
        region: england-and-wales
        scope: practice
        subjects: [children, adults, unborn]
        stages:
          - id: practitioners
            title: Practitioners talk
            summary: The practitioners talk it through.
            participants:
              - level: practitioner
            timescale:
              working_days: 2

        """

    /// Opens the raise form and posts it with the health practitioner named and these answers.
    static func raise(_ h: WebHarness, _ browser: Browser, _ answers: [String: String]) async throws -> Browser.Page {
        let form = try await browser.get("/disputes/new/oldham?procedure=all-ages")
        #expect(form.status == .ok)
        var fields = [
            "token": form.hidden("token") ?? "",
            "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
            "category": "assessment", "disagreement": "Whether a care and support assessment is needed",
            "outcome": "A joint assessment", "significant-harm": "no",
        ]
        fields.merge(answers) { $1 }
        return try await browser.post("/disputes/new/oldham?procedure=all-ages", fields)
    }

    @Test("An all-ages procedure asks who each person is, and takes an adult")
    func anAdult() async throws {
        try await WebHarness.with { h in
            let oldham = try await h.partnership("oldham")
            _ = try await Directory(h.database).installPolicy(
                Self.policy, file: "all-ages.yaml", partnership: oldham.id, at: h.clock.now())
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let form = try await csc.get("/disputes/new/oldham?procedure=all-ages")
            #expect(form.body.contains("Person 1: who is it?"))
            #expect(form.options("child-1-kind").map(\.label) == ["A child", "An adult", "An unborn baby"])
            #expect(form.body.contains("Do you think a child, adult or unborn baby may be suffering"))

            let unsaid = try await Self.raise(h, csc, ["child-1-name": "Alan Price"])
            #expect(unsaid.status == .unprocessableEntity)
            #expect(
                unsaid.errorSummary?.contains("Select whether person 1 is a child, an adult or an unborn baby") == true)

            let flagged = try await Self.raise(
                h, csc, ["child-1-name": "Alan Price", "child-1-kind": "adults", "child-1-flags[]": "looked-after"])
            #expect(flagged.status == .unprocessableEntity)
            #expect(flagged.errorSummary?.contains("apply only to a child") == true)

            let raised = try await Self.raise(
                h, csc,
                [
                    "child-1-name": "Alan Price", "child-1-kind": "adults", "child-1-birth-day": "1",
                    "child-1-birth-month": "2", "child-1-birth-year": "1950",
                ])
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            #expect(try await h.load(id).state.raised.children.map(\.kind) == [.adults])
            let page = try await csc.get("/disputes/\(id)")
            #expect(page.body.contains("<h2 class=\"c-heading-m\">Adult</h2>"))
        }
    }

    @Test("An unborn baby is recorded with the expected date of birth, which may be in the future")
    func anUnbornBaby() async throws {
        try await WebHarness.with { h in
            let oldham = try await h.partnership("oldham")
            _ = try await Directory(h.database).installPolicy(
                Self.policy, file: "all-ages.yaml", partnership: oldham.id, at: h.clock.now())
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let raised = try await Self.raise(
                h, csc,
                [
                    "child-1-name": "Unborn baby of Anna Jones", "child-1-kind": "unborn", "child-1-birth-day": "1",
                    "child-1-birth-month": "3", "child-1-birth-year": "2027", "child-2-name": "Anna Jones",
                    "child-2-kind": "adults",
                ])
            #expect(raised.status == .seeOther)
            let id = try #require(
                raised.location.flatMap { UUID(uuidString: String($0.dropFirst("/disputes/".count))) })
            let subjects = try await h.load(id).state.raised.children
            #expect(subjects.map(\.kind) == [.unborn, .adults])
            #expect(subjects.first?.expectedBirth == LocalDate(year: 2027, month: 3, day: 1))
            let page = try await csc.get("/disputes/\(id)")
            #expect(page.body.contains("Who it concerns"))
            #expect(page.body.contains("Expected date of birth"))
            #expect(page.body.contains("1 March 2027"))
        }
    }

    @Test("A children's protocol still asks about a child, as before")
    func childrenOnly() async throws {
        try await WebHarness.with { h in
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let form = try await csc.get("/disputes/new/oldham")
            #expect(form.body.contains("Child 1: full name"))
            #expect(!form.body.contains("child-1-kind"))
            #expect(form.body.contains("Do you think a child may be suffering"))
        }
    }
}
