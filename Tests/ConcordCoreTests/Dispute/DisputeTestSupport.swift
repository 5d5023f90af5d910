import Foundation
import Testing

@testable import ConcordCore

/// Noon in London on a day: the frozen clock every dispute test runs on.
func noon(_ date: LocalDate) -> Date {
    LondonTime.startOfDay(date).addingTimeInterval(12 * 3600)
}

/// People, agencies, children and raise commands for dispute tests.
enum Parties {
    static let council = AgencyRef(id: "council", name: "Children's Social Care")
    static let police = AgencyRef(id: "police", name: "Police")
    static let school = AgencyRef(id: "school", name: "Hillside Primary School")

    static func person(_ id: String, _ name: String, _ agency: AgencyRef, _ level: RoleLevel) -> PersonRef {
        PersonRef(id: id, name: name, agency: agency, level: level)
    }

    static let socialWorker = person("sw", "Sam Walker", council, .practitioner)
    static let officer = person("pc", "Pat Collins", police, .practitioner)
    static let councilManager = person("tm-council", "Terry Mann", council, .lineManager)
    static let policeManager = person("tm-police", "Tina Moss", police, .lineManager)
    static let councilSenior = person("hos-council", "Helen Oakes", council, .headOfService)
    static let policeSenior = person("hos-police", "Hugh Owen", police, .headOfService)
    static let councilDirector = person("ad-council", "Alex Dean", council, .assistantDirector)
    static let policeDirector = person("ad-police", "Ann Drew", police, .director)
    static let businessManager = person(
        "bm", "Bea Morris", AgencyRef(id: "osp", name: "Partnership"), .partnershipBusinessOffice)
    static let partners = person(
        "partners", "Statutory partners", AgencyRef(id: "osp", name: "Partnership"), .statutoryPartners)
    static let scrutineer = person(
        "iso", "Ida Scott", AgencyRef(id: "osp", name: "Partnership"), .independentScrutineer)
    static let iro = person("iro", "Ivy Rowe", council, .lineManager)
    static let earlyHelpWorker = person(
        "eh", "Eli Hart", AgencyRef(id: "early-help", name: "Early Help"), .practitioner)
    static let dsl = person("dsl", "Dana Lee", school, .lineManager)

    static let child = ChildRecord(
        name: "Jamie Smith", dateOfBirth: LocalDate(year: 2016, month: 4, day: 9),
        caseReferences: [
            CaseReference(agencyID: "council", reference: "CSC-1042"),
            CaseReference(agencyID: "police", reference: "POL-77"),
        ],
        flags: [.childInNeed])

    static func child(flagged flags: ChildFlag...) -> ChildRecord {
        ChildRecord(name: "Jamie Smith", dateOfBirth: LocalDate(year: 2016, month: 4, day: 9), flags: flags)
    }

    /// A practice dispute: the council's social worker disagrees with the police.
    static func raise(
        children: [ChildRecord] = [child], issue: String? = nil, category: DisputeCategory = .assessment,
        otherAgencies: [AgencyRef] = [police], professionals: [PersonRef] = [officer],
        disagreement: String = "Police will not share the incident log",
        outcomeWanted: String = "The log is shared before the strategy meeting", significantHarm: Bool = false
    ) -> RaiseDispute {
        RaiseDispute(
            reference: "D-1", partnershipID: "p-1", raisedBy: socialWorker, otherAgencies: otherAgencies,
            professionals: professionals, children: children, issue: issue, category: category,
            disagreement: disagreement, outcomeWanted: outcomeWanted, significantHarm: significantHarm)
    }

    /// A strategic dispute about the partnership's arrangements, with no child.
    static func raiseStrategic(issue: String? = "The partnership's training levy is unfairly split") -> RaiseDispute {
        raise(children: [], issue: issue, category: .other)
    }

    /// Both sides' agreement to a resolution.
    static let bothSides = [socialWorker, officer]

    /// Minutes with everything the template asks for.
    static func minutes(
        on day: LocalDate, attendees: [PersonRef], agencies: [AgencyRef], learning: String? = nil
    ) -> MeetingMinutes {
        MeetingMinutes(
            heldOn: day, attendees: attendees, purpose: "Resolve the disagreement",
            views: agencies.map { AgencyView(agency: $0, view: "Its view") }, circumstances: "As recorded",
            options: "Share the log; escalate",
            actions: [PlannedAction(id: "1", action: "Share the log", owner: attendees[0], due: day)], reviewOn: day,
            learning: learning)
    }
}

func builtInEngine(_ id: String, version: String = "sha-test-1") throws -> DisputeEngine {
    let policy = try #require(PolicyLibrary.builtIn(id), "no built-in policy \(id)")
    return DisputeEngine(policy: policy, policyVersion: version, calendar: WorkingCalendar(region: policy.region))
}

/// A dispute under test: applies the engine's decisions to its state on a frozen clock and
/// keeps the history so that it can be replayed.
struct DisputeHarness {
    let engine: DisputeEngine
    private(set) var state: DisputeState
    private(set) var history: [(event: DisputeEvent, at: Date)] = []
    /// The day commands are decided on until a command names another.
    var today: LocalDate

    init(_ policyID: String, _ command: RaiseDispute = Parties.raise(), on day: LocalDate) throws {
        try self.init(engine: builtInEngine(policyID), command, on: day)
    }

    init(engine: DisputeEngine, _ command: RaiseDispute, on day: LocalDate) throws {
        self.engine = engine
        today = day
        let events = try engine.raise(command, at: noon(day))
        state = try #require(DisputeState(first: events[0], at: noon(day)))
        history = [(events[0], noon(day))]
        for event in events.dropFirst() { record(event, at: noon(day)) }
    }

    @discardableResult
    mutating func run(_ command: DisputeCommand, on day: LocalDate? = nil) throws(DisputeError) -> [DisputeEvent] {
        if let day { today = day }
        let events = try engine.decide(command, on: state, at: noon(today))
        for event in events { record(event, at: noon(today)) }
        return events
    }

    /// Applies events decided elsewhere, e.g. by another engine.
    mutating func record(_ event: DisputeEvent, at time: Date) {
        state.apply(event, at: time)
        history.append((event, time))
    }

    /// What the engine refuses the command with, or nil (recording an issue) if it accepts it.
    func refusal(_ command: DisputeCommand, sourceLocation: SourceLocation = #_sourceLocation) -> DisputeError? {
        refusalOf(sourceLocation: sourceLocation) { _ = try engine.decide(command, on: state, at: noon(today)) }
    }

    func expectRefused(
        _ command: DisputeCommand, _ expected: DisputeError, mentioning words: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectRefusal(expected, mentioning: words, sourceLocation: sourceLocation) {
            _ = try engine.decide(command, on: state, at: noon(today))
        }
    }

    /// Records the minutes of the stage's meeting, which Oldham's stage 1 requires before
    /// escalating.
    /// At a stage with no meeting of its own, a discussion held as a meeting stands in.
    mutating func holdMeeting(
        attendees: [PersonRef] = Parties.bothSides, learning: String? = "None identified"
    ) throws(DisputeError) {
        guard engine.policy.stage(state.currentStage.stage)?.meeting != nil else {
            try run(.recordDiscussion(heldOn: today, method: .meeting, participants: attendees, summary: "Met"))
            return
        }
        try run(
            .recordMinutes(
                Parties.minutes(on: today, attendees: attendees, agencies: state.agencies, learning: learning)))
    }

    /// Sunderland: "Discussion to take place with designated lead for safeguarding at each stage".
    mutating func discussWithLead() throws(DisputeError) {
        try run(
            .recordDiscussion(
                heldOn: today, method: .faceToFace, participants: [Parties.dsl],
                summary: "Discussed with the designated safeguarding lead"))
    }

    var stageIDs: [String] { state.stages.map(\.stage) }
    var dues: [LocalDate?] { state.stages.map(\.due) }
}

func refusalOf(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> DisputeError? {
    do {
        try body()
        Issue.record("expected a refusal, but the command was accepted", sourceLocation: sourceLocation)
    } catch let error as DisputeError {
        return error
    } catch {
        Issue.record("expected a DisputeError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Checks the refusal and that its message names what is wrong and what to do.
func expectRefusal(
    _ expected: DisputeError, mentioning words: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    guard let error = refusalOf(sourceLocation: sourceLocation, body) else { return }
    #expect(error == expected, sourceLocation: sourceLocation)
    for word in words {
        #expect(
            error.description.localizedCaseInsensitiveContains(word),
            "\"\(error.description)\" does not mention \(word)",
            sourceLocation: sourceLocation)
    }
}

extension DisputeEvent {
    var escalation: Escalated? {
        if case .escalated(let escalated) = self { return escalated }
        return nil
    }

    var stageEntry: StageEntered? {
        if case .stageEntered(let entry) = self { return entry }
        return nil
    }
}
