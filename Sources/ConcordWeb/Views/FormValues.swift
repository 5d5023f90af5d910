import ConcordCore
import Vapor

/// A submitted form's fields, each possibly repeated (checkboxes), read as typed answers.
struct FormValues {
    private var values: [String: [String]] = [:]

    init(_ request: Request) {
        self.init(query: request.body.string)
    }

    /// Fields sent in a link's query string, read as a form's.
    init(query: String?) {
        guard let body = query else { return }
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first.map(decode) else { continue }
            values[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The answer, trimmed; "" when missing.
    func text(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func optional(_ name: String) -> String? {
        let value = text(name)
        return value.isEmpty ? nil : value
    }

    func all(_ name: String) -> [String] {
        (values[name] ?? []).filter { !$0.isEmpty }
    }

    /// A date from GOV.UK's three boxes. Nil with no error when all three are empty.
    func date(_ name: String, label: String, errors: inout FormErrors) -> LocalDate? {
        let parts = [text("\(name)-day"), text("\(name)-month"), text("\(name)-year")]
        if parts.allSatisfy(\.isEmpty) { return nil }
        guard let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), year >= 1900,
            year <= 2100, let date = LocalDate(year: year, month: month, day: day)
        else {
            errors.add(name, "\(label) must be a real date")
            return nil
        }
        return date
    }
}
