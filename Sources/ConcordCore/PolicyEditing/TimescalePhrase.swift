import Foundation

/// A stage's timescale in the protocol's own words, as the editor's one field takes it:
/// "48 hours", "immediately", "within 5 working days of step 1", "none".
public struct TimescalePhrase: Hashable, Sendable {
    /// Nil when the protocol sets no timescale for the stage.
    public var amount: Int?
    public var unit: Timescale.Unit?
    public var from: Timescale.Anchor = .stageStart
    /// The earlier stage counted from, for "of step 1".
    public var ofStage: String?

    public static let none = TimescalePhrase()

    public struct Problem: Error, Hashable, Sendable {
        public var message: String
    }

    /// Reads the words against the stages before this one, given in order as (id, title), so
    /// "of step 1", "of stage 2" and "of <title>" can name one.
    public static func read(_ text: String, earlier: [(id: String, title: String)]) throws(Problem) -> TimescalePhrase {
        var words = text.lowercased().replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: #"\([^)]*\)?"#, with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        words = words.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        if ["", "none", "no timescale", "not set", "no time limit"].contains(words) { return .none }
        for prefix in ["within ", "no later than ", "no more than ", "not exceeding ", "up to ", "by "]
        where words.hasPrefix(prefix) {
            words.removeFirst(prefix.count)
        }
        if ["immediately", "without delay", "the same working day", "the same day", "same day", "same working day"]
            .contains(words)
        {
            return TimescalePhrase(amount: 1, unit: .immediately)
        }
        if words.hasPrefix("as quickly as possible") || words.hasPrefix("as soon as possible") {
            throw Problem(
                message:
                    "\"\(text)\" sets no deadline Concord can count; write \"immediately\" if the protocol means the same working day, or \"none\""
            )
        }
        if words.hasPrefix("a further") || words.hasPrefix("further") {
            throw Problem(
                message:
                    "\"a further …\" counts from another deadline being met; add it as one of the stage's clocks with after: in the YAML"
            )
        }
        let (rest, anchor, ofStage) = try splitAnchor(words, earlier: earlier)
        if rest == "a working week" || rest == "one working week" || rest == "1 working week" {
            return TimescalePhrase(amount: 5, unit: .workingDays, from: anchor, ofStage: ofStage)
        }
        let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let amount = Int(parts[0]) ?? numbers[parts[0]] else {
            throw Problem(
                message:
                    "\"\(text)\" is not a timescale Concord can read; write, for example, \"5 working days\", \"48 hours\", \"10 calendar days\", \"1 month\", \"immediately\" or \"none\""
            )
        }
        guard amount > 0 else {
            throw Problem(message: "a timescale of nought means the same working day; write \"immediately\"")
        }
        let unit: Timescale.Unit
        switch parts[1] {
        case "working day", "working days", "business day", "business days": unit = .workingDays
        case "calendar day", "calendar days": unit = .calendarDays
        case "hour", "hours": unit = .hours
        case "month", "months", "calendar month", "calendar months": unit = .months
        case "working week", "working weeks":
            return TimescalePhrase(amount: amount * 5, unit: .workingDays, from: anchor, ofStage: ofStage)
        case "day", "days":
            throw Problem(
                message:
                    "\"\(text)\" does not say which days; write \"\(amount) working days\" or \"\(amount) calendar days\", as the protocol means"
            )
        default:
            throw Problem(
                message:
                    "\"\(parts[1])\" is not a unit Concord counts; use working days, calendar days, hours or months")
        }
        return TimescalePhrase(amount: amount, unit: unit, from: anchor, ofStage: ofStage)
    }

    private static let numbers = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "fifteen": 15, "twenty": 20, "twenty-one": 21, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72, "a": 1,
        "an": 1,
    ]

    private static let anchorWords: [(String, Timescale.Anchor)] = [
        ("the decision", .decision), ("the disagreement", .decision), ("the disagreement or the decision", .decision),
        ("the decision or disagreement", .decision), ("identifying the concern", .decision),
        ("the dispute being raised", .disputeRaised), ("the dispute being received", .receivedInWriting),
        ("raising", .disputeRaised), ("the referral", .disputeRaised), ("the escalation being raised", .disputeRaised),
        ("receipt", .receivedInWriting), ("receipt in writing", .receivedInWriting),
        ("being received in writing", .receivedInWriting),
        ("the initial discussion", .firstContact), ("the first discussion", .firstContact),
        ("first contact", .firstContact), ("the latest discussion", .latestDiscussion),
        ("the previous discussion", .latestDiscussion), ("the start of the stage", .stageStart),
        ("this stage starting", .stageStart), ("the escalation", .stageStart),
    ]

    private static func splitAnchor(
        _ words: String, earlier: [(id: String, title: String)]
    ) throws(Problem) -> (String, Timescale.Anchor, String?) {
        guard let range = words.range(of: " of ") ?? words.range(of: " from ") else { return (words, .stageStart, nil) }
        let rest = String(words[..<range.lowerBound])
        let named = String(words[range.upperBound...])
        if let match = named.firstMatch(of: /^(?:step|stage|level) (\d+)$/), let number = Int(match.1) {
            guard number >= 1, number <= earlier.count else {
                throw Problem(
                    message: earlier.isEmpty
                        ? "the first stage cannot count from another stage"
                        : "\"\(named)\" is not an earlier stage; stages before this one are 1 to \(earlier.count)")
            }
            return (rest, .stageStart, earlier[number - 1].id)
        }
        if let stage = earlier.first(where: {
            named == $0.id || named == $0.title.lowercased() || named == "the start of \($0.title.lowercased())"
        }) {
            return (rest, .stageStart, stage.id)
        }
        if let anchor = anchorWords.first(where: { $0.0 == named })?.1 { return (rest, anchor, nil) }
        throw Problem(
            message:
                "Concord cannot tell what \"\(named)\" is; count from the start of the stage (say nothing), \"step N\" for an earlier stage, \"the decision\", \"the dispute being raised\", \"receipt in writing\" or \"the initial discussion\""
        )
    }

    /// The words the field shows for a timescale already written, which read back the same.
    public static func words(for timescale: Timescale?, stageNumber: (String) -> Int?) -> String {
        guard let timescale else { return "none" }
        var text: String
        switch timescale.unit {
        case .immediately: return "immediately"
        case .hours: text = "within \(timescale.amount) hours"
        case .workingDays: text = "within \(timescale.amount) working day\(timescale.amount == 1 ? "" : "s")"
        case .calendarDays: text = "within \(timescale.amount) calendar day\(timescale.amount == 1 ? "" : "s")"
        case .months: text = "within \(timescale.amount) month\(timescale.amount == 1 ? "" : "s")"
        }
        if let ofStage = timescale.ofStage, let number = stageNumber(ofStage) {
            text += " of step \(number)"
        } else if let words = anchorWords.first(where: { $0.1 == timescale.from && $0.1 != .stageStart })?.0 {
            text += " of \(words)"
        }
        return text
    }

    /// As a timescale counted from the stage start unless the words say otherwise.
    public var timescale: Timescale? {
        guard let amount, let unit else { return nil }
        var timescale = Timescale(amount: amount, unit: unit, from: from)
        timescale.ofStage = ofStage
        return timescale
    }

    /// The reading, as a sentence to confirm: "2 working days (48 hours) from the start of the
    /// stage, counted on the partnership's working days".
    public func sentence(stageTitle: (String) -> String?) -> String {
        guard let unit, let timescale else { return "This stage has no timescale of its own." }
        let anchor = ofStage.map { "the start of \"\(stageTitle($0) ?? $0)\"" } ?? from.phrase
        let counted: String
        switch unit {
        case .hours: counted = "counted as working hours on working days, 24 to a working day"
        case .workingDays:
            counted = "counted on the partnership's working days (not weekends, bank holidays or closure days)"
        case .calendarDays: counted = "counted on every day, weekends and bank holidays included"
        case .months: counted = "a month that ends on a day nobody works runs to the next working day"
        case .immediately: counted = "by the end of that working day, or the next working day when it is not one"
        }
        return "\(timescale.phrase.prefix(1).uppercased() + timescale.phrase.dropFirst()) from \(anchor), \(counted)."
    }
}
