import Foundation
import Testing

@testable import ConcordCore

/// "Team Manager or agency equivalent": each agency's own name for the role, and who stands in
/// "in their absence".
@Suite struct ParticipantEquivalentsTests {
    static let text = PolicyFixture.minimal(
        (
            old: "      - level: line-manager\n",
            new: """
                  - level: line-manager
                    title: Team Manager
                    equivalents:
                      police: Detective Sergeant
                      health: Named professional for safeguarding
                      education: Designated safeguarding lead
                    in_absence: the Service Manager

            """
        ))

    @Test func eachAgencysEquivalentAndTheStandInAreRead() throws {
        let participant = try PolicyFixture.read(Self.text).stages[1].participants[0]
        #expect(participant.equivalents[.police] == "Detective Sergeant")
        #expect(participant.inAbsence == "the Service Manager")
        #expect(
            participant.description
                == "Team Manager (Police: Detective Sergeant; Health: Named professional for safeguarding; Education: Designated safeguarding lead), or in their absence the Service Manager"
        )
        let json = String(decoding: try JSONEncoder().encode(participant), as: UTF8.self)
        #expect(json.contains("\"police\":\"Detective Sergeant\""), "\(json)")
    }

    @Test func anUnknownKindOfAgencyIsNamed() {
        PolicyFixture.expectOneProblem(
            Self.text.replacingOccurrences(of: "police: Detective", with: "constabulary: Detective"),
            field: "stages[1].participants[0].equivalents.constabulary",
            mentioning: ["unknown key", "\"police\"", "\"adult-social-care\""])
    }
}
