import ConcordCore
import ConcordStore
import Foundation

/// Demonstration data for people trying Concord: the five partnerships with their built-in
/// policies, an agency of every type in each, people at every level, sign-ins for every role,
/// fifty current disputes at every stage and status, and a year of ended ones before them with
/// the partnership's learning themes and actions, dated relative to now so the demo always
/// looks current. The same `now` always seeds the same demo.
public enum DemoData {
    /// A demo account to print for people trying Concord.
    public struct SignIn: Hashable, Sendable {
        public var email: String
        public var role: AccountRole
        public var name: String
        /// The partnership's slug; nil for the administrator, who belongs to none.
        public var partnership: String?
        /// Who the account is and what it shows.
        public var description: String
    }

    /// Every demo account's password, printed for people trying Concord.
    public static let password = "concord-demo"

    /// How demo addresses are made, so any person in the directory can be found by guessing.
    public static let addressScheme =
        "LEVEL.AGENCY@PARTNERSHIP.concord.example, e.g. practitioner.csc@oldham.concord.example or "
        + "line-manager.health@oldham.concord.example (agencies: csc, police, health, education, early-help, "
        + "probation, voluntary); each partnership's business-office@, statutory-partners@, scrutineer@ and "
        + "auditor@; admin@concord.example administers them all"

    /// Seeds everything into an empty database and returns the demo sign-ins to print.
    /// `hash` turns the password into a bcrypt hash; it is called once, because bcrypt is
    /// deliberately slow, and every account shares the hash.
    public static func seed(
        _ database: ConcordDatabase, hash: @Sendable (String) throws -> String, now: Date,
        holidays: HolidayTable = .standard
    ) async throws -> [SignIn] {
        guard try await !isSeeded(database) else {
            throw DemoDataError(description: "the database already holds partnerships; demo data needs an empty one")
        }
        let passwordHash = try hash(password)
        var names = PersonNames()
        // Installed well before the oldest demo dispute was raised under them.
        let installed = LondonTime.startOfDay(LondonTime.date(of: now).adding(months: -12))
        let partnerships = try await DemoDirectory.seed(database, names: &names, installedAt: installed)
        try await DemoDisputes.seed(database, partnerships: partnerships, holidays: holidays, now: now)
        let signIns = try await DemoAccounts.seed(
            database, partnerships: partnerships, names: &names, passwordHash: passwordHash, at: now)
        try await DemoLearning.seed(database, partnerships: partnerships, now: now)
        return signIns
    }

    /// Whether the database already holds partnerships, so first-run seeding happens once.
    public static func isSeeded(_ database: ConcordDatabase) async throws -> Bool {
        try await !Directory(database).partnerships().isEmpty
    }
}

/// Demo data is fixed, so these only arise from seeding a database twice or from a built-in
/// policy the demo does not fit.
public struct DemoDataError: Error, CustomStringConvertible {
    public var description: String
}
