import ConcordCore
import ConcordStore
import Foundation

/// North East Lincolnshire's strategic protocol: raised "by the agency lead", about "any agency
/// concerns regarding the work of the Partnership" or a partner agency, with no child.
extension RaiseForm {
    /// The choice that names the partnership itself as what the concern is about.
    static let partnershipItself = "partnership"

    /// A strategic protocol is raised "by the agency lead": only someone at least at the level its
    /// first stage names for the raising side may raise one. Practice protocols start with the
    /// practitioner.
    static func mayRaise(_ person: Directory.Person, under policy: Policy) -> Bool {
        guard policy.scope == .strategic else { return true }
        let levels = policy.stages.first?.participants.filter { $0.side == .raising }.map(\.level) ?? []
        return person.level >= (levels.min() ?? .practitioner)
    }

    var isStrategic: Bool { policy.scope == .strategic }

    /// What a strategic concern can be about: the partnership itself, or a partner agency. The
    /// partnership's own office is the partnership, not an agency to disagree with.
    var concernOptions: [(value: String, name: String)] {
        [(Self.partnershipItself, "The partnership itself (\(partnership.name))")]
            + otherAgencies.filter { $0.type != .other }.map { ($0.id.uuidString, $0.name) }
    }

    func otherSide(_ value: String) -> AgencyRef? {
        if isStrategic {
            if value == Self.partnershipItself {
                return AgencyRef(id: partnership.id.uuidString, name: partnership.name)
            }
            return otherAgencies.first { $0.id.uuidString == value && $0.type != .other }?.ref
        }
        return otherAgencies.first { $0.id.uuidString == value }?.ref
    }

    /// A concern about the partnership's work: no child, case category or significant-harm
    /// question, which belong to practice disputes.
    func strategicFields(_ text: (String) -> String) -> [FormField] {
        [
            FormField(
                .radios, name: "agency", label: "Who is the concern about?",
                hint: "The partnership's own work, or a partner agency's part in the safeguarding arrangements.",
                options: concernOptions.map { .option($0.value, $0.name, selected: text("agency") == $0.value) }),
            FormField(
                .textarea, name: "issue", label: "Which partnership arrangement is the concern about?",
                value: text("issue")),
            FormField(.textarea, name: "disagreement", label: "What is the concern?", value: text("disagreement")),
            FormField(.textarea, name: "outcome", label: "What outcome do you want?", value: text("outcome")),
        ]
    }
}
