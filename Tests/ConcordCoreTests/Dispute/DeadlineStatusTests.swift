import Foundation
import Testing

@testable import ConcordCore

/// Where a stage's deadline stands on a given day, counted in working days.
@Suite struct DeadlineStatusTests {
    let calendar = WorkingCalendar(region: .englandAndWales)

    func status(due: String?, on today: String) throws -> DeadlineStatus {
        try DeadlineStatus(due: due.map { ukDate($0) }, on: ukDate(today), calendar: calendar)
    }

    @Test func noDueDateMeansNoTimescale() throws {
        #expect(try status(due: nil, on: "2027-02-03") == .noTimescale)
        #expect(DeadlineStatus.noTimescale.label == "no timescale")
    }

    @Test(arguments: [
        ("2027-02-05", "2027-02-01", DeadlineStatus.onTrack),  // Friday seen on Monday
        ("2027-02-05", "2027-02-03", .onTrack),  // Friday seen on Wednesday
        ("2027-02-05", "2027-02-04", .dueSoon),  // Friday seen on Thursday
        ("2027-02-05", "2027-02-05", .dueSoon),  // due today
        ("2027-02-08", "2027-02-05", .dueSoon),  // Monday seen on Friday, over the weekend
        ("2027-02-08", "2027-02-06", .dueSoon),  // Monday seen on Saturday
        ("2027-02-08", "2027-02-04", .onTrack),  // Monday seen on Thursday
        ("2026-12-29", "2026-12-24", .dueSoon),  // Christmas and its substitute day are not working days
        ("2026-12-29", "2026-12-23", .onTrack),
    ])
    func onTrackOrDueWithinAWorkingDay(due: String, today: String, expected: DeadlineStatus) throws {
        #expect(try status(due: due, on: today) == expected)
    }

    @Test(arguments: [
        ("2027-02-05", "2027-02-06", 0),  // only Saturday has passed
        ("2027-02-05", "2027-02-07", 0),  // only the weekend has passed
        ("2027-02-05", "2027-02-08", 1),
        ("2027-02-05", "2027-02-10", 3),
        ("2026-12-24", "2026-12-28", 0),  // Christmas, the weekend and the Boxing Day substitute
        ("2026-12-24", "2026-12-29", 1),
        ("2027-02-03", "2027-03-03", 20),
    ])
    func overdueByWorkingDays(due: String, today: String, days: Int) throws {
        #expect(try status(due: due, on: today) == .overdue(workingDays: days))
    }

    @Test func labels() {
        #expect(DeadlineStatus.onTrack.label == "on track")
        #expect(DeadlineStatus.dueSoon.label == "due within a working day")
        #expect(DeadlineStatus.overdue(workingDays: 0).label == "overdue by 0 working days")
        #expect(DeadlineStatus.overdue(workingDays: 1).label == "overdue by 1 working day")
        #expect(DeadlineStatus.overdue(workingDays: 4).label == "overdue by 4 working days")
    }

    @Test func statusOfARunningDisputesStages() throws {
        var dispute = try DisputeHarness("oldham", on: ukDate("2027-02-01"))
        let stageOne = dispute.state.currentStage.due
        #expect(try DeadlineStatus(due: stageOne, on: ukDate("2027-06-01"), calendar: calendar) == .noTimescale)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        try dispute.run(.escalate(reason: "Meeting failed", evidence: nil, people: [Parties.councilSenior]))
        let due = dispute.state.currentStage.due
        #expect(due == ukDate("2027-02-08"))
        let expected: [(String, DeadlineStatus)] = [
            ("2027-02-02", .onTrack), ("2027-02-05", .dueSoon), ("2027-02-08", .dueSoon),
            ("2027-02-09", .overdue(workingDays: 1)),
        ]
        for (day, status) in expected {
            #expect(try DeadlineStatus(due: due, on: ukDate(day), calendar: calendar) == status, "on \(day)")
        }
    }

    @Test func outsideTheCalendarIsAnError() {
        #expect(throws: CalendarError.self) {
            try DeadlineStatus(due: ukDate("2101-01-05"), on: ukDate("2027-02-01"), calendar: calendar)
        }
    }
}
