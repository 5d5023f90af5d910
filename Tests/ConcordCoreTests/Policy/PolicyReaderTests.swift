import Testing

@testable import ConcordCore

/// The happy path: valid policies read back into the model, with the documented defaults.
@Suite struct PolicyReaderTests {
    /// Every key the reader knows, at least once.
    static let full = """
        id: full-policy
        name: Full Pathway
        partnership: Full Safeguarding Partnership
        region: scotland
        scope: strategic
        source: https://example.org/full.pdf
        summary: Every key the reader knows.
        stages:
          - id: talk
            title: Talk it through
            source: Section 3.1
            summary: Practitioners talk.
            participants:
              - level: practitioner
                side: raising
                title: Social worker
                capacity: named-professional
              - level: line-manager
            timescale:
              working_days: 5
              quote: within five working days
            contact:
              methods: [telephone, face-to-face]
              discouraged: [email]
              quote: Pick up the phone.
            records: [actions-taken, outcome]
            confirmation_subject: "Dispute: stage 1"
            meeting:
              name: Resolution meeting
              required: true
              chair: senior-manager
              templates: [agenda, minutes]
              quote: A meeting must be held.
            forms:
              - id: form-a
                title: Escalation form
                quote: Use form A.
          - id: managers
            title: Managers meet
            summary: Managers meet.
            participants:
              - level: head-of-service
                side: partnership
            timescale:
              calendar_days: 10
              from: received-in-writing
          - id: panel
            title: Panel
            summary: The panel decides.
            participants:
              - level: independent-scrutineer
            timescale: none
        acknowledgement:
          stage: managers
          timescale:
            working_days: 2
            from: received-in-writing
        stage_limit:
          months: 1
          quote: no stage longer than a month
        overall:
          months: 3
          from: received-in-writing
          quote: three months from receipt
        rules:
          - kind: risk-escalation
            to: panel
            quote: Go straight to the panel.
          - kind: significant-harm-notification
            notify: [line-manager, designated-safeguarding-lead]
          - kind: required-participant
            participant: independent-reviewing-officer
            when:
              child: [looked-after]
              category: [plan, case-closure]
            before_leaving: managers
          - kind: review-consideration
            stage: panel
            review: Consider a rapid review.
        external_routes:
          - id: ofsted
            name: Ofsted
            kind: inspectorate
            quote: Contact Ofsted.
          - id: minister
            name: Secretary of State
            kind: secretary-of-state

        """

    @Test func fullPolicyReadsIntoTheModel() throws {
        let talk = Stage(
            id: "talk", title: "Talk it through", source: "Section 3.1", summary: "Practitioners talk.",
            participants: [
                Participant(level: .practitioner, side: .raising, title: "Social worker", capacity: .namedProfessional),
                Participant(level: .lineManager, side: .both, title: nil, capacity: nil),
            ],
            timescale: Timescale(amount: 5, unit: .workingDays, from: .stageStart, quote: "within five working days"),
            contact: ContactExpectation(
                methods: [.telephone, .faceToFace], discouraged: [.email], quote: "Pick up the phone."),
            records: [.actionsTaken, .outcome], confirmationSubject: "Dispute: stage 1",
            meeting: Meeting(
                name: "Resolution meeting", required: true, chair: .seniorManager, templates: [.agenda, .minutes],
                quote: "A meeting must be held."),
            forms: [Form(id: "form-a", title: "Escalation form", quote: "Use form A.")])
        let managers = Stage(
            id: "managers", title: "Managers meet", source: nil, summary: "Managers meet.",
            participants: [Participant(level: .headOfService, side: .partnership, title: nil, capacity: nil)],
            timescale: Timescale(amount: 10, unit: .calendarDays, from: .receivedInWriting),
            contact: nil, records: [], confirmationSubject: nil, meeting: nil, forms: [])
        let panel = Stage(
            id: "panel", title: "Panel", source: nil, summary: "The panel decides.",
            participants: [Participant(level: .independentScrutineer, side: .both, title: nil, capacity: nil)],
            timescale: nil, contact: nil, records: [], confirmationSubject: nil, meeting: nil, forms: [])
        let expected = Policy(
            id: "full-policy", name: "Full Pathway", partnership: "Full Safeguarding Partnership", region: .scotland,
            scope: .strategic, source: "https://example.org/full.pdf", summary: "Every key the reader knows.",
            stages: [talk, managers, panel],
            acknowledgement: Acknowledgement(
                stage: "managers", timescale: Timescale(amount: 2, unit: .workingDays, from: .receivedInWriting)),
            stageLimit: Timescale(amount: 1, unit: .months, from: .stageStart, quote: "no stage longer than a month"),
            overall: Timescale(
                amount: 3, unit: .months, from: .receivedInWriting, quote: "three months from receipt"),
            rules: [
                PolicyRule(kind: .riskEscalation(to: "panel"), quote: "Go straight to the panel."),
                PolicyRule(
                    kind: .significantHarmNotification(notify: [.lineManager, .designatedSafeguardingLead]),
                    quote: nil),
                PolicyRule(
                    kind: .requiredParticipant(
                        .independentReviewingOfficer,
                        when: Condition(child: [.lookedAfter], category: [.plan, .caseClosure]),
                        beforeLeaving: ["managers"]),
                    quote: nil),
                PolicyRule(kind: .reviewConsideration(stage: "panel", review: "Consider a rapid review."), quote: nil),
            ],
            externalRoutes: [
                ExternalRoute(id: "ofsted", name: "Ofsted", kind: .inspectorate, quote: "Contact Ofsted."),
                ExternalRoute(id: "minister", name: "Secretary of State", kind: .secretaryOfState, quote: nil),
            ])

        let policy = try PolicyFixture.read(Self.full)

        // Field by field first, so a mismatch points at the part that differs.
        #expect(policy.stages == expected.stages)
        #expect(policy.rules == expected.rules)
        #expect(policy.acknowledgement == expected.acknowledgement)
        #expect(policy.stageLimit == expected.stageLimit)
        #expect(policy.overall == expected.overall)
        #expect(policy.externalRoutes == expected.externalRoutes)
        #expect(policy == expected)
        #expect(policy.stage("managers") == managers)
        #expect(policy.stageIndex("panel") == 2)
        #expect(policy.effectiveTimescale(of: panel) == expected.stageLimit)
    }
}
