import ConcordCore
import FluentKit
import Foundation

/// Why a list of secure domains was refused.
public struct SecureDomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Line numbers from 1, as the person typed them.
    public var line: Int
    public var domain: String

    public var description: String {
        "Line \(line): \"\(domain)\" is not a domain name; write it like nhs.net or gov.uk, without @ or spaces"
    }
}

/// Per-partnership and per-person choices about e-mail.
public struct MailPreferences: Sendable {
    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    public func secureDomains(partnership: UUID) async throws -> [String] {
        try await SecureDomains.of(partnership, database.database).sorted()
    }

    /// Replaces the partnership's secure domains, one per line; blank lines are ignored and
    /// nothing changes when any line is not a domain.
    public func setSecureDomains(_ text: String, partnership: UUID) async throws {
        var domains: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let domain = line.trimmingCharacters(in: .whitespaces).lowercased()
            if domain.isEmpty { continue }
            guard Self.isDomain(domain) else { throw SecureDomainError(line: index + 1, domain: domain) }
            if !domains.contains(domain) { domains.append(domain) }
        }
        let chosen = domains
        try await database.database.transaction { tx in
            try await SecureDomainModel.query(on: tx).filter(\.$partnershipID == partnership).delete()
            try await chosen.map { SecureDomainModel(partnershipID: partnership, domain: $0) }.create(on: tx)
        }
    }

    static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && text.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }

    public func prefersDigest(person: UUID) async throws -> Bool {
        try await MailPreferenceModel.find(person, on: database.database)?.dailyDigest ?? false
    }

    public func setDigest(person: UUID, _ dailyDigest: Bool) async throws {
        let db = database.database
        if let model = try await MailPreferenceModel.find(person, on: db) {
            model.dailyDigest = dailyDigest
            try await model.save(on: db)
        } else {
            try await MailPreferenceModel(person: person, dailyDigest: dailyDigest).create(on: db)
        }
    }
}
