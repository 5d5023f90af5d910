extension DisputeEvent {
    /// A stage's meeting is arranged, or rearranged: a later event with the same `meetingID`
    /// replaces the earlier one.
    public struct MeetingScheduled: Codable, Hashable, Sendable {
        /// The same for every rearrangement, so that a calendar updates one entry.
        public var meetingID: String
        /// How many times it has been rearranged, as a calendar's SEQUENCE counts.
        public var sequence: Int
        public var stage: String
        /// The policy's name for it, e.g. "Resolution meeting".
        public var name: String
        public var date: LocalDate
        /// London time.
        public var start: MeetingTime
        public var durationMinutes: Int
        public var location: String
        public var invited: [PersonRef]
        public var organiser: PersonRef
    }

    public struct MeetingMinutesRecorded: Codable, Hashable, Sendable {
        public var stage: String
        /// The scheduled meeting minuted, when it was scheduled in Concord.
        public var meetingID: String?
        public var name: String
        public var minutes: MeetingMinutes
    }
}

extension DisputeState {
    /// The current stage's meeting that is scheduled and not yet minuted.
    public var pendingMeeting: DisputeEvent.MeetingScheduled? {
        let visit = currentStage
        return visit.meetings.last { meeting in !visit.minutes.contains { $0.meetingID == meeting.meetingID } }
    }

    /// Every meeting scheduled so far, at any stage.
    public var meetings: [DisputeEvent.MeetingScheduled] { stages.flatMap(\.meetings) }

    /// Whether the current stage's meeting has been held. Only its minutes show that: Oldham's
    /// "minutes from resolution meeting to be shared with head of service" needs them written.
    public var currentStageMeetingHeld: Bool {
        !currentStage.minutes.isEmpty
    }

    mutating func schedule(_ meeting: DisputeEvent.MeetingScheduled) {
        var visit = currentStage
        if let index = visit.meetings.firstIndex(where: { $0.meetingID == meeting.meetingID }) {
            visit.meetings[index] = meeting
        } else {
            visit.meetings.append(meeting)
        }
        replaceCurrentStage(visit)
    }
}
