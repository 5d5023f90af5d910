import ConcordCore
import ConcordStore
import Foundation
import Vapor

/// A dispute in a list: its reference, where it is, and how its deadlines stand.
struct DisputeRow: Encodable {
    var reference: String
    var href: String
    var partnership: String
    var stage: String
    var category: String
    var status: String
    var statusColour: String
    var deadline: DeadlineView?
    var lastChanged: String
    var overdue: Bool
    var dueSoon: Bool
}

/// What lists need to describe disputes from several partnerships: names, stage titles and
/// working calendars, read once per page.
struct DisputeListContext {
    var partnerships: [UUID: Directory.Partnership]
    var calendars: [UUID: WorkingCalendar]
    var policies: [UUID: Policy]
    /// Every procedure each partnership runs now, for the stage titles of disputes under each.
    var procedures: [UUID: [Policy]] = [:]
    var today: LocalDate

    static func load(_ request: Request) async throws -> DisputeListContext {
        let services = request.concord
        let snapshot = try await request.directory()
        var context = DisputeListContext(
            partnerships: [:], calendars: [:], policies: [:], today: LondonTime.date(of: request.now))
        for partnership in snapshot.partnerships {
            context.partnerships[partnership.id] = partnership
            context.calendars[partnership.id] = services.calendars.calendar(
                region: partnership.region, holidays: services.holidays, closures: partnership.closureDays)
            let current = try await services.directory.currentPolicies(
                partnership: partnership.id, on: context.today, in: snapshot)
            context.policies[partnership.id] = current.first?.policy
            context.procedures[partnership.id] = current.map(\.policy)
        }
        return context
    }

    func row(_ summary: DisputeSummary) -> DisputeRow {
        let calendar =
            calendars[summary.partnershipID] ?? WorkingCalendar(region: .englandAndWales, holidays: .standard)
        let open = summary.status == DisputeStatus.open.rawValue
        // The nearest deadline still running is the one people need to see.
        let deadlines = [
            DeadlineView(
                label: "Stage due", due: summary.stageDue.flatMap(LocalDate.init(iso:)), today: today,
                calendar: calendar, open: open),
            summary.acknowledgedOn == nil
                ? DeadlineView(
                    label: "Acknowledgement due", due: summary.acknowledgementDue.flatMap(LocalDate.init(iso:)),
                    today: today, calendar: calendar, open: open) : nil,
            DeadlineView(
                label: "Whole process due", due: summary.overallDue.flatMap(LocalDate.init(iso:)), today: today,
                calendar: calendar, open: open),
        ].compactMap { $0 }
        let deadline = deadlines.first(where: \.overdue) ?? deadlines.first(where: \.dueSoon) ?? deadlines.first
        let policy =
            procedures[summary.partnershipID]?.first { $0.id == summary.policyID } ?? policies[summary.partnershipID]
        let stageTitle = policy?.stage(summary.currentStage)?.title ?? summary.currentStage
        return DisputeRow(
            reference: summary.reference, href: SiteRoute.dispute(.value(summary.id)).path,
            partnership: partnerships[summary.partnershipID]?.name ?? "",
            stage: stageTitle,
            category: DisputeCategory(rawValue: summary.category).map(\.title) ?? summary.category,
            status: Formatting.statusName(summary.status), statusColour: Formatting.statusColour(summary.status),
            deadline: open ? deadline : nil,
            lastChanged: EventChain.date(summary.lastEventAt).map(Formatting.time) ?? "",
            overdue: open && deadlines.contains(where: \.overdue),
            dueSoon: open && deadlines.contains(where: \.dueSoon))
    }
}
