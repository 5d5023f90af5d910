import ConcordCore

/// One question on a form, described in Swift and drawn by `partials/field.leaf`, so that every
/// form has the same labels, hints, error messages and markup.
struct FormField: Encodable {
    enum Kind: String, Encodable {
        case text, email, password, textarea, radios, checkboxes, select, date, file
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var hint: String?
        var selected: Bool
        var id: String = ""
    }

    /// A select's options under a heading (`<optgroup>`), after its ungrouped ones.
    struct OptionGroup: Encodable {
        var label: String
        var options: [Option]
    }

    var kind: Kind
    var name: String
    var id: String
    var label: String
    var hint: String?
    var error: String?
    var value: String = ""
    var options: [Option] = []
    var groups: [OptionGroup] = []
    var day = ""
    var month = ""
    var year = ""
    /// Whether the label is the page's heading (one-question pages).
    var isPageHeading = false
    var autocomplete: String?
    var width: String?

    init(
        _ kind: Kind, name: String, label: String, hint: String? = nil, value: String = "",
        options: [Option] = [], autocomplete: String? = nil, width: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.id = name.replacingOccurrences(of: "[]", with: "")
        self.label = label
        self.hint = hint
        self.value = value
        self.autocomplete = autocomplete
        self.width = width
        self.options = options.enumerated().map { index, option in
            var option = option
            option.id = index == 0 ? self.id : "\(self.id)-\(index + 1)"
            return option
        }
    }

    static func date(name: String, label: String, hint: String? = nil, value: LocalDate?) -> FormField {
        var field = FormField(.date, name: name, label: label, hint: hint ?? "For example, 27 3 2026")
        field.id = "\(name)-day"
        if let value {
            field.day = String(value.day)
            field.month = String(value.month)
            field.year = String(value.year)
        }
        return field
    }

}

extension FormField.Option {
    static func option(_ value: String, _ label: String, hint: String? = nil, selected: Bool = false) -> Self {
        Self(value: value, label: label, hint: hint, selected: selected)
    }
}

/// Errors found in a submitted form: shown together in the error summary, and each beside its
/// question.
struct FormErrors: Encodable {
    struct Item: Encodable {
        var field: String
        var message: String
    }

    var items: [Item] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        if !items.contains(where: { $0.field == field }) { items.append(Item(field: field, message: message)) }
    }

    /// Adds `other`'s errors after these, keeping these where both name a field.
    mutating func add(_ other: FormErrors) {
        for item in other.items { add(item.field, item.message) }
    }

    /// Puts each error on its field, and points the summary's link at the field's first input.
    func apply(to fields: inout [FormField]) -> FormErrors {
        var linked = self
        for index in fields.indices {
            guard let item = items.first(where: { $0.field == fields[index].name }) else { continue }
            fields[index].error = item.message
            if let position = linked.items.firstIndex(where: { $0.field == item.field }) {
                linked.items[position].field = fields[index].id
            }
        }
        return linked
    }
}
