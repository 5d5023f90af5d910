import FluentKit
import Foundation
import SQLKit

/// A worker holds what it claimed only while its claim is the one stored. A batch is claimed
/// at once but sent one message at a time, so each claim is renewed just before its message is
/// sent: if the worker was so slow that the claim lapsed and another worker took the message
/// over, the renewal fails and the message is not sent a second time.
extension Outbox {
    /// The message with its claim extended by `lease` from now, or nil when the claim is no
    /// longer this worker's.
    public func renewClaim(_ message: OutboxMessage, at now: Date, lease: TimeInterval) async throws -> OutboxMessage? {
        guard let held = message.claim else { return nil }
        let until = EventChain.timestamp(now + lease)
        let renewed = try await (database.database as! any SQLDatabase).raw(
            """
            UPDATE outbox_messages SET claimed_until = \(bind: until)
            WHERE id = \(bind: message.id) AND status = 'sending' AND claimed_until = \(bind: held)
            RETURNING id
            """
        ).all()
        guard !renewed.isEmpty else { return nil }
        var message = message
        message.claim = until
        return message
    }

    /// Gives back messages claimed but not begun, as the server stops: they are due again at
    /// once, for this server when it restarts or for another, and the try that never happened
    /// is not counted.
    public func release(_ messages: [OutboxMessage]) async throws {
        let sql = database.database as! any SQLDatabase
        for message in messages {
            guard let held = message.claim else { continue }
            try await sql.raw(
                """
                UPDATE outbox_messages SET status = 'pending', claimed_until = NULL, attempts = attempts - 1
                WHERE id = \(bind: message.id) AND status = 'sending' AND claimed_until = \(bind: held)
                """
            ).run()
        }
    }
}
