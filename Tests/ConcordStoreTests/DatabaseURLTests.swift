import ConcordCore
import ConcordStore
import Foundation
import Testing

/// `DATABASE_URL` parsing, and that a password is never shown.
@Suite struct DatabaseURLTests {
    @Test func sqlitePathsAreKeptAsWritten() throws {
        #expect(
            try DatabaseURL("sqlite:./concord-data/concord.sqlite") == .sqlite(path: "./concord-data/concord.sqlite"))
        #expect(try DatabaseURL("sqlite:/var/lib/concord/db.sqlite") == .sqlite(path: "/var/lib/concord/db.sqlite"))
        #expect(try DatabaseURL("sqlite:db.sqlite").description == "sqlite:db.sqlite")
    }

    @Test func postgresURLsAreAcceptedInBothSpellings() throws {
        let url = "postgres://concord:s3cret@db.example:5432/concord"
        #expect(try DatabaseURL(url) == .postgres(url: url))
        #expect(
            try DatabaseURL("postgresql://concord:s3cret@db.example:5432/concord") == .postgres(url: url))
        #expect(try DatabaseURL("postgres://db.example/concord") == .postgres(url: "postgres://db.example/concord"))
    }

    @Test func descriptionMasksThePassword() throws {
        let described = try DatabaseURL("postgresql://concord:s3cret@db.example:5432/concord").description
        #expect(described == "postgres://concord:****@db.example:5432/concord")
        #expect(!described.contains("s3cret"))
        #expect(
            try DatabaseURL("postgres://concord@db.example/concord").description
                == "postgres://concord@db.example/concord")
        let encoded = try DatabaseURL("postgres://concord:p%40ss%3Aword@db.example/concord").description
        #expect(encoded == "postgres://concord:****@db.example/concord")
        #expect("\(DatabaseURL.postgres(url: "postgres://u:hunter2@h/d"))" == "postgres://u:****@h/d")
    }

    @Test(arguments: [
        "mysql://root:hunter2@db.example/concord",
        "postgres://root:hunter2@db.example",
        "postgres://root:hunter2@db.example/",
        "postgres://root:hunter2@/concord",
        "postgresql://root:hunter2@db.example",
        "postgres://root:hunter2@db.example:port/concord",
        "http://root:hunter2@db.example/concord",
        "root:hunter2@db.example/concord",
        "sqlite:",
        "",
        "concord.sqlite",
    ])
    func unusableURLsAreRefusedWithoutTheirPassword(_ text: String) {
        do throws(DatabaseURLError) {
            let url = try DatabaseURL(text)
            Issue.record("\"\(text)\" was accepted as \(url)")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.hasPrefix("DATABASE_URL"))
            #expect(error.description.contains("expected") || error.description.contains("give a file path"))
        }
    }

    @Test func errorsSayWhatIsExpected() {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL("mysql://u:p@h/d") }
        do throws(DatabaseURLError) {
            _ = try DatabaseURL("sqlite:")
            Issue.record("an empty SQLite path was accepted")
        } catch {
            #expect(error.description == "DATABASE_URL \"sqlite:…\" is not usable: give a file path after sqlite:")
        }
        do throws(DatabaseURLError) {
            _ = try DatabaseURL("postgres://u:hunter2@host")
            Issue.record("a URL without a database name was accepted")
        } catch {
            #expect(
                error.description
                    == "DATABASE_URL \"postgres…\" is not usable: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
    }
}
