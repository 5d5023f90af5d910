extension DisputeEvent {
    /// Someone could not resolve the disagreement at a stage and told their line manager.
    public struct LineManagerNotified: Codable, Hashable, Sendable {
        public var stage: String
        public var notifiedOn: LocalDate
        public var reason: String
    }
}
