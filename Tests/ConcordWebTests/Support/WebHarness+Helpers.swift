import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ConcordWeb

/// A demo sign-in address: `demo("practitioner.csc", "oldham")`.
func demo(_ local: String, _ slug: String) -> String {
    "\(local)@\(slug).concord.example"
}

extension WebHarness {
    func account(_ email: String) async throws -> Account {
        try #require(try await Accounts(database).find(email: email), "no account \(email)")
    }

    func partnership(_ slug: String) async throws -> Directory.Partnership {
        try #require(try await Directory(database).partnership(slug: slug), "no partnership \(slug)")
    }

    func disputes(in slug: String) async throws -> [DisputeSummary] {
        try await DisputeQueries.list(database, partnership: partnership(slug).id)
    }

    /// The one demo dispute in `slug` at `stage` about `category` with `status`.
    func dispute(
        in slug: String, stage: String, category: DisputeCategory, status: DisputeStatus = .open
    ) async throws -> DisputeSummary {
        let matching = try await disputes(in: slug).filter {
            $0.currentStage == stage && $0.category == category.rawValue && $0.status == status.rawValue
        }
        #expect(matching.count == 1, "expected one \(slug) dispute at \(stage) about \(category)")
        return try #require(matching.first)
    }

    func load(_ id: UUID) async throws -> DisputeStore.Loaded {
        try await DisputeStore(database, holidays: .standard).load(id)
    }

    /// A request with exactly this cookie (the session's, unless a whole header is given as
    /// `cookies`) and body, bypassing the browser's jar and its CSRF help.
    func raw(
        _ method: HTTPMethod, _ path: String, cookie: String? = nil, cookies: String? = nil, body: String? = nil
    ) async throws
        -> Browser.Page
    {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "\(SessionMiddleware.cookieName)=\(cookie)") }
        if let cookies { headers.add(name: .cookie, value: cookies) }
        var buffer = ByteBuffer()
        if let body {
            headers.contentType = .urlEncodedForm
            buffer.writeString(body)
        }
        let response = try await app.testing().performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: buffer))
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        return Browser.Page(status: response.status, headers: response.headers, body: text)
    }

    /// Raises an Oldham dispute through the form as `browser` (a CSC practitioner there), with the
    /// health practitioner named, under the `procedure` given where the partnership runs several;
    /// returns its id.
    func raise(
        as browser: Browser, child: String = "Zebedee Quartermaine", harm: Bool = false, slug: String = "oldham",
        procedure: String? = nil
    ) async throws -> UUID {
        let path = "/disputes/new/\(slug)" + (procedure.map { "?procedure=\($0)" } ?? "")
        let form = try await browser.get(path)
        #expect(form.status == .ok)
        let professional = try await account(demo("practitioner.health", slug)).name
        let response = try await browser.post(
            path,
            [
                "token": form.hidden("token") ?? "",
                "agency": try #require(form.options("agency").first { $0.label.contains("Health") }?.value),
                "professional": try #require(
                    form.options("professional").first { $0.label.hasPrefix(professional) }?.value),
                "child-1-name": child, "category": "assessment", "disagreement": "Whether an assessment is needed",
                "outcome": "A joint assessment", "significant-harm": harm ? "yes" : "no",
            ])
        #expect(response.status == .seeOther)
        let location = try #require(response.location)
        #expect(location.firstMatch(of: /^\/disputes\/[0-9A-Fa-f-]{36}$/) != nil, "raise redirected to \(location)")
        return try #require(
            UUID(uuidString: String(location.dropFirst("/disputes/".count))), "raise redirected to \(location)")
    }
}

extension Browser {
    /// The session cookie the browser holds now.
    var sessionCookie: String? { cookies[SessionMiddleware.cookieName] }
}

extension Browser.Page {
    /// The text of the page's `<title>`.
    var title: String {
        guard let start = body.range(of: "<title>"), let end = body.range(of: "</title>") else { return "" }
        return String(body[start.upperBound..<end.lowerBound])
    }

    /// The markup from the element with this id to the end of its section (or the page).
    func element(_ id: String) -> String? {
        guard let start = body.range(of: "id=\"\(id)\"") else { return nil }
        let rest = body[start.lowerBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The error summary, if the page has one.
    var errorSummary: String? {
        guard let start = body.range(of: "c-error-summary\""), let end = body[start.upperBound...].range(of: "</ul>")
        else { return nil }
        return String(body[start.lowerBound..<end.upperBound])
    }

    /// Every link target on the page.
    var hrefs: [String] {
        body.matches(of: try! Regex("href=\"([^\"]*)\"")).compactMap { $0.output[1].substring.map(String.init) }
    }

    /// The choices a form offers for a field: radios, checkboxes or a select's options.
    func options(_ name: String) -> [(value: String, label: String)] {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        let inputs =
            "name=\"\(escaped)\" type=\"(?:radio|checkbox)\" value=\"([^\"]*)\"[^>]*>\\s*<label[^>]*>(?:<bdi>)?([^<]*)(?:</bdi>)?</label>"
        var found = body.matches(of: try! Regex(inputs)).map {
            (value: String($0.output[1].substring ?? ""), label: String($0.output[2].substring ?? ""))
        }
        if let select = body.range(of: "<select [^>]*name=\"\(escaped)\"", options: .regularExpression),
            let end = body[select.upperBound...].range(of: "</select>")
        {
            let markup = String(body[select.upperBound..<end.lowerBound])
            found += markup.matches(of: try! Regex("<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>")).map {
                (value: String($0.output[1].substring ?? ""), label: String($0.output[2].substring ?? ""))
            }.filter { !$0.value.isEmpty }
        }
        return found
    }
}
