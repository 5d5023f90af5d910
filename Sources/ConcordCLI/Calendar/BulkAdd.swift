import ConcordCore

/// `calendar add` over many "DATE N" lines: all or nothing, so a data team never receives a
/// column of dates silently out of step with its input.
enum BulkAdd {
    static func run(_ lines: [String], calendar: WorkingCalendar) throws -> [String] {
        var results: [String] = []
        var problems: [DocumentProblem] = []
        for (index, line) in lines.enumerated() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            func problem(_ column: Int, _ message: String) {
                problems.append(
                    DocumentProblem(file: "<stdin>", line: index + 1, column: column, field: "", message: message))
            }
            guard parts.count == 2 else {
                problem(1, "expected \"DATE N\" (a YYYY-MM-DD date, a space, a whole number), found \"\(line)\"")
                continue
            }
            let dateColumn = line.distance(from: line.startIndex, to: parts[0].startIndex) + 1
            let daysColumn = line.distance(from: line.startIndex, to: parts[1].startIndex) + 1
            guard let date = LocalDate(iso: parts[0]) else {
                problem(dateColumn, "expected a real date as YYYY-MM-DD, found \"\(parts[0])\"")
                continue
            }
            guard let days = Int(parts[1]) else {
                problem(daysColumn, "expected a whole number of working days, found \"\(parts[1])\"")
                continue
            }
            do {
                results.append(try calendar.adding(workingDays: days, to: date).iso)
            } catch {
                problem(dateColumn, error.description)
            }
        }
        guard problems.isEmpty else { throw DocumentProblems(problems) }
        return results
    }
}
