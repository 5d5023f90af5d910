import ConcordCore
import ConcordStore
import Foundation

/// The raise-a-dispute form for one partnership: its questions follow the partnership's
/// policy (a strategic protocol asks about an issue, not a person; a practice one about the
/// children, adults or unborn babies it covers).
struct RaiseForm {
    var partnership: Directory.Partnership
    var policy: Policy
    var raiser: Directory.Person
    var agencies: [Directory.Agency]
    var people: [Directory.Person]
    /// The partnership runs several procedures, so the form names the one chosen.
    var several = false

    static let childSlots = 2
    var otherAgencies: [Directory.Agency] {
        agencies.filter { $0.partnerships.contains(partnership.id) && $0.id.uuidString != raiser.agency.id }
    }

    var professionals: [Directory.Person] {
        let ids = Set(otherAgencies.map(\.id.uuidString))
        return people.filter { ids.contains($0.agency.id) && $0.level < .partnershipBusinessOffice }
    }

    func fields(_ sent: FormValues?) -> [FormField] {
        func text(_ name: String) -> String { sent?.text(name) ?? "" }
        if isStrategic { return strategicFields(text) }
        var fields: [FormField] = [
            FormField(
                .select, name: "agency", label: "Which agency do you disagree with?",
                options: [.option("", "Choose an agency", selected: text("agency").isEmpty)]
                    + otherAgencies.map {
                        .option($0.id.uuidString, $0.name, selected: text("agency") == $0.id.uuidString)
                    }),
            professionalField(chosen: text("professional")),
        ]
        for slot in 1...Self.childSlots { fields += subjectFields(slot, text, sent) }
        if policy.countsFromDecision {
            var decided = FormField.date(
                name: "decided", label: "When was the decision or disagreement?",
                hint: "The protocol counts its timescales from this day.", value: nil)
            decided.day = text("decided-day")
            decided.month = text("decided-month")
            decided.year = text("decided-year")
            fields.append(decided)
        }
        if let first = policy.stages.first,
            let route = RouteChoice.field(for: first, policy: policy, chosen: text("route"))
        {
            fields.append(route)
        }
        fields += [
            FormField(
                .radios, name: "category", label: "What is the disagreement about?",
                options: DisputeCategory.allCases.map {
                    .option($0.rawValue, $0.title, selected: text("category") == $0.rawValue)
                }),
            FormField(.textarea, name: "disagreement", label: "What is the disagreement?", value: text("disagreement")),
            FormField(
                .textarea, name: "outcome", label: "What outcome do you want?", value: text("outcome")),
            FormField(
                .radios, name: "significant-harm",
                label: "Do you think \(harmSubject) may be suffering, or be at risk of suffering, significant harm?",
                hint: harmHint,
                options: [
                    .option("yes", "Yes", selected: text("significant-harm") == "yes"),
                    .option("no", "No", selected: text("significant-harm") == "no"),
                ]),
        ]
        return fields
    }

    /// What the policy says to do now if the answer is yes, shown before answering because the
    /// form must work without scripts.
    var harmHint: String {
        let targets = policy.significantHarmTargets?.map(Formatting.notifyTarget).joined(separator: " and ")
        let told = targets.map { " and tell \($0) at once" } ?? ""
        return
            "If yes, \(partnership.name)'s protocol says: follow your agency's child protection procedures now\(told). Do not wait for this dispute to be resolved."
    }

    func command(_ sent: FormValues, today: LocalDate) -> Result<RaiseDispute, ActionForm.FormErrorList> {
        var errors = FormErrors()
        let agency = otherSide(sent.text("agency"))
        if agency == nil {
            errors.add(
                "agency", isStrategic ? "Select who the concern is about" : "Select the agency you disagree with")
        }
        let professional = isStrategic ? nil : self.professional(sent, agency: agency, errors: &errors)
        var children: [ChildRecord] = []
        var issue: String?
        if policy.scope == .strategic {
            issue = sent.optional("issue")
            if issue == nil { errors.add("issue", "Enter which partnership arrangement the concern is about") }
        } else {
            for slot in 1...Self.childSlots {
                if let subject = subject(slot, sent, today: today, errors: &errors) { children.append(subject) }
            }
        }
        var decidedOn: LocalDate?
        if policy.countsFromDecision {
            decidedOn = sent.date("decided", label: "The date of the decision or disagreement", errors: &errors)
            if decidedOn == nil { errors.add("decided", "Enter the date of the decision or disagreement") }
            if let decided = decidedOn, decided > today {
                errors.add("decided", "The date of the decision or disagreement must be today or in the past")
            }
        }
        let category = isStrategic ? .other : DisputeCategory(rawValue: sent.text("category"))
        if category == nil { errors.add("category", "Select what the disagreement is about") }
        let disagreement = sent.text("disagreement")
        if disagreement.isEmpty {
            errors.add("disagreement", isStrategic ? "Enter what the concern is" : "Enter what the disagreement is")
        }
        let outcome = sent.text("outcome")
        if outcome.isEmpty { errors.add("outcome", "Enter the outcome you want") }
        let harm = isStrategic ? "no" : sent.text("significant-harm")
        if harm.isEmpty {
            errors.add("significant-harm", "Select yes if \(harmSubject) may be suffering significant harm")
        }
        guard errors.isEmpty, let agency, let category else { return .failure(.init(errors: errors)) }
        return .success(
            RaiseDispute(
                raisedBy: raiser.ref, otherAgencies: [agency], professionals: professional.map { [$0.ref] } ?? [],
                children: children, issue: issue, category: category, disagreement: disagreement,
                outcomeWanted: outcome, significantHarm: harm == "yes", route: RouteChoice.chosen(sent),
                decidedOn: decidedOn))
    }
}
