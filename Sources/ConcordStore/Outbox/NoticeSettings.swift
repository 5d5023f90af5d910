import Foundation

/// How queued messages link back to Concord.
public struct NoticeSettings: Hashable, Sendable {
    /// The address people use to reach Concord, e.g. `https://concord.oldham.gov.uk`.
    public var publicURL: String

    public init(publicURL: String = "http://127.0.0.1:8080") {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    func link(dispute id: UUID) -> String { "\(publicURL)/disputes/\(id.uuidString)" }
}
