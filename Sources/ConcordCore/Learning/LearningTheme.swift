import Foundation

/// A theme the partnership gathers its learning under, such as "thresholds understood
/// differently". Retired rather than removed, so learning given it keeps its meaning.
public struct LearningTheme: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var title: String
    public var retired: Bool

    public init(id: UUID, title: String, retired: Bool = false) {
        self.id = id
        self.title = title
        self.retired = retired
    }

    public static let maximumTitleLength = 120

    /// What is wrong with a title, in words for the form; nil when it will do.
    public static func problem(title: String, among themes: [LearningTheme], except id: UUID? = nil) -> String? {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "Enter the theme" }
        if trimmed.count > maximumTitleLength {
            return "The theme must be \(maximumTitleLength) characters or fewer"
        }
        if themes.contains(where: { $0.id != id && $0.title.lowercased() == trimmed.lowercased() }) {
            return "The partnership already has the theme “\(trimmed)”"
        }
        return nil
    }
}
