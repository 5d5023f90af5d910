extension DisputeEngine {
    /// Coventry's "if this is not achievable staff are responsible for immediately notifying
    /// their line manager": a step of its own, so the line manager hears at once rather than
    /// from an overdue notice the working day after the deadline.
    func notifyLineManager(
        _ state: DisputeState, reason: String, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        let stage = state.currentStage.stage
        guard policy.stage(stage)?.notifyLineManagerIfUnresolved != nil else {
            throw .noLineManagerNotice(stage: stage)
        }
        let reason = try required(reason, "why it has not been resolved")
        return [.lineManagerNotified(.init(stage: stage, notifiedOn: today, reason: reason))]
    }
}
