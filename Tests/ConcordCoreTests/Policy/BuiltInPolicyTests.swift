import Foundation
import SeedTexts
import Testing

@testable import ConcordCore

/// The five built-in policies, checked against the protocols they were written from (the seed
/// texts: see `SeedTexts` for where they are found): every quote is the seed's own words, and
/// every stage, timescale, record, rule and route is the one the seed sets.
@Suite struct BuiltInPolicyTests {
    @Test(arguments: PolicyLibrary.builtInIDs)
    func readsStrictlyAndLoads(id: String) throws {
        let text = try #require(PolicyLibrary.text(of: id), "no bundled Resources/Policies/\(id).yaml")
        do {
            let policy = try PolicyReader.read(text, file: "\(id).yaml")
            #expect(policy.id == id)
            #expect(PolicyLibrary.builtIn(id) == policy)
        } catch {
            Issue.record("\(id).yaml does not read cleanly:\n\(error)")
        }
    }

    @Test(
        .enabled(if: SeedTexts.directory != nil, Comment(rawValue: SeedTexts.absence)),
        arguments: PolicyLibrary.builtInIDs)
    func everyQuoteIsVerbatimFromItsSeed(id: String) throws {
        let policy = try #require(PolicyLibrary.builtIn(id))
        let source = try #require(policy.source, "\(id) names no seed file in source")
        for stage in policy.stages {
            #expect(stage.source == source, "\(id) stage \(stage.id) names source \(stage.source ?? "nothing")")
        }
        let quotations = Self.quotations(of: policy)
        #expect(quotations.count >= 3, "\(id) quotes its seed only \(quotations.count) times")
        var seeds: [String: String] = [:]
        for quotation in quotations {
            let file = try #require(quotation.source, "\(id) \(quotation.place) has no source")
            if seeds[file] == nil { seeds[file] = try Self.seed(file) }
            #expect(
                seeds[file]?.contains(Self.collapse(quotation.text)) == true,
                "\(id) \(quotation.place) is not word for word in \(file): \(quotation.text)")
        }
    }

    /// CI and a clone on its own read the copies in Tests/Fixtures/seeds; they must be the
    /// project's seeds exactly, or the quotes would be checked against something else.
    @Test(
        .enabled(
            if: SeedTexts.isDirectory(SeedTexts.shared),
            "no seeds beside the repository (../shared/seeds) to compare the copies in Tests/Fixtures/seeds with"),
        arguments: PolicyLibrary.builtInIDs)
    func theFixtureCopyOfEachSeedIsTheSeedExactly(id: String) throws {
        let file = try #require(PolicyLibrary.builtIn(id)?.source)
        let copy = SeedTexts.fixtures.appendingPathComponent(file)
        let original = SeedTexts.shared.appendingPathComponent(file)
        #expect(
            try Data(contentsOf: copy) == Data(contentsOf: original),
            "\(copy.path) differs from \(original.path): copy it again")
    }

    @Test(arguments: PolicyLibrary.builtInIDs)
    func everyTimescaleRuleAndRouteCarriesAQuote(id: String) throws {
        let policy = try #require(PolicyLibrary.builtIn(id))
        let timescales =
            policy.stages.compactMap(\.timescale)
            + [policy.acknowledgement?.timescale, policy.stageLimit, policy.overall].compactMap { $0 }
        #expect(timescales.allSatisfy { $0.quote != nil }, "\(id): a timescale without a quote")
        #expect(policy.stages.compactMap(\.contact).allSatisfy { $0.quote != nil }, "\(id): contact without a quote")
        #expect(policy.stages.compactMap(\.meeting).allSatisfy { $0.quote != nil }, "\(id): meeting without a quote")
        #expect(policy.stages.flatMap(\.forms).allSatisfy { $0.quote != nil }, "\(id): form without a quote")
        #expect(policy.rules.allSatisfy { $0.quote != nil }, "\(id): rule without a quote")
        #expect(policy.externalRoutes.allSatisfy { $0.quote != nil }, "\(id): route without a quote")
    }

    @Test(arguments: PolicyLibrary.builtInIDs)
    func stagesEscalateInSeniority(id: String) throws {
        let policy = try #require(PolicyLibrary.builtIn(id))
        let top = policy.stages.map { $0.participants.map(\.level).max() }
        #expect(!top.contains(nil), "\(id): a stage with no participants")
        #expect(zip(top, top.dropFirst()).allSatisfy { $0! <= $1! }, "\(id): seniority falls between stages: \(top)")
    }

    @Test func oldham() throws {
        let policy = try #require(PolicyLibrary.builtIn("oldham"))
        #expect(policy.scope == .practice && policy.region == .englandAndWales)
        #expect(policy.stages.map(\.id) == ["team-manager", "head-of-service", "assistant-director", "partnership"])
        #expect(Self.timescales(policy) == ["none", "5 working_days from stage-start", "none", "none"])
        #expect(
            policy.stages.map(\.confirmationSubject) == [
                "Stage 1 discussion following the partnership resolution policy",
                "Stage 2 escalation following the partnership resolution policy", nil, nil,
            ])
        #expect(policy.stages[0].contact?.methods == [.telephone, .faceToFace])
        let meeting = try #require(policy.stages[0].meeting)
        #expect(meeting.required && meeting.templates == [.agenda, .minutes])
        #expect(policy.stages.dropFirst().allSatisfy { $0.meeting == nil })
        #expect(
            policy.rules.map(\.kind) == [
                .riskEscalation(to: "partnership"),
                .meetingParticipant(
                    .independentReviewingOfficer, when: Condition(child: [.lookedAfter], category: []),
                    stage: "team-manager"),
            ])
        #expect(policy.acknowledgement == nil && policy.stageLimit == nil && policy.overall == nil)
        #expect(policy.externalRoutes.isEmpty)
    }

    @Test func sunderland() throws {
        let policy = try #require(PolicyLibrary.builtIn("sunderland"))
        #expect(policy.scope == .practice)
        #expect(policy.stages.map(\.id) == ["frontline", "line-managers", "management-hierarchy", "sscp"])
        #expect(Self.timescales(policy) == ["none", "none", "none", "none"])
        #expect(Self.describe(policy.stageLimit) == "5 working_days from stage-start")
        #expect(Self.describe(policy.overall) == "1 months from dispute-raised")
        #expect(policy.stages.allSatisfy { policy.effectiveTimescale(of: $0) == policy.stageLimit })
        for stage in policy.stages {
            #expect(stage.participants.contains { $0.capacity == .designatedSafeguardingLead }, "\(stage.id)")
            #expect(stage.contact?.methods == [.faceToFace], "\(stage.id)")
        }
        #expect(
            policy.stages.map(\.records) == [
                [.actionsTaken, .outcome, .learningIdentified],
                [.concernReviewed, .actionsTaken, .outcome, .learningIdentified],
                [.actionsTaken, .outcome, .learningIdentified], [.interventionDecision, .outcome],
            ])
        #expect(policy.stages.map { $0.meeting?.required } == [nil, nil, false, nil])
        #expect(policy.stages[3].forms.map(\.id) == ["sscp-referral"])
        #expect(policy.stages[3].forms.map(\.title) == ["Dispute resolution – referral to SSCP"])
        #expect(policy.stages[3].participants.map(\.level).contains(.independentScrutineer))
        #expect(
            policy.rules.map(\.kind) == [
                .significantHarmNotification(notify: [.lineManager, .designatedSafeguardingLead]),
                .requiredParticipant(
                    .designatedSafeguardingLead, when: nil,
                    beforeLeaving: ["frontline", "line-managers", "management-hierarchy", "sscp"]),
            ])
        #expect(policy.externalRoutes.map(\.id) == ["ofsted", "cqc", "hmicfrs"])
        #expect(policy.externalRoutes.allSatisfy { $0.kind == .inspectorate })
        #expect(policy.acknowledgement == nil)
    }

    @Test func coventry() throws {
        let policy = try #require(PolicyLibrary.builtIn("coventry"))
        #expect(policy.scope == .practice)
        #expect(policy.stages.map(\.id) == ["discussion", "informal", "formal", "head-of-safeguarding"])
        #expect(Self.timescales(policy) == ["1 working_days from stage-start", "none", "none", "none"])
        let capacities = Set(policy.stages[1].participants.compactMap(\.capacity))
        #expect(capacities == [.designatedProfessional, .namedProfessional])
        #expect(
            policy.stages[3].participants.map(\.title).contains("Chair of the Coventry Safeguarding Children Board"))
        let earlyHelp = Condition(child: [], category: [.threshold, .referral])
        #expect(
            policy.rules.map(\.kind) == [
                .requiredParticipant(.earlyHelpProfessional, when: earlyHelp, beforeLeaving: ["informal"]),
                .reviewConsideration(stage: "head-of-safeguarding", review: "multi-agency review"),
            ])
        #expect(earlyHelp.holds(flags: [], category: .referral) && !earlyHelp.holds(flags: [], category: .plan))
        #expect(policy.acknowledgement == nil && policy.stageLimit == nil && policy.overall == nil)
        #expect(policy.externalRoutes.isEmpty)
    }

    @Test func fiveStageFlowchart() throws {
        let policy = try #require(PolicyLibrary.builtIn("five-stage-flowchart"))
        #expect(policy.partnership.contains("not named") && policy.region == .englandAndWales)
        #expect(
            policy.stages.map(\.id) == [
                "professional", "manager", "senior-manager", "director", "partnership-resolution",
            ])
        #expect(
            Self.timescales(policy) == [
                "2 working_days from stage-start", "5 working_days from stage-start",
                "5 working_days from latest-discussion", "2 working_days from stage-start",
                "5 working_days from stage-start",
            ])
        #expect(
            policy.stages.map { $0.timescale?.kind } == [
                .completeWithin, .completeWithin, .completeWithin, .completeWithin, .beginWithin,
            ])
        for stage in policy.stages {
            #expect(stage.contact?.methods == [.telephone, .faceToFace, .video], "\(stage.id)")
            #expect(stage.contact?.discouraged == [.email], "\(stage.id)")
        }
        #expect(policy.stages.map(\.records) == Array(repeating: [.agreedPlan, .effortsExhausted], count: 4) + [[]])
        #expect(policy.stages.map { $0.meeting?.required } == [nil, false, nil, false, false])
        #expect(policy.acknowledgement?.stage == "professional")
        #expect(Self.describe(policy.acknowledgement?.timescale) == "2 working_days from stage-start")
        #expect(policy.stageLimit == nil && policy.overall == nil)
        #expect(policy.rules.isEmpty && policy.externalRoutes.isEmpty)
    }

    @Test func northEastLincolnshire() throws {
        let policy = try #require(PolicyLibrary.builtIn("north-east-lincolnshire"))
        #expect(policy.scope == .strategic)
        #expect(
            policy.stages.map(\.id) == [
                "strategic-delivery-group", "chair-in-writing", "safeguarding-partners", "independent-scrutiny-officer",
            ])
        #expect(
            Self.timescales(policy) == [
                "none", "none", "15 working_days from received-in-writing", "25 working_days from stage-start",
            ])
        #expect(policy.acknowledgement?.stage == "chair-in-writing")
        #expect(Self.describe(policy.acknowledgement?.timescale) == "5 working_days from stage-start")
        #expect(policy.stages[1].contact?.methods == [.writing])
        #expect(policy.stages[2].records.contains(.outcome))
        let meeting = try #require(policy.stages[3].meeting)
        #expect(!meeting.required && meeting.chair == .independentScrutineer && meeting.templates == [.agenda])
        #expect(
            policy.externalRoutes.map(\.kind) == [
                .inspectorate, .inspectorate, .inspectorate, .arbitration,
            ])
        #expect(policy.externalRoutes.map(\.name).contains("Her Majesty's Inspectorate of Constabulary"))
        #expect(policy.rules.isEmpty && policy.stageLimit == nil && policy.overall == nil)
    }

    // MARK: - Helpers

    /// "5 working_days from stage-start", or "none".
    static func describe(_ timescale: Timescale?) -> String {
        timescale.map { "\($0.amount) \($0.unit.rawValue) from \($0.from.rawValue)" } ?? "none"
    }

    static func timescales(_ policy: Policy) -> [String] {
        policy.stages.map { describe($0.timescale) }
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every quote and verbatim subject line in a policy, with the seed it must come from.
    static func quotations(of policy: Policy) -> [(source: String?, place: String, text: String)] {
        var found: [(source: String?, place: String, text: String)] = []
        func add(_ text: String?, _ place: String, _ source: String?) {
            if let text { found.append((source, place, text)) }
        }
        add(policy.acknowledgement?.timescale.quote, "acknowledgement", policy.source)
        add(policy.stageLimit?.quote, "stage_limit", policy.source)
        add(policy.overall?.quote, "overall", policy.source)
        add(policy.confirmations?.quote, "confirmations", policy.source)
        for (index, rule) in policy.rules.enumerated() { add(rule.quote, "rules[\(index)]", policy.source) }
        for route in policy.externalRoutes { add(route.quote, "external route \(route.id)", policy.source) }
        for stage in policy.stages {
            let source = stage.source ?? policy.source
            add(stage.timescale?.quote, "stage \(stage.id) timescale", source)
            add(stage.contact?.quote, "stage \(stage.id) contact", source)
            add(stage.meeting?.quote, "stage \(stage.id) meeting", source)
            add(stage.confirmationSubject, "stage \(stage.id) confirmation_subject", source)
            add(
                stage.notifyLineManagerIfUnresolved?.quote, "stage \(stage.id) notify_line_manager_if_unresolved",
                source)
            for form in stage.forms { add(form.quote, "stage \(stage.id) form \(form.id)", source) }
        }
        return found
    }

    /// A seed protocol's text with its whitespace collapsed.
    static func seed(_ file: String) throws -> String {
        collapse(try SeedTexts.text(file))
    }
}
