import Foundation

public enum DisputeStatus: String, Codable, Hashable, Sendable {
    case open
    case resolved
    case referred
    case withdrawn
    case closed
}

/// A dispute as its events make it. Only `apply` changes it, so it can always be rebuilt.
public struct DisputeState: Hashable, Sendable {
    /// One visit to a stage, with the deadlines fixed when it started.
    public struct StageVisit: Hashable, Sendable {
        public var stage: String
        public var startedOn: LocalDate
        /// The deadline in force now: the one fixed on entry, until something recorded at the
        /// stage meets it, restarts it or replaces it with an agreed one.
        public var due: LocalDate?
        /// The deadline of the stage's own timescale, kept when a milestone meets it, so the
        /// partnership can see afterwards whether the stage kept to it; nil while it has none.
        public var timescaleDue: LocalDate?
        /// What meets the stage's timescale, when it is one to begin within.
        public var metBy: Timescale.Milestone?
        public var metOn: LocalDate?
        /// A later stage's deadline already running, shown while this stage has none.
        public var ahead: AheadDeadline?
        /// The route taken into the stage; nil for the stage's own timescale.
        public var route: String?
        public var agreedTimescale: DisputeEvent.TimescaleAgreed?
        /// When the response agreed with the timescale was given: a discussion or meeting at the
        /// stage that the person who was to respond took part in.
        public var responseGivenOn: LocalDate?
        public var acknowledgementDue: LocalDate?
        public var overallDue: LocalDate?
        public var records = StageRecords()
        /// The day the stage's learning was last written, so the partnership can gather it by period.
        public var learningRecordedOn: LocalDate?
        public var discussions: [DisputeEvent.DiscussionRecorded] = []
        public var planAgreed = false
        public var meetings: [DisputeEvent.MeetingScheduled] = []
        public var minutes: [DisputeEvent.MeetingMinutesRecorded] = []
        /// The stage's further clocks that have started, in the order they started.
        public var clocks: [ClockRun] = []
    }

    public private(set) var raised: DisputeEvent.Raised
    public private(set) var status: DisputeStatus = .open
    public private(set) var stages: [StageVisit] = []
    public private(set) var participants: [Participation] = []
    public private(set) var plan: [PlannedAction] = []
    public private(set) var completedActions: [String: DisputeEvent.ActionCompleted] = [:]
    public private(set) var acknowledged: DisputeEvent.Acknowledged?
    public private(set) var escalations: [DisputeEvent.Escalated] = []
    public private(set) var significantHarm: [DisputeEvent.SignificantHarmReported] = []
    public private(set) var resolution: DisputeEvent.Resolved?
    public private(set) var referral: DisputeEvent.ReferredExternally?
    public private(set) var withdrawal: DisputeEvent.Withdrawn?
    public private(set) var closure: DisputeEvent.Closed?
    /// The day it was resolved, referred onward or withdrawn.
    public private(set) var endedOn: LocalDate?
    public private(set) var reviewDecisions: [DisputeEvent.ReviewConsidered] = []
    public private(set) var reviews: [DisputeEvent.ReviewRecorded] = []
    /// How many events the dispute has; commands name the version they were decided on.
    public private(set) var version: Int
    public private(set) var lastChanged: Date

    public var reference: String { raised.reference }
    public var currentStage: StageVisit { stages[stages.count - 1] }

    /// When each stage was first entered, for timescales counted "of step 1".
    var firstStarts: [String: LocalDate] {
        stages.reduce(into: [:]) { starts, visit in
            if starts[visit.stage] == nil { starts[visit.stage] = visit.startedOn }
        }
    }
    public var agencies: [AgencyRef] { [raised.raisedBy.agency] + raised.otherAgencies }
    public var childFlags: Set<ChildFlag> { Set(raised.children.flatMap(\.flags)) }
    public var openActions: [PlannedAction] { plan.filter { completedActions[$0.id] == nil } }
    public var overallDue: LocalDate? { raised.overallDue ?? stages.lazy.compactMap(\.overallDue).first }
    public var acknowledgementDue: LocalDate? { stages.lazy.compactMap(\.acknowledgementDue).last }

    /// A timescale to begin within is met once: the stage then has no deadline from it.
    private mutating func meet(on day: LocalDate) {
        guard currentStage.metOn == nil else { return }
        stages[stages.count - 1].metOn = day
        stages[stages.count - 1].due = nil
    }

    private mutating func noteResponse(from people: [PersonRef], on day: LocalDate) {
        guard currentStage.responseGivenOn == nil, let responder = currentStage.agreedTimescale?.response?.from,
            people.contains(where: { $0.id == responder.id })
        else { return }
        stages[stages.count - 1].responseGivenOn = day
    }

    mutating func replaceCurrentStage(_ visit: StageVisit) {
        stages[stages.count - 1] = visit
    }

    /// Starts a state from the first event, which must be `raised`.
    public init?(first event: DisputeEvent, at time: Date) {
        guard case .raised(let raised) = event else { return nil }
        self.raised = raised
        self.version = 1
        self.lastChanged = time
        let raiser = raised.raisedBy
        participants = [Participation(person: raiser, capacity: nil, side: .raising, stage: "")]
        for person in raised.professionals {
            participants.append(
                Participation(
                    person: person, capacity: nil, side: person.side(raisingAgency: raiser.agency.id), stage: ""))
        }
    }

    /// Folds a whole event history; nil when it does not start with `raised`.
    public static func replay(_ events: [(event: DisputeEvent, at: Date)]) -> DisputeState? {
        guard let first = events.first, var state = DisputeState(first: first.event, at: first.at) else { return nil }
        for (event, at) in events.dropFirst() { state.apply(event, at: at) }
        return state
    }

    public mutating func apply(_ event: DisputeEvent, at time: Date) {
        version += 1
        lastChanged = time
        switch event {
        case .raised: break
        case .stageEntered(let entry):
            stages.append(
                StageVisit(
                    stage: entry.stage, startedOn: entry.startedOn, due: entry.due ?? entry.ahead?.due,
                    timescaleDue: entry.due))
            stages[stages.count - 1].acknowledgementDue = entry.acknowledgementDue
            stages[stages.count - 1].overallDue = entry.overallDue
            stages[stages.count - 1].metBy = entry.metBy
            stages[stages.count - 1].ahead = entry.ahead
            stages[stages.count - 1].route = entry.route
            // Those named when the dispute was raised joined at its first stage, which is only
            // known now.
            for index in participants.indices where participants[index].stage.isEmpty {
                participants[index].stage = entry.stage
            }
        case .significantHarmReported(let report): significantHarm.append(report)
        case .discussionRecorded(let discussion):
            stages[stages.count - 1].discussions.append(discussion)
            noteResponse(from: discussion.participants, on: discussion.heldOn)
            advanceClocks(.discussion(heldOn: discussion.heldOn, people: discussion.participants))
            if let due = discussion.stageDue {
                stages[stages.count - 1].due = due
                stages[stages.count - 1].timescaleDue = due
            }
            let involvesManager = discussion.participants.contains { $0.level >= .lineManager }
            switch currentStage.metBy {
            case .firstContact: meet(on: discussion.heldOn)
            case .lineManagerInvolved where involvesManager: meet(on: discussion.heldOn)
            default: break
            }
        case .planAgreed(let agreed):
            stages[stages.count - 1].planAgreed = true
            let kept = plan.filter { completedActions[$0.id] != nil }
            plan = kept + agreed.actions.filter { action in !kept.contains { $0.id == action.id } }
        case .actionCompleted(let completed): completedActions[completed.actionID] = completed
        case .participantAdded(let participation): participants.append(participation)
        case .stageRecordsRecorded(let recorded):
            let learning = currentStage.records.learning
            stages[stages.count - 1].records = currentStage.records.merged(with: recorded.records)
            // The records form sends the learning again with every save: only new words date it.
            if let written = recorded.records.learning, written != learning {
                stages[stages.count - 1].learningRecordedOn = LondonTime.date(of: time)
            }
        case .escalated(let escalation):
            escalations.append(escalation)
            if let evidence = escalation.evidence {
                stages[stages.count - 1].records.effortsExhausted = evidence
            }
            for person in escalation.people where !participants.contains(where: { $0.person.id == person.id }) {
                participants.append(
                    Participation(
                        person: person, capacity: nil, side: person.side(raisingAgency: raised.raisedBy.agency.id),
                        stage: escalation.to))
            }
        case .acknowledged(let acknowledgement): acknowledged = acknowledgement
        case .resolved(let resolved):
            resolution = resolved
            status = .resolved
            endedOn = LondonTime.date(of: time)
        case .referredExternally(let referred):
            referral = referred
            status = .referred
            endedOn = LondonTime.date(of: time)
        case .withdrawn(let withdrawn):
            withdrawal = withdrawn
            status = .withdrawn
            endedOn = LondonTime.date(of: time)
        case .closed(let closed):
            closure = closed
            status = .closed
        case .meetingScheduled(let meeting):
            schedule(meeting)
            if currentStage.metBy == .meetingOffered { meet(on: LondonTime.date(of: time)) }
            advanceClocks(.meetingOffered(on: LondonTime.date(of: time)))
        case .timescaleAgreed(let agreed):
            stages[stages.count - 1].agreedTimescale = agreed
            stages[stages.count - 1].due = agreed.due
            stages[stages.count - 1].timescaleDue = agreed.due
        case .reviewConsidered(let decision): reviewDecisions.append(decision)
        case .reviewRecorded(let review): reviews.append(review)
        case .meetingMinutesRecorded(let minutes):
            stages[stages.count - 1].minutes.append(minutes)
            noteResponse(from: minutes.minutes.attendees, on: minutes.minutes.heldOn)
            advanceClocks(.discussion(heldOn: minutes.minutes.heldOn, people: minutes.minutes.attendees))
        case .lineManagerNotified:
            // Coventry's one working day stops once the line manager is told it is not resolved.
            if currentStage.metBy == .lineManagerInvolved { meet(on: LondonTime.date(of: time)) }
            advanceClocks(.lineManagerTold(on: LondonTime.date(of: time)))
        case .clockStarted(let started): startClock(started)
        case .letterSent(let letter): advanceClocks(.letter(letter))
        }
    }
}
