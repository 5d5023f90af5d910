import ArgumentParser
import ConcordCore
import ConcordStore
import Foundation

extension DisputeCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One dispute: its stages, people and every event.",
            discussion: """
                Children's details, and the free text describing the disagreement (which often \
                names the child), are left out unless --child-details is given.
                """)

        @Argument(help: "The dispute's reference, e.g. OLD-2026-0001.") var reference: String
        @Flag(help: "Include the children's names, case references and the disagreement's own words.")
        var childDetails = false
        @Option(help: "The day to judge deadlines on (default: today in London).") var on: LocalDate?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let today = on ?? LondonTime.date(of: Date())
            let view = try await StoreAccess.with { database, configuration in
                guard let summary = try await DisputeQueries.find(database, reference: reference) else {
                    throw InvalidInput("there is no dispute \(reference)")
                }
                let store = DisputeStore(database, holidays: try HolidaySource.current(configuration))
                return try DisputeView(try await store.load(summary.id), today: today, childDetails: childDetails)
            }
            switch output.format {
            case .json: Console.print(try JSONOutput.render(view))
            case .table: Console.print(view.text)
            }
        }
    }
}

/// What `dispute show` prints, in both formats.
private struct DisputeView: Encodable {
    struct StageLine: Encodable {
        let stage: String
        let title: String
        let startedOn: String
        let due: String?
    }

    struct EventLine: Encodable {
        let sequence: Int64
        let version: Int
        let recordedAt: String
        let actor: String
        let type: String
    }

    let reference: String
    let partnership: String
    let policy: String
    let policyVersion: String
    let status: String
    let category: String
    let disagreement: String?
    let outcomeWanted: String?
    let raisedBy: String
    let raisedOn: String
    let deadline: String
    let overallDue: String?
    let children: [String]?
    let stages: [StageLine]
    let people: [String]
    let events: [EventLine]

    init(_ loaded: DisputeStore.Loaded, today: LocalDate, childDetails: Bool) throws {
        let state = loaded.state
        let raised = state.raised
        reference = raised.reference
        partnership = raised.partnership
        policy = raised.policyID
        policyVersion = String(raised.policyVersion.prefix(12))
        status = state.status.rawValue
        category = raised.category.rawValue
        disagreement = childDetails ? raised.disagreement : nil
        outcomeWanted = childDetails ? raised.outcomeWanted : nil
        raisedBy = "\(raised.raisedBy.name) (\(raised.raisedBy.agency.name))"
        raisedOn = raised.raisedOn.iso
        deadline =
            state.status == .open
            ? try DeadlineStatus(due: state.currentStage.due, on: today, calendar: loaded.calendar).label : "—"
        overallDue = state.overallDue?.iso
        children =
            childDetails
            ? raised.children.map { child in
                ([child.name, child.dateOfBirth.map { "born \($0.iso)" }] + child.caseReferences.map(\.reference))
                    .compactMap { $0 }.joined(separator: ", ")
            } : nil
        stages = state.stages.map { visit in
            StageLine(
                stage: visit.stage, title: loaded.policy.stage(visit.stage)?.title ?? visit.stage,
                startedOn: visit.startedOn.iso, due: visit.due?.iso)
        }
        people = state.participants.map { participation in
            let capacity = participation.capacity.map { ", \($0.rawValue)" } ?? ""
            return
                "\(participation.person.name) (\(participation.person.agency.name), \(participation.side.rawValue)\(capacity))"
        }
        events = loaded.events.map { event in
            EventLine(
                sequence: event.sequence, version: event.content.disputeVersion, recordedAt: event.content.recordedAt,
                actor: event.content.actorName, type: event.content.type)
        }
    }

    /// Names and titles keep to their line; only the disagreement and the outcome wanted are
    /// written in several.
    var text: String {
        var lines = [
            "\(reference) · \(partnership) · \(policy) (policy version \(policyVersion))",
            "Status: \(status) · Category: \(category) · Current stage: \(stages.last?.title ?? "—") · \(deadline)",
            "Raised \(raisedOn) by \(raisedBy)" + (overallDue.map { "; whole process due \($0)" } ?? ""),
        ].map { TerminalText.visible($0, newlines: false) }
        if let disagreement, let outcomeWanted {
            lines += ["Disagreement: \(disagreement)", "Outcome wanted: \(outcomeWanted)"]
        }
        if let children {
            lines.append(TerminalText.visible("Children: " + children.joined(separator: "; "), newlines: false))
        }
        var stageTable = Table("Stage", "Started", "Due")
        for stage in stages { stageTable.add("\(stage.title) [\(stage.stage)]", stage.startedOn, stage.due ?? "—") }
        var eventTable = Table("#", "Step", "Recorded (UTC)", "By", "Event")
        for event in events {
            eventTable.add(String(event.sequence), String(event.version), event.recordedAt, event.actor, event.type)
        }
        let people = TerminalText.visible("People: " + people.joined(separator: "; "), newlines: false)
        lines += ["", stageTable.render(), "", people, "", eventTable.render()]
        return lines.joined(separator: "\n")
    }
}
