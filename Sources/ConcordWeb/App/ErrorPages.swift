import LeafKit
import Vapor

/// Turns failures into pages a person can act on. "Not found" is the same page whether the
/// thing is missing or hidden from this user, so it never hints that a dispute exists.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as LeafError {
            // A broken template: its message names the template, never request data.
            request.logger.error("template failed: \(error)")
            return try await page(for: .internalServerError, request)
        } catch let abort as any AbortError {
            return try await page(for: abort.status, request)
        } catch {
            // Only the error's type: its text may quote what someone typed about a child.
            request.logger.error("request failed: \(String(reflecting: type(of: error)))")
            return try await page(for: .internalServerError, request)
        }
    }

    /// "1 MB", "512 KB": a size as people read it, rounded down so the page never overstates it.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return "\(bytes / (1024 * 1024)) MB" }
        if bytes >= 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }

    private func page(for status: HTTPStatus, _ request: Request) async throws -> Response {
        let content: MessagePage
        switch status {
        case .notFound:
            content = MessagePage(
                heading: "Page not found",
                paragraphs: [
                    "If you typed the web address, check it is correct.",
                    "If you followed a link to a dispute, you may not be one of the people who can see it.",
                ], link: Link(text: "Go to my work", href: SiteRoute.myWork.path))
        case .forbidden:
            content = MessagePage(
                heading: "You cannot do this",
                paragraphs: ["Your role does not allow this. Ask your partnership's business office if you need it."],
                link: Link(text: "Go to my work", href: SiteRoute.myWork.path))
        case .conflict:
            content = MessagePage(
                heading: "This step is not possible now",
                paragraphs: [
                    "The dispute has moved on, or this step is for someone else: for example, only the raising agency can withdraw a dispute, and nothing can be recorded on a closed one."
                ], link: Link(text: "Go to my work", href: SiteRoute.myWork.path))
        case .payloadTooLarge:
            let limit = Self.size(request.application.routes.defaultMaxBodySize.value)
            content = MessagePage(
                heading: "What you sent is too long",
                paragraphs: [
                    "Concord accepts up to \(limit) in one form, counting any file you chose. Nothing was saved.",
                    "Go back, shorten the text or choose a smaller file, and try again.",
                ], link: nil)
        case .unauthorized:
            return request.redirect(to: .signIn)
        default:
            content = MessagePage(
                heading: "Sorry, there is a problem with Concord",
                paragraphs: ["Nothing you entered has been lost or half-saved. Try again later."], link: nil)
        }
        do {
            return try await request.page("message", title: content.heading, content, status: status)
        } catch {
            request.logger.error("error page failed: \(String(reflecting: type(of: error)))")
            return Response(status: status, body: .init(string: content.heading))
        }
    }
}
