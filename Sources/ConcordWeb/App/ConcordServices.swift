import ConcordCore
import ConcordNotifications
import ConcordStore
import Vapor

/// Everything a request handler needs, set up once when the app starts.
public struct ConcordServices: Sendable {
    public var database: ConcordDatabase
    public var settings: WebSettings
    public var clock: any WallClock
    public var holidays: HolidayTable
    /// How messages link back here.
    public var notices: NoticeSettings
    /// Delivers mail and watches deadlines while the server runs; nil in tests that drive it
    /// themselves.
    public var notifications: NotificationRunner?
    /// What `/metrics` shows; each app has its own, so tests never see each other's requests.
    public let metrics = ConcordMetrics()
    /// Built once per region and set of closure days, for `holidays`.
    let calendars = CalendarCache()

    public init(
        database: ConcordDatabase, settings: WebSettings, clock: any WallClock, holidays: HolidayTable,
        notices: NoticeSettings = .init(), notifications: NotificationRunner? = nil
    ) {
        self.database = database
        self.settings = settings
        self.clock = clock
        self.holidays = holidays
        self.notices = notices
        self.notifications = notifications
    }

    var directory: Directory { Directory(database) }
    var accounts: Accounts { Accounts(database) }
    var disputes: DisputeStore { DisputeStore(database, holidays: holidays, notices: notices, calendars: calendars) }
    var outbox: Outbox { Outbox(database) }
    var mailPreferences: MailPreferences { MailPreferences(database) }
    var accessLog: AccessLog { AccessLog(database) }
    var sessions: WebSessions {
        WebSessions(
            database, idleTimeout: settings.sessionIdleTimeout, absoluteTimeout: settings.sessionAbsoluteTimeout)
    }
    var throttle: SignInThrottle {
        SignInThrottle(database, limit: settings.signInAttemptLimit, window: settings.signInLockout)
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = ConcordServices
    }

    public var concord: ConcordServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("ConcordWeb.configure was not called") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var concord: ConcordServices { application.concord }
    var now: Date { application.concord.clock.now() }
}
