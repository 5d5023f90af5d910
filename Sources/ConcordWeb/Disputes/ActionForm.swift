import ConcordCore
import ConcordStore
import Foundation

/// The people a dispute's forms offer: those already taking part, and those who could join
/// from the dispute's agencies or the partnership itself.
struct PeopleChoices {
    var participants: [PersonRef]
    var candidates: [PersonRef]

    static func load(_ dispute: VisibleDispute, directory: Directory) async throws -> PeopleChoices {
        let state = dispute.loaded.state
        var seen: Set<String> = []
        let participants = state.participants.map(\.person).filter { seen.insert($0.id).inserted }
        let agencyIDs = Set(state.agencies.map(\.id))
        let partnership = state.raised.partnershipID
        let agencies = try await directory.agencies()
        let partnershipAgencies = Set(
            agencies.filter { $0.partnerships.contains { $0.uuidString == partnership } }.map(\.id.uuidString))
        let candidates = try await directory.people().filter { person in
            agencyIDs.contains(person.agency.id)
                || (person.level >= .partnershipBusinessOffice && partnershipAgencies.contains(person.agency.id))
        }.map(\.ref)
        return PeopleChoices(participants: participants, candidates: candidates)
    }

    func person(_ id: String) -> PersonRef? {
        participants.first { $0.id == id } ?? candidates.first { $0.id == id }
    }

    static func options(_ people: [PersonRef], selected: [String]) -> [FormField.Option] {
        people.map { person in
            FormField.Option.option(
                person.id, "\(person.name), \(person.agency.name)", hint: person.level.displayName,
                selected: selected.contains(person.id))
        }
    }
}

/// One dispute action's questions, and the engine command its answers make.
struct ActionForm {
    var intro: String?
    var fields: [FormField]
    var hidden: [String: String] = [:]
    var submit: String

    /// Either the command, or the errors to show against the questions.
    typealias Outcome = Result<DisputeCommand, FormErrorList>

    struct FormErrorList: Error {
        var errors: FormErrors
    }
}
