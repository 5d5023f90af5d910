import ConcordCore
import ConcordStore
import Vapor

/// The partnerships whose disputes an account works with, and what lists offer to filter by
/// within them: their agencies and their procedures' stages.
struct ListScope {
    var partnerships: [UUID]
    var agencies: [Directory.Agency]
    var stages: [FormField.Option]

    /// Whether lists need a partnership column.
    var spansPartnerships: Bool { partnerships.count > 1 }

    static func load(_ request: Request, account: Account, context: DisputeListContext) async throws -> ListScope {
        let agencies = try await request.directory().agencies
        var partnerships: [UUID] = []
        if account.role.isPartnershipWide, let id = account.partnershipID {
            partnerships = [id]
        } else if let person = try await request.person(of: account) {
            partnerships = agencies.first { $0.id.uuidString == person.agency.id }?.partnerships ?? []
        }
        partnerships.sort { (context.partnerships[$0]?.name ?? "") < (context.partnerships[$1]?.name ?? "") }
        let procedures = partnerships.flatMap { context.procedures[$0] ?? [] }
        let several = procedures.count > 1
        let stages = procedures.flatMap { policy in
            policy.stages.map { stage in
                FormField.Option(
                    value: several ? "\(policy.id)/\(stage.id)" : stage.id,
                    label: several ? "\(stage.title) (\(policy.name))" : stage.title, selected: false)
            }
        }
        return ListScope(
            partnerships: partnerships,
            agencies: agencies.filter { !Set($0.partnerships).isDisjoint(with: partnerships) }, stages: stages)
    }

    /// The filter form's fields, showing what was sent.
    func fields(_ list: ListRequest) -> [FormField] {
        let query = list.query
        var from = FormField.date(name: "from", label: "Raised on or after", value: nil)
        (from.day, from.month, from.year) = (list.fromParts[0], list.fromParts[1], list.fromParts[2])
        var to = FormField.date(name: "to", label: "Raised on or before", hint: "", value: nil)
        to.hint = nil
        (to.day, to.month, to.year) = (list.toParts[0], list.toParts[1], list.toParts[2])
        return [
            FormField(
                .select, name: "status", label: "Status",
                options: [
                    .option("", "Any status", selected: query.statuses.isEmpty),
                    .option("ended", "Ended (any way)", selected: query.statuses == ListRequest.ended),
                ]
                    + [DisputeStatus.open, .resolved, .referred, .withdrawn, .closed].map {
                        .option($0.rawValue, Formatting.statusName($0.rawValue), selected: query.statuses == [$0])
                    }),
            FormField(
                .select, name: "overdue", label: "Deadlines",
                options: [
                    .option("", "Any", selected: query.deadline == nil),
                    .option("yes", "Overdue", selected: query.deadline == .overdue),
                    .option("soon", "Due within a working day", selected: query.deadline == .dueSoon),
                    .option("no", "Not overdue", selected: query.deadline == .notOverdue),
                ]),
            FormField(
                .select, name: "stage", label: "Stage",
                options: [.option("", "Any stage", selected: list.stageValue.isEmpty)]
                    + stages.map { .option($0.value, $0.label, selected: $0.value == list.stageValue) }),
            FormField(
                .select, name: "agency", label: "Agency",
                options: [.option("", "Any agency", selected: query.agency == nil)]
                    + agencies.map {
                        .option($0.id.uuidString, $0.name, selected: $0.id.uuidString == query.agency)
                    }),
            FormField(
                .select, name: "category", label: "About",
                options: [.option("", "Anything", selected: query.category == nil)]
                    + DisputeCategory.allCases.map {
                        .option($0.rawValue, $0.title, selected: query.category == $0)
                    }),
            from, to,
            FormField(
                .select, name: "sort", label: "Sort by",
                options: [
                    .option("deadline", "Next deadline, soonest first", selected: query.sort == .deadline),
                    .option("raised", "Date raised, newest first", selected: query.sort == .raised),
                    .option("changed", "Last changed, most recent first", selected: query.sort == .changed),
                    .option("reference", "Reference", selected: query.sort == .reference),
                ]),
        ]
    }
}
