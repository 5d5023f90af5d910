import ConcordCore
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// The policy editor, used as a business office would: a policy built from nothing through
/// forms, its timescale words read back to confirm, quotes chosen from the protocol's text,
/// previewed, compared and installed; and refused to everyone but the business office and
/// administrators.
@Suite("Policy editor")
struct PolicyEditorTests {
    static let editor = "/partnerships/oldham/policy-editor"
    static let protocolText = """
        Harbour Escalation Protocol

        Stage 1. Practitioners should speak within 48 hours of the disagreement.

        Stage 2. Team Managers will meet within 5 working days of step 1.

        Stage 3. Service Managers must respond immediately where a child is at risk.

        Stage 4. The Business Manager convenes a panel within 1 month.
        """

    /// Starts a draft from nothing and gives it a name and the protocol's text; its address.
    static func startDraft(_ office: Browser) async throws -> String {
        try await office.get(editor)
        let started = try await office.post(editor, ["start": "new"])
        let details = try #require(started.location)
        #expect(details.hasSuffix("/details"))
        let draft = String(details.dropLast("/details".count))
        try await office.get(details)
        let saved = try await office.post(
            details, ["name": "Harbour Escalation Protocol", "id": "harbour"],
            repeated: [("subjects[]", "children"), ("subjects[]", "adults")])
        #expect(saved.location?.hasPrefix(draft) == true)
        try await office.get(draft + "/source")
        let source = try await office.postMultipart(draft + "/source", ["source": protocolText])
        #expect(source.location?.hasPrefix(draft) == true)
        return draft
    }

    /// Adds a stage, confirming Concord's reading of its timescale; the reading offered.
    @discardableResult
    static func addStage(
        _ office: Browser, _ draft: String, title: String, level: RoleLevel?, personTitle: String = "",
        timescale: String, pending: Bool = false
    ) async throws -> String {
        try await office.get(draft + "/stages/new/edit")
        var fields = [
            "title": title, "summary": "\(title).", "level-1": level?.rawValue ?? "", "side-1": "both",
            "title-1": personTitle, "timescale": timescale,
        ]
        if pending { fields["pending"] = "yes" }
        let unconfirmed = try await office.post(draft + "/stages/new/edit", fields)
        if timescale == "none" {
            #expect(unconfirmed.location != nil)
            return ""
        }
        #expect(unconfirmed.status == .unprocessableEntity)
        #expect(unconfirmed.body.contains("Confirm how Concord reads the timescale"))
        let reading = unconfirmed.body
        fields["confirm"] = "yes"
        let saved = try await office.post(draft + "/stages/new/edit", fields)
        #expect(saved.location?.hasPrefix(draft) == true, "\(saved.body.prefix(3000))")
        return reading
    }

    @Test("A four-stage policy built from nothing is previewed, compared and installed")
    func buildFromNothing() async throws {
        try await WebHarness.with { h in
            let office = try await h.signedIn(AdminFixtures.businessOffice)
            let home = try await office.get(Self.editor)
            #expect(home.status == .ok)
            #expect(home.body.contains("href=\"\(Self.editor)\""), "the business office's navigation links the editor")
            let draft = try await Self.startDraft(office)

            let hours = try await Self.addStage(
                office, draft, title: "Practitioners speak", level: .practitioner,
                timescale: "within 48 hours of the disagreement")
            #expect(hours.contains("48 hours (2 working days) from the decision or disagreement"))
            let ofStep = try await Self.addStage(
                office, draft, title: "Managers meet", level: nil, personTitle: "Team Manager",
                timescale: "within 5 working days of step 1")
            #expect(ofStep.contains("5 working days from the start of &quot;Practitioners speak&quot;"))
            try await Self.addStage(
                office, draft, title: "Service managers", level: .seniorManager, timescale: "immediately")
            try await Self.addStage(
                office, draft, title: "Partnership panel", level: .partnershipBusinessOffice, timescale: "1 month")

            let unreadable = try await office.post(
                draft + "/stages/new/edit",
                ["title": "Fifth", "summary": "x", "level-1": "practitioner", "timescale": "5 days"])
            #expect(unreadable.status == .unprocessableEntity)
            #expect(unreadable.body.contains("&quot;5 working days&quot; or &quot;5 calendar days&quot;"))

            // A quote is a sentence of the text, chosen; anything else is refused.
            let picker = try await office.get(draft + "/stages/2/quote?find=team+managers")
            #expect(picker.status == .ok)
            let sentence = "Stage 2. Team Managers will meet within 5 working days of step 1."
            #expect(picker.body.contains("value=\"\(sentence)\""))
            #expect(!picker.body.contains("Service Managers must"), "the search narrows the sentences")
            let invented = try await office.post(draft + "/stages/2/quote", ["quote": "Managers meet whenever."])
            #expect(invented.status == .unprocessableEntity)
            #expect(try await office.post(draft + "/stages/2/quote", ["quote": sentence]).location != nil)

            let overview = try await office.get(draft)
            #expect(overview.status == .ok)
            let second = try #require(overview.element("stage-2"))
            #expect(second.contains("Team Manager"))
            #expect(second.contains("“\(sentence)”"))
            let timeline = try #require(overview.element("timeline"))
            #expect(timeline.contains("Partnership panel"))
            #expect(overview.body.contains("Install this policy"))

            let compare = try await office.get(draft + "/compare")
            #expect(compare.body.contains("every line is new"))
            #expect(compare.body.contains("<ins class=\"c-pre__line\">+ id: harbour</ins>"))

            let installed = try await office.post(draft + "/install", [:])
            #expect(installed.location == draft + "?done=installed")
            let oldham = try await h.partnership("oldham")
            let current = try await Directory(h.database).currentPolicy(partnership: oldham.id, procedure: "harbour")
            let policy = try #require(current?.policy)
            #expect(policy.stages.count == 4)
            #expect(policy.subjects == [.children, .adults])
            #expect(policy.stages[0].timescale?.unit == .hours && policy.stages[0].timescale?.from == .decision)
            #expect(policy.stages[1].participants.first?.level == .lineManager)
            #expect(policy.stages[1].timescale?.ofStage == "practitioners-speak")
            #expect(policy.stages[2].timescale?.unit == .immediately)

            let csc = try await h.signedIn(DisputeActionTests.practitioner)
            let choice = try await csc.get("/disputes/new/oldham")
            #expect(try #require(choice.element("procedures")).contains("Harbour Escalation Protocol"))
        }
    }

    @Test("A stage whose text is not yet available keeps the policy from being installed")
    func notYetAvailable() async throws {
        try await WebHarness.with { h in
            let office = try await h.signedIn(AdminFixtures.businessOffice)
            let draft = try await Self.startDraft(office)
            try await Self.addStage(office, draft, title: "Talk", level: .practitioner, timescale: "5 working days")
            try await office.get(draft + "/stages/new/edit")
            #expect(
                try await office.post(
                    draft + "/stages/new/edit", ["title": "Directors", "timescale": "none", "pending": "yes"]
                )
                .location != nil)
            let overview = try await office.get(draft)
            #expect(overview.body.contains("Text not yet available"))
            #expect(try #require(overview.element("install-blocked")).contains("not yet available"))
            #expect(try #require(overview.element("timeline")).contains("Directors (text not yet available)"))
            let refused = try await office.post(draft + "/install", [:])
            #expect(refused.status == .unprocessableEntity)
            let oldham = try await h.partnership("oldham")
            #expect(try await Directory(h.database).currentPolicy(partnership: oldham.id, procedure: "harbour") == nil)
        }
    }

    @Test("A copy of the installed procedure, changed, shows what changes; keys without a form are kept")
    func copyAndCompare() async throws {
        try await WebHarness.with { h in
            let admin = try await h.signedIn(AdminFixtures.admin)
            try await admin.get(Self.editor)
            let started = try await admin.post(Self.editor, ["start": "oldham"])
            let draft = try #require(started.location)
            let stage = try await admin.get(draft + "/stages/1/edit")
            #expect(stage.status == .ok)
            var fields = ["title": "Team managers talk", "summary": "Managers talk.", "timescale": "none"]
            for (index, option) in [("level-1", "line-manager"), ("side-1", "both")] { fields[index] = option }
            #expect(try await admin.post(draft + "/stages/1/edit", fields).location != nil)
            let compare = try await admin.get(draft + "/compare")
            #expect(compare.body.contains("Against Dispute Resolution Pathway"))
            #expect(compare.body.contains("title: Team managers talk</ins>"))
            let added = compare.body.components(separatedBy: "<ins ").count - 1
            let removed = compare.body.components(separatedBy: "<del ").count - 1
            // Only what the form changed shows, not the folding of the protocol's long quotes.
            // The title and summary changed, and nothing else: not the folding of the long quotes.
            #expect(added == 2 && removed <= 12, "\(added) added, \(removed) removed")
            #expect(compare.body.contains("- id: team-managers") == false)
            #expect(compare.body.contains("-   title: &quot;Stage 1: Team Manager or agency equivalent&quot;</del>"))
            let yaml = try await admin.get(draft + "/yaml")
            #expect(yaml.body.contains("confirmation_subject"), "keys the form has no field for are kept")
        }
    }

    @Test("Only the partnership's business office and administrators reach the editor")
    func access() async throws {
        try await WebHarness.with { h in
            let office = try await h.signedIn(AdminFixtures.businessOffice)
            let draft = try await Self.startDraft(office)
            for email in [
                AdminFixtures.practitioner, "business-office@coventry.concord.example",
                "scrutineer@oldham.concord.example",
            ] {
                let other = try await h.signedIn(email)
                #expect(try await other.get(Self.editor).status == .notFound, "\(email)")
                #expect(try await other.get(draft).status == .notFound, "\(email)")
            }
            let coventry = try await h.signedIn("business-office@coventry.concord.example")
            let own = try await coventry.get("/partnerships/coventry/policy-editor")
            #expect(own.status == .ok)
            let theirs = draft.replacingOccurrences(of: "/oldham/", with: "/coventry/")
            #expect(try await coventry.get(theirs).status == .notFound, "a draft is found only under its partnership")
            let forged = try await office.post(draft + "/install", ["csrf": "forged"])
            #expect(forged.status == .forbidden)
        }
    }
}

extension PolicyEditorTests {
    @Test("A stage's further clocks and an urgent route are written through forms")
    func clocksAndRoutes() async throws {
        try await WebHarness.with { h in
            let office = try await h.signedIn(AdminFixtures.businessOffice)
            let draft = try await Self.startDraft(office)
            try await Self.addStage(office, draft, title: "Talk", level: .practitioner, timescale: "5 working days")
            let clocks = draft + "/stages/1/clocks/new/edit"
            try await office.get(clocks)
            var reply = [
                "name": "The receiving agency speaks to you", "kind": "respond-within", "by": "receiving",
                "timescale": "48 hours",
            ]
            let unconfirmed = try await office.post(clocks, reply)
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(unconfirmed.body.contains("48 hours (2 working days) from the start of the stage"))
            reply["confirm"] = "yes"
            #expect(try await office.post(clocks, reply).location != nil)
            try await office.get(clocks)
            let noAfter = try await office.post(
                clocks,
                [
                    "name": "Outcome letter", "kind": "letter-within", "timescale": "a further 2 working days",
                    "letter": "Outcome letter", "confirm": "yes",
                ])
            #expect(noAfter.body.contains("Choose the deadline it follows"))
            let letter = try await office.post(
                clocks,
                [
                    "name": "Outcome letter", "kind": "letter-within", "by": "receiving",
                    "timescale": "a further 2 working days", "after": "the-receiving-agency-speaks",
                    "letter": "Outcome letter",
                    "confirm": "yes",
                    "quote": "Stage 1. Practitioners should speak within 48 hours of the disagreement.",
                ])
            #expect(letter.location != nil, "\(letter.body.prefix(2000))")
            let routes = draft + "/stages/1/routes/new/edit"
            try await office.get(routes)
            #expect(
                try await office.post(
                    routes,
                    ["name": "Urgent", "when": "where a child is at risk", "timescale": "24 hours", "confirm": "yes"]
                ).location != nil)
            let overview = try await office.get(draft)
            let card = try #require(overview.element("stage-1"))
            #expect(!overview.body.contains("A check of the draft finds problems"))
            #expect(card.contains("Outcome letter: 2 working days after the receiving agency speaks to you"))
            #expect(card.contains("Urgent: within 24 hours (1 working day) (where a child is at risk)"))
            let oldham = try await h.partnership("oldham")
            let yaml = try #require(try await Directory(h.database).drafts(partnership: oldham.id).first?.yaml)
            let policy = try PolicyReader.read(yaml, file: "draft")
            #expect(policy.stages[0].clocks.map(\.kind) == [.respondWithin, .letterWithin])
            #expect(
                policy.stages[0].clocks[1].quote
                    == "Stage 1. Practitioners should speak within 48 hours of the disagreement.")
            #expect(policy.stages[0].routes.first?.timescale.unit == .hours)
            try await office.get(draft)
            #expect(try await office.post(draft + "/stages/1/clocks/2/remove", [:]).location != nil)
            let after = try await Directory(h.database).drafts(partnership: oldham.id).first?.yaml ?? ""
            #expect(try PolicyReader.read(after, file: "draft").stages[0].clocks.count == 1)
            #expect(try await office.get(draft + "/stages/1/clocks/7/edit").status == .notFound)
        }
    }
}
