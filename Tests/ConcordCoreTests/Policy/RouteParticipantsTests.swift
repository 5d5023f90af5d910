import Testing

@testable import ConcordCore

/// An internal route beside the inter-agency one: a route can name its own people.
@Suite struct RouteParticipantsTests {
    static let text = PolicyFixture.minimal(
        (
            old: "      working_days: 5\n",
            new: """
                  working_days: 5
                routes:
                  - id: internal
                    name: Within your own agency first
                    timescale:
                      working_days: 3
                    participants:
                      - level: line-manager
                        side: raising
                        title: Your Team Manager

            """
        ))

    @Test func aRouteReadsItsOwnPeople() throws {
        let route = try #require(try PolicyFixture.read(Self.text).stages[0].routes.first)
        #expect(route.participants.map(\.level) == [.lineManager])
        #expect(route.participants.first?.side == .raising)
        #expect(route.participants.first?.description == "Your Team Manager")
    }

    @Test func itsPeopleAreCheckedLikeAStages() {
        PolicyFixture.expectOneProblem(
            Self.text.replacingOccurrences(
                of: "level: line-manager\n            side: raising",
                with: "level: team-boss\n            side: raising"),
            field: "stages[0].routes[0].participants[0].level", mentioning: ["team-boss"])
    }
}
