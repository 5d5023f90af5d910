/// The words of each notice, from the policy and the dispute as it now stands.
struct NoticeWriting {
    var policy: Policy
    var state: DisputeState

    var reference: String { state.reference }

    func subject(_ phrase: String) -> String {
        "\(reference): \(phrase.prefix(1).uppercased())\(phrase.dropFirst())"
    }

    /// The protocol's own subject line when it fixes one for the stage ("including in the
    /// Subject ‘Stage 1 discussion following the partnership resolution policy’"), else
    /// `phrase`, which names the stage itself.
    func stageSubject(_ stage: String, otherwise phrase: String) -> String {
        if let fixed = policy.stage(stage)?.confirmationSubject { return "\(fixed) – \(reference)" }
        return subject(phrase)
    }

    /// A confirmation of one thing recorded at a stage. The protocol's subject is kept whole and
    /// what is confirmed follows it, so that a stage's several confirmations can be told apart.
    func confirmationSubject(stage: String, saying phrase: String) -> String {
        guard policy.stage(stage)?.confirmationSubject != nil else {
            return subject("\(phrase) at \(stageTitle(stage))")
        }
        return "\(stageSubject(stage, otherwise: phrase)): \(phrase)"
    }

    func stageTitle(_ id: String) -> String { policy.stage(id)?.title ?? id }

    /// What every message says about where the dispute stands; none of it identifies a child.
    var standingFacts: [NoticeContent.Fact] {
        let stage = state.currentStage
        var facts = [
            NoticeContent.Fact("Reference", reference),
            NoticeContent.Fact("Partnership", policy.partnership),
            NoticeContent.Fact("Agencies", state.agencies.map(\.name).joined(separator: ", ")),
        ]
        guard state.status == .open else { return facts }
        facts.append(NoticeContent.Fact("Current stage", stageTitle(stage.stage)))
        facts.append(
            NoticeContent.Fact(
                "Stage due", stage.due.map(\.textWithWeekday) ?? "the protocol sets no timescale for this stage"))
        if let due = state.acknowledgementDue, state.acknowledged == nil {
            facts.append(NoticeContent.Fact("Acknowledgement due", due.textWithWeekday))
        }
        if let due = state.overallDue { facts.append(NoticeContent.Fact("Whole process due", due.textWithWeekday)) }
        return facts
    }

    var childLines: [String] {
        let agencies = Dictionary(state.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return state.raised.children.map { child in
            var line = child.name
            if let born = child.dateOfBirth { line += ", born \(born.text)" }
            for reference in child.caseReferences {
                line += "; \(agencies[reference.agencyID] ?? "agency") reference \(reference.reference)"
            }
            return line
        }
    }

    func content(
        _ lead: String, facts: [NoticeContent.Fact] = [], details: [NoticeContent.Section] = [],
        action: String? = nil
    ) -> NoticeContent {
        var content = NoticeContent(
            lead: lead, facts: facts + standingFacts, details: details, children: childLines, action: action)
        content.identifying = identifying
        return content
    }

    /// A section of what the policy's confirmations carry to everyone (`confirmations.include`),
    /// or of the secure-only details when they do not carry it.
    func section(_ heading: String, _ lines: [String], _ part: Confirmations.Part) -> NoticeContent.Section {
        NoticeContent.Section(
            heading, lines, sharedWithAll: policy.confirmations?.include.contains(part) == true)
    }

    /// Longest first, so a full name goes before the parts of it.
    var identifying: [String] {
        var found: Set<String> = []
        for child in state.raised.children {
            found.insert(child.name)
            for part in child.name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) where part.count > 1 {
                found.insert(String(part))
            }
            if let born = child.dateOfBirth { found.formUnion([born.text, born.iso]) }
            found.formUnion(child.caseReferences.map(\.reference))
        }
        return found.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    func names(_ people: [PersonRef]) -> String {
        people.map { "\($0.name) (\($0.agency.name))" }.joined(separator: ", ")
    }

    var planLines: [String] {
        state.plan.map { action in
            let done = state.completedActions[action.id].map { " – done \($0.completedOn.text)" } ?? ""
            return "\(action.action) – \(action.owner.name), by \(action.due.text)\(done)"
        }
    }

    var planTimescales: [String] {
        state.openActions.map { "An action for \($0.owner.name) (\($0.owner.agency.name)) is due by \($0.due.text)" }
    }
}
