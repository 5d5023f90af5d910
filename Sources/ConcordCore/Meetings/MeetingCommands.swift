/// What someone arranging a stage's meeting (Oldham's resolution meeting) says about it.
public struct ScheduleMeeting: Hashable, Sendable {
    public var date: LocalDate
    public var start: MeetingTime
    public var durationMinutes: Int
    /// Where it is, or how to join it.
    public var location: String
    public var invited: [PersonRef]
    /// Who the invitation comes from; replies go to them.
    public var organiser: PersonRef

    public init(
        date: LocalDate, start: MeetingTime, durationMinutes: Int, location: String, invited: [PersonRef],
        organiser: PersonRef
    ) {
        self.date = date
        self.start = start
        self.durationMinutes = durationMinutes
        self.location = location
        self.invited = invited
        self.organiser = organiser
    }
}

/// One agency's view of the disagreement, as minuted.
public struct AgencyView: Codable, Hashable, Sendable {
    public var agency: AgencyRef
    public var view: String

    public init(agency: AgencyRef, view: String) {
        self.agency = agency
        self.view = view
    }
}

/// The minutes of a stage's meeting, following Oldham's minutes template: who attended, why
/// they met, each agency's view, the child's circumstances, the options considered, the actions
/// agreed with owners and timescales, and when it will be reviewed.
public struct MeetingMinutes: Codable, Hashable, Sendable {
    public var heldOn: LocalDate
    public var attendees: [PersonRef]
    public var purpose: String
    public var views: [AgencyView]
    public var circumstances: String
    public var options: String
    public var actions: [PlannedAction]
    public var reviewOn: LocalDate
    /// The learning points the meeting recorded, where its protocol holds it for them.
    public var learning: String?

    public init(
        heldOn: LocalDate, attendees: [PersonRef], purpose: String, views: [AgencyView], circumstances: String,
        options: String, actions: [PlannedAction], reviewOn: LocalDate, learning: String? = nil
    ) {
        self.learning = learning
        self.heldOn = heldOn
        self.attendees = attendees
        self.purpose = purpose
        self.views = views
        self.circumstances = circumstances
        self.options = options
        self.actions = actions
        self.reviewOn = reviewOn
    }
}
