import Foundation
import Testing

let builtInPolicyIDs = ["oldham", "sunderland", "coventry", "five-stage-flowchart", "north-east-lincolnshire"]

/// `policy list` and `policy show`.
@Suite struct PolicyListAndShowTests {
    @Test func listTableHasEveryBuiltIn() throws {
        let result = try CLI().run("policy", "list")
        #expect(result.status == 0)
        let lines = CLIOutput.lines(result.stdout).filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("ID ") == true)
        #expect(lines.first?.contains("Partnership") == true)
        let ids = lines.dropFirst(2).map { String($0.prefix { $0 != " " }) }
        #expect(ids == builtInPolicyIDs)
        #expect(lines.contains { $0.hasPrefix("five-stage-flowchart ") && $0.hasSuffix(" 5") })
        #expect(lines.contains { $0.hasPrefix("north-east-lincolnshire ") && $0.contains(" strategic ") })
    }

    @Test func listJSON() throws {
        let result = try CLI().run("policy", "list", "--format", "json")
        #expect(result.status == 0)
        let policies = try CLIOutput.objects(result.stdout)
        #expect(policies.compactMap { $0["id"] as? String } == builtInPolicyIDs)
        for policy in policies {
            #expect(Set(policy.keys) == ["id", "name", "partnership", "region", "scope", "stages"])
            #expect(policy["region"] as? String == "england-and-wales")
        }
        #expect(policies.compactMap { $0["stages"] as? Int } == [4, 4, 4, 5, 4])
        #expect(
            policies.compactMap { $0["scope"] as? String } == [
                "practice", "practice", "practice", "practice", "strategic",
            ])
    }

    @Test func showOldhamQuotesBothSubjectLinesVerbatim() throws {
        let result = try CLI().run("policy", "show", "oldham")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Oldham Safeguarding Partnership: Dispute Resolution Pathway (oldham)\n"))
        #expect(
            result.stdout.contains(
                "Confirmation subject: \"Stage 1 discussion following the partnership resolution policy\""))
        #expect(
            result.stdout.contains(
                "Confirmation subject: \"Stage 2 escalation following the partnership resolution policy\""))
        #expect(result.stdout.contains("Region: England and Wales · Scope: practice"))
        #expect(result.stdout.contains("[team-manager]"))
        #expect(result.stdout.contains("Timescale: 5 working days from the start of the stage"))
        #expect(result.stdout.contains("Timescale: none set by the protocol"))
    }

    @Test func showOldhamJSON() throws {
        let result = try CLI().run("policy", "show", "oldham", "--format", "json")
        #expect(result.status == 0)
        let policy = try CLIOutput.object(result.stdout)
        #expect(policy["id"] as? String == "oldham")
        #expect(policy["region"] as? String == "england-and-wales")
        let stages = try #require(policy["stages"] as? [[String: Any]])
        #expect(stages.count == 4)
        #expect(
            stages.compactMap { $0["id"] as? String } == [
                "team-manager", "head-of-service", "assistant-director", "partnership",
            ])
        #expect(
            stages.compactMap { $0["confirmation_subject"] as? String } == [
                "Stage 1 discussion following the partnership resolution policy",
                "Stage 2 escalation following the partnership resolution policy",
            ])
        let timescale = try #require(stages[1]["timescale"] as? [String: Any])
        #expect(timescale["working_days"] as? Int == 5)
        #expect(timescale["from"] as? String == "stage-start")
    }

    @Test func showFile() throws {
        let cli = try CLI()
        let file = try cli.write(scottishPolicyYAML, to: "test-policy.yaml")
        let result = try cli.run("policy", "show", file)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            CLIOutput.lines(result.stdout).prefix(5) == [
                "Test Safeguarding Children Partnership: Test Protocol (test-partnership)",
                "Region: Scotland · Scope: practice",
                "About: child",
                "Each stage without its own timescale: 3 working days from the start of the stage",
                "Whole process: 20 calendar days from when the dispute is raised",
            ])
        #expect(result.stdout.contains("1. Talk it through [talk]"))
        #expect(result.stdout.contains("Confirmation subject: \"Test subject line\""))
        #expect(
            result.stdout.contains(
                "Timescale: none of its own; the protocol-wide limit applies: 3 working days from the start of the stage"
            ))
        let json = try CLIOutput.object(try cli.run("policy", "show", file, "--format", "json").stdout)
        #expect(json["id"] as? String == "test-partnership")
        #expect((json["stages"] as? [Any])?.count == 3)
    }

    @Test func unknownPolicyIsInvalidInput() throws {
        let result = try CLI().run("policy", "show", "nowhere-partnership")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "error: \"nowhere-partnership\" is neither a built-in policy (oldham, sunderland, coventry, five-stage-flowchart, north-east-lincolnshire) nor a file\n"
        )
    }

    /// A path that exists but cannot be read as a policy (here a directory) is named in the
    /// error, as `policy check` names it.
    @Test func unreadablePolicyPathIsNamed() throws {
        let cli = try CLI()
        let directory = cli.dataDirectory.path
        let result = try cli.run("policy", "show", directory)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(directory), "stderr: \(result.stderr)")
    }
}
