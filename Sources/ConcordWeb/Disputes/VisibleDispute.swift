import ConcordStore
import Vapor

/// A dispute the signed-in account may see, with the reason they may see it. Every dispute
/// route goes through here, so need to know is checked once, in one place, on every request.
struct VisibleDispute {
    var loaded: DisputeStore.Loaded
    var relation: DisputeAccess.Relation
    var account: Account

    var id: UUID { loaded.id }

    /// Whether the account may take the dispute's next steps: its relation lets it, or it is
    /// the partnership's scrutineer and the current stage names the scrutineer (Sunderland's
    /// Independent Scrutineer, North East Lincolnshire's Independent Scrutiny Officer), who acts
    /// at the stages that name them and reads elsewhere.
    var mayAct: Bool {
        if relation.mayAct { return true }
        guard relation == .partnership(.scrutineer) else { return false }
        let stage = loaded.policy.stage(loaded.state.currentStage.stage)
        return stage?.participants.contains { $0.level == .independentScrutineer } == true
    }
}

extension Request {
    /// The dispute named in the path, or "not found" for anyone without a reason to see it,
    /// exactly as if it did not exist.
    func visibleDispute() async throws -> VisibleDispute {
        let account = try requireAccount()
        let id = try uuid("dispute")
        guard let relation = try await DisputeAccess.relation(concord.database, account: account, dispute: id) else {
            throw Abort(.notFound)
        }
        let loaded = try await concord.disputes.load(id)
        return VisibleDispute(loaded: loaded, relation: relation, account: account)
    }

    /// The directory entry an account acts as, if it has one.
    func person(of account: Account) async throws -> Directory.Person? {
        guard let id = account.personID else { return nil }
        return try await directory().person(id: id)
    }

    /// Writes the view or action to the dispute's access log before anything is shown.
    func logAccess(_ dispute: VisibleDispute, _ action: String) async throws {
        try await concord.accessLog.record(dispute: dispute.id, by: dispute.account, action: action, at: now)
    }
}
