import ConcordCore
import ConcordStore
import Foundation

/// A list's filters, order and page as sent, read into a `DisputeListQuery`, with an error on
/// each field that could not be read, and written back as the list's stable parameters.
struct ListRequest {
    var query = DisputeListQuery()
    var errors = FormErrors()
    /// As typed, to show in the form again.
    var fromParts = ["", "", ""]
    var toParts = ["", "", ""]
    var stageValue = ""

    /// `status=ended`: every way a dispute ends.
    static let ended: [DisputeStatus] = [.resolved, .referred, .withdrawn, .closed]

    init(_ values: FormValues) {
        query.text = String(values.text("q").prefix(200))
        if let status = values.optional("status") {
            if status == "ended" {
                query.statuses = Self.ended
            } else if let known = DisputeStatus(rawValue: status) {
                query.statuses = [known]
            } else {
                errors.add("status", "Choose a status from the list")
            }
        }
        if let stage = values.optional("stage") {
            stageValue = stage
            let parts = stage.split(separator: "/", maxSplits: 1).map(String.init)
            query.stage = parts.last
            query.policyID = parts.count == 2 ? parts[0] : nil
        }
        query.agency = values.optional("agency")
        if let category = values.optional("category") {
            query.category = DisputeCategory(rawValue: category)
            if query.category == nil { errors.add("category", "Choose what the disputes are about from the list") }
        }
        if let overdue = values.optional("overdue") {
            query.deadline = DisputeListQuery.Deadline(rawValue: overdue)
            if query.deadline == nil { errors.add("overdue", "Choose how deadlines stand from the list") }
        }
        if let show = values.optional("show") {
            query.involvement = DisputeListQuery.Involvement(rawValue: show) ?? .visible
        }
        if let sort = values.optional("sort") {
            query.sort = DisputeListQuery.Sort(rawValue: sort) ?? .deadline
            if DisputeListQuery.Sort(rawValue: sort) == nil { errors.add("sort", "Choose an order from the list") }
        }
        var from = fromParts
        var to = toParts
        query.raisedFrom = date(values, "from", label: "Raised on or after", parts: &from)
        query.raisedTo = date(values, "to", label: "Raised on or before", parts: &to)
        (fromParts, toParts) = (from, to)
        if let from = query.raisedFrom, let to = query.raisedTo, from > to {
            errors.add("to", "Raised on or before must be the same as or after raised on or after")
        }
        // A link from another page of the same list; one that cannot be read starts again at the first page.
        if let after = values.optional("after") {
            query.after = DisputeCursor(after, sort: query.sort)
            if query.after == nil { errors.add("after", "The page asked for does not exist; this is the first page") }
        } else if let before = values.optional("before") {
            query.before = DisputeCursor(before, sort: query.sort)
            if query.before == nil {
                errors.add("before", "The page asked for does not exist; this is the first page")
            }
        }
    }

    /// `from=YYYY-MM-DD` in a link, or the form's three boxes.
    private mutating func date(
        _ values: FormValues, _ name: String, label: String, parts: inout [String]
    ) -> LocalDate? {
        if let iso = values.optional(name) {
            guard let date = LocalDate(iso: iso) else {
                errors.add(name, "\(label) must be a real date, like 2026-03-31")
                return nil
            }
            parts = [String(date.day), String(date.month), String(date.year)]
            return date
        }
        parts = [values.text("\(name)-day"), values.text("\(name)-month"), values.text("\(name)-year")]
        return values.date(name, label: label, errors: &errors)
    }

    /// Whether anything narrows the list, so the page offers to clear it.
    var isFiltered: Bool {
        !query.text.isEmpty || !query.statuses.isEmpty || query.stage != nil || query.agency != nil
            || query.category != nil || query.deadline != nil || query.raisedFrom != nil || query.raisedTo != nil
    }

    /// The list's parameters, without the search words (never put in a link, since they may
    /// be a child's name) and without the page.
    var parameters: [(String, String)] {
        var result: [(String, String)] = []
        if query.statuses == Self.ended {
            result.append(("status", "ended"))
        } else if let status = query.statuses.first {
            result.append(("status", status.rawValue))
        }
        if !stageValue.isEmpty { result.append(("stage", stageValue)) }
        if let agency = query.agency { result.append(("agency", agency)) }
        if let category = query.category { result.append(("category", category.rawValue)) }
        if let deadline = query.deadline { result.append(("overdue", deadline.rawValue)) }
        if let from = query.raisedFrom { result.append(("from", from.iso)) }
        if let to = query.raisedTo { result.append(("to", to.iso)) }
        if query.involvement != .visible { result.append(("show", query.involvement.rawValue)) }
        if query.sort != .deadline { result.append(("sort", query.sort.rawValue)) }
        return result
    }

    static func queryString(_ parameters: [(String, String)]) -> String {
        var components = URLComponents()
        components.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.percentEncodedQuery.map { "?" + $0 } ?? ""
    }
}
