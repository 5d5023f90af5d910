import Foundation
import SeedTexts
import Testing

/// `policy check`: every problem of every file, as `path:line:column: field: message`.
@Suite struct PolicyCheckTests {
    /// Four problems, none of which stops the policy's cross-references being checked.
    static let badPolicy = """
        id: bad-protocol
        name: Bad Protocol
        partnership: Bad Partnership
        region: england-and-wales
        scope: practice
        colour: red
        stages:
          - id: talk
            title: Talk
            summary: Talk.
            participants:
              - level: boss
            timescale:
              working_days: 0
        rules:
          - kind: risk-escalation
            to: nowhere

        """

    @Test func validFileIsOK() throws {
        let cli = try CLI()
        let file = try cli.write(scottishPolicyYAML, to: "good.yaml")
        let result = try cli.run("policy", "check", file)
        #expect(result.status == 0)
        #expect(result.stdout == "\(file): ok (test-partnership, 3 stages)\n")
        #expect(result.stderr == "")
    }

    @Test func everyProblemIsReportedAndTheGoodFileStillPasses() throws {
        let cli = try CLI()
        let good = try cli.write(scottishPolicyYAML, to: "good.yaml")
        let bad = try cli.write(Self.badPolicy, to: "bad.yaml")
        let result = try cli.run("policy", "check", good, bad)
        #expect(result.status == 1)
        #expect(result.stdout == "\(good): ok (test-partnership, 3 stages)\n")
        let lines = CLIOutput.stderrLines(result)
        let expected = [
            "\(bad):6:1: colour: unknown key; expected one of \"id\", ",
            "\(bad):12:16: stages[0].participants[0].level: unknown value \"boss\"; expected one of \"practitioner\", ",
            "\(bad):14:21: stages[0].timescale.working_days: expected a positive whole number, found 0",
            "\(bad):17:9: rules[0].to: risk-escalation names stage \"nowhere\", which this policy does not have; stages are \"talk\"",
            "1 of 2 files failed the check",
        ]
        #expect(lines.count == expected.count, "stderr: \(result.stderr)")
        for (line, prefix) in zip(lines, expected) {
            #expect(line.hasPrefix(prefix))
        }
    }

    @Test func everyBuiltInPassesAsAFile() throws {
        let cli = try CLI()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let directory = root.appendingPathComponent("Sources/ConcordCore/Resources/Policies")
        let oldham = directory.appendingPathComponent("oldham.yaml").path
        let sunderland = directory.appendingPathComponent("sunderland.yaml").path
        let result = try cli.run("policy", "check", oldham, sunderland)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "\(oldham): ok (oldham, 4 stages)\n\(sunderland): ok (sunderland, 4 stages)\n")
    }

    @Test(.enabled(if: SeedTexts.directory != nil, Comment(rawValue: SeedTexts.absence)))
    func quotesAreCheckedAgainstTheProtocolsText() throws {
        let cli = try CLI()
        let policies = SeedTexts.repositoryRoot.appendingPathComponent("Sources/ConcordCore/Resources/Policies")
        let oldham = policies.appendingPathComponent("oldham.yaml").path
        let seed = try #require(SeedTexts.directory).appendingPathComponent("000_36ed91dd46ade3d5.txt").path
        let good = try cli.run("policy", "check", "--source", seed, oldham)
        #expect(good.status == 0, "stderr: \(good.stderr)")
        #expect(good.stdout == "\(oldham): ok (oldham, 4 stages; every quote is word for word in the source)\n")

        let text = try String(contentsOfFile: oldham, encoding: .utf8)
        let altered = try cli.write(
            text.replacingOccurrences(of: "within 5 working days", with: "within 10 working days"), to: "altered.yaml")
        let bad = try cli.run("policy", "check", "--source", seed, altered)
        #expect(bad.status == 1)
        let lines = CLIOutput.stderrLines(bad)
        #expect(lines.count == 2, "stderr: \(bad.stderr)")
        #expect(lines.first?.hasPrefix("\(altered):") == true)
        #expect(
            lines.first?.contains(": this quote is not word for word in \(seed); it matches the source as far as")
                == true)
    }

    @Test func oneStageIsOneStage() throws {
        let cli = try CLI()
        let text = scottishPolicyYAML
        let stages = try #require(text.range(of: "\nstages:\n"))
        let second = try #require(text.range(of: "\n  - id:", range: stages.upperBound..<text.endIndex))
        let rest = text[second.lowerBound...]
        let end = rest.range(of: "\n[a-z]", options: .regularExpression)?.lowerBound ?? rest.endIndex
        let single = String(text[..<second.lowerBound]) + String(rest[end...])
        let file = try cli.write(single, to: "single.yaml")
        let result = try cli.run("policy", "check", file)
        #expect(result.stdout == "\(file): ok (test-partnership, 1 stage)\n", "stderr: \(result.stderr)")
    }

    @Test func missingFileIsReportedByName() throws {
        let cli = try CLI()
        let missing = cli.dataDirectory.appendingPathComponent("missing.yaml").path
        let result = try cli.run("policy", "check", missing)
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot read \(missing)\n1 of 1 file failed the check\n")
    }

    @Test func noFilesIsAUsageError() throws {
        let result = try CLI().run("policy", "check")
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("Usage: concord policy check"))
    }

    /// An invalid top-level field (here the id) must not hide the other problems: the reader
    /// promises every problem at once, including duplicate stage ids and rules naming
    /// missing stages.
    @Test func anInvalidIDDoesNotHideCrossReferenceProblems() throws {
        let cli = try CLI()
        let file = try cli.write(
            """
            id: Bad_Id
            name: Bad Protocol
            partnership: Bad Partnership
            region: england-and-wales
            scope: practice
            stages:
              - id: talk
                title: Talk
                summary: Talk.
                participants:
                  - level: practitioner
                timescale: none
              - id: talk
                title: Talk again
                summary: Again.
                participants:
                  - level: practitioner
                timescale: none
            rules:
              - kind: risk-escalation
                to: nowhere

            """, to: "bad-id.yaml")
        let result = try cli.run("policy", "check", file)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):1:5: id: \"Bad_Id\" is not a valid id"))
        #expect(result.stderr.contains("\(file):13:9: stages[1].id: duplicate stage id \"talk\""))
        #expect(result.stderr.contains("\(file):21:9: rules[0].to: risk-escalation names stage \"nowhere\""))
    }

    /// A duplicate stage id is reported at the duplicate, even when an earlier stage was
    /// itself invalid.
    @Test func duplicateStageIDIsLocatedAtTheDuplicate() throws {
        let cli = try CLI()
        let file = try cli.write(
            """
            id: bad-protocol
            name: Bad Protocol
            partnership: Bad Partnership
            region: england-and-wales
            scope: practice
            stages:
              - id: first
                title: First
                participants:
                  - level: practitioner
                timescale: none
              - id: talk
                title: Talk
                summary: Talk.
                participants:
                  - level: practitioner
                timescale: none
              - id: talk
                title: Talk again
                summary: Again.
                participants:
                  - level: practitioner
                timescale: none

            """, to: "duplicate.yaml")
        let result = try cli.run("policy", "check", file)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):7:5: stages[0].summary: missing; this field is required"))
        #expect(
            result.stderr.contains("\(file):18:9: stages[2].id: duplicate stage id \"talk\""),
            "stderr: \(result.stderr)")
    }
}
