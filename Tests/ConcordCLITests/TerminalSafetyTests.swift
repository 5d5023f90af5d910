import ConcordCore
import ConcordStore
import Foundation
import Testing

/// What someone typed into a dispute reaches the operator's terminal as text: an escape
/// sequence in it is shown, never acted on.
@Suite struct TerminalSafetyTests {
    /// Clears the screen, retitles the window, returns to the line's start, a C1 "CSI" and a
    /// right-to-left override.
    static let hostile = "Referral\u{1B}[2J\u{1B}]0;owned\u{07} refused\rFAKE\u{9B}31m \u{202E}gnp.exe"
    static let shown = "Referral\\u{1B}[2J\\u{1B}]0;owned\\u{7} refused\\u{D}FAKE\\u{9B}31m \\u{202E}gnp.exe"

    static func seeded() async throws -> CLI {
        let cli = try CLI()
        let path = cli.dataDirectory.appendingPathComponent("concord.sqlite").path
        let database = try await ConcordDatabase.open(.sqlite(path: path))
        do {
            let people = try await FlowchartDirectory.make(database, teacher: "Tess\nStatus: resolved")
            _ = try await DisputeStore(database).raise(
                RaiseDispute(
                    raisedBy: people.teacher, otherAgencies: [people.police], professionals: [people.officer],
                    children: [ChildRecord(name: "Child\u{1B}[1A One", dateOfBirth: LocalDate(iso: "2015-03-03"))],
                    category: .referral, disagreement: Self.hostile, outcomeWanted: "Accepted\u{7F}",
                    significantHarm: false), partnership: people.partnership,
                at: LondonTime.startOfDay(LocalDate(iso: "2026-12-21")!).addingTimeInterval(10 * 3600))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        return cli
    }

    /// Every scalar a terminal acts on, other than the line breaks and tabs of the output itself.
    static func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x09, 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test func showPrintsControlCharactersVisibly() async throws {
        let cli = try await Self.seeded()
        let show = try cli.run("dispute", "show", "FSF-2026-0001", "--child-details", "--on", "2026-12-22")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(Self.controls(show.stdout).isEmpty, "\(Self.controls(show.stdout))")
        #expect(show.stdout.contains("Disagreement: \(Self.shown)\n"))
        #expect(show.stdout.contains("Outcome wanted: Accepted\\u{7F}\n"))
        #expect(show.stdout.contains("Child\\u{1B}[1A One"))
        // A line break in a name cannot fake a line of the output.
        #expect(show.stdout.contains("Tess\\u{A}Status: resolved"))
        #expect(!show.stdout.split(separator: "\n").contains { $0.hasPrefix("Status: resolved") })
        #expect(show.stdout.contains("  Tess\\u{A}Status: resolved  raised"), "a table cell keeps to its line")
    }

    @Test func jsonEscapesThemAndReadsBackAsTheStoredText() async throws {
        let cli = try await Self.seeded()
        let show = try cli.run(
            "dispute", "show", "FSF-2026-0001", "--child-details", "--on", "2026-12-22", "--format", "json")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(Self.controls(show.stdout).isEmpty, "\(Self.controls(show.stdout))")
        let object = try CLIOutput.object(show.stdout)
        #expect(object["disagreement"] as? String == Self.hostile)
        #expect(object["outcome_wanted"] as? String == "Accepted\u{7F}")
    }
}
