import ConcordCore
import FluentKit
import Foundation

/// The dispute list's rows, derived only from a dispute's events, so they can be thrown away
/// and rebuilt to the same content.
enum DisputeProjection {
    static func write(_ state: DisputeState, id: UUID, on db: any Database) async throws {
        let existing = try await DisputeModel.find(id, on: db)
        let model = existing ?? DisputeModel()
        fill(model, from: state, id: id)
        try await model.save(on: db)
        try await DisputePersonModel.query(on: db).filter(\.$disputeID == id).delete()
        try await people(state, id: id).create(on: db)
        try await DisputeActionModel.query(on: db).filter(\.$disputeID == id).delete()
        try await actions(state, id: id).create(on: db)
        try await DisputeStageVisitModel.query(on: db).filter(\.$disputeID == id).delete()
        try await BulkInsert.insert(stageVisits(state, id: id), on: db)
        try await DisputeLearningModel.query(on: db).filter(\.$disputeID == id).delete()
        try await BulkInsert.insert(learning(state, id: id), on: db)
        // Agencies and search terms come from the raising event alone, so they are written once.
        if existing == nil {
            try await agencies(state, id: id).create(on: db)
            try await searchTerms(state, id: id).create(on: db)
        }
    }

    static func fill(_ model: DisputeModel, from state: DisputeState, id: UUID) {
        let raised = state.raised
        let stage = state.currentStage
        model.id = id
        model.reference = raised.reference
        model.partnershipID = UUID(uuidString: raised.partnershipID) ?? UUID()
        model.policyID = raised.policyID
        model.policyVersion = raised.policyVersion
        model.scope = raised.scope.rawValue
        model.category = raised.category.rawValue
        model.status = state.status.rawValue
        model.currentStage = stage.stage
        model.stageStartedOn = stage.startedOn.iso
        model.stageDue = stage.due?.iso
        model.acknowledgementDue = state.acknowledgementDue?.iso
        model.acknowledgedOn = state.acknowledged?.acknowledgedOn.iso
        model.overallDue = state.overallDue?.iso
        model.raisedOn = raised.raisedOn.iso
        model.raisedByID = raised.raisedBy.id
        model.significantHarm = raised.significantHarm || !state.significantHarm.isEmpty
        model.version = state.version
        model.lastEventAt = EventChain.timestamp(state.lastChanged)
        model.nextDue = DisputeListOrder.nextDue(state)
        fillOutcome(model, from: state)
    }

    /// What the partnership's reports count: who raised it, how and when it ended, and the
    /// days its acknowledgement and whole-process timescales count from.
    static func fillOutcome(_ model: DisputeModel, from state: DisputeState) {
        model.raisingAgencyID = state.raised.raisedBy.agency.id
        model.endedHow = state.ending?.rawValue
        model.endedOn = state.endedOn?.iso
        model.referralRoute = state.referral?.route
        model.acknowledgementFrom = state.acknowledgementFrom?.iso
        model.overallFrom = state.overallFrom?.iso
    }

    static func stageVisits(_ state: DisputeState, id: UUID) -> [DisputeStageVisitModel] {
        state.stageOutcomes.map { DisputeStageVisitModel(disputeID: id, $0) }
    }

    static func learning(_ state: DisputeState, id: UUID) -> [DisputeLearningModel] {
        let partnership = UUID(uuidString: state.raised.partnershipID) ?? UUID()
        return state.learning.map { DisputeLearningModel(disputeID: id, partnershipID: partnership, $0) }
    }

    static func people(_ state: DisputeState, id: UUID) -> [DisputePersonModel] {
        var seen: Set<String> = []
        return state.participants.compactMap { participation in
            let key = "\(participation.person.id)|\(participation.capacity?.rawValue ?? "")"
            guard seen.insert(key).inserted else { return nil }
            return DisputePersonModel(
                disputeID: id, personID: participation.person.id, side: participation.side.rawValue,
                capacity: participation.capacity?.rawValue)
        }
    }

    static func agencies(_ state: DisputeState, id: UUID) -> [DisputeAgencyModel] {
        Set(state.agencies.map(\.id)).sorted().map { DisputeAgencyModel(disputeID: id, agencyID: $0) }
    }

    static func searchTerms(_ state: DisputeState, id: UUID) -> [DisputeSearchTermModel] {
        SearchTerms.terms(state).sorted().map { DisputeSearchTermModel(disputeID: id, term: $0) }
    }

    static func actions(_ state: DisputeState, id: UUID) -> [DisputeActionModel] {
        state.watchedActions.map { DisputeActionModel(disputeID: id, $0) }
    }
}
