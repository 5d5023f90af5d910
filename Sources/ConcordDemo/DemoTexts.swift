import ConcordCore

/// What the demo's people write: short, plausible, and about fictional children only.
enum DemoTexts {
    static let riskReason =
        "Risk to the child has escalated: new concerns were reported overnight and the agencies still disagree"
    static let evidence =
        "Every effort at this stage was explored: the managers discussed it, shared their records and could not agree"
    static let acknowledgement = "Receipt acknowledged in writing to the agency raising the disagreement"
    static let action = "Share each agency's chronology for the child and confirm the agreed next steps in writing"
    static let actionDone = "Chronologies shared and next steps confirmed"
    static let referral = "Still unresolved after every stage of the protocol; referred as the protocol allows"
    static let withdrawal = "Withdrawn: a fresh assessment answered the concern that was raised"
    static let closure = "Outcome shared with both agencies and recorded on each agency's file"

    static func escalationReason(_ stage: Stage) -> String {
        "Not resolved at \(stage.title)"
    }

    static func discussion(_ stage: Stage, method: ContactMethod) -> String {
        let heading = "\(stage.title): discussed \(phrase(method)); each agency set out its position"
        guard let subject = stage.confirmationSubject else { return heading }
        return "\(heading). Key points confirmed in writing under the subject “\(subject)”"
    }

    static func resolution(_ stage: Stage) -> String {
        "Agreed at \(stage.title): the child's plan is updated and both agencies confirm it in writing"
    }

    /// What most demo disputes learn.
    static let learning = "Agencies should share chronologies before the first discussion"

    /// The records a stage still needs, with `learning` when some was identified.
    static func records(_ kinds: Set<RecordKind>, learning: String?, on day: LocalDate) -> StageRecords {
        var records = StageRecords()
        if kinds.contains(.actionsTaken) {
            records.actionsTaken = "Managers spoke, reviewed both agencies' records and checked the child's plan"
        }
        if kinds.contains(.outcome) { records.outcome = "Not resolved: the agencies still disagree" }
        if kinds.contains(.learningIdentified) {
            records.learningIdentified = learning != nil
            records.learning = learning
        }
        if kinds.contains(.concernReviewed) {
            records.concernReview = "Reviewed against the thresholds document: the concern is justified"
        }
        if kinds.contains(.interventionDecision) {
            records.interventionDecision = "The statutory partners asked both agencies' heads of service to meet"
        }
        if kinds.contains(.boardMinute) {
            records.boardMinute = BoardMinute(
                board: "NELSCP Executive Board", date: day, reference: "EB/\(day.year)/14")
        }
        return records
    }

    /// Minutes of a meeting held as the protocol asks, with everyone consulted there.
    static func minutes(
        _ meeting: Meeting, on day: LocalDate, attendees: [PersonRef], agencies: [AgencyRef], owner: PersonRef,
        learning: String = learning
    ) -> MeetingMinutes {
        MeetingMinutes(
            heldOn: day, attendees: attendees, purpose: "To resolve the disagreement between the agencies",
            views: agencies.map { AgencyView(agency: $0, view: "Set out its view and the reasons for it") },
            circumstances: "The agencies' records of the child's circumstances were shared before the meeting",
            options: "Continue the current plan; agree a joint assessment; escalate",
            actions: [PlannedAction(id: "1", action: action, owner: owner, due: day)], reviewOn: day,
            learning: meeting.learning ? learning : nil)
    }

    private static func phrase(_ method: ContactMethod) -> String {
        switch method {
        case .telephone: "by telephone"
        case .faceToFace: "face to face"
        case .video: "by video call"
        case .email: "by email"
        case .writing: "in writing"
        case .meeting: "at a meeting"
        }
    }

    /// What a practice dispute is about and the outcome wanted, two ways for each category.
    static func practice(_ category: DisputeCategory, variant: Int) -> (disagreement: String, outcome: String) {
        let options: [(String, String)] =
            switch category {
            case .threshold:
                [
                    (
                        "The referral was judged below the threshold for a child protection enquiry; the referrer believes it is met",
                        "A strategy discussion is held and the threshold decision reviewed"
                    ),
                    (
                        "The agencies disagree whether the family needs statutory services or early help",
                        "An agreed decision on the level of support, recorded by both agencies"
                    ),
                ]
            case .referral:
                [
                    (
                        "A referral about the child was closed without contacting the referrer",
                        "The referral is reopened and the referrer told the outcome"
                    ),
                    (
                        "The agencies disagree about which service should take the referral",
                        "One agency accepts the referral within two working days"
                    ),
                ]
            case .assessment:
                [
                    (
                        "The assessment did not take account of the other agency's information about the child's injuries",
                        "The assessment is reopened with both agencies' information"
                    ),
                    (
                        "The agencies disagree about the findings of the child and family assessment",
                        "A joint review of the assessment's findings"
                    ),
                ]
            case .plan:
                [
                    (
                        "The child's plan leaves out the health actions agreed at the conference",
                        "The plan is amended at the next core group"
                    ),
                    (
                        "The agencies disagree about stepping the child's plan down",
                        "The plan stays in place until the review conference"
                    ),
                ]
            case .caseClosure:
                [
                    (
                        "The case was closed while the other agency still had concerns",
                        "The case stays open until a joint review"
                    ),
                    (
                        "The agencies disagree about closing the case with no further action",
                        "A closure summary agreed by both agencies"
                    ),
                ]
            case .informationSharing:
                [
                    (
                        "Information asked for before a strategy discussion has not been shared",
                        "The information is shared before the strategy discussion"
                    ),
                    (
                        "The agencies disagree about sharing a parent's records without consent",
                        "A decision on sharing, recorded with its reasons"
                    ),
                ]
            case .other:
                [
                    (
                        "The agencies disagree about who should lead the multi-agency meetings for the child",
                        "A named lead agency for the child's meetings"
                    ),
                    (
                        "The agencies disagree about how often the child should be visited at home",
                        "An agreed visiting pattern written into the plan"
                    ),
                ]
            }
        return options[variant % options.count]
    }

    /// What a strategic dispute between partner agencies is about.
    static func strategic(variant: Int) -> (issue: String, disagreement: String, outcome: String) {
        let options = [
            (
                "How the partnership's multi-agency training budget is shared between the partners",
                "The agency pays a larger share than its use of the training justifies",
                "A fairer split agreed by the partners"
            ),
            (
                "The threshold document was changed without consulting the partner agencies",
                "Partner agencies were not consulted before the change", "The change is consulted on before it applies"
            ),
            (
                "Partner agencies' attendance at the strategic delivery group",
                "Decisions are taken without every partner present", "An attendance expectation agreed by the partners"
            ),
            (
                "Which agency chairs the partnership's multi-agency audit programme",
                "The chairing arrangement was decided without the agency", "A chairing rota agreed by the partners"
            ),
            (
                "The information-sharing agreement leaves out the voluntary sector",
                "Voluntary sector partners cannot share information under it", "The agreement is extended to them"
            ),
        ]
        return options[variant % options.count]
    }

    /// "Child A. Example": obviously not a real child.
    static func child(_ number: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let surnames = ["Example", "Sample", "Specimen"]
        return "Child \(letters[number % letters.count]). \(surnames[number / letters.count % surnames.count])"
    }
}
