/// One piece of learning a dispute recorded, wherever its protocol asked for it: a stage's
/// "has any learning been identified?", a meeting's learning points, or a review's lessons.
public struct LearningPoint: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        case stageRecords = "stage-records"
        case meetingMinutes = "meeting-minutes"
        case review
    }

    public var source: Source
    /// The stage it was recorded at; nil for a review, which looks at the whole dispute.
    public var stage: String?
    public var recordedOn: LocalDate?
    public var text: String
    /// Policy changes agreed, for a review.
    public var policyChanges: String?
}

extension DisputeState {
    /// Every learning point, in the order the stages were visited, for the partnership to
    /// gather across disputes.
    public var learning: [LearningPoint] {
        var points: [LearningPoint] = []
        for visit in stages {
            if visit.records.learningIdentified == true, let text = visit.records.learning {
                points.append(LearningPoint(source: .stageRecords, stage: visit.stage, recordedOn: nil, text: text))
            }
            for minuted in visit.minutes {
                guard let text = minuted.minutes.learning else { continue }
                points.append(
                    LearningPoint(
                        source: .meetingMinutes, stage: visit.stage, recordedOn: minuted.minutes.heldOn, text: text))
            }
        }
        for review in reviews {
            points.append(
                LearningPoint(
                    source: .review, stage: nil, recordedOn: review.heldOn, text: review.lessons,
                    policyChanges: review.policyChanges))
        }
        return points
    }
}
