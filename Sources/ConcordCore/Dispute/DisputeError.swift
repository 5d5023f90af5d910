/// Why a command was refused. Each message says what is wrong and what is allowed instead.
public enum DisputeError: Error, Hashable, Sendable, CustomStringConvertible {
    case singleAgency
    case missingField(String)
    case childRequired
    case issueRequired
    case notOpen(DisputeStatus)
    case closed
    case lastStage(stage: String, routes: [String])
    case notLastStage(stage: String)
    case recordsMissing(stage: String, missing: [RecordKind])
    case participantRequired(Capacity, stage: String)
    case meetingRequired(String, stage: String)
    case noRiskRule
    case alreadyPastRiskStage(String)
    case noAcknowledgementStep
    case notAtAcknowledgementStage(String)
    case alreadyAcknowledged
    case unknownRoute(String, routes: [String])
    case unknownAction(String)
    case actionAlreadyCompleted(String)
    case alreadyParticipating(String)
    case agreementRequired
    case followUpRequired(openActions: Int)
    case reviewDecisionRequired(review: String)
    case stillOpen
    case outsideCalendar(String)
    case policyMismatch(dispute: String, engine: String)
    case noMeeting(stage: String)
    case meetingInPast
    case discussionInFuture
    case meetingLength
    case minutesBeforeMeeting
    case reviewInFuture
    case unknownPerson(String)
    case actionDueBeforeMeeting(String)
    case reviewBeforeMeeting
    case meetingParticipantMissing(Capacity, meeting: String, stage: String)
    case noAgreedTimescale(stage: String)
    case agreedTimescaleTooLong(maximum: Int)
    case noReviewAtStage(stage: String)
    case reviewAlreadyConsidered(review: String)
    case reviewNotHeld(review: String)
    case actingPartnerRequired(route: String)
    case notAReferralRoute(String)
    case noLineManagerNotice(stage: String)
    case responderNotTakingPart(String)
    case noLetterDue(String)
    case letterAlreadySent(String)
    case letterInFuture
    case subjectRequired(String)
    case subjectNotCovered(String, covered: String)
    case flagsOnlyForChildren
    case customRecordsMissing(stage: String, titles: [String])
    case unknownRecord(String)
    case unknownStageRoute(String, stage: String, routes: [String])
    case decisionInFuture

    public var description: String {
        switch self {
        case .singleAgency:
            "a dispute needs at least two different agencies; disagreements within a single agency are outside every partnership protocol and go through that agency's own procedures"
        case .missingField(let field): "\(field) is required"
        case .childRequired: "a practice dispute is about a child: name at least one child"
        case .issueRequired:
            "a strategic dispute is between partner agencies about the partnership itself: describe the issue instead of a child"
        case .notOpen(let status):
            "the dispute is \(status.rawValue); only closing it is allowed now"
        case .closed: "the dispute is closed; nothing more can be recorded on it"
        case .lastStage(let stage, let routes):
            routes.isEmpty
                ? "\(stage) is the policy's last stage; resolve the dispute here"
                : "\(stage) is the policy's last stage; resolve it or refer it to \(routes.joined(separator: ", "))"
        case .notLastStage(let stage):
            "a dispute can only be referred onward after the last stage; it is at \(stage): escalate it first"
        case .recordsMissing(let stage, let missing):
            "\(stage) cannot be left without its records: \(missing.map(\.phrase).joined(separator: ", "))"
        case .participantRequired(let capacity, let stage):
            "the policy requires \(capacity.phrase) to take part before leaving \(stage); add them first, or, if they already take part, record a discussion at this stage that includes them"
        case .meetingRequired(let meeting, let stage):
            "the policy requires a \(meeting.lowercased()) at \(stage) before escalating: record its minutes"
        case .noRiskRule:
            "this policy has no rule for jumping stages when risk escalates; escalate one stage at a time"
        case .alreadyPastRiskStage(let stage):
            "the dispute is already at or past \(stage), the stage the policy's risk rule leads to; escalate normally"
        case .noAcknowledgementStep: "this policy has no acknowledgement step"
        case .notAtAcknowledgementStage(let stage):
            "receipt is acknowledged at \(stage), which the dispute has not reached"
        case .alreadyAcknowledged: "receipt has already been acknowledged"
        case .unknownRoute(let route, let routes):
            routes.isEmpty
                ? "this policy names no route beyond its last stage, so \"\(route)\" cannot be used"
                : "\"\(route)\" is not one of this policy's external routes (\(routes.joined(separator: ", ")))"
        case .unknownAction(let id): "there is no action \"\(id)\" in the plan"
        case .actionAlreadyCompleted(let id): "action \"\(id)\" is already complete"
        case .alreadyParticipating(let name): "\(name) already takes part in this dispute"
        case .agreementRequired:
            "a resolution needs the agreement of both sides: name someone from the raising agency and someone from the other agency"
        case .followUpRequired(let count):
            "\(count) planned action\(count == 1 ? " is" : "s are") still open: say how \(count == 1 ? "it" : "they") will be followed up"
        case .reviewDecisionRequired(let review):
            "the dispute reached a stage where a \(review) must be considered: say whether one will be held"
        case .stillOpen: "an open dispute cannot be closed: resolve it, refer it onward or withdraw it first"
        case .outsideCalendar(let message): message
        case .policyMismatch(let dispute, let engine):
            "the dispute runs under policy \(dispute), not \(engine); load the version it was raised under"
        case .noMeeting(let stage):
            "the policy has no meeting at \(stage); record a discussion instead"
        case .meetingInPast: "a meeting cannot be scheduled in the past: choose today or a later date"
        case .discussionInFuture:
            "a discussion can only be recorded once it has taken place: give today's date or an earlier one"
        case .meetingLength: "a meeting must last between 15 minutes and 8 hours"
        case .minutesBeforeMeeting: "minutes can only be recorded once the meeting has been held: check the date"
        case .reviewInFuture: "a review can only be recorded once it has been held: give today's date or an earlier one"
        case .unknownPerson(let name):
            "\(name) does not take part in this dispute and was not invited to the meeting: add them to the dispute first"
        case .actionDueBeforeMeeting(let action):
            "the action \"\(action)\" is due before the meeting was held: give a date on or after the meeting"
        case .reviewBeforeMeeting: "the date of review must be on or after the date of the meeting"
        case .meetingParticipantMissing(let capacity, let meeting, let stage):
            "the policy requires \(capacity.phrase) at the \(meeting.lowercased()) at \(stage), and its minutes do not show them present: hold the meeting again with them, and record its minutes"
        case .noAgreedTimescale(let stage):
            "the policy does not let the people at \(stage) agree their own timescale"
        case .responderNotTakingPart(let name):
            "\(name) does not take part in this dispute: add them to the dispute before agreeing when they will respond"
        case .agreedTimescaleTooLong(let maximum):
            "an agreed timescale must be between 1 and \(maximum) working day\(maximum == 1 ? "" : "s"), the protocol's maximum"
        case .noReviewAtStage(let stage):
            "the policy asks for no review at \(stage)"
        case .reviewAlreadyConsidered(let review):
            "whether to hold a \(review) has already been decided"
        case .reviewNotHeld(let review):
            "a \(review) can be recorded only once it has been decided that one will be held"
        case .actingPartnerRequired(let route):
            "a referral to \(route) is made by one partner on behalf of all three: name the partner they agreed"
        case .notAReferralRoute(let route):
            "\(route) describes a power, not somewhere a dispute is referred"
        case .noLineManagerNotice(let stage):
            "the policy does not ask for the line manager to be told at stage \(stage); record a discussion or escalate instead"
        case .noLetterDue(let letter):
            "no \(letter) is due at this stage yet: the policy asks for it once its clock starts"
        case .letterAlreadySent(let letter): "the \(letter) has already been recorded as sent"
        case .letterInFuture: "a letter can only be recorded once it has been sent: give today's date or an earlier one"
        case .subjectRequired(let noun): "a practice dispute is about someone: name at least one \(noun)"
        case .subjectNotCovered(let noun, let covered):
            "this protocol covers disputes about \(Subject.indefinite(covered)), not \(Subject.indefinite(noun)): raise it under the procedure that covers them"
        case .customRecordsMissing(let stage, let titles):
            "before leaving \(stage), record \(titles.map { "“\($0)”" }.joined(separator: " and ")), as the protocol asks"
        case .unknownRecord(let id): "the policy asks for no record \"\(id)\" at this stage"
        case .decisionInFuture:
            "the decision or disagreement must already have happened: give today's date or an earlier one"
        case .unknownStageRoute(let route, let stage, let routes):
            "\(stage) has no route \"\(route)\"; its routes are \(routes.joined(separator: ", ")), or its own timescale"
        case .flagsOnlyForChildren:
            "looked after, on a child protection plan, child in need and early help apply only to a child"
        }
    }
}

extension RecordKind {
    var phrase: String {
        switch self {
        case .actionsTaken: "the actions taken"
        case .outcome: "the outcome"
        case .learningIdentified: "whether any learning was identified"
        case .effortsExhausted: "evidence that every effort at this stage was explored"
        case .agreedPlan: "a mutually agreed plan of action with timescales"
        case .concernReviewed: "the line manager's review of whether the concern is justified"
        case .interventionDecision: "the statutory partners' decision on the intervention required"
        case .leadPartner: "the partner agreed to act on behalf of all the safeguarding partners"
        case .boardMinute: "where the dispute is recorded in the board's minutes"
        }
    }
}

extension Capacity {
    var phrase: String {
        switch self {
        case .independentReviewingOfficer: "the child's Independent Reviewing Officer"
        case .earlyHelpProfessional: "an Early Help professional"
        case .designatedSafeguardingLead: "a designated safeguarding lead"
        case .designatedProfessional: "the designated professional"
        case .namedProfessional: "the named professional for safeguarding"
        case .conferenceChair: "the conference chair"
        case .independentChair: "the independent chair"
        case .coordinator: "the co-ordinator"
        }
    }
}
