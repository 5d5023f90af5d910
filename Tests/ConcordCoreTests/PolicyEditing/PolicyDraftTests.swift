import Foundation
import Testing

@testable import ConcordCore

/// The editor edits a policy's YAML in place: its fields change, everything else is kept, and
/// what it writes is a policy Concord reads.
@Suite struct PolicyDraftTests {
    static func stage(
        _ id: String, _ title: String, _ words: String, earlier: [(id: String, title: String)] = []
    )
        throws -> StageDraft
    {
        StageDraft(
            id: id, title: title, summary: "\(title).",
            people: [StageDraft.Person(level: .practitioner, side: .both, title: "")],
            timescale: try TimescalePhrase.read(words, earlier: earlier), quote: "", records: [.outcome],
            notYetAvailable: false)
    }

    @Test func aPolicyBuiltFromNothingReads() throws {
        var draft = PolicyDraft.blank(
            id: "cymru", name: "Datrys Anghydfod", partnership: "Cymru Safeguarding Board", region: .englandAndWales)
        var details = try draft.details()
        details.subjects = [.children, .adults]
        details.appliesTo = "Disagreements about a child or an adult"
        try draft.setDetails(details)
        try draft.setStage(Self.stage("first", "Talk", "48 hours"), at: nil)
        try draft.setStage(
            Self.stage("second", "Managers", "5 working days of step 1", earlier: [("first", "Talk")]), at: nil)
        let policy = try PolicyReader.read(draft.yaml, file: "draft")
        #expect(policy.stages.map(\.id) == ["first", "second"])
        #expect(policy.stages[0].timescale?.unit == .hours)
        #expect(policy.stages[1].timescale?.ofStage == "first")
        #expect(policy.subjects == [.children, .adults])
        #expect(try draft.stages()[1].timescale.ofStage == "first")
    }

    @Test func editingAStageKeepsWhatTheFormHasNoFieldFor() throws {
        var draft = PolicyDraft(yaml: try #require(PolicyLibrary.text(of: "coventry")))
        let before = try PolicyReader.read(draft.yaml, file: "before")
        var stage = try draft.stages()[0]
        #expect(!stage.otherKeys.isEmpty)
        stage.title = "Practitioners talk it through"
        stage.quote = "Within 5 working days"
        try draft.setStage(stage, at: 0)
        let after = try PolicyReader.read(draft.yaml, file: "after")
        #expect(after.stages[0].title == "Practitioners talk it through")
        #expect(after.stages[0].timescale?.quote == "Within 5 working days")
        #expect(after.stages[0].confirmationSubject == before.stages[0].confirmationSubject)
        #expect(after.stages[0].contact == before.stages[0].contact)
        #expect(after.stages[0].timescale?.metBy == .lineManagerInvolved)
        #expect(after.stages[0].notifyLineManagerIfUnresolved == before.stages[0].notifyLineManagerIfUnresolved)
        #expect(after.stages[1...] == before.stages[1...])
        #expect(after.rules == before.rules)
    }

    @Test func aStageWithoutItsTextCannotBeInstalled() throws {
        var draft = PolicyDraft.blank(id: "half", name: "Half", partnership: "P", region: .scotland)
        try draft.setStage(Self.stage("first", "Talk", "5 working days"), at: nil)
        try draft.setStage(
            StageDraft(
                id: "later", title: "Directors", summary: "", people: [], timescale: .none, quote: "", records: [],
                notYetAvailable: true), at: nil)
        let drafted = try PolicyReader.read(draft.yaml, file: "draft", drafting: true)
        #expect(drafted.stages[1].notYetAvailable)
        do {
            _ = try PolicyReader.read(draft.yaml, file: "draft")
            Issue.record("a policy with a stage not yet available was read for installing")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].field == "stages[1].not_yet_available")
            #expect(error.problems[0].message.contains("before the policy is installed"))
        }
    }

    @Test func stagesMoveAndGo() throws {
        var draft = PolicyDraft.blank(id: "p", name: "P", partnership: "P", region: .northernIreland)
        for id in ["a", "b", "c"] { try draft.setStage(Self.stage(id, id.uppercased(), "1 month"), at: nil) }
        try draft.moveStage(at: 2, by: -1)
        #expect(try draft.stages().map(\.id) == ["a", "c", "b"])
        try draft.removeStage(at: 0)
        #expect(try draft.stages().map(\.id) == ["c", "b"])
        #expect(draft.stageLines().count == 2)
    }

    @Test func aTitleThatLooksLikeANumberStaysText() throws {
        var draft = PolicyDraft.blank(id: "p", name: "2024", partnership: "Yes", region: .englandAndWales)
        try draft.setStage(Self.stage("a", "No", "immediately"), at: nil)
        let policy = try PolicyReader.read(draft.yaml, file: "draft")
        #expect(policy.name == "2024" && policy.partnership == "Yes" && policy.stages[0].title == "No")
    }

    @Test func theDiffShowsLinesAddedAndRemoved() {
        let diff = LineDiff.lines(from: "a\nb\nc\n", to: "a\nc\nd\n")
        #expect(diff == [.same("a"), .removed("b"), .same("c"), .added("d")])
    }

    @Test func theProtocolTextIsCutIntoSentences() {
        let text = """
            Stage 1

            Practitioners should talk within 5 working days. If this
            does not resolve it, the manager
            is told. (See section 4.)
            """
        let sentences = SourceSentences.split(text)
        #expect(
            sentences == [
                "Stage 1", "Practitioners should talk within 5 working days.",
                "If this does not resolve it, the manager is told.", "(See section 4.)",
            ])
        #expect(SourceSentences.matching("MANAGER told", in: sentences) == [sentences[2]])
    }
}
