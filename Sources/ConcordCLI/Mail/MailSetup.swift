import ConcordCore
import ConcordMail
import ConcordNotifications
import ConcordStore
import Foundation

/// Builds the mail side from the configuration: the relay, or the folder of `.eml` files.
enum MailSetup {
    static func transport(_ configuration: ConcordConfiguration) -> any MailTransport {
        if let smtp = configuration.mail.smtp { return SMTPTransport(settings: smtp) }
        return FileTransport(directory: configuration.mailDirectory)
    }

    static func describe(_ configuration: ConcordConfiguration) -> String {
        if let smtp = configuration.mail.smtp {
            return "e-mail through \(smtp.host):\(smtp.port) (\(smtp.security.rawValue))"
        }
        return "e-mail written as .eml files to \(configuration.mailDirectory.path)"
    }

    static func runner(
        _ configuration: ConcordConfiguration, database: ConcordDatabase, holidays: HolidayTable,
        clock: any WallClock
    ) -> NotificationRunner {
        let outbox = Outbox(database)
        let mail = configuration.mail
        return NotificationRunner(
            delivery: MailDelivery(
                outbox: outbox, transport: transport(configuration), from: mail.from, clock: clock,
                maxAttempts: mail.maxAttempts),
            sweep: DeadlineSweep(
                database, holidays: holidays, notices: NoticeSettings(publicURL: configuration.publicURL),
                repeatEvery: mail.overdueRepeatDays),
            outbox: outbox, clock: clock, hour: mail.deadlineHour, watchDeadlines: mail.watchDeadlines)
    }
}
