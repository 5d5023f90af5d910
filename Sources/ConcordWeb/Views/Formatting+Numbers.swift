import Foundation

extension Formatting {
    /// "3,650": counts in lists are read at a glance.
    static func number(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_GB")
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
