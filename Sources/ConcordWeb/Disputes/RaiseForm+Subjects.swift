import ConcordCore
import Foundation

/// The people a practice dispute is about, as the policy's `subjects` allow: children only (as
/// every built-in protocol), adults only, or all ages and an unborn baby, each asked for the
/// same way so the form works without scripts.
extension RaiseForm {
    /// "Child 1", "Adult 1", or "Person 1" when the policy covers more than one kind.
    func subjectLabel(_ slot: Int) -> String {
        switch policy.subjects {
        case [.children]: "Child \(slot)"
        case [.adults]: "Adult \(slot)"
        default: "Person \(slot)"
        }
    }

    var asksKind: Bool { policy.subjects.count > 1 }

    func subjectFields(_ slot: Int, _ text: (String) -> String, _ sent: FormValues?) -> [FormField] {
        let label = subjectLabel(slot)
        let optional = slot > 1 ? " (optional)" : ""
        var fields: [FormField] = []
        if asksKind {
            fields.append(
                FormField(
                    .radios, name: "child-\(slot)-kind", label: "\(label): who is it?\(optional)",
                    options: policy.subjects.map {
                        .option(
                            $0.rawValue, Formatting.subject($0), selected: text("child-\(slot)-kind") == $0.rawValue)
                    }))
        }
        fields.append(
            FormField(
                .text, name: "child-\(slot)-name", label: "\(label): full name\(optional)",
                hint: policy.subjects.contains(.unborn)
                    ? "For an unborn baby, write “Unborn baby of” and the mother's name." : nil,
                value: text("child-\(slot)-name"), autocomplete: "off"))
        var birth = FormField.date(
            name: "child-\(slot)-birth",
            label: policy.subjects.contains(.unborn)
                ? "\(label): date of birth, or expected date of birth for an unborn baby (optional)"
                : "\(label): date of birth (optional)",
            value: nil)
        birth.day = text("child-\(slot)-birth-day")
        birth.month = text("child-\(slot)-birth-month")
        birth.year = text("child-\(slot)-birth-year")
        fields.append(birth)
        fields.append(
            FormField(
                .text, name: "child-\(slot)-reference", label: "\(label): your agency's case reference (optional)",
                value: text("child-\(slot)-reference"), autocomplete: "off", width: "10"))
        if policy.subjects.contains(.children) {
            let flags = sent?.all("child-\(slot)-flags[]") ?? []
            fields.append(
                FormField(
                    .checkboxes, name: "child-\(slot)-flags[]",
                    label: "\(label): which of these apply?\(asksKind ? " (a child only)" : "")",
                    hint: "Some protocols need particular people involved, such as the IRO for a looked-after child.",
                    options: ChildFlag.allCases.map {
                        .option($0.rawValue, Formatting.flag($0), selected: flags.contains($0.rawValue))
                    }))
        }
        return fields
    }

    /// The person in one slot, or nil when the slot is left empty; problems go into `errors`.
    func subject(_ slot: Int, _ sent: FormValues, today: LocalDate, errors: inout FormErrors) -> ChildRecord? {
        let label = subjectLabel(slot)
        let name = sent.text("child-\(slot)-name")
        let kind = asksKind ? Subject(rawValue: sent.text("child-\(slot)-kind")) : policy.subjects.first
        let date = sent.date("child-\(slot)-birth", label: "\(label)'s date of birth", errors: &errors)
        guard !name.isEmpty else {
            if slot == 1 {
                errors.add(
                    "child-1-name",
                    policy.subjects == [.children] || policy.subjects == [.adults]
                        ? "Enter the \(policy.subjectNoun)'s full name"
                        : "Enter the full name of the person the dispute is about")
            }
            return nil
        }
        guard let kind else {
            errors.add("child-\(slot)-kind", "Select whether \(label.lowercased()) is \(Self.choices(policy.subjects))")
            return nil
        }
        if let date, date > today, kind != .unborn {
            errors.add("child-\(slot)-birth", "\(label)'s date of birth must be in the past")
        }
        let flags = sent.all("child-\(slot)-flags[]").compactMap(ChildFlag.init(rawValue:))
        if kind != .children, !flags.isEmpty {
            errors.add(
                "child-\(slot)-flags[]",
                "Looked after, child protection plan, child in need and early help apply only to a child")
        }
        let reference =
            sent.optional("child-\(slot)-reference").map { [CaseReference(agencyID: raiser.agency.id, reference: $0)] }
            ?? []
        return ChildRecord(
            name: name, dateOfBirth: kind == .unborn ? nil : date, caseReferences: reference, flags: flags,
            subject: kind, expectedBirth: kind == .unborn ? date : nil)
    }

    /// "a child or an adult", "a child, an adult or an unborn baby".
    static func choices(_ subjects: [Subject]) -> String {
        Subject.either(subjects.map { Subject.indefinite($0.noun) })
    }

    /// "a child", "an adult", "a child or adult": who the harm question asks about.
    var harmSubject: String { Subject.indefinite(policy.subjectNoun) }
}
