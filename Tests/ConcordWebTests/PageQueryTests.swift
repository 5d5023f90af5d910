import ConcordCore
import ConcordStore
import Foundation
import Testing

@testable import ConcordWeb

/// What each main page asks the database once the process has served it before: the directory
/// is one read of its version, and nothing is read once per row shown.
@Suite("Pages run the same few queries however many disputes they show")
struct PageQueryTests {
    static let office = demo("business-office", "oldham")
    static let practitioner = demo("practitioner.csc", "oldham")

    /// Tables that only an edit to the directory changes.
    static let directoryTables =
        #"(FROM|JOIN) "?(people|agencies|partnerships|partnership_agencies|partnership_closure_days|policy_versions|policy_reinstatements)"?(\s|$)"#

    struct Served {
        var statements: [String]
        var body: String
        /// My work's "Showing 50 of 132.": the one count a section runs when it has more.
        var more: Int { body.matches(of: try! Regex("Showing [0-9]+ of ")).count }
        var readsDirectory: Bool {
            statements.contains { $0.range(of: directoryTables, options: .regularExpression) != nil }
        }
    }

    /// The second request for the page: the first fills the caches a running server has warm.
    static func serve(_ h: WebHarness, _ browser: Browser, _ path: String) async throws -> Served {
        #expect(try await browser.get(path).status == .ok, "\(path)")
        var body = ""
        let statements = try await h.queries.during {
            let page = try await browser.get(path)
            #expect(page.status == .ok, "\(path)")
            body = page.body
        }
        return Served(statements: statements, body: body)
    }

    @Test(arguments: WebBackend.allCases)
    func listsRunAsManyQueriesForFiftyRowsAsForAFew(_ backend: WebBackend) async throws {
        try await WebHarness.with(backend: backend) { h in
            let office = try await h.signedIn(Self.office)
            let practitioner = try await h.signedIn(Self.practitioner)
            let pages = [
                ("office", office, "/my-work"), ("office", office, "/disputes"),
                ("office", office, "/partnerships/oldham"), ("practitioner", practitioner, "/my-work"),
                ("practitioner", practitioner, "/disputes"),
            ]
            var few: [Served] = []
            for (_, browser, path) in pages { few.append(try await Self.serve(h, browser, path)) }
            try await DisputeListPageTests.volume(h)
            var many: [Served] = []
            for (_, browser, path) in pages { many.append(try await Self.serve(h, browser, path)) }
            #expect(DisputeListPageTests.references(few[1].body).count < 50)
            #expect(DisputeListPageTests.references(many[1].body).count >= 50)
            for (index, (who, _, path)) in pages.enumerated() {
                #expect(
                    many[index].statements.count - many[index].more == few[index].statements.count - few[index].more,
                    "\(who) \(path): \(few[index].statements) then \(many[index].statements)")
                #expect(!many[index].readsDirectory, "\(who) \(path) read the directory: \(many[index].statements)")
            }
        }
    }

    @Test(arguments: WebBackend.allCases)
    func aDisputePageRunsTheSameQueriesWhateverItsHistory(_ backend: WebBackend) async throws {
        try await WebHarness.with(backend: backend) { h in
            let office = try await h.signedIn(Self.office)
            let disputes = try await h.disputes(in: "oldham")
            var counts: [Int] = []
            for summary in disputes.prefix(4) {
                counts.append(try await Self.serve(h, office, "/disputes/\(summary.id)").statements.count)
            }
            #expect(counts.count == 4)
            #expect(Set(counts).count == 1, "\(counts)")
        }
    }

    @Test(arguments: WebBackend.allCases)
    func anAgencyAddedOnAnotherServerIsOfferedOnTheNextPage(_ backend: WebBackend) async throws {
        try await WebHarness.with(backend: backend) { h in
            let office = try await h.signedIn(Self.office)
            let before = try await office.get("/disputes")
            #expect(!before.options("agency").isEmpty)
            #expect(!before.options("agency").contains { $0.label == "Area Youth Justice" })
            let other = try await ConcordDatabase.open(h.database.url)
            do {
                let oldham = try await h.partnership("oldham")
                try await Directory(other).addAgency(
                    name: "Area Youth Justice", type: .other, partnerships: [oldham.id])
            } catch {
                await other.shutdown()
                throw error
            }
            await other.shutdown()
            let after = try await office.get("/disputes")
            #expect(after.options("agency").contains { $0.label == "Area Youth Justice" })
        }
    }
}
