import ConcordCore
import ConcordStore
import Foundation

/// Sunderland's Appendix 1, "Dispute resolution – referral to SSCP": who refers and how to
/// reach them, when the business manager was told, why the protocol was used, and for steps 1
/// to 3 the actions taken, outcome and learning, then the date complete and signature.
enum SSCPReferral {
    static let notRecorded = "Not recorded"

    @Sendable static func sections(
        _ dispute: VisibleDispute, form: Form, directory: Directory
    ) async throws -> [StageFormDocument.Section] {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        guard let formStage = policy.stages.firstIndex(where: { $0.forms.contains(form) }) else { return [] }
        let stageID = policy.stages[formStage].id
        let visit = state.stages.first { $0.stage == stageID }
        let referrer = try await self.referrer(dispute, into: stageID, directory: directory)
        let escalation = state.escalations.last { $0.to == stageID }
        var sections = [
            StageFormDocument.Section(
                heading: nil,
                rows: [
                    .init(label: "Name and designation of referrer", text: referrer.designation),
                    .init(label: "Contact details of referrer", text: referrer.contact),
                    .init(
                        label: "Date information passed to SSCB Strategic Business Manager",
                        text: Formatting.date(visit?.startedOn)),
                ]),
            StageFormDocument.Section(
                heading: "Reason for implementing the SSCP Escalation and Challenge Protocol",
                rows: [
                    .init(label: "The disagreement", text: state.raised.disagreement),
                    .init(label: "Outcome wanted", text: state.raised.outcomeWanted),
                    .init(label: "Reason for referring to the SSCP", text: escalation?.reason ?? notRecorded),
                ]),
        ]
        for stage in policy.stages.prefix(formStage) {
            sections.append(step(stage, visit: state.stages.first { $0.stage == stage.id }))
        }
        sections.append(
            StageFormDocument.Section(
                heading: nil,
                rows: [
                    .init(label: "Date complete", text: Formatting.date(visit?.startedOn)),
                    .init(label: "Signed", text: "\(referrer.name), recorded in Concord"),
                ]))
        return sections
    }

    static func step(_ stage: Stage, visit: DisputeState.StageVisit?) -> StageFormDocument.Section {
        guard let visit else {
            return .init(
                heading: stage.title,
                rows: [.init(label: "Actions taken", text: "Not reached: the dispute went past this step")])
        }
        let records = visit.records
        let discussed = visit.discussions.map { "\(Formatting.date($0.heldOn)): \($0.summary)" }
        let learning: String =
            switch records.learningIdentified {
            case true?: "Yes: " + (records.learning ?? "")
            case false?: "No"
            case nil: notRecorded
            }
        return .init(
            heading: stage.title,
            rows: [
                .init(
                    label: "Actions taken",
                    text: records.actionsTaken ?? (discussed.isEmpty ? notRecorded : discussed.joined(separator: "\n"))),
                .init(label: "Outcome", text: records.outcome ?? notRecorded),
                .init(label: "Has any learning been identified?", text: learning),
            ])
    }

    struct Referrer {
        var name: String
        var designation: String
        var contact: String
    }

    /// Whoever escalated the dispute to the form's stage refers it; the directory gives their
    /// role and e-mail address.
    static func referrer(_ dispute: VisibleDispute, into stage: String, directory: Directory) async throws -> Referrer {
        let entry = try dispute.loaded.events.last { event in
            if case .escalated(let escalation) = try event.decoded().event { return escalation.to == stage }
            return false
        }
        let raiser = dispute.loaded.state.raised.raisedBy
        let name = entry?.content.actorName ?? raiser.name
        let id = entry?.content.actorID ?? raiser.id
        guard let uuid = UUID(uuidString: id), let person = try await directory.person(id: uuid) else {
            return Referrer(name: name, designation: name, contact: notRecorded)
        }
        return Referrer(
            name: person.name, designation: "\(person.name), \(person.level.displayName), \(person.agency.name)",
            contact: person.email ?? notRecorded)
    }
}
