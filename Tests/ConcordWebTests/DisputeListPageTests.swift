import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("All disputes and My work at volume")
struct DisputeListPageTests {
    static let office = demo("business-office", "oldham")

    /// The references listed in a page or one of its sections, in order.
    static func references(_ html: String?) -> [String] {
        (html ?? "").matches(of: try! Regex(">([A-Z]+-[0-9]{4}-[0-9]{4,})</a>")).compactMap {
            $0.output[1].substring.map(String.init)
        }
    }

    static func count(_ summary: String, in html: String) -> Int? {
        guard let match = html.firstMatch(of: try! Regex(summary + " ([0-9,]+) disputes?")),
            let text = match.output[1].substring
        else { return nil }
        return Int(text.replacingOccurrences(of: ",", with: ""))
    }

    /// 120 more disputes in Oldham, walked through its policy as `concord seed volume` does.
    static func volume(_ h: WebHarness) async throws {
        try await VolumeData.seed(
            h.database, .init(partnership: "oldham", disputes: 120, seed: 3, practitioners: 8), holidays: .standard,
            now: WebHarness.monday)
    }

    @Test func allDisputesPagesFiftyAtATimeThroughEveryDispute() async throws {
        try await WebHarness.with { h in
            try await Self.volume(h)
            let total = try await h.disputes(in: "oldham").count
            #expect(total == 142, "the demo's ten current and twelve ended, and 120 more")
            let browser = try await h.signedIn(Self.office)
            // The default order, and last changed, whose place in the order is a timestamp.
            for sort in ["deadline", "changed"] {
                var page = try await browser.get("/disputes?sort=\(sort)")
                #expect(Self.count("You can see", in: page.body) == total)
                var seen: [String] = []
                var sizes: [Int] = []
                while true {
                    let rows = Self.references(page.element("disputes"))
                    sizes.append(rows.count)
                    seen += rows
                    #expect(page.body.utf8.count < 100_000)
                    guard let next = page.hrefs.first(where: { $0.hasPrefix("/disputes?") && $0.contains("after=") })
                    else { break }
                    page = try await browser.get(next.replacingOccurrences(of: "&amp;", with: "&"))
                }
                #expect(sizes == [50, 50, 42], "\(sort)")
                #expect(Set(seen).count == total, "\(sort)")
                // Back one page from the last: the second page again.
                let previous = try #require(page.hrefs.first { $0.hasPrefix("/disputes?") && $0.contains("before=") })
                let second = try await browser.get(previous.replacingOccurrences(of: "&amp;", with: "&"))
                #expect(Self.references(second.element("disputes")) == Array(seen[50..<100]), "\(sort)")
            }
        }
    }

    @Test func aSearchIsPostedAndNeverPutInTheAddress() async throws {
        try await WebHarness.with { h in
            try await Self.volume(h)
            let summary = try #require(try await h.disputes(in: "oldham").last)
            let child = try #require(try await h.load(summary.id).state.raised.children.first?.name)
            let browser = try await h.signedIn(Self.office)
            _ = try await browser.get("/disputes")
            let found = try await browser.post("/disputes", ["q": child])
            #expect(found.status == .ok)
            #expect(found.location == nil)
            #expect(Self.references(found.element("disputes")).contains(summary.reference))
            #expect(found.body.contains("disputes match.") || found.body.contains("1 dispute matches."))
            // Filters alone go into the address.
            _ = try await browser.get("/disputes")
            let filtered = try await browser.post("/disputes", ["q": "", "status": "open", "overdue": "yes"])
            #expect(filtered.status == .seeOther)
            #expect(filtered.location == "/disputes?status=open&overdue=yes")
            // Someone in another partnership finds nothing by the same name.
            let elsewhere = try await h.signedIn(demo("practitioner.csc", "sunderland"))
            _ = try await elsewhere.get("/disputes")
            let none = try await elsewhere.post("/disputes", ["q": child])
            #expect(Self.references(none.element("disputes")).isEmpty)
            #expect(none.body.contains("0 disputes match."))
        }
    }

    @Test func myWorkListsEachDisputeOnceAndCountsWhatItLists() async throws {
        try await WebHarness.with { h in
            try await Self.volume(h)
            for account in [Self.office, demo("senior-manager.csc", "oldham"), demo("line-manager.csc", "oldham")] {
                let browser = try await h.signedIn(account)
                let work = try await browser.get("/my-work")
                var listed: [String] = []
                for id in ["overdue", "due-soon", "needs-action", "team", "recently-ended"] {
                    listed += Self.references(work.element(id))
                }
                #expect(Set(listed).count == listed.count, "\(account): a dispute listed twice")
                let all = try await browser.get("/disputes")
                let visible = try #require(Self.count("You can see", in: work.body))
                #expect(Self.count("You can see", in: all.body) == visible, "\(account)")
                #expect(work.body.utf8.count < 100_000)
            }
        }
    }

    @Test func aManagerSeesTheirTeamsOpenDisputes() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(demo("line-manager.csc", "oldham"))
            let work = try await browser.get("/my-work")
            let team = try await browser.get("/disputes?show=team&status=open")
            #expect(team.body.contains(try Regex("id=\"list-summary\">[1-9][0-9]* disputes? match")))
            let teamRows = Set(Self.references(team.element("disputes")))
            let section = Set(Self.references(work.element("team")))
            #expect(section.isSubset(of: teamRows))
        }
    }

    @Test func badFiltersAreNamedAndTheListStillShows() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.office)
            let page = try await browser.get("/disputes?status=lost&from=2026-13-01&after=nonsense")
            #expect(page.status == .ok)
            let summary = try #require(page.errorSummary)
            #expect(summary.contains("Choose a status from the list"))
            #expect(summary.contains("Raised on or after must be a real date"))
            #expect(summary.contains("The page asked for does not exist"))
            #expect(!Self.references(page.element("disputes")).isEmpty)
        }
    }

    @Test func administratorsAndVisitorsSeeNoList() async throws {
        try await WebHarness.with { h in
            let admin = try await h.signedIn("admin@concord.example")
            #expect(try await admin.get("/disputes").status == .notFound)
            let visitor = h.browser()
            #expect(try await visitor.get("/disputes").status == .seeOther)
        }
    }
}
