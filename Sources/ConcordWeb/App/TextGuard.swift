import ConcordCore
import Vapor

/// The backstop for what people send: a hidden control or text-direction character in the
/// address, its query or a form is refused before any handler sees it, so none is ever stored
/// (PostgreSQL cannot store NUL at all). Routes registered through `checkingAnswers` check
/// their forms themselves, to show each problem beside its question; only their address and
/// query are checked here.
struct TextGuard: AsyncMiddleware {
    static let checksAnswers = AnySendableHashable("concord.checks-answers")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var problems: [String] = []
        let path = request.url.path.removingPercentEncoding
        if let hidden = path.flatMap({ HiddenCharacter.first(in: $0, multiline: false) }) {
            problems.append("The web address contains \(hidden)")
        } else if path == nil {
            problems.append("The web address could not be read as text")
        }
        problems += Self.describe(FormValues(body: request.url.query ?? "").characterProblems(multiline: []))
        if request.route?.userInfo[Self.checksAnswers] == nil, request.headers.contentType == .urlEncodedForm {
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            }
            // Unknown questions may be several lines long; only what no answer may hold is refused.
            let sent = FormValues(request)
            problems += Self.describe(sent.characterProblems(multiline: sent.names))
        }
        guard problems.isEmpty else {
            return try await request.page(
                "message", title: "What you sent cannot be accepted",
                MessagePage(
                    heading: "What you sent cannot be accepted",
                    paragraphs: problems + ["Nothing was saved. Go back, remove it and try again."],
                    link: Link(text: "Go to my work", href: SiteRoute.myWork.path)),
                status: .badRequest)
        }
        return try await next.respond(to: request)
    }

    private static func describe(_ errors: FormErrors) -> [String] {
        errors.items.map { "‘\($0.field)’: \($0.message)." }
    }
}

/// Routes whose handlers check every answer's characters with `FormValues.characterProblems`.
struct AnswerCheckingRoutes: RoutesBuilder {
    let base: any RoutesBuilder

    func add(_ route: Route) {
        route.userInfo[TextGuard.checksAnswers] = true
        base.add(route)
    }
}

extension RoutesBuilder {
    var checkingAnswers: AnswerCheckingRoutes { AnswerCheckingRoutes(base: self) }
}
