import Foundation
import Testing

@testable import ConcordCore

/// Who a practice protocol covers: children, adults, all ages, an unborn baby. Many
/// partnerships run one procedure for children and adults, and adults boards the same shape.
@Suite struct SubjectTests {
    static func engine(_ subjects: String) throws -> DisputeEngine {
        let text = PolicyFixture.minimal((old: "scope: practice", new: "scope: practice\nsubjects: \(subjects)"))
        let policy = try PolicyFixture.read(text)
        return DisputeEngine(policy: policy, policyVersion: "v", calendar: WorkingCalendar(region: .englandAndWales))
    }

    static let adult = ChildRecord(
        name: "Alan Price", dateOfBirth: LocalDate(year: 1950, month: 2, day: 1), subject: .adults)
    static let unborn = ChildRecord(
        name: "Unborn baby of Anna Jones", dateOfBirth: nil, subject: .unborn,
        expectedBirth: LocalDate(year: 2027, month: 3, day: 1))

    @Test func aPolicyCoversChildrenUnlessItSaysOtherwise() throws {
        #expect(try PolicyFixture.read(PolicyFixture.minimal).subjects == [.children])
        let allAges = try Self.engine("[children, adults, unborn]").policy
        #expect(allAges.subjects == [.children, .adults, .unborn])
        #expect(allAges.subjectNoun == "child, adult or unborn baby")
        #expect(try Self.engine("[adults]").policy.subjectNoun == "adult")
    }

    @Test func subjectsAreCheckedWhereTheyAreWritten() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: practice\nsubjects: [children, grown-ups]")),
            field: "subjects[1]", line: 6, mentioning: ["unknown value \"grown-ups\"", "\"adults\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: strategic\nsubjects: [adults]")),
            field: "subjects", line: 6, mentioning: ["a strategic policy is about the partnership's arrangements"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: practice\nsubjects: [adults, adults]")),
            field: "subjects", mentioning: ["each subject once"])
    }

    @Test func anAdultsProtocolTakesADisputeAboutAnAdult() throws {
        let events = try Self.engine("[adults]").raise(
            Parties.raise(children: [Self.adult]), at: noon(ukDate("2026-12-21")))
        guard case .raised(let raised) = events.first else { Issue.record("no raised event"); return }
        #expect(raised.children.map(\.kind) == [.adults])
    }

    @Test func aChildrensProtocolRefusesAnAdultSayingWhatItCovers() throws {
        let engine = try Self.engine("[children]")
        expectRefusal(
            .subjectNotCovered("adult", covered: "child"), mentioning: ["covers disputes about a child, not an adult"]
        ) {
            _ = try engine.raise(Parties.raise(children: [Self.adult]), at: noon(ukDate("2026-12-21")))
        }
        let adults = try Self.engine("[adults]")
        expectRefusal(.subjectNotCovered("child", covered: "adult")) {
            _ = try adults.raise(Parties.raise(), at: noon(ukDate("2026-12-21")))
        }
        expectRefusal(.subjectRequired("adult"), mentioning: ["name at least one adult"]) {
            _ = try adults.raise(Parties.raise(children: []), at: noon(ukDate("2026-12-21")))
        }
    }

    @Test func anUnbornBabyIsCoveredWhereThePolicySaysSo() throws {
        let events = try Self.engine("[children, unborn]").raise(
            Parties.raise(children: [Self.unborn]), at: noon(ukDate("2026-12-21")))
        guard case .raised(let raised) = events.first else { Issue.record("no raised event"); return }
        #expect(raised.children.first?.expectedBirth == LocalDate(year: 2027, month: 3, day: 1))
        let data = try JSONEncoder().encode(raised.children.first)
        #expect(try JSONDecoder().decode(ChildRecord.self, from: data) == Self.unborn)
    }

    @Test func aChildRaisedBeforeAdultsWereCoveredReadsAsAChild() throws {
        let old = #"{"name":"Jamie Smith","caseReferences":[],"flags":["looked-after"]}"#
        let child = try JSONDecoder().decode(ChildRecord.self, from: Data(old.utf8))
        #expect(child.kind == .children && child.subject == nil)
        let encoded = String(decoding: try JSONEncoder().encode(child), as: UTF8.self)
        #expect(!encoded.contains("subject"), "an old child re-encodes as it was written: \(encoded)")
    }

    @Test func childFlagsAreOnlyForChildren() throws {
        var adult = Self.adult
        adult.flags = [.lookedAfter]
        let engine = try Self.engine("[children, adults]")
        expectRefusal(.flagsOnlyForChildren, mentioning: ["apply only to a child"]) {
            _ = try engine.raise(Parties.raise(children: [adult]), at: noon(ukDate("2026-12-21")))
        }
    }
}
