import ConcordCore
import ConcordStore
import Foundation
import Testing

/// The deadline sweep: reminders the working day before, overdue notices after and on a
/// rhythm, nothing on non-working days, and each notice once however often it runs.
@Suite struct DeadlineSweepTests {
    /// An Oldham dispute at stage 2 (five working days), raised and escalated on Monday 21
    /// December 2026, whose raising manager reports to Hal Head.
    func atStageTwo(_ database: ConcordDatabase) async throws -> (Fixture, DisputeStore.Loaded) {
        let fixture = try await Fixture.make(database)
        let directory = Directory(database)
        let head = try await directory.addPerson(
            name: "Hal Head", email: "hal@csc.example", agency: fixture.socialCare, level: .headOfService,
            lineManager: nil)
        try await directory.setLineManager(
            person: UUID(uuidString: fixture.manager.id)!, manager: UUID(uuidString: head.id)!)
        let dispute = try await fixture.escalate(try await fixture.readyToEscalate(try await fixture.raise()))
        return (fixture, dispute)
    }

    func deadlineMessages(_ fixture: Fixture) async throws -> [OutboxMessage] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership).filter {
            $0.kind == .reminder || $0.kind == .overdue
        }
    }

    @Test(arguments: Backend.allCases) func remindsThenWarnsOnWorkingDaysOnly(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (fixture, dispute) = try await atStageTwo(database)
            // Christmas Day and the Boxing Day substitute (Monday 28th) are not counted.
            #expect(dispute.state.currentStage.due == LocalDate(iso: "2026-12-30"))
            let sweep = DeadlineSweep(database, repeatEvery: 2)
            #expect(try await sweep.run(at: .london("2026-12-24", hour: 7)).messages == 0)
            #expect(try await sweep.run(at: .london("2026-12-27", hour: 7)).skipped == 1)
            let reminder = try await sweep.run(at: .london("2026-12-29", hour: 7))
            #expect(reminder.swept == 1 && reminder.disputes == 1 && reminder.messages == 2)
            #expect(try await sweep.run(at: .london("2026-12-29", hour: 9)) == .init(swept: 0, skipped: 1))
            var sent = try await deadlineMessages(fixture)
            #expect(Set(sent.map(\.recipientName)) == ["Sam Manager", "Ola Manager"])
            #expect(sent.allSatisfy { $0.kind == .reminder && $0.subject.contains("due Wednesday 30 December 2026") })
            #expect(try await sweep.run(at: .london("2026-12-30", hour: 7)).messages == 0)
            let overdue = try await sweep.run(at: .london("2026-12-31", hour: 7))
            #expect(overdue.messages == 3)
            sent = try await deadlineMessages(fixture).filter { $0.kind == .overdue }
            #expect(Set(sent.map(\.recipientName)) == ["Sam Manager", "Ola Manager", "Hal Head"])
            #expect(sent.allSatisfy { $0.subject.contains("overdue by 1 working day") })
            // New Year's Day is a bank holiday; Monday the 4th is the second working day late,
            // inside the first notice's run; Tuesday the 5th starts the next.
            #expect(try await sweep.run(at: .london("2027-01-01", hour: 7)).skipped == 1)
            #expect(try await sweep.run(at: .london("2027-01-04", hour: 7)).messages == 0)
            #expect(try await sweep.run(at: .london("2027-01-05", hour: 7)).messages == 3)
            let latest = try await deadlineMessages(fixture).filter { $0.subject.contains("overdue by 3 working days") }
            #expect(latest.count == 3)
        }
    }

    @Test(arguments: Backend.allCases) func aMissedDayLosesNoOverdueNotice(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (fixture, _) = try await atStageTwo(database)
            // Nothing ran on the 31st or the 4th; the next run still sends the first notice.
            #expect(try await DeadlineSweep(database).run(at: .london("2027-01-05", hour: 7)).messages == 3)
            #expect(try await deadlineMessages(fixture).allSatisfy { $0.kind == .overdue })
        }
    }

    @Test(arguments: Backend.allCases) func endedDisputesAreLeftAlone(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (fixture, dispute) = try await atStageTwo(database)
            _ = try await fixture.perform(.withdraw(reason: "Agreed after all"), on: dispute)
            #expect(try await DeadlineSweep(database).run(at: .london("2026-12-31", hour: 7)).messages == 0)
        }
    }

    @Test func twoServersSweepingAtOnceQueueEachNoticeOnce() async throws {
        try await TestDatabase.with(.postgres) { database in
            let (fixture, _) = try await atStageTwo(database)
            let other = try await ConcordDatabase.open(database.url)
            do {
                let at = Date.london("2026-12-31", hour: 7)
                async let first = DeadlineSweep(database).run(at: at)
                async let second = DeadlineSweep(other).run(at: at)
                let results = try await [first, second]
                #expect(results.map(\.swept).reduce(0, +) == 1)
                #expect(results.map(\.messages).reduce(0, +) == 3)
                #expect(try await deadlineMessages(fixture).count == 3)
            } catch {
                await other.shutdown()
                throw error
            }
            await other.shutdown()
        }
    }

    @Test func twoWorkersNeverClaimTheSameMessage() async throws {
        try await TestDatabase.with(.postgres) { database in
            let fixture = try await Fixture.make(database)
            for _ in 0..<15 { _ = try await fixture.raise() }
            let other = try await ConcordDatabase.open(database.url)
            do {
                let at = Date.london("2026-12-21", hour: 13)
                func drain(_ outbox: Outbox) async throws -> [UUID] {
                    var ids: [UUID] = []
                    while case let batch = try await outbox.claim(limit: 3, at: at, lease: 600), !batch.isEmpty {
                        ids += batch.map(\.id)
                    }
                    return ids
                }
                async let first = drain(Outbox(database))
                async let second = drain(Outbox(other))
                let claimed = try await first + second
                #expect(claimed.count == 30)
                #expect(Set(claimed).count == 30)
            } catch {
                await other.shutdown()
                throw error
            }
            await other.shutdown()
        }
    }
}
