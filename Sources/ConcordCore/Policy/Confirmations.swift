/// What a protocol asks of its written confirmations beyond the stage's own people: what they
/// carry to every recipient, and which levels of management involved receive every one.
public struct Confirmations: Hashable, Sendable, Encodable {
    /// What written confirmations carry to every recipient, so each agency's own system holds
    /// the decision (Oldham: "Agreed outcomes will be recorded and shared via email").
    public enum Part: String, CaseIterable, Codable, Sendable {
        /// The outcome a stage or the resolution records, and any follow-up.
        case agreedOutcome = "agreed-outcome"
        /// The plan of action, actions agreed at a meeting and actions taken at a stage.
        case actions
    }

    public var include: [Part]
    /// Participants at these levels receive every confirmation, whatever stage they joined at
    /// (Coventry: "fed back to the second tier management staff involved").
    public var copyTo: [RoleLevel]
    public var quote: String?

    public init(include: [Part], copyTo: [RoleLevel], quote: String?) {
        self.include = include
        self.copyTo = copyTo
        self.quote = quote
    }
}
