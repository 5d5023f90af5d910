import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// Addresses notices to people and queues one message per recipient, on the transaction that
/// records what caused them, so a notice exists exactly when its cause does.
struct NoticeQueue {
    struct Dispute {
        var id: UUID?
        var reference: String?
        var partnershipID: UUID
        var partnershipName: String
        /// Everyone taking part, with the capacity they take part in.
        var participants: [(person: String, capacity: Capacity?)]
    }

    let db: any Database
    let settings: NoticeSettings

    /// Queues the notices; returns how many messages were new.
    @discardableResult
    func enqueue(_ notices: [Notice], for dispute: Dispute, at now: Date) async throws -> Int {
        guard !notices.isEmpty else { return 0 }
        let book = try await AddressBook.load(for: notices, dispute: dispute, db)
        let secure = try await SecureDomains.of(dispute.partnershipID, db)
        let rows = rows(notices, for: dispute, book: book, secure: secure, at: now, onePerPerson: true)
        return try await OutboxRow.insert(rows, db)
    }

    /// One message per recipient of each notice, written for them; with `onePerPerson` (the
    /// notices of one step), one message per recipient in all.
    func rows(
        _ notices: [Notice], for dispute: Dispute, book: AddressBook, secure: [String], at now: Date,
        onePerPerson: Bool = false
    ) -> [OutboxRow] {
        let link = dispute.id.map(settings.link(dispute:)) ?? settings.publicURL
        var seen: Set<UUID> = []
        let participants = dispute.participants.compactMap { UUID(uuidString: $0.person) }.filter {
            seen.insert($0).inserted
        }
        var addressed: [(person: AddressBook.Person, notice: Notice)] = []
        for notice in notices {
            addressed += book.recipients(of: notice.audience, participants: participants).map { ($0, notice) }
        }
        if onePerPerson {
            var order: [UUID] = []
            var byPerson: [UUID: [Notice]] = [:]
            for (person, notice) in addressed {
                if byPerson[person.id] == nil { order.append(person.id) }
                byPerson[person.id, default: []].append(notice)
            }
            addressed = order.compactMap { id in
                Notice.combining(byPerson[id] ?? []).flatMap { notice in book.people[id].map { ($0, notice) } }
            }
        }
        var rows: [OutboxRow] = []
        for (person, notice) in addressed {
            let attachment = notice.invitation.map {
                invitation(for: $0, reference: dispute.reference ?? "", book, now)
            }
            let disclosure: NoticeLetter.Disclosure =
                SecureDomains.covers(person.email, secure) ? .full : .withoutChildDetails
            let letter = NoticeLetter(
                notice, to: person.name, disclosure: disclosure, link: link, partnership: dispute.partnershipName)
            rows.append(
                OutboxRow(
                    key: "\(notice.key)/\(person.id.uuidString.lowercased())", dispute: dispute, person: person,
                    notice: notice, disclosure: disclosure, letter: letter,
                    held: book.prefersDigest.contains(person.id) && !notice.urgent, now: now,
                    attachment: attachment))
        }
        return rows
    }

    private func invitation(
        for meeting: DisputeEvent.MeetingScheduled, reference: String, _ book: AddressBook, _ now: Date
    ) -> OutboxMessage.Attachment {
        var addresses: [String: String] = [:]
        for person in book.people.values { addresses[person.id.uuidString] = person.email }
        return OutboxMessage.Attachment(
            filename: "\(reference)-meeting.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8",
            text: CalendarInvitation.ics(for: meeting, reference: reference, stamp: now, addresses: addresses))
    }
}

/// The people a batch of notices can reach, loaded once.
struct AddressBook {
    struct Person {
        var id: UUID
        var name: String
        var email: String?
        var agencyID: UUID
        var lineManagerID: UUID?
        var level: RoleLevel?
    }

    var people: [UUID: Person] = [:]
    /// The agencies of the dispute's partnership, whose partnership-level people are informed.
    var partnershipAgencies: Set<UUID>?
    var leadsByAgency: [UUID: [UUID]] = [:]
    var prefersDigest: Set<UUID> = []

    /// The people event notices can reach: those taking part, the people named, their line
    /// managers and their agencies' designated safeguarding leads.
    static func load(
        for notices: [Notice], dispute: NoticeQueue.Dispute, _ db: any Database
    ) async throws
        -> AddressBook
    {
        var book = AddressBook()
        var wanted = Set(dispute.participants.compactMap { UUID(uuidString: $0.person) })
        for notice in notices {
            if case .people(let people) = notice.audience {
                wanted.formUnion(people.compactMap { UUID(uuidString: $0.id) })
            }
            if case .safeguardingContacts(let person, _) = notice.audience, let id = UUID(uuidString: person.id) {
                wanted.insert(id)
            }
            switch notice.audience {
            case .lineManager(let person), .personAndLineManager(let person):
                if let id = UUID(uuidString: person.id) { wanted.insert(id) }
            case .informed(let levels, let agencies):
                try await book.addInformed(levels, agencies: agencies, partnership: dispute.partnershipID, db)
            default: break
            }
        }
        try await book.add(PersonModel.query(on: db).filter(\.$id ~~ Array(wanted)).all())
        try await book.add(
            PersonModel.query(on: db).filter(\.$id ~~ book.people.values.compactMap(\.lineManagerID)).all())
        let agencies = Array(Set(book.people.values.map(\.agencyID)))
        try await book.add(
            PersonModel.query(on: db).filter(\.$agencyID ~~ agencies).filter(\.$designatedLead == true).all())
        for (person, capacity) in dispute.participants where capacity == .designatedSafeguardingLead {
            if let id = UUID(uuidString: person), let agency = book.people[id]?.agencyID,
                !(book.leadsByAgency[agency] ?? []).contains(id)
            {
                book.leadsByAgency[agency, default: []].append(id)
            }
        }
        try await book.loadPreferences(db)
        return book
    }

    /// Everyone in the directory, for a sweep that addresses many disputes at once.
    static func everyone(_ db: any Database) async throws -> AddressBook {
        var book = AddressBook()
        try await book.add(PersonModel.query(on: db).all())
        try await book.loadPreferences(db)
        return book
    }

    private mutating func loadPreferences(_ db: any Database) async throws {
        let ids = Array(people.keys)
        guard !ids.isEmpty else { return }
        prefersDigest = Set(
            try await MailPreferenceModel.query(on: db).filter(\.$id ~~ ids).filter(\.$dailyDigest == true).all()
                .compactMap(\.id))
    }

    /// Those at the levels a stage informs: the disputing agencies' people at an agency level,
    /// the partnership's at a partnership level.
    private mutating func addInformed(
        _ levels: [RoleLevel], agencies: [String], partnership: UUID, _ db: any Database
    ) async throws {
        if partnershipAgencies == nil {
            partnershipAgencies = Set(
                try await PartnershipAgencyModel.query(on: db).filter(\.$partnershipID == partnership).all()
                    .map(\.agencyID))
        }
        let agencyLevels = levels.filter { $0 < .partnershipBusinessOffice }.map(\.rawValue)
        let partnershipLevels = levels.filter { $0 >= .partnershipBusinessOffice }.map(\.rawValue)
        if !agencyLevels.isEmpty {
            try await add(
                PersonModel.query(on: db).filter(\.$agencyID ~~ agencies.compactMap(UUID.init(uuidString:)))
                    .filter(\.$level ~~ agencyLevels).all())
        }
        if !partnershipLevels.isEmpty {
            try await add(
                PersonModel.query(on: db).filter(\.$agencyID ~~ Array(partnershipAgencies ?? []))
                    .filter(\.$level ~~ partnershipLevels).all())
        }
    }

    private mutating func add(_ models: [PersonModel]) {
        for model in models {
            guard let id = model.id, people[id] == nil else { continue }
            people[id] = Person(
                id: id, name: model.name, email: model.email, agencyID: model.agencyID,
                lineManagerID: model.lineManagerID, level: RoleLevel(rawValue: model.level))
            if model.designatedLead { leadsByAgency[model.agencyID, default: []].append(id) }
        }
    }

    /// Each person once, in a stable order.
    func recipients(of audience: Audience, participants: [UUID]) -> [Person] {
        var ids: [UUID]
        switch audience {
        case .people(let refs): ids = refs.compactMap { UUID(uuidString: $0.id) }
        case .everyoneInvolved: ids = participants
        case .everyoneInvolvedAndLineManagers:
            ids = participants + participants.compactMap { people[$0]?.lineManagerID }
        case .safeguardingContacts(let person, let targets):
            guard let id = UUID(uuidString: person.id), let reporter = people[id] else { return [] }
            ids = []
            if targets.contains(.lineManager), let manager = reporter.lineManagerID { ids.append(manager) }
            if targets.contains(.designatedSafeguardingLead) {
                ids += (leadsByAgency[reporter.agencyID] ?? []).filter { $0 != id }
            }
        case .lineManager(let person):
            ids = lineManagers(of: person)
        case .personAndLineManager(let person):
            ids = (UUID(uuidString: person.id).map { [$0] } ?? []) + lineManagers(of: person)
        case .informed(let levels, let agencies):
            let disputing = Set(agencies.compactMap(UUID.init(uuidString:)))
            ids = people.values.filter { person in
                guard let level = person.level, levels.contains(level) else { return false }
                return level >= .partnershipBusinessOffice
                    ? partnershipAgencies?.contains(person.agencyID) == true : disputing.contains(person.agencyID)
            }.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }.map(\.id)
        }
        var seen: Set<UUID> = []
        return ids.filter { seen.insert($0).inserted }.compactMap { people[$0] }
    }

    /// The person's line manager; where the directory records none, their agency's designated
    /// safeguarding leads.
    private func lineManagers(of person: PersonRef) -> [UUID] {
        guard let id = UUID(uuidString: person.id), let who = people[id] else { return [] }
        return who.lineManagerID.map { [$0] } ?? (leadsByAgency[who.agencyID] ?? []).filter { $0 != id }
    }
}

/// The domains a partnership trusts with full content: a recipient's address is covered by a
/// domain it ends in, so `nhs.net` covers `someone@nhs.net`, and `gov.uk` `someone@oldham.gov.uk`.
enum SecureDomains {
    static func of(_ partnership: UUID, _ db: any Database) async throws -> [String] {
        try await SecureDomainModel.query(on: db).filter(\.$partnershipID == partnership).all().map(\.domain)
    }

    static func covers(_ email: String?, _ domains: [String]) -> Bool {
        guard let email, let at = email.lastIndex(of: "@") else { return false }
        let host = email[email.index(after: at)...].lowercased()
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
