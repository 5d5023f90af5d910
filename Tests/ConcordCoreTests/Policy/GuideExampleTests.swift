import Foundation
import Testing

@testable import ConcordCore

/// The policy format guide's examples are read as a policy author would use them, so the guide
/// cannot drift from what Concord accepts: the complete example as it stands, and each fragment
/// put where it belongs in a small policy.
@Suite struct GuideExampleTests {
    struct Block {
        let line: Int
        let text: String
    }

    static func guide() throws -> String {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            let parent = root.deletingLastPathComponent()
            try #require(parent.path != root.path, "no Package.swift above \(#filePath)")
            root = parent
        }
        return try String(contentsOf: root.appendingPathComponent("docs/policy-format.md"), encoding: .utf8)
    }

    /// Every fenced block marked `yaml`, with the line its text starts on.
    static func blocks() throws -> [Block] {
        var blocks: [Block] = []
        var current: [Substring]?
        var start = 0
        for (index, line) in try guide().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line == "```yaml" {
                current = []
                start = index + 2
            } else if let lines = current, line == "```" {
                blocks.append(Block(line: start, text: lines.joined(separator: "\n") + "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func theGuideHasACompleteExampleAndFragments() throws {
        let blocks = try Self.blocks()
        #expect(blocks.filter { $0.text.contains("\nstages:\n") }.count == 1)
        #expect(blocks.count >= 6)
    }

    @Test func theCompleteExampleReadsStrictly() throws {
        for block in try Self.blocks() where block.text.contains("\nstages:\n") {
            do {
                let policy = try PolicyReader.read(block.text, file: "policy-format.md example at line \(block.line)")
                #expect(policy.stages.count >= 3)
            } catch {
                Issue.record("the guide's complete example at line \(block.line) does not read:\n\(error)")
            }
        }
    }

    @Test func everyFragmentReadsWhereItBelongs() throws {
        let topLevel = ["confirmations:", "reference_documents:", "acknowledgement:", "stage_limit:", "overall:"]
        let host = PolicyFixture.minimal.replacingOccurrences(of: "id: first", with: "id: team-manager")
        for block in try Self.blocks() where !block.text.contains("\nstages:\n") {
            let text: String
            if block.text.hasPrefix("- kind:") {
                text = host + "rules:\n" + Self.indent(block.text, by: 2)
            } else if topLevel.contains(where: block.text.hasPrefix) {
                text = host + block.text
            } else if block.text.hasPrefix("  - id:") {
                text = host + block.text
            } else if block.text.hasPrefix("timescale:") {
                text = host.replacingOccurrences(
                    of: "    timescale:\n      working_days: 5\n", with: Self.indent(block.text, by: 4))
            } else if block.text.hasPrefix("    ") {
                text = host.replacingOccurrences(
                    of: "    summary: Practitioners talk it through.\n",
                    with: "    summary: Practitioners talk it through.\n" + block.text)
            } else {
                Issue.record("the guide's example at line \(block.line) has no place in a policy:\n\(block.text)")
                continue
            }
            do {
                _ = try PolicyReader.read(text, file: "policy-format.md example at line \(block.line)")
            } catch {
                Issue.record("the guide's example at line \(block.line) does not read in place:\n\(error)\n\(text)")
            }
        }
    }

    static func indent(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
