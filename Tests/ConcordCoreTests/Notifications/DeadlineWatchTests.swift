import Testing

@testable import ConcordCore

/// When reminders and overdue notices fall, on the England and Wales calendar.
@Suite struct DeadlineWatchTests {
    let watch = DeadlineWatch(calendar: WorkingCalendar(region: .englandAndWales), repeatEvery: 5)

    func due(_ deadline: String, on today: String) throws -> DeadlineWatch.Due? {
        try watch.due(for: LocalDate(iso: deadline)!, on: LocalDate(iso: today)!)
    }

    @Test func aReminderFallsOnTheWorkingDayBefore() throws {
        #expect(try due("2026-12-04", on: "2026-12-03") == .reminder)
        #expect(try due("2026-12-04", on: "2026-12-02") == nil)
        #expect(try due("2026-12-04", on: "2026-12-04") == nil)
        // A Monday deadline is reminded of on the Friday, never at the weekend.
        #expect(try due("2026-12-07", on: "2026-12-04") == .reminder)
        #expect(try due("2026-12-07", on: "2026-12-06") == nil)
        // Christmas Day and the Boxing Day substitute: the 29th is reminded of on the 24th.
        #expect(try due("2026-12-29", on: "2026-12-24") == .reminder)
        #expect(try due("2026-12-29", on: "2026-12-28") == nil)
    }

    @Test func overdueNoticesStartTheNextWorkingDayAndRepeat() throws {
        #expect(try due("2026-12-04", on: "2026-12-05") == nil)
        #expect(try due("2026-12-04", on: "2026-12-07") == .overdue(occurrence: 1, workingDays: 1))
        #expect(try due("2026-12-04", on: "2026-12-11") == .overdue(occurrence: 1, workingDays: 5))
        #expect(try due("2026-12-04", on: "2026-12-14") == .overdue(occurrence: 2, workingDays: 6))
        #expect(try due("2026-12-24", on: "2026-12-29") == .overdue(occurrence: 1, workingDays: 1))
        #expect(try due("2026-12-24", on: "2026-12-25") == nil)
    }

    @Test func theReminderDateIsTheNextWorkingDay() throws {
        #expect(try watch.reminderDate(on: LocalDate(iso: "2026-12-24")!) == LocalDate(iso: "2026-12-29"))
        #expect(try watch.reminderDate(on: LocalDate(iso: "2026-12-26")!) == nil)
    }

    @Test func closureDaysCountAsNonWorking() throws {
        let closed = DeadlineWatch(
            calendar: WorkingCalendar(region: .englandAndWales, closureDays: [LocalDate(iso: "2026-12-07")!]))
        #expect(try closed.due(for: LocalDate(iso: "2026-12-08")!, on: LocalDate(iso: "2026-12-04")!) == .reminder)
        #expect(try closed.due(for: LocalDate(iso: "2026-12-04")!, on: LocalDate(iso: "2026-12-07")!) == nil)
    }
}
