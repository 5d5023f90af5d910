import ConcordCore
import ConcordStore
import Foundation

/// A form a policy names at a stage (`forms:` in its YAML), filled in from the dispute's record
/// and shown as a printable page. Each form id Concord knows has a builder; a policy may name
/// forms Concord cannot fill, which are simply not offered.
struct StageFormDocument: Encodable {
    struct Section: Encodable {
        var heading: String?
        var rows: [TimelineEntry.Line]
    }

    var title: String
    var reference: String
    var intro: String
    var sections: [Section]
    var recordHref: String
    var disputeHref: String

    typealias Builder = @Sendable (VisibleDispute, Form, Directory) async throws -> [Section]

    static let builders: [String: Builder] = ["sscp-referral": SSCPReferral.sections]

    /// The forms at stages the dispute has reached, that Concord can fill in.
    static func reachedForms(_ state: DisputeState, policy: Policy) -> [Form] {
        let reached = Set(state.stages.map(\.stage))
        return policy.stages.filter { reached.contains($0.id) }.flatMap(\.forms).filter { builders[$0.id] != nil }
    }

    /// Nil when the dispute's policy has no such form at a stage it has reached.
    static func make(_ formID: String, dispute: VisibleDispute, directory: Directory) async throws -> Self? {
        let state = dispute.loaded.state
        guard let form = reachedForms(state, policy: dispute.loaded.policy).first(where: { $0.id == formID }),
            let build = builders[formID]
        else { return nil }
        return StageFormDocument(
            title: form.title, reference: state.reference,
            intro: "Filled in from the dispute's record. " + (form.quote.map { "The protocol says: “\($0)”" } ?? ""),
            sections: try await build(dispute, form, directory), recordHref: SiteRoute.record(.value(dispute.id)).path,
            disputeHref: SiteRoute.dispute(.value(dispute.id)).path)
    }
}
