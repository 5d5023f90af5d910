import Foundation
import Testing

/// `policy timeline` as a table, and timelines of policies given as files.
@Suite struct TimelineTableTests {
    @Test func oldhamTableShowsStagesWithNoTimescale() throws {
        let result = try CLI().run("policy", "timeline", "oldham", "--start", "2026-12-21")
        #expect(result.status == 0)
        let lines = CLIOutput.lines(result.stdout)
        #expect(lines.first == "Oldham Safeguarding Partnership: Dispute Resolution Pathway (oldham)")
        #expect(lines.dropFirst().first == "Dispute raised 2026-12-21; England and Wales bank holidays")
        let row = try #require(lines.first { $0.contains("[team-manager]") })
        #expect(row.hasPrefix("1  "))
        #expect(row.contains("2026-12-21  —"))
        #expect(row.hasSuffix("none set by the protocol"))
        let headOfService = try #require(lines.first { $0.contains("[head-of-service]") })
        #expect(headOfService.contains("2026-12-21  2026-12-30  5 working days from the start of the stage"))
        // "the next stage" says nothing after the last stage, so the last is named on its own.
        #expect(
            lines.suffix(2) == [
                "Stages team-manager, assistant-director have no timescale, so the stage after each is shown starting the same day.",
                "The last stage, partnership, has no timescale.",
            ])
        #expect(!result.stdout.contains("Acknowledgement due"))
        #expect(!result.stdout.contains("Whole process due"))
    }

    @Test func coventryTableListsItsThreeOpenEndedStages() throws {
        let result = try CLI().run("policy", "timeline", "coventry", "--start", "2026-12-21")
        #expect(result.status == 0)
        #expect(
            result.stdout.hasSuffix(
                "Stages informal, formal have no timescale, so the stage after each is shown starting the same day.\n"
                    + "The last stage, head-of-safeguarding, has no timescale.\n"
            ))
        #expect(CLIOutput.lines(result.stdout).filter { $0.hasSuffix("none set by the protocol") }.count == 3)
    }

    @Test func sunderlandTableUsesTheProtocolWideLimit() throws {
        let result = try CLI().run("policy", "timeline", "sunderland", "--start", "2026-12-21")
        #expect(result.status == 0)
        let lines = CLIOutput.lines(result.stdout)
        #expect(
            lines.filter {
                $0.hasSuffix(
                    "at most 5 working days from the start of the stage; the people at the stage agree their own timescale within it (protocol-wide limit)"
                )
            }.count == 4
        )
        #expect(lines.contains("Whole process due: 2027-01-21"))
        #expect(lines.last == "Every stage has a timescale.")
    }

    @Test func northEastLincolnshireTableWithClosures() throws {
        let result = try CLI().run(
            "policy", "timeline", "north-east-lincolnshire", "--start", "2026-12-21", "--closure", "2026-12-29",
            "--closure", "2026-12-30", "--closure", "2026-12-31")
        #expect(result.status == 0)
        let lines = CLIOutput.lines(result.stdout)
        #expect(
            lines.dropFirst().first
                == "Dispute raised 2026-12-21; England and Wales bank holidays; closure days 2026-12-29, 2026-12-30, 2026-12-31"
        )
        #expect(lines.contains("Acknowledgement due: 2027-01-05"))
        let partners = try #require(lines.first { $0.contains("[safeguarding-partners]") })
        #expect(partners.contains("2026-12-21  2027-01-19  15 working days from receipt in writing"))
        #expect(
            lines.last
                == "Stages strategic-delivery-group, chair-in-writing have no timescale, so the stage after each is shown starting the same day."
        )
    }

    @Test func fiveStageTableWithoutClosures() throws {
        let result = try CLI().run("policy", "timeline", "five-stage-flowchart", "--start", "2026-12-21")
        #expect(result.status == 0)
        let lines = CLIOutput.lines(result.stdout)
        #expect(lines.contains("Acknowledgement due: 2026-12-23"))
        #expect(lines.last == "Every stage has a timescale.")
        let last = try #require(lines.first { $0.contains("[partnership-resolution]") })
        #expect(last.hasPrefix("5  "))
        #expect(last.contains("2027-01-13  2027-01-20  5 working days from the start of the stage"))
    }

    /// A policy file in Scotland is counted on Scotland's holidays, where Monday 4 January
    /// 2027 is the substitute for 2 January.
    @Test func fileTimelineUsesThePolicysRegion() throws {
        let cli = try CLI()
        let file = try cli.write(scottishPolicyYAML, to: "scottish.yaml")
        let result = try cli.run("policy", "timeline", file, "--start", "2026-12-21", "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try CLIOutput.object(result.stdout)
        #expect(json["policy"] as? String == "test-partnership")
        let stages = try #require(json["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["id"] as? String } == ["talk", "managers", "directors"])
        #expect(stages.compactMap { $0["starts"] as? String } == ["2026-12-21", "2026-12-23", "2026-12-30"])
        #expect(stages.compactMap { $0["due"] as? String } == ["2026-12-23", "2026-12-30", "2027-01-06"])
        #expect(json["overall_due"] as? String == "2027-01-10")
        #expect(json["acknowledgement_due"] is NSNull)
        #expect(json["stages_without_timescale"] as? [String] == [])
    }

    @Test func fileWithProblemsIsInvalidInput() throws {
        let cli = try CLI()
        let file = try cli.write(scottishPolicyYAML.replacingOccurrences(of: "scotland", with: "wales"), to: "p.yaml")
        let result = try cli.run("policy", "timeline", file, "--start", "2026-12-21")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("\(file):4:9: region: unknown value \"wales\""))
        #expect(result.stderr.hasSuffix("1 problem found\n"))
    }

    @Test func startOutsideTheCalendarIsInvalidInput() throws {
        let result = try CLI().run("policy", "timeline", "sunderland", "--start", "1994-12-01")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains("is outside the calendar Concord knows (1995-01-01 to 2100-12-31)"))
    }
}
