import FluentKit
import Foundation

/// Keeps `line_management` (each person with everyone above them) in step with the
/// directory's line managers. Directories are thousands of people, so it is rewritten whole
/// whenever a line manager changes, inside the same transaction.
enum LineManagement {
    static func rebuild(_ db: any Database) async throws {
        let rows = try await PersonModel.query(on: db).field(\.$id).field(\.$lineManagerID).all()
        var manager: [String: String] = [:]
        for row in rows {
            if let id = row.id, let boss = row.lineManagerID { manager[id.uuidString] = boss.uuidString }
        }
        let graph = PeopleGraph(manager: manager)
        try await LineManagementModel.query(on: db).delete()
        let pairs = manager.keys.sorted().flatMap { person in
            graph.chain(above: person).map { LineManagementModel(personID: person, managerID: $0) }
        }
        for chunk in pairs.chunked(500) { try await chunk.create(on: db) }
    }

    /// A new person joins below their manager and everyone above them.
    static func add(person: String, manager: String?, _ db: any Database) async throws {
        guard let manager else { return }
        let above = try await LineManagementModel.query(on: db).filter(\.$personID == manager).all(\.$managerID)
        try await ([manager] + above).map { LineManagementModel(personID: person, managerID: $0) }.create(on: db)
    }
}

/// Who manages whom, read whole: directories are thousands of people, not millions, and the
/// chain must be followed to the top.
struct PeopleGraph {
    var manager: [String: String]

    static func load(_ db: any Database) async throws -> PeopleGraph {
        let rows = try await PersonModel.query(on: db).field(\.$id).field(\.$lineManagerID).all()
        var manager: [String: String] = [:]
        for row in rows {
            if let id = row.id, let boss = row.lineManagerID { manager[id.uuidString] = boss.uuidString }
        }
        return PeopleGraph(manager: manager)
    }

    /// Everyone above `person`, nearest first; a loop in the data stops the walk.
    func chain(above person: String) -> [String] {
        var result: [String] = []
        var current = person
        while let next = manager[current], !result.contains(next), next != person {
            result.append(next)
            current = next
        }
        return result
    }
}
