import Testing

@testable import ConcordCore

/// The optional top-level `confirmations` key, read as strictly as the rest of a policy. The
/// minimal policy has 19 lines, so an appended `confirmations:` starts on line 20.
@Suite struct PolicyReaderConfirmationsTests {
    @Test("A policy without confirmations still reads, and one with them reads what they carry")
    func readsIncludeCopyToAndQuote() throws {
        #expect(try PolicyFixture.read(PolicyFixture.minimal).confirmations == nil)
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(
                appending: """
                    confirmations:
                      include: [agreed-outcome, actions]
                      copy_to: [senior-manager]
                      quote: Agreed outcomes will be recorded and shared via email
                    """))
        #expect(
            policy.confirmations
                == Confirmations(
                    include: [.agreedOutcome, .actions], copyTo: [.seniorManager],
                    quote: "Agreed outcomes will be recorded and shared via email"))
    }

    @Test func unknownKeysAndValuesArePlacedAtTheirLineAndColumn() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "confirmations:\n  include: [agreed-outcome]\n  cc: [director]"),
            field: "confirmations.cc", line: 22, column: 3, mentioning: ["unknown key", "\"copy_to\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "confirmations:\n  include: [agreed-outcome, minutes]"),
            field: "confirmations.include[1]", line: 21, column: 29,
            mentioning: ["unknown value \"minutes\"", "\"agreed-outcome\"", "\"actions\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "confirmations:\n  copy_to: [second-tier]"),
            field: "confirmations.copy_to[0]", line: 21, column: 13, mentioning: ["\"senior-manager\""])
    }

    @Test func confirmationsMustSaySomethingOnce() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "confirmations:\n  quote: Shared via email"),
            field: "confirmations", line: 21, column: 3, mentioning: ["\"include\" or \"copy_to\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "confirmations:\n  include: [actions, actions]"),
            field: "confirmations.include", line: 21, column: 12, mentioning: ["\"actions\" is listed twice"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "confirmations: yes"), field: "confirmations", line: 20, column: 16,
            mentioning: ["expected a mapping"])
    }
}
