import Foundation

/// The five partnership protocols Concord ships with, read from its bundled YAML.
public enum PolicyLibrary {
    public static let builtInIDs = [
        "oldham", "sunderland", "coventry", "five-stage-flowchart", "north-east-lincolnshire",
    ]

    /// The YAML text of a built-in policy, or nil when there is none with that id.
    public static func text(of id: String) -> String? {
        guard builtInIDs.contains(id),
            let url = Bundle.module.url(forResource: "Resources/Policies/\(id)", withExtension: "yaml")
        else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    public static func builtIn(_ id: String) -> Policy? {
        guard let text = text(of: id) else { return nil }
        do {
            return try PolicyReader.read(text, file: "\(id).yaml")
        } catch {
            preconditionFailure("built-in policy \(id) is invalid: \(error)")
        }
    }

    public static var builtIns: [Policy] {
        builtInIDs.compactMap(builtIn)
    }
}
