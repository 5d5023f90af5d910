import ConcordCore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("Plan of action")
struct PlanOfActionTests {
    static func path(_ id: UUID) -> String { "/disputes/\(id)/\(DisputeAction.agreePlan.rawValue)" }

    static func action(_ number: Int, _ text: String, owner: String) -> [String: String] {
        [
            "action-\(number)": text, "owner-\(number)": owner, "due-\(number)-day": "27",
            "due-\(number)-month": "11", "due-\(number)-year": "2026",
        ]
    }

    @Test("“a mutually agreed plan of action”: an action someone else added while the form was open is shown, and kept")
    func anActionAddedMeanwhileIsShownAndKept() async throws {
        try await WebHarness.with { h in
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let id = try await h.raise(as: csc)
            let stale = try await csc.get(Self.path(id))
            let owner = try #require(stale.options("owner-1").first?.value)

            let health = try await h.signedIn(demo("practitioner.health", "oldham"))
            let theirs = try await DisputeActionTests.act(
                health, id, .agreePlan, Self.action(1, "Health visitor shares her notes", owner: owner))
            #expect(theirs.status == .seeOther)

            var mine = stale.submission()
            mine.merge(Self.action(1, "Social worker visits the family", owner: owner)) { $1 }
            let shown = try await csc.post(Self.path(id), mine)
            #expect(shown.status == .unprocessableEntity)
            let changes = try #require(shown.element("changes"))
            #expect(changes.contains("Plan of action agreed"))
            #expect(changes.contains("Health visitor shares her notes"), "the banner does not say what was added")
            let again = shown.submission()
            #expect(
                Set(again.values).isSuperset(of: ["Social worker visits the family", "Health visitor shares her notes"])
            )
            #expect(shown.body.contains("Added by someone else while you had this form open"))

            let saved = try await csc.post(Self.path(id), again)
            #expect(saved.status == .seeOther)
            let plan = try await h.load(id).state.plan.map(\.action)
            #expect(Set(plan) == ["Social worker visits the family", "Health visitor shares her notes"])
        }
    }

    @Test("“a mutually agreed plan of action”: an action completed meanwhile stays done and is not offered again")
    func anActionCompletedMeanwhileIsNotSentAgain() async throws {
        try await WebHarness.with { h in
            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let id = try await h.raise(as: csc)
            let first = try await csc.get(Self.path(id))
            let owner = try #require(first.options("owner-1").first?.value)
            var plan = first.submission()
            plan.merge(Self.action(1, "Share the assessment", owner: owner)) { $1 }
            #expect(try await csc.post(Self.path(id), plan).status == .seeOther)

            let stale = try await csc.get(Self.path(id))
            let health = try await h.signedIn(demo("practitioner.health", "oldham"))
            let done = try await DisputeActionTests.act(health, id, .completeAction, ["action": "A1"])
            #expect(done.status == .seeOther)

            var mine = stale.submission()
            mine.merge(Self.action(2, "Book a strategy discussion", owner: owner)) { $1 }
            let shown = try await csc.post(Self.path(id), mine)
            #expect(shown.status == .unprocessableEntity)
            #expect(!shown.submission().values.contains("Share the assessment"))
            #expect(try await csc.post(Self.path(id), shown.submission()).status == .seeOther)
            let state = try await h.load(id).state
            #expect(state.plan.map(\.action) == ["Share the assessment", "Book a strategy discussion"])
            #expect(state.completedActions["A1"] != nil)
        }
    }
}

extension Browser.Page {
    /// What a browser would send for the page's form as it stands: its inputs, textareas and
    /// selected options (one value per name).
    func submission() -> [String: String] {
        func attribute(_ name: String, in tag: Substring) -> String? {
            tag.firstMatch(of: try! Regex("\(name)=\"([^\"]*)\"")).flatMap { $0.output[1].substring.map(String.init) }
        }
        func unescaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var values: [String: String] = [:]
        for match in body.matches(of: try! Regex("<input [^>]*>")) {
            let tag = body[match.range]
            guard let name = attribute("name", in: tag) else { continue }
            let type = attribute("type", in: tag) ?? "text"
            if type == "radio" || type == "checkbox", !tag.contains(" checked") { continue }
            values[name] = unescaped(attribute("value", in: tag) ?? "")
        }
        for match in body.matches(of: try! Regex("<select [^>]*name=\"([^\"]*)\"[^>]*>([\\s\\S]*?)</select>")) {
            let name = String(match.output[1].substring ?? "")
            let options = match.output[2].substring ?? ""
            let chosen = options.firstMatch(of: try! Regex("<option value=\"([^\"]*)\" selected"))
            values[name] = chosen.flatMap { $0.output[1].substring.map(String.init) } ?? ""
        }
        for match in body.matches(of: try! Regex("<textarea [^>]*name=\"([^\"]*)\"[^>]*>([\\s\\S]*?)</textarea>")) {
            values[String(match.output[1].substring ?? "")] = unescaped(String(match.output[2].substring ?? ""))
        }
        return values
    }
}
