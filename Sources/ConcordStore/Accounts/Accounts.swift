import ConcordCore
import FluentKit
import Foundation

public struct Account: Hashable, Sendable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: AccountRole
    public var personID: UUID?
    public var partnershipID: UUID?
    public var disabled: Bool
    /// A bcrypt hash; Concord never stores or logs a password.
    public var passwordHash: String
}

public enum AccountError: Error, Hashable, Sendable, CustomStringConvertible {
    case emailTaken(String)
    case invalidEmail(String)
    case personRequired(AccountRole)
    case partnershipRequired(AccountRole)

    public var description: String {
        switch self {
        case .emailTaken(let email): "an account for \(email) already exists"
        case .invalidEmail(let email): "\"\(email)\" is not an e-mail address"
        case .personRequired(let role):
            "a \(role.displayName.lowercased()) account must name the person it acts as in disputes"
        case .partnershipRequired(let role):
            "a \(role.displayName.lowercased()) account must name its partnership"
        }
    }
}

/// Sign-in accounts. Passwords arrive already hashed: hashing belongs to the web layer.
public struct Accounts: Sendable {
    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    /// E-mail addresses are compared in lower case, so "Ann@X" and "ann@x" are one account.
    public static func normalise(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    @discardableResult
    public func create(
        email: String, name: String, role: AccountRole, passwordHash: String, person: UUID? = nil,
        partnership: UUID? = nil, at now: Date = Date()
    ) async throws -> Account {
        let email = Self.normalise(email)
        guard EmailAddress.problem(email) == nil else { throw AccountError.invalidEmail(email) }
        if role.actsAsPerson, person == nil { throw AccountError.personRequired(role) }
        if role.isPartnershipWide, partnership == nil { throw AccountError.partnershipRequired(role) }
        if try await find(email: email) != nil { throw AccountError.emailTaken(email) }
        let model = AccountModel()
        model.email = email
        model.name = name
        model.passwordHash = passwordHash
        model.role = role.rawValue
        // A person's disputes must not become visible to an administrator or auditor through one.
        model.personID = role.mayBePerson ? person : nil
        model.partnershipID = role.isPartnershipWide ? partnership : nil
        model.disabled = false
        model.createdAt = EventChain.timestamp(now)
        try await model.create(on: database.database)
        return try Self.account(model)
    }

    public func find(email: String) async throws -> Account? {
        try await AccountModel.query(on: database.database).filter(\.$email == Self.normalise(email)).first()
            .map(Self.account)
    }

    public func find(id: UUID) async throws -> Account? {
        try await AccountModel.find(id, on: database.database).map(Self.account)
    }

    public func all() async throws -> [Account] {
        try await AccountModel.query(on: database.database).sort(\.$email).all().map(Self.account)
    }

    /// The accounts acting as a person, so that people can be told apart from sign-ins.
    public func forPerson(_ person: UUID) async throws -> [Account] {
        try await AccountModel.query(on: database.database).filter(\.$personID == person).all().map(Self.account)
    }

    public func setPassword(_ id: UUID, hash: String) async throws {
        guard let model = try await AccountModel.find(id, on: database.database) else {
            throw StoreError.notFound("account \(id)")
        }
        model.passwordHash = hash
        try await model.save(on: database.database)
    }

    public func setDisabled(_ id: UUID, _ disabled: Bool) async throws {
        guard let model = try await AccountModel.find(id, on: database.database) else {
            throw StoreError.notFound("account \(id)")
        }
        model.disabled = disabled
        try await model.save(on: database.database)
        if disabled { try await WebSessionModel.query(on: database.database).filter(\.$accountID == id).delete() }
    }

    static func account(_ model: AccountModel) throws -> Account {
        guard let role = AccountRole(rawValue: model.role) else {
            throw StoreError.notFound("role \"\(model.role)\" of account \(model.email)")
        }
        return Account(
            id: try model.requireID(), email: model.email, name: model.name, role: role, personID: model.personID,
            partnershipID: model.partnershipID, disabled: model.disabled, passwordHash: model.passwordHash)
    }
}
