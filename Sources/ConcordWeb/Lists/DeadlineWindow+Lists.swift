import ConcordCore
import ConcordStore
import Foundation

extension DisputeListContext {
    /// Today, and for each partnership the last day a deadline counts as due within a working
    /// day: the day before its second working day from today.
    var window: DeadlineWindow {
        var until: [UUID: LocalDate] = [:]
        for (id, calendar) in calendars {
            if let second = try? calendar.adding(workingDays: 2, to: today) { until[id] = second.adding(days: -1) }
        }
        return DeadlineWindow(today: today, dueSoonUntil: until)
    }
}
