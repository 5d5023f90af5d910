import ConcordCore
import ConcordStore
import Foundation
import Vapor

/// A dispute's documents: the printable record and its download, the meeting's agenda and
/// calendar invitation, and the policy's forms. Each goes through the same need-to-know gate as
/// the dispute's page and is logged like a view of it.
struct DocumentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.record(.key), use: record)
        routes.get(.recordDownload(.key), use: download)
        routes.get(.meetingAgenda(.key), use: agenda)
        routes.get(.meetingInvitation(.key, meeting: .key), use: invitation)
        routes.get(.scheduledMeetingAgenda(.key, meeting: .key), use: scheduledAgenda)
        routes.get(.stageForm(.key, form: .key), use: stageForm)
    }

    struct RecordPage: Encodable {
        var record: DisputeRecord
        var disputeHref: String
        var downloadHref: String
        var css: String?
        /// Every meeting's papers, earlier stages' included; only on the page, since a
        /// downloaded file's links would lead nowhere.
        var meetings: [MeetingPapers] = []
        var hasMeetings = false
    }

    struct MeetingPapers: Encodable {
        var title: String
        var links: [Link]
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        try await request.logAccess(dispute, "viewed the printable record")
        let record = try DisputeRecord(dispute, now: request.now)
        let policy = dispute.loaded.policy
        let meetings = dispute.loaded.state.meetings.map { meeting in
            let when = Formatting.meetingTime(meeting)
            return MeetingPapers(
                title: "\(meeting.name), \(policy.stage(meeting.stage)?.title ?? meeting.stage)",
                links: [
                    Link(
                        text: "Agenda for \(when)",
                        href: SiteRoute.scheduledMeetingAgenda(.value(dispute.id), meeting: .value(meeting.meetingID))
                            .path),
                    Link(
                        text: "Calendar invitation for \(when) (.ics file)",
                        href: SiteRoute.meetingInvitation(.value(dispute.id), meeting: .value(meeting.meetingID)).path),
                ])
        }
        return try await request.page(
            "record", title: "Record of dispute \(record.reference)",
            RecordPage(
                record: record, disputeHref: SiteRoute.dispute(.value(dispute.id)).path,
                downloadHref: SiteRoute.recordDownload(.value(dispute.id)).path, meetings: meetings,
                hasMeetings: !meetings.isEmpty))
    }

    /// One self-contained file, styles inline, so it reads the same wherever it is filed.
    @Sendable func download(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        try await request.logAccess(dispute, "downloaded the record")
        let record = try DisputeRecord(dispute, now: request.now)
        let page = RecordPage(record: record, disputeHref: "", downloadHref: "", css: try Self.recordStyles())
        let view = try await request.view.render("record-file", ["page": page]).get()
        return Self.attachment(
            view.data, type: "text/html; charset=utf-8",
            filename: DisputeRecord.filename(record.reference, suffix: "-record.html"))
    }

    /// The current stage's meeting; once the dispute has moved on to a stage without one, the
    /// last meeting scheduled, so a link sent earlier still leads to its papers.
    @Sendable func agenda(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        let state = dispute.loaded.state
        let hasMeeting = dispute.loaded.policy.stage(state.currentStage.stage)?.meeting != nil
        return try await showAgenda(request, dispute, scheduled: hasMeeting ? nil : state.meetings.last)
    }

    /// A meeting's own agenda, whichever stage the dispute has reached since.
    @Sendable func scheduledAgenda(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        let id = request.parameters.get("meeting") ?? ""
        guard let meeting = dispute.loaded.state.meetings.first(where: { $0.meetingID == id }) else {
            throw Abort(.notFound)
        }
        return try await showAgenda(request, dispute, scheduled: meeting)
    }

    private func showAgenda(
        _ request: Request, _ dispute: VisibleDispute, scheduled: DisputeEvent.MeetingScheduled?
    ) async throws -> Response {
        let person = try await request.person(of: dispute.account)
        let mayMinute = ActionAvailability.actions(for: dispute, person: person).contains(.recordMinutes)
        guard let agenda = MeetingAgenda(dispute, scheduled: scheduled, mayRecordMinutes: mayMinute) else {
            throw Abort(.notFound)
        }
        try await request.logAccess(dispute, "viewed the meeting agenda")
        return try await request.page("meeting-agenda", title: "Agenda: \(agenda.name) – \(agenda.reference)", agenda)
    }

    @Sendable func invitation(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        let id = request.parameters.get("meeting") ?? ""
        guard let meeting = dispute.loaded.state.meetings.first(where: { $0.meetingID == id }) else {
            throw Abort(.notFound)
        }
        try await request.logAccess(dispute, "downloaded the calendar invitation")
        var addresses: [String: String] = [:]
        for person in meeting.invited + [meeting.organiser] {
            guard let uuid = UUID(uuidString: person.id),
                let email = try await request.concord.directory.person(id: uuid)?.email
            else { continue }
            addresses[person.id] = email
        }
        let reference = dispute.loaded.state.reference
        let ics = CalendarInvitation.ics(for: meeting, reference: reference, stamp: request.now, addresses: addresses)
        return Self.attachment(
            ByteBuffer(string: ics), type: "text/calendar; charset=utf-8",
            filename: DisputeRecord.filename(reference, suffix: "-\(meeting.meetingID).ics"))
    }

    @Sendable func stageForm(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        guard
            let document = try await StageFormDocument.make(
                request.parameters.get("form") ?? "", dispute: dispute, directory: request.concord.directory)
        else { throw Abort(.notFound) }
        try await request.logAccess(dispute, "viewed the form: \(document.title)")
        return try await request.page("stage-form", title: "\(document.title) – \(document.reference)", document)
    }

    static func attachment(_ body: ByteBuffer, type: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    static func recordStyles() throws -> String {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw Abort(.internalServerError, reason: "Concord's web resources are missing")
        }
        return try String(contentsOf: url.appendingPathComponent("Documents/record-file.css"), encoding: .utf8)
    }
}
