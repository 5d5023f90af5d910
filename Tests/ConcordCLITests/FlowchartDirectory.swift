import ConcordCore
import ConcordStore
import Foundation
import Testing

/// The command-line suites' usual partnership: the five-stage flowchart, with a school's
/// teacher and a police officer to raise disputes between.
struct FlowchartDirectory {
    let partnership: UUID
    let teacher: PersonRef
    let officer: PersonRef
    let police: AgencyRef

    /// Migrates `database` first. `teacher` and the e-mail addresses let a suite name people
    /// as it needs.
    static func make(
        _ database: ConcordDatabase, teacher name: String = "Tess Teacher", teacherEmail: String? = nil,
        officerEmail: String? = nil
    ) async throws -> FlowchartDirectory {
        try await database.migrate()
        let directory = Directory(database)
        let partnership = try await directory.addPartnership(
            slug: "flowchart", name: "Flowchart Partnership", region: .englandAndWales)
        try await directory.installPolicy(
            try #require(PolicyLibrary.text(of: "five-stage-flowchart")), file: "flowchart.yaml",
            partnership: partnership)
        let school = try await directory.addAgency(name: "School", type: .education, partnerships: [partnership])
        let police = try await directory.addAgency(name: "Police", type: .police, partnerships: [partnership])
        return FlowchartDirectory(
            partnership: partnership,
            teacher: try await directory.addPerson(
                name: name, email: teacherEmail, agency: school, level: .practitioner, lineManager: nil),
            officer: try await directory.addPerson(
                name: "Owen Officer", email: officerEmail, agency: police, level: .practitioner, lineManager: nil),
            police: police)
    }
}
