import ConcordCore
import Vapor

/// A submitted form's fields, each possibly repeated (checkboxes), read as typed answers.
struct FormValues {
    private var values: [String: [String]] = [:]
    /// Field names in the order sent, which is the order of the form's questions.
    private var order: [String] = []
    /// Fields whose percent-encoding was not UTF-8; read as empty.
    private var unreadable: Set<String> = []

    init(_ request: Request) {
        self.init(body: request.body.string ?? "")
    }

    init(body: String) {
        let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.flatMap(decode) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if value == nil { unreadable.insert(key) }
            if values[key] == nil { order.append(key) }
            values[key, default: []].append(value ?? "")
        }
    }

    /// Every answer's characters checked, so that what is stored is what people see: none may
    /// hold a hidden control or text-direction character, and only the form's multi-line
    /// answers a line break or tab. Each problem is put on its field.
    func characterProblems(for fields: [FormField]) -> FormErrors {
        characterProblems(multiline: Set(fields.filter { $0.kind == .textarea }.map(\.name)))
    }

    /// `ignoring` names answers that are never stored or shown as sent.
    func characterProblems(multiline: Set<String>, ignoring: Set<String> = []) -> FormErrors {
        var errors = FormErrors()
        for name in order where !ignoring.contains(name) {
            if unreadable.contains(name) { errors.add(name, "This answer could not be read as text. Type it again") }
            for answer in values[name] ?? [] {
                guard let hidden = HiddenCharacter.first(in: answer, multiline: multiline.contains(name)) else {
                    continue
                }
                errors.add(name, Self.message(hidden))
            }
        }
        return errors
    }

    static func message(_ hidden: HiddenCharacter) -> String {
        switch hidden {
        case .control: "Remove the hidden control character (\(hidden.code)) from this answer"
        case .direction:
            "Remove the hidden text-direction character (\(hidden.code)) from this answer: it can make text look different from what is stored"
        case .lineBreak(let scalar) where scalar == "\t": "Remove the tab from this answer"
        case .lineBreak: "Remove the line break: this answer must be on one line"
        }
    }

    var names: Set<String> { Set(order) }

    /// The answer exactly as typed, for passwords; "" when missing.
    func untrimmed(_ name: String) -> String {
        values[name]?.first ?? ""
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
