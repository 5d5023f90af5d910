import Foundation
import Testing

/// A built-in policy's timeline for a dispute raised on Monday 21 December 2026, worked out by
/// hand from the seed protocols' timescales. In England and Wales 25 December (Friday),
/// 28 December (Monday, Boxing Day's substitute) and 1 January 2027 (Friday) are holidays, so
/// the working days after the 21st run 22, 23, 24, 29, 30, 31 December, 4, 5, 6, 7, 8, 11…
/// January; with closures on 29–31 December they run 22, 23, 24 December, 4, 5, 6… January.
struct ExpectedTimeline: Sendable, CustomTestStringConvertible {
    struct Stage: Sendable, Equatable, CustomStringConvertible {
        let id: String
        let starts: String
        let due: String?
        var description: String { "\(id) \(starts)→\(due ?? "null")" }
    }

    let policy: String
    let closures: Bool
    let stages: [Stage]
    let acknowledgementDue: String?
    let overallDue: String?

    var testDescription: String { "\(policy)\(closures ? " with closures 29–31 December" : "")" }

    init(
        _ policy: String, closures: Bool = false, _ stages: [(String, String, String?)], ack: String?, overall: String?
    ) {
        self.policy = policy
        self.closures = closures
        self.stages = stages.map { Stage(id: $0.0, starts: $0.1, due: $0.2) }
        acknowledgementDue = ack
        overallDue = overall
    }

    static let all: [ExpectedTimeline] = [
        // Stage 2 only: contact within 5 working days; the other stages set none.
        .init(
            "oldham",
            [
                ("team-manager", "2026-12-21", nil), ("head-of-service", "2026-12-21", "2026-12-30"),
                ("assistant-director", "2026-12-30", nil), ("partnership", "2026-12-30", nil),
            ], ack: nil, overall: nil),
        .init(
            "oldham", closures: true,
            [
                ("team-manager", "2026-12-21", nil), ("head-of-service", "2026-12-21", "2027-01-05"),
                ("assistant-director", "2027-01-05", nil), ("partnership", "2027-01-05", nil),
            ], ack: nil, overall: nil),
        // No more than 5 working days per step; the whole process within a month.
        .init(
            "sunderland",
            [
                ("frontline", "2026-12-21", "2026-12-30"), ("line-managers", "2026-12-30", "2027-01-07"),
                ("management-hierarchy", "2027-01-07", "2027-01-14"), ("sscp", "2027-01-14", "2027-01-21"),
            ], ack: nil, overall: "2027-01-21"),
        .init(
            "sunderland", closures: true,
            [
                ("frontline", "2026-12-21", "2027-01-05"), ("line-managers", "2027-01-05", "2027-01-12"),
                ("management-hierarchy", "2027-01-12", "2027-01-19"), ("sscp", "2027-01-19", "2027-01-26"),
            ], ack: nil, overall: "2027-01-21"),
        // Stage one within one working day; nothing after it.
        .init(
            "coventry",
            [
                ("discussion", "2026-12-21", "2026-12-22"), ("informal", "2026-12-22", nil),
                ("formal", "2026-12-22", nil), ("head-of-safeguarding", "2026-12-22", nil),
            ], ack: nil, overall: nil),
        .init(
            "coventry", closures: true,
            [
                ("discussion", "2026-12-21", "2026-12-22"), ("informal", "2026-12-22", nil),
                ("formal", "2026-12-22", nil), ("head-of-safeguarding", "2026-12-22", nil),
            ], ack: nil, overall: nil),
        // 2, 5, 5, 2 and 5 working days, chained; acknowledgement within 2 working days.
        .init(
            "five-stage-flowchart",
            [
                ("professional", "2026-12-21", "2026-12-23"), ("manager", "2026-12-23", "2027-01-04"),
                ("senior-manager", "2027-01-04", "2027-01-11"), ("director", "2027-01-11", "2027-01-13"),
                ("partnership-resolution", "2027-01-13", "2027-01-20"),
            ], ack: "2026-12-23", overall: nil),
        .init(
            "five-stage-flowchart", closures: true,
            [
                ("professional", "2026-12-21", "2026-12-23"), ("manager", "2026-12-23", "2027-01-07"),
                ("senior-manager", "2027-01-07", "2027-01-14"), ("director", "2027-01-14", "2027-01-18"),
                ("partnership-resolution", "2027-01-18", "2027-01-25"),
            ], ack: "2026-12-23", overall: nil),
        // Acknowledged within 5 working days of reaching the chair in writing; partners within
        // 15 working days of receipt; the scrutiny officer within 25.
        .init(
            "north-east-lincolnshire",
            [
                ("strategic-delivery-group", "2026-12-21", nil), ("chair-in-writing", "2026-12-21", nil),
                ("safeguarding-partners", "2026-12-21", "2027-01-14"),
                ("independent-scrutiny-officer", "2027-01-14", "2027-02-18"),
            ], ack: "2026-12-30", overall: nil),
        .init(
            "north-east-lincolnshire", closures: true,
            [
                ("strategic-delivery-group", "2026-12-21", nil), ("chair-in-writing", "2026-12-21", nil),
                ("safeguarding-partners", "2026-12-21", "2027-01-19"),
                ("independent-scrutiny-officer", "2027-01-19", "2027-02-23"),
            ], ack: "2027-01-05", overall: nil),
    ]
}

@Suite struct TimelineCommandTests {
    func timeline(_ policy: String, closures: Bool, format: String = "json") throws -> CLI.Result {
        if closures {
            return try CLI().run(
                "policy", "timeline", policy, "--start", "2026-12-21", "--closure", "2026-12-29", "--closure",
                "2026-12-30", "--closure", "2026-12-31", "--format", format)
        }
        return try CLI().run("policy", "timeline", policy, "--start", "2026-12-21", "--format", format)
    }

    @Test(arguments: ExpectedTimeline.all)
    func builtInTimelineJSON(_ expected: ExpectedTimeline) throws {
        let result = try timeline(expected.policy, closures: expected.closures)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try CLIOutput.object(result.stdout)
        #expect(json["policy"] as? String == expected.policy)
        #expect(json["start"] as? String == "2026-12-21")
        let stages = try #require(json["stages"] as? [[String: Any]])
        for stage in stages {
            #expect(Set(stage.keys) == ["id", "title", "starts", "due"])
            #expect((stage["title"] as? String)?.isEmpty == false)
        }
        let actual = stages.map { stage in
            ExpectedTimeline.Stage(
                id: stage["id"] as? String ?? "?", starts: stage["starts"] as? String ?? "?",
                due: CLIOutput.optionalString(stage["due"]) ?? "not a string or null")
        }
        #expect(actual == expected.stages)
        #expect(json.keys.contains("acknowledgement_due"))
        #expect(json.keys.contains("overall_due"))
        #expect(CLIOutput.optionalString(json["acknowledgement_due"]) == .some(expected.acknowledgementDue))
        #expect(CLIOutput.optionalString(json["overall_due"]) == .some(expected.overallDue))
        let without = try #require(json["stages_without_timescale"] as? [String])
        #expect(without == expected.stages.filter { $0.due == nil }.map(\.id))
    }
}
