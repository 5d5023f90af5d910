import Foundation
import Testing

@testable import ConcordCore

/// The three policies of our own invention in Tests/Fixtures/policies, one for each nation
/// other than England, read strictly with every quote checked against its protocol's text.
/// The browser tests walk each from raising to closure.
@Suite struct RegionalFixtureTests {
    static func fixture(_ name: String) throws -> (yaml: String, source: String) {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        let folder = root.appendingPathComponent("Tests/Fixtures/policies")
        return (
            try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8),
            try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
        )
    }

    static func read(_ name: String) throws -> Policy {
        let (yaml, source) = try fixture(name)
        return try PolicyReader.read(
            yaml, file: "\(name).yaml", sources: [SourceText(name: "\(name).txt", text: source)])
    }

    @Test(arguments: [
        ("wales", Region.englandAndWales), ("scotland", Region.scotland), ("northern-ireland", Region.northernIreland),
    ])
    func eachReadsWithItsQuotesInItsText(name: String, region: Region) throws {
        let policy = try Self.read(name)
        #expect(policy.region == region)
        #expect(policy.subjects != [.children], "each covers adults or an unborn baby")
        let stages = policy.stages
        #expect(stages.contains { !$0.clocks.isEmpty }, "several clocks in a stage")
        #expect(stages.contains { !$0.routes.isEmpty }, "an urgent route")
        #expect(stages.contains { !$0.inform.isEmpty }, "parties told but not taking part")
        #expect(stages.contains { !$0.customRecords.isEmpty }, "a record in the protocol's own words")
        #expect(stages.flatMap(\.participants).contains { !$0.equivalents.isEmpty && $0.inAbsence != nil })
        var units: Set<Timescale.Unit> = []
        for stage in stages {
            if let unit = stage.timescale?.unit { units.insert(unit) }
            units.formUnion(stage.clocks.map(\.unit))
            units.formUnion(stage.routes.map(\.timescale.unit))
        }
        #expect(!units.isDisjoint(with: [.hours, .immediately]), "hours or immediately")
    }

    @Test func aTextThatSaysOtherwiseIsCaught() throws {
        let (yaml, source) = try Self.fixture("scotland")
        let altered = source.replacingOccurrences(of: "working days", with: "calendar days")
        #expect(altered != source)
        #expect(throws: DocumentProblems.self) {
            _ = try PolicyReader.read(yaml, file: "scotland.yaml", sources: [SourceText(name: "t", text: altered)])
        }
    }
}
