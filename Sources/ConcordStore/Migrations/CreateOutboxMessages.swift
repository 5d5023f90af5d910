import FluentKit
import SQLKit

/// Every message Concord sends, queued in the same transaction as what caused it and kept
/// after sending, so that nothing is lost and the business office can see and resend failures.
struct CreateOutboxMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox_messages")
            .id()
            .field("dedupe_key", .string, .required)
            .field("partnership_id", .uuid, .required)
            .field("dispute_id", .uuid)
            .field("reference", .string)
            .field("person_id", .uuid)
            .field("recipient_name", .string, .required)
            .field("recipient_email", .string)
            .field("kind", .string, .required)
            .field("disclosure", .string, .required)
            .field("urgent", .bool, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("attachment_filename", .string)
            .field("attachment_type", .string)
            .field("attachment_text", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .string, .required)
            .field("claimed_until", .string)
            .field("last_error", .string)
            .field("created_at", .string, .required)
            .field("sent_at", .string)
            .field("digest_id", .uuid)
            .unique(on: "dedupe_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "outbox_status_next_attempt").on("outbox_messages").column("status")
            .column("next_attempt_at").run()
        try await sql.create(index: "outbox_partnership_status").on("outbox_messages").column("partnership_id")
            .column("status").run()
        try await sql.create(index: "outbox_person_status").on("outbox_messages").column("person_id").column("status")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_messages").delete()
    }
}
