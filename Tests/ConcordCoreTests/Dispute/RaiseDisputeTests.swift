import Foundation
import Testing

@testable import ConcordCore

/// Raising a dispute: what is recorded, which events it produces, and what is refused.
@Suite struct RaiseDisputeTests {
    let monday = ukDate("2027-02-01")

    @Test func recordsEverythingTheRaiserGaveUnderThePolicyItWasRaisedWith() throws {
        let engine = try builtInEngine("oldham", version: "sha-oldham-1")
        let child = ChildRecord(
            name: "Jamie Smith", dateOfBirth: ukDate("2016-04-09"),
            caseReferences: [CaseReference(agencyID: "council", reference: "CSC-1042")],
            flags: [.lookedAfter, .childProtectionPlan, .childInNeed, .earlyHelp])
        let command = Parties.raise(
            children: [child, ChildRecord(name: "Robin Smith", dateOfBirth: nil)], category: .threshold,
            otherAgencies: [Parties.police, Parties.school], professionals: [Parties.officer, Parties.dsl])
        let events = try engine.raise(command, at: noon(monday))
        #expect(events.map(\.type) == ["raised", "stage-entered"])
        guard case .raised(let raised) = events[0] else { Issue.record("expected .raised in \(events)"); return }
        #expect(raised.reference == "D-1" && raised.partnershipID == "p-1")
        #expect(raised.partnership == "Oldham Safeguarding Partnership")
        #expect(raised.policyID == "oldham" && raised.policyVersion == "sha-oldham-1" && raised.scope == .practice)
        #expect(raised.raisedBy == Parties.socialWorker && raised.raisedBy.agency == Parties.council)
        #expect(raised.otherAgencies == [Parties.police, Parties.school])
        #expect(raised.professionals == [Parties.officer, Parties.dsl])
        #expect(raised.children.count == 2 && raised.children[0] == child)
        #expect(raised.children[0].caseReferences[0].reference == "CSC-1042")
        #expect(raised.category == .threshold && raised.issue == nil)
        #expect(raised.disagreement == command.disagreement && raised.outcomeWanted == command.outcomeWanted)
        #expect(!raised.significantHarm && raised.raisedOn == monday && raised.overallDue == nil)
        #expect(events[1].stageEntry?.stage == "team-manager" && events[1].stageEntry?.startedOn == monday)

        let state = try #require(DisputeState.replay(events.map { ($0, noon(monday)) }))
        #expect(state.status == .open && state.version == 2)
        #expect(state.agencies == [Parties.council, Parties.police, Parties.school])
        #expect(state.childFlags == [.lookedAfter, .childProtectionPlan, .childInNeed, .earlyHelp])
        #expect(state.participants.map(\.person) == [Parties.socialWorker, Parties.officer, Parties.dsl])
        #expect(state.participants.map(\.side) == [.raising, .receiving, .receiving])
        #expect(state.participants.allSatisfy { $0.stage == "team-manager" })
    }

    @Test func strategicDisputeTakesAnIssueInsteadOfAChild() throws {
        let engine = try builtInEngine("north-east-lincolnshire")
        let events = try engine.raise(Parties.raiseStrategic(), at: noon(monday))
        #expect(events.map(\.type) == ["raised", "stage-entered"])
        guard case .raised(let raised) = events[0] else { Issue.record("expected .raised in \(events)"); return }
        #expect(raised.scope == .strategic && raised.children.isEmpty)
        #expect(raised.issue == "The partnership's training levy is unfairly split")
        #expect(events[1].stageEntry?.stage == "strategic-delivery-group")
    }

    @Test(arguments: PolicyLibrary.builtInIDs)
    func singleAgencyDisagreementsAreOutsideEveryProtocol(id: String) throws {
        let engine = try builtInEngine(id)
        let colleague = Parties.person("sw2", "Sue Ward", Parties.council, .practitioner)
        for command in [
            Parties.raise(otherAgencies: [], professionals: [colleague]),
            Parties.raise(otherAgencies: [Parties.council], professionals: [colleague]),
            Parties.raise(
                otherAgencies: [AgencyRef(id: "council", name: "Another team")], professionals: [colleague]),
        ] {
            var command = command
            if engine.policy.scope == .strategic { command.issue = "Levy"; command.children = [] }
            expectRefusal(.singleAgency, mentioning: ["single agency", "outside every partnership protocol"]) {
                _ = try engine.raise(command, at: noon(monday))
            }
        }
    }

    @Test(arguments: ["oldham", "sunderland", "coventry", "five-stage-flowchart"])
    func practicePoliciesNeedANamedChild(id: String) throws {
        let engine = try builtInEngine(id)
        expectRefusal(.childRequired, mentioning: ["child"]) {
            _ = try engine.raise(Parties.raise(children: [], issue: "An issue"), at: noon(monday))
        }
        expectRefusal(.missingField("each child's name"), mentioning: ["name", "required"]) {
            _ = try engine.raise(Parties.raise(children: [ChildRecord(name: "  ", dateOfBirth: nil)]), at: noon(monday))
        }
    }

    @Test func strategicPolicyNeedsAnIssue() throws {
        let engine = try builtInEngine("north-east-lincolnshire")
        for issue in [nil, "", "  \n"] {
            expectRefusal(.issueRequired, mentioning: ["strategic", "describe the issue"]) {
                _ = try engine.raise(Parties.raiseStrategic(issue: issue), at: noon(monday))
            }
        }
    }

    @Test(arguments: PolicyLibrary.builtInIDs)
    func disagreementAndOutcomeWantedAreRequired(id: String) throws {
        let engine = try builtInEngine(id)
        let base = engine.policy.scope == .strategic ? Parties.raiseStrategic() : Parties.raise()
        var noDisagreement = base
        noDisagreement.disagreement = " "
        expectRefusal(.missingField("what the disagreement is"), mentioning: ["disagreement", "required"]) {
            _ = try engine.raise(noDisagreement, at: noon(monday))
        }
        var noOutcome = base
        noOutcome.outcomeWanted = ""
        expectRefusal(.missingField("the outcome wanted"), mentioning: ["outcome wanted", "required"]) {
            _ = try engine.raise(noOutcome, at: noon(monday))
        }
    }

    @Test func sunderlandReportsSignificantHarmToLineManagerAndDesignatedLead() throws {
        let engine = try builtInEngine("sunderland")
        let events = try engine.raise(Parties.raise(significantHarm: true), at: noon(monday))
        #expect(events.map(\.type) == ["raised", "stage-entered", "significant-harm-reported"])
        guard case .significantHarmReported(let report) = events[2] else {
            Issue.record("expected .significantHarmReported in \(events)"); return
        }
        #expect(report.notify == [.lineManager, .designatedSafeguardingLead])
        #expect(report.concern == "Police will not share the incident log")
        let withoutHarm = try engine.raise(Parties.raise(significantHarm: false), at: noon(monday))
        #expect(withoutHarm.map(\.type) == ["raised", "stage-entered"])
    }

    @Test(arguments: ["oldham", "coventry", "five-stage-flowchart"])
    func policiesWithoutTheRuleRecordHarmButNotifyNobody(id: String) throws {
        let events = try builtInEngine(id).raise(Parties.raise(significantHarm: true), at: noon(monday))
        #expect(events.map(\.type) == ["raised", "stage-entered"])
        guard case .raised(let raised) = events[0] else { Issue.record("expected .raised in \(events)"); return }
        #expect(raised.significantHarm)
    }

    @Test func significantHarmCanBeReportedLaterUnderSunderland() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        let events = try dispute.run(.reportSignificantHarm(concern: "Bruising seen at school"))
        guard case .significantHarmReported(let report) = events.first else {
            Issue.record("expected .significantHarmReported in \(events)"); return
        }
        #expect(
            report.notify == [.lineManager, .designatedSafeguardingLead] && report.concern == "Bruising seen at school")
        #expect(dispute.state.significantHarm.count == 1)
        dispute.expectRefused(
            .reportSignificantHarm(concern: " "), .missingField("the concern"), mentioning: ["concern"])
    }

    @Test func raisingUsesTheLondonDateOfTheFrozenClock() throws {
        // A quarter past midnight in London (BST) is still 30 June in UTC.
        let early = LondonTime.startOfDay(ukDate("2027-07-01")).addingTimeInterval(15 * 60)
        let events = try builtInEngine("coventry").raise(Parties.raise(), at: early)
        #expect(events[1].stageEntry?.startedOn == ukDate("2027-07-01"))
    }
}
