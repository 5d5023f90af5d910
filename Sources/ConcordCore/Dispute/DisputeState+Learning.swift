/// One piece of learning a dispute recorded, wherever its protocol asked for it: a stage's
/// "has any learning been identified?", a meeting's learning points, or a review's lessons.
public struct LearningPoint: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        case stageRecords = "stage-records"
        case meetingMinutes = "meeting-minutes"
        case review

        public var title: String {
            switch self {
            case .stageRecords: "Stage records"
            case .meetingMinutes: "Meeting's learning points"
            case .review: "Multi-agency review's lessons"
            }
        }
    }

    /// Names the point within its dispute for good: stages, minutes and reviews are only ever
    /// added, so a theme given to "records-2" stays on the same learning however the dispute goes on.
    public var key: String
    public var source: Source
    /// The stage it was recorded at; nil for a review, which looks at the whole dispute.
    public var stage: String?
    public var recordedOn: LocalDate
    public var text: String
    /// Policy changes agreed, for a review.
    public var policyChanges: String?

    public init(
        key: String, source: Source, stage: String?, recordedOn: LocalDate, text: String, policyChanges: String? = nil
    ) {
        self.key = key
        self.source = source
        self.stage = stage
        self.recordedOn = recordedOn
        self.text = text
        self.policyChanges = policyChanges
    }

    /// "None identified", which a meeting that must record learning points writes when it has
    /// none: not learning to gather.
    public static func saysNone(_ text: String) -> Bool {
        let words = text.lowercased().filter { $0.isLetter || $0 == " " || $0 == "/" }
            .split(separator: " ").joined(separator: " ")
        return ["none", "none identified", "no learning identified", "no learning", "n/a", "nil"].contains(words)
    }

    /// Whether `key` could name a learning point, before looking it up.
    public static func isKey(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let kind = parts.first, parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) })
        else { return false }
        let numbers = parts.dropFirst().compactMap { Int($0) }
        guard numbers.count == parts.count - 1, numbers.allSatisfy({ $0 >= 0 }) else { return false }
        switch kind {
        case "records", "review": return numbers.count == 1
        case "minutes": return numbers.count == 2
        default: return false
        }
    }
}

extension DisputeState {
    /// Every learning point, in the order the stages were visited, for the partnership to
    /// gather across disputes.
    public var learning: [LearningPoint] {
        var points: [LearningPoint] = []
        for (position, visit) in stages.enumerated() {
            if visit.records.learningIdentified == true, let text = visit.records.learning,
                !LearningPoint.saysNone(text)
            {
                points.append(
                    LearningPoint(
                        key: "records-\(position)", source: .stageRecords, stage: visit.stage,
                        recordedOn: visit.learningRecordedOn ?? visit.startedOn, text: text))
            }
            for (index, minuted) in visit.minutes.enumerated() {
                guard let text = minuted.minutes.learning, !LearningPoint.saysNone(text) else { continue }
                points.append(
                    LearningPoint(
                        key: "minutes-\(position)-\(index)", source: .meetingMinutes, stage: visit.stage,
                        recordedOn: minuted.minutes.heldOn, text: text))
            }
        }
        for (index, review) in reviews.enumerated() {
            points.append(
                LearningPoint(
                    key: "review-\(index)", source: .review, stage: nil, recordedOn: review.heldOn,
                    text: review.lessons, policyChanges: review.policyChanges))
        }
        return points
    }
}
