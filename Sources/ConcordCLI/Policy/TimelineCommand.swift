import ArgumentParser
import ConcordCore

extension PolicyCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The latest each stage could start and be due if every stage ran its full timescale.")

        @Argument(help: "A built-in policy id or a YAML policy file.") var policy: String
        @Option(help: "The day the dispute is raised, YYYY-MM-DD.") var start: LocalDate
        @Option(name: .customLong("closure"), help: "A partnership closure day (repeatable).")
        var closures: [LocalDate] = []
        @OptionGroup var output: FormatOption

        func run() throws {
            let policy = try PolicyArgument.resolve(policy)
            let calendar = try HolidaySource.calendar(policy.region, closures: closures)
            let timeline = try PolicyTimeline(policy: policy, raised: start, calendar: calendar)
            switch output.format {
            case .json: Console.print(try JSONOutput.render(TimelineJSON(policy: policy, timeline: timeline)))
            case .table: Console.print(text(policy, timeline))
            }
        }

        private func text(_ policy: Policy, _ timeline: PolicyTimeline) -> String {
            var table = Table("#", "Stage", "Starts", "Due", "Timescale")
            for (index, entry) in timeline.entries.enumerated() {
                let timescale = entry.timescale.map {
                    PolicyDescription.phrase($0) + (entry.fromStageLimit ? " (protocol-wide limit)" : "")
                }
                table.add(
                    String(index + 1), "\(entry.stage.title) [\(entry.stage.id)]", entry.starts.iso,
                    entry.due?.iso ?? "—", timescale ?? "none set by the protocol")
                for clock in entry.clocks {
                    table.add(
                        "", "  \(clock.clock.name)", "", clock.due.iso, clock.clock.description(in: entry.stage))
                }
            }
            var lines = [
                "\(policy.partnership): \(policy.name) (\(policy.id))",
                "Dispute raised \(start.iso); \(policy.region.displayName) bank holidays"
                    + (closures.isEmpty ? "" : "; closure days \(closures.map(\.iso).joined(separator: ", "))"),
                "",
                table.render(),
                "",
            ]
            if let due = timeline.acknowledgementDue { lines.append("Acknowledgement due: \(due.iso)") }
            if let due = timeline.overallDue { lines.append("Whole process due: \(due.iso)") }
            let without = timeline.stagesWithoutTimescale.map(\.id)
            let last = policy.stages.last?.id
            let before = without.filter { $0 != last }
            if without.isEmpty { lines.append("Every stage has a timescale.") }
            if !before.isEmpty {
                let named =
                    before.count == 1 ? "Stage \(before[0]) has" : "Stages \(before.joined(separator: ", ")) have"
                lines.append(
                    "\(named) no timescale, so the stage after \(before.count == 1 ? "it" : "each") is shown starting the same day."
                )
            }
            if let last, without.contains(last) { lines.append("The last stage, \(last), has no timescale.") }
            return lines.joined(separator: "\n")
        }
    }
}

/// The timeline's JSON: `stages` in order as `{id, title, starts, due}` with `due` null where
/// the stage has no timescale, and the acknowledgement and overall deadlines (null where none).
private struct TimelineJSON: Encodable {
    let policy: Policy
    let timeline: PolicyTimeline

    private struct StageJSON: Encodable {
        let entry: PolicyTimeline.Entry

        enum CodingKeys: String, CodingKey { case id, title, starts, due, clocks }

        private struct ClockJSON: Encodable {
            let id: String
            let name: String
            let due: LocalDate
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.stage.id, forKey: .id)
            try container.encode(entry.stage.title, forKey: .title)
            try container.encode(entry.starts, forKey: .starts)
            try container.encode(entry.due, forKey: .due)
            if !entry.clocks.isEmpty {
                try container.encode(
                    entry.clocks.map { ClockJSON(id: $0.clock.id, name: $0.clock.name, due: $0.due) }, forKey: .clocks)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case policy, start, stages, acknowledgementDue, overallDue, stagesWithoutTimescale
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policy.id, forKey: .policy)
        try container.encode(timeline.start, forKey: .start)
        try container.encode(timeline.entries.map(StageJSON.init), forKey: .stages)
        try container.encode(timeline.acknowledgementDue, forKey: .acknowledgementDue)
        try container.encode(timeline.overallDue, forKey: .overallDue)
        try container.encode(timeline.stagesWithoutTimescale.map(\.id), forKey: .stagesWithoutTimescale)
    }
}
