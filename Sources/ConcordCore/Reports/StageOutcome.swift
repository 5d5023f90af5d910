/// One visit to a stage as the partnership's report counts it.
public struct StageOutcome: Hashable, Sendable {
    /// The visit's place among the dispute's stage visits, from 0.
    public var position: Int
    public var stage: String
    public var enteredOn: LocalDate
    /// The next stage entered, or the day the dispute was resolved, referred onward or withdrawn.
    public var leftOn: LocalDate?
    /// When the stage did what its timescale measures: the milestone of a timescale to begin
    /// within ("a meeting offered within 5 working days"), else leaving it.
    public var finishedOn: LocalDate?
    /// The deadline of the stage's own timescale as it stood when the stage finished: fixed on
    /// entry, or as a discussion or an agreed timescale moved it.
    public var deadline: LocalDate?

    /// Whether the stage finished by its deadline; nil while unfinished or without one.
    public var withinTimescale: Bool? {
        guard let finishedOn, let deadline else { return nil }
        return finishedOn <= deadline
    }
}

extension DisputeState {
    public var stageOutcomes: [StageOutcome] {
        stages.indices.map { index in
            let visit = stages[index]
            let left = index + 1 < stages.count ? stages[index + 1].startedOn : endedOn
            return StageOutcome(
                position: index, stage: visit.stage, enteredOn: visit.startedOn, leftOn: left,
                finishedOn: visit.metOn ?? left, deadline: visit.timescaleDue)
        }
    }

    /// How it ended, for the partnership's figures; nil while open.
    public var ending: DisputeEnding? {
        if resolution != nil { return .resolved }
        if referral != nil { return .referred }
        if withdrawal != nil { return .withdrawn }
        return nil
    }

    /// The day the acknowledgement's timescale counts from: the start of the stage at which the
    /// dispute is received in writing.
    public var acknowledgementFrom: LocalDate? {
        guard acknowledgementDue != nil else { return nil }
        return stages.first { $0.acknowledgementDue != nil }?.startedOn
    }

    /// The day the whole process is counted from: receipt in writing where the overall
    /// timescale runs from there, else the raising.
    public var overallFrom: LocalDate? {
        guard overallDue != nil else { return nil }
        return stages.first { $0.overallDue != nil }?.startedOn ?? raised.raisedOn
    }
}

public enum DisputeEnding: String, CaseIterable, Codable, Sendable {
    case resolved, referred, withdrawn
}
