import ConcordCore
import ConcordStore

/// The professional a practice dispute is raised with, who must work for the agency it is
/// raised with: a dispute "with" the police whose named professional is from health could never
/// record a resolution agreed by someone from each agency. The form works without scripts, so
/// the list cannot follow the agency as it is chosen; it groups everyone under their agency
/// instead, and the server refuses a mismatch.
extension RaiseForm {
    func professionalField(chosen: String) -> FormField {
        var field = FormField(
            .select, name: "professional", label: "Who is the professional you disagree with? (optional)",
            hint:
                "Choose someone listed under the agency you disagree with. If you do not know yet, leave this and add them later.",
            options: [.option("", "Not known yet", selected: chosen.isEmpty)])
        field.groups = otherAgencies.compactMap { agency in
            let staff = professionals.filter { $0.agency.id == agency.id.uuidString }
            guard !staff.isEmpty else { return nil }
            return FormField.OptionGroup(
                label: agency.name,
                options: staff.map {
                    .option($0.id.uuidString, "\($0.name), \($0.agency.name)", selected: chosen == $0.id.uuidString)
                })
        }
        return field
    }

    /// The professional chosen, or nil when none is; an error on the field when the choice is
    /// not someone listed, or not someone from `agency`.
    func professional(_ sent: FormValues, agency: AgencyRef?, errors: inout FormErrors) -> Directory.Person? {
        let chosen = sent.text("professional")
        guard !chosen.isEmpty else { return nil }
        guard let person = professionals.first(where: { $0.id.uuidString == chosen }) else {
            errors.add("professional", "Select the professional from the list, or Not known yet")
            return nil
        }
        if let agency, person.agency.id != agency.id {
            errors.add(
                "professional",
                "\(person.name) works for \(person.agency.name), not \(agency.name): choose someone listed under \(agency.name), or Not known yet"
            )
            return nil
        }
        return person
    }
}
