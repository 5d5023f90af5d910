import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Why an account may see a dispute: taking part, managing someone who does, or overseeing the
/// dispute's own partnership; and whether that lets them act.
@Suite struct DisputeAccessTests {
    @Test(arguments: Backend.allCases) func relationsToADisputeRaisedByPractitioners(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let expected: [String: DisputeAccess.Relation?] = [
                "practitioner": .participant, "otherPractitioner": .participant,
                "manager": .lineManager, "senior": .lineManager, "otherManager": .lineManager,
                "otherSenior": .lineManager,
                "office": .partnership(.businessOffice), "scrutineer": .partnership(.scrutineer),
                "auditor": .partnership(.auditor),
                "peer": nil, "stranger": nil, "otherOffice": nil, "administrator": nil, "disabled": nil,
                "disabledOffice": nil,
            ]
            #expect(Set(expected.keys) == Set(scenario.accounts.keys))
            for (account, relation) in expected {
                #expect(try await scenario.relation(account, scenario.practice) == relation, "\(account)")
            }
        }
    }

    @Test(arguments: Backend.allCases) func managingGoesUpTheChainNotDown(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let expected: [String: DisputeAccess.Relation?] = [
                "manager": .participant, "otherManager": .participant,
                "senior": .lineManager, "otherSenior": .lineManager,
                "practitioner": nil, "otherPractitioner": nil, "peer": nil, "stranger": nil,
                "office": .partnership(.businessOffice), "scrutineer": .partnership(.scrutineer),
                "auditor": .partnership(.auditor), "otherOffice": nil, "administrator": nil, "disabled": nil,
                "disabledOffice": nil,
            ]
            for (account, relation) in expected {
                #expect(try await scenario.relation(account, scenario.managers) == relation, "\(account)")
            }
        }
    }

    @Test(arguments: Backend.allCases) func onlyItsOwnPartnershipOverseesADispute(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            for account in scenario.accounts.keys {
                let expected: DisputeAccess.Relation? = account == "otherOffice" ? .partnership(.businessOffice) : nil
                #expect(try await scenario.relation(account, scenario.elsewhere) == expected, "\(account)")
            }
            let missing = try await DisputeAccess.relation(database, account: scenario["office"], dispute: UUID())
            #expect(missing == nil)
        }
    }

    @Test(arguments: Backend.allCases) func scrutineersAndAuditorsReadWhileOthersMayAct(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let mayAct: [String: Bool] = [
                "practitioner": true, "manager": true, "senior": true, "otherSenior": true, "office": true,
                "scrutineer": false, "auditor": false,
            ]
            for (account, expected) in mayAct {
                let relation = try #require(try await scenario.relation(account, scenario.practice), "\(account)")
                #expect(relation.mayAct == expected, "\(account)")
            }
            #expect(DisputeAccess.Relation.participant.mayAct)
            #expect(DisputeAccess.Relation.lineManager.mayAct)
            for role in AccountRole.allCases {
                #expect(DisputeAccess.Relation.partnership(role).mayAct == (role == .businessOffice), "\(role)")
            }
        }
    }

    /// A participant added after raising brings the dispute to them and to their managers.
    @Test(arguments: Backend.allCases) func aParticipantAddedLaterSeesTheDispute(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let fixture = scenario.fixture
            #expect(try await scenario.relation("stranger", scenario.practice) == nil)
            #expect(try await scenario.visible("stranger") == [])
            let added = try await fixture.perform(
                .addParticipant(scenario.stranger, capacity: .namedProfessional), on: scenario.practice,
                day: "2026-12-04")
            #expect(added.state.participants.contains { $0.person.id == scenario.stranger.id })
            #expect(try await scenario.relation("stranger", scenario.practice) == .participant)
            #expect(try await scenario.relation("stranger", scenario.managers) == nil)
            #expect(try await scenario.visible("stranger") == [scenario.practice.state.reference])
            let stranger = AccessScenario.id(scenario.stranger)
            #expect(try await DisputeAccess.participating(database, person: stranger) == [scenario.practice.id])
        }
    }

    @Test(arguments: Backend.allCases) func participatingIsOnlyWhereThePersonTakesPart(_ backend: Backend) async throws
    {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let fixture = scenario.fixture
            func participating(_ person: PersonRef) async throws -> Set<UUID> {
                try await DisputeAccess.participating(database, person: AccessScenario.id(person))
            }
            #expect(try await participating(fixture.practitioner) == [scenario.practice.id])
            #expect(try await participating(fixture.otherPractitioner) == [scenario.practice.id])
            #expect(try await participating(fixture.manager) == [scenario.managers.id])
            #expect(try await participating(fixture.otherManager) == [scenario.managers.id])
            #expect(try await participating(scenario.seniorCare) == [], "managing is not taking part")
            #expect(try await participating(scenario.other.manager) == [scenario.elsewhere.id])
            #expect(try await participating(scenario.stranger) == [])
            let both = try await fixture.perform(
                .addParticipant(fixture.manager, capacity: .designatedSafeguardingLead), on: scenario.practice,
                day: "2026-12-04")
            #expect(both.state.version == scenario.practice.state.version + 1)
            #expect(try await participating(fixture.manager) == [scenario.practice.id, scenario.managers.id])
        }
    }
}
