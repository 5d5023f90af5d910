import ConcordCore
import ConcordMail
import ConcordNotifications
import ConcordStore
import DatabaseTestSupport
import Foundation
import MailTestSupport
import Testing

/// An Oldham partnership on a fresh database (SQLite unless told), a frozen clock, and the mail
/// pipeline pointed at a real SMTP server.
struct NotificationWorld {
    let database: ConcordDatabase
    let partnership: UUID
    let clock: FrozenClock
    let raiser: PersonRef
    let receiver: PersonRef
    let head: PersonRef

    static func with<T>(
        _ backend: Backend = .sqlite, _ body: (NotificationWorld) async throws -> T
    ) async throws -> T {
        let (url, remove) = try await backend.create()
        let database = try await ConcordDatabase.open(url)
        do {
            try await database.migrate()
            let world = try await make(database)
            let result = try await body(world)
            await database.shutdown()
            try await remove()
            return result
        } catch {
            await database.shutdown()
            try? await remove()
            throw error
        }
    }

    private static func make(_ database: ConcordDatabase) async throws -> NotificationWorld {
        let directory = Directory(database)
        let policy = try #require(PolicyLibrary.builtIn("oldham"))
        let partnership = try await directory.addPartnership(
            slug: "oldham", name: policy.partnership, region: policy.region)
        try await directory.installPolicy(
            try #require(PolicyLibrary.text(of: "oldham")), file: "oldham.yaml", partnership: partnership)
        let council = try await directory.addAgency(
            name: "Children's Social Care", type: .childrensSocialCare, partnerships: [partnership])
        let health = try await directory.addAgency(name: "Community Health", type: .health, partnerships: [partnership])
        let head = try await directory.addPerson(
            name: "Hal Head", email: "hal@council.example", agency: council, level: .headOfService, lineManager: nil)
        return NotificationWorld(
            database: database, partnership: partnership, clock: FrozenClock(.london("2026-12-21", hour: 10)),
            raiser: try await directory.addPerson(
                name: "Sam Manager", email: "sam@council.example", agency: council, level: .lineManager,
                lineManager: head),
            receiver: try await directory.addPerson(
                name: "Ola Manager", email: "ola@health.example", agency: health, level: .lineManager,
                lineManager: nil),
            head: head)
    }

    var store: DisputeStore { DisputeStore(database, notices: NoticeSettings(publicURL: "https://concord.test")) }
    var outbox: Outbox { Outbox(database) }

    func delivery(port: Int, maxAttempts: Int = 8) -> MailDelivery {
        MailDelivery(
            outbox: outbox,
            transport: SMTPTransport(
                settings: SMTPSettings(host: "127.0.0.1", port: port, security: .none, timeout: 5)),
            from: MailAddress(name: "Concord", email: "concord@partnership.test"), clock: clock,
            maxAttempts: maxAttempts)
    }

    var sweep: DeadlineSweep {
        DeadlineSweep(database, notices: NoticeSettings(publicURL: "https://concord.test"))
    }

    func raise() async throws -> DisputeStore.Loaded {
        try await store.raise(
            RaiseDispute(
                raisedBy: raiser, otherAgencies: [receiver.agency], professionals: [receiver],
                children: [
                    ChildRecord(
                        name: "Rowan Example", dateOfBirth: LocalDate(iso: "2018-05-09"),
                        caseReferences: [CaseReference(agencyID: raiser.agency.id, reference: "LCS-40417")])
                ], category: .threshold, disagreement: "Rowan's referral was not accepted",
                outcomeWanted: "A strategy discussion for Rowan", significantHarm: false),
            partnership: partnership, at: clock.now())
    }

    func perform(_ command: DisputeCommand, on dispute: DisputeStore.Loaded) async throws -> DisputeStore.Loaded {
        try await store.perform(
            command, on: dispute.id, expectedVersion: dispute.state.version, by: raiser, at: clock.now())
    }

    func move(to day: String, hour: Int = 8) {
        clock.advance(by: Date.london(day, hour: hour).timeIntervalSince(clock.now()))
    }
}

extension Date {
    static func london(_ iso: String, hour: Int) -> Date {
        LondonTime.startOfDay(LocalDate(iso: iso)!).addingTimeInterval(Double(hour) * 3600)
    }
}

/// What arrived, read back by Python's `email` package.
struct Arrival {
    var to: [String]
    var mail: ParsedMail

    static func all(_ sinks: [SMTPSink]) async throws -> [Arrival] {
        var arrivals: [Arrival] = []
        for sink in sinks {
            for (eml, envelope) in try sink.received() {
                arrivals.append(Arrival(to: envelope.rcptTos, mail: try await ParsedMail.parse(file: eml)))
            }
        }
        return arrivals
    }
}
