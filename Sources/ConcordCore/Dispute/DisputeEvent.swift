/// One step in a dispute. A dispute is the sequence of its events; its state is derived from
/// them. Events are stored as JSON `{"type": …, "data": …}` and never change once written.
public enum DisputeEvent: Hashable, Sendable {
    case raised(Raised)
    case stageEntered(StageEntered)
    case significantHarmReported(SignificantHarmReported)
    case discussionRecorded(DiscussionRecorded)
    case planAgreed(PlanAgreed)
    case actionCompleted(ActionCompleted)
    case participantAdded(Participation)
    case stageRecordsRecorded(StageRecordsRecorded)
    case escalated(Escalated)
    case acknowledged(Acknowledged)
    case resolved(Resolved)
    case referredExternally(ReferredExternally)
    case withdrawn(Withdrawn)
    case closed(Closed)
    case meetingScheduled(MeetingScheduled)
    case meetingMinutesRecorded(MeetingMinutesRecorded)
    case timescaleAgreed(TimescaleAgreed)
    case reviewConsidered(ReviewConsidered)
    case reviewRecorded(ReviewRecorded)
    case lineManagerNotified(LineManagerNotified)
    case clockStarted(ClockStarted)
    case letterSent(LetterSent)

    public var type: String {
        switch self {
        case .raised: "raised"
        case .stageEntered: "stage-entered"
        case .significantHarmReported: "significant-harm-reported"
        case .discussionRecorded: "discussion-recorded"
        case .planAgreed: "plan-agreed"
        case .actionCompleted: "action-completed"
        case .participantAdded: "participant-added"
        case .stageRecordsRecorded: "stage-records-recorded"
        case .escalated: "escalated"
        case .acknowledged: "acknowledged"
        case .resolved: "resolved"
        case .referredExternally: "referred-externally"
        case .withdrawn: "withdrawn"
        case .closed: "closed"
        case .meetingScheduled: "meeting-scheduled"
        case .meetingMinutesRecorded: "meeting-minutes-recorded"
        case .timescaleAgreed: "timescale-agreed"
        case .reviewConsidered: "review-considered"
        case .reviewRecorded: "review-recorded"
        case .lineManagerNotified: "line-manager-notified"
        case .clockStarted: "clock-started"
        case .letterSent: "letter-sent"
        }
    }
}

extension DisputeEvent: Codable {
    private enum CodingKeys: String, CodingKey { case type, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func data<T: Decodable>(_: T.Type) throws -> T { try container.decode(T.self, forKey: .data) }
        switch type {
        case "raised": self = .raised(try data(Raised.self))
        case "stage-entered": self = .stageEntered(try data(StageEntered.self))
        case "significant-harm-reported": self = .significantHarmReported(try data(SignificantHarmReported.self))
        case "discussion-recorded": self = .discussionRecorded(try data(DiscussionRecorded.self))
        case "plan-agreed": self = .planAgreed(try data(PlanAgreed.self))
        case "action-completed": self = .actionCompleted(try data(ActionCompleted.self))
        case "participant-added": self = .participantAdded(try data(Participation.self))
        case "stage-records-recorded": self = .stageRecordsRecorded(try data(StageRecordsRecorded.self))
        case "escalated": self = .escalated(try data(Escalated.self))
        case "acknowledged": self = .acknowledged(try data(Acknowledged.self))
        case "resolved": self = .resolved(try data(Resolved.self))
        case "referred-externally": self = .referredExternally(try data(ReferredExternally.self))
        case "withdrawn": self = .withdrawn(try data(Withdrawn.self))
        case "closed": self = .closed(try data(Closed.self))
        case "meeting-scheduled": self = .meetingScheduled(try data(MeetingScheduled.self))
        case "meeting-minutes-recorded": self = .meetingMinutesRecorded(try data(MeetingMinutesRecorded.self))
        case "timescale-agreed": self = .timescaleAgreed(try data(TimescaleAgreed.self))
        case "review-considered": self = .reviewConsidered(try data(ReviewConsidered.self))
        case "review-recorded": self = .reviewRecorded(try data(ReviewRecorded.self))
        case "line-manager-notified": self = .lineManagerNotified(try data(LineManagerNotified.self))
        case "clock-started": self = .clockStarted(try data(ClockStarted.self))
        case "letter-sent": self = .letterSent(try data(LetterSent.self))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown dispute event type \"\(type)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .raised(let data): try container.encode(data, forKey: .data)
        case .stageEntered(let data): try container.encode(data, forKey: .data)
        case .significantHarmReported(let data): try container.encode(data, forKey: .data)
        case .discussionRecorded(let data): try container.encode(data, forKey: .data)
        case .planAgreed(let data): try container.encode(data, forKey: .data)
        case .actionCompleted(let data): try container.encode(data, forKey: .data)
        case .participantAdded(let data): try container.encode(data, forKey: .data)
        case .stageRecordsRecorded(let data): try container.encode(data, forKey: .data)
        case .escalated(let data): try container.encode(data, forKey: .data)
        case .acknowledged(let data): try container.encode(data, forKey: .data)
        case .resolved(let data): try container.encode(data, forKey: .data)
        case .referredExternally(let data): try container.encode(data, forKey: .data)
        case .withdrawn(let data): try container.encode(data, forKey: .data)
        case .closed(let data): try container.encode(data, forKey: .data)
        case .meetingScheduled(let data): try container.encode(data, forKey: .data)
        case .meetingMinutesRecorded(let data): try container.encode(data, forKey: .data)
        case .timescaleAgreed(let data): try container.encode(data, forKey: .data)
        case .reviewConsidered(let data): try container.encode(data, forKey: .data)
        case .reviewRecorded(let data): try container.encode(data, forKey: .data)
        case .lineManagerNotified(let data): try container.encode(data, forKey: .data)
        case .clockStarted(let data): try container.encode(data, forKey: .data)
        case .letterSent(let data): try container.encode(data, forKey: .data)
        }
    }
}
