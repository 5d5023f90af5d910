import ConcordCore
import ConcordStore
import Vapor

/// Who reads and who keeps a partnership's learning: its business office keeps it; its
/// independent scrutineer and auditors read it. Nobody else learns that it exists.
struct LearningAccess {
    var partnership: Directory.Partnership
    var account: Account
    var mayEdit: Bool { account.role == .businessOffice }
    var slug: Parameter<String> { .value(partnership.slug) }
    var records: LearningRecords

    /// Makes a change through the store: its objection to a field comes back as that field's
    /// error, for the form to be shown again, and a record gone meanwhile as "page not found".
    func objection(to change: () async throws -> Void) async throws -> FormErrors {
        var errors = FormErrors()
        do {
            try await change()
        } catch LearningError.invalid(let field, let message) {
            errors.add(field, message)
        } catch LearningError.notFound {
            throw Abort(.notFound)
        }
        return errors
    }

    /// For a page or form that changes something: refused to those who only read.
    func requireEditor() throws {
        guard mayEdit else {
            throw Abort(.forbidden, reason: "Only the partnership's business office can change its learning")
        }
    }
}

extension Request {
    func learningAccess() async throws -> LearningAccess {
        let account = try requireAccount()
        guard let slug = parameters.get("partnership"),
            let partnership = try await directory().partnership(slug: slug),
            account.role.isPartnershipWide, account.partnershipID == partnership.id
        else { throw Abort(.notFound) }
        partnershipSlug = slug
        return LearningAccess(partnership: partnership, account: account, records: LearningRecords(concord.database))
    }
}

/// One line of a learning record's history, as its table shows it.
struct HistoryRow: Encodable {
    var change: String
    var by: String
    var at: String

    init(_ change: LearningChange) {
        self.change = change.change
        by = change.by
        at = EventChain.date(change.at).map(Formatting.time) ?? change.at
    }
}
