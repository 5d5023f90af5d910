import SeedTexts
import Testing

@testable import ConcordCore

/// A partnership's own policy, checked against its protocol's text: every quote word for word,
/// as the built-in five are checked against their seeds.
@Suite struct SourceQuoteTests {
    static let protocolText = """
        Stage 1 – Practitioners should discuss the disagreement
        by telephone or in person within 2 working days.
        The practitioner’s manager must be told “at once” if the matter cannot be resolved.
        """

    static func policy(quoting quote: String) -> String {
        PolicyFixture.minimal(
            (old: "      working_days: 5", new: "      working_days: 5\n      quote: \"\(quote)\""))
    }

    static func read(_ text: String) throws(DocumentProblems) -> Policy {
        try PolicyReader.read(
            text, file: PolicyFixture.file, sources: [SourceText(name: "protocol.txt", text: protocolText)])
    }

    @Test(arguments: [
        "discuss the disagreement by telephone or in person within 2 working days.",
        // Line breaks, straight for curly quotation marks and a hyphen for the en dash are the same words.
        "Stage 1 - Practitioners should discuss",
        "The practitioner's manager must be told \\\"at once\\\"",
        // An ellipsis leaves words out; the parts must still come in order.
        "Practitioners should discuss … within 2 working days.",
    ])
    func aQuoteInTheSourceIsAccepted(_ quote: String) throws {
        let policy = try Self.read(Self.policy(quoting: quote))
        #expect(policy.stages[0].timescale?.quote != nil)
    }

    @Test func aChangedWordIsReportedWhereItIsWithHowFarItAgrees() throws {
        do {
            _ = try Self.read(Self.policy(quoting: "by telephone or in person within 5 working days."))
            Issue.record("a quote that is not in the source was accepted")
        } catch {
            #expect(error.problems.count == 1)
            let problem = try #require(error.problems.first)
            #expect(problem.field == "stages[0].timescale.quote")
            #expect(problem.line == 14)
            #expect(
                problem.message
                    == "this quote is not word for word in protocol.txt; it matches the source as far as \"by telephone or in person within\" and then differs"
            )
        }
    }

    @Test func partsOutOfOrderAreNotTheProtocolsWords() {
        #expect(
            SourceText(name: "p", text: Self.protocolText).match("within 2 working days … Practitioners should")
                == .differs(agreeingUpTo: nil))
    }

    @Test func withoutASourceQuotesAreNotChecked() throws {
        let policy = try PolicyFixture.read(Self.policy(quoting: "words from nowhere"))
        #expect(policy.stages[0].timescale?.quote == "words from nowhere")
    }

    /// The built-in five pass the same check their authors would run with `policy check --source`.
    @Test(
        .enabled(if: SeedTexts.directory != nil, Comment(rawValue: SeedTexts.absence)),
        arguments: PolicyLibrary.builtInIDs)
    func everyBuiltInPassesAgainstItsSeed(id: String) throws {
        let text = try #require(PolicyLibrary.text(of: id))
        let source = try #require(PolicyLibrary.builtIn(id)?.source)
        let seed = try SeedTexts.text(source)
        _ = try PolicyReader.read(text, file: "\(id).yaml", sources: [SourceText(name: source, text: seed)])
    }
}
