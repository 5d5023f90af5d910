import ConcordMail
import ConcordNotifications
import ConcordStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ConcordWeb

/// What Prometheus scrapes: requests by route pattern, the outbox's backlog, the mail and
/// deadline watch, and only for whoever holds the token.
@Suite("Metrics")
struct MetricsTests {
    static let token = String(repeating: "c0ffee", count: 8)
    static let settings = WebSettings(secureCookies: false, bcryptCost: 4, metricsToken: token)

    @Test("requests are counted by route pattern and status class, never by the address they asked for")
    func routePatterns() async throws {
        try await WebHarness.with(settings: Self.settings) { h in
            let browser = try await h.signedIn(demo("practitioner.csc", "oldham"))
            let id = try await h.raise(as: browser, child: "Zebedee Quartermaine")
            let reference = try await h.load(id).state.reference
            #expect(try await browser.get("/disputes/\(id)").status == .ok)
            #expect(try await browser.get("/disputes/\(UUID())").status == .notFound)
            #expect(try await browser.get("/no-such-page-\(UUID())").status == .notFound)
            #expect(try await browser.get("/no-such-page-\(UUID())?q=Zebedee").status == .notFound)

            let text = try await h.scrape().body
            let dispute = #"route="GET /disputes/:dispute""#
            let raise = #"route="POST /disputes/new/:partnership",status="3xx""#
            #expect(Self.sample(text, "concord_http_requests_total", dispute + #",status="2xx""#) == 1)
            #expect(Self.sample(text, "concord_http_requests_total", dispute + #",status="4xx""#) == 1)
            #expect(Self.sample(text, "concord_http_requests_total", raise) == 1)
            #expect(Self.sample(text, "concord_http_request_duration_seconds_count", dispute + #",status="2xx""#) == 1)
            let unmatched = text.split(separator: "\n").filter {
                $0.hasPrefix("concord_http_requests_total{") && $0.contains(#"route="unmatched""#)
            }
            #expect(unmatched == [#"concord_http_requests_total{route="unmatched",status="4xx"} 2"#])
            for secret in [id.uuidString.lowercased(), id.uuidString, reference, "no-such-page", "Zebedee", "oldham"] {
                #expect(!text.contains(secret), "the metrics name \(secret)")
            }
        }
    }

    @Test("/metrics answers only the configured bearer token, and does not exist without one")
    func token() async throws {
        try await WebHarness.with(settings: Self.settings) { h in
            let none = try await h.scrape(authorization: nil)
            #expect(none.status == .unauthorized && none.headers.first(name: .wwwAuthenticate) == "Bearer")
            #expect(try await h.scrape(authorization: "Bearer \(Self.token.dropLast())x").status == .unauthorized)
            #expect(try await h.scrape(authorization: "Bearer \(Self.token)extra").status == .unauthorized)
            #expect(try await h.scrape(authorization: "Basic \(Self.token)").status == .unauthorized)
            let right = try await h.scrape()
            #expect(right.status == .ok)
            #expect(right.headers.first(name: .contentType) == "text/plain; version=0.0.4; charset=utf-8")
            #expect(right.headers.first(name: .cacheControl) == "no-store")
            #expect(right.body.contains("# TYPE concord_outbox_messages gauge\n"))
        }
        try await WebHarness.with { h in
            let page = try await h.scrape()
            #expect(page.status == .notFound && !page.body.contains("concord_"))
        }
    }

    @Test("the outbox backlog is read at each scrape, by state", arguments: WebBackend.allCases)
    func backlog(_ backend: WebBackend) async throws {
        try await WebHarness.with(settings: Self.settings, backend: backend) { h in
            let before = try await Self.backlog(h)
            let id = try await h.raise(as: try await h.signedIn(demo("practitioner.csc", "oldham")))
            let outbox = Outbox(h.database)
            let queued = try await outbox.messages(partnership: try await h.partnership("oldham").id, dispute: id)
            #expect(!queued.isEmpty)
            var expected = before
            for message in queued { expected[message.status, default: 0] += 1 }
            #expect(try await Self.backlog(h) == expected)

            let claimed = try #require(try await outbox.claim(limit: 1, at: h.clock.now(), lease: 600).first)
            expected[.pending, default: 0] -= 1
            expected[.sending, default: 0] += 1
            #expect(try await Self.backlog(h) == expected)
            try await outbox.markFailed(claimed.id, error: "refused", retryAt: nil)
            expected[.sending, default: 0] -= 1
            expected[.failed, default: 0] += 1
            #expect(try await Self.backlog(h) == expected)
        }
    }

    @Test("deadline sweeps and each message handed to the relay are timed and counted")
    func mailAndDeadlineWatch() async throws {
        try await WebHarness.with(settings: Self.settings) { h in
            _ = try await h.raise(as: try await h.signedIn(demo("practitioner.csc", "oldham")))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("concord-mail-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            let outbox = Outbox(h.database)
            let runner = NotificationRunner(
                delivery: MailDelivery(
                    outbox: outbox, transport: FileTransport(directory: directory),
                    from: MailAddress(name: nil, email: "concord@example.org"), clock: h.clock),
                sweep: DeadlineSweep(h.database), outbox: outbox, clock: h.clock
            ).reporting(to: h.app.concord.metrics)
            #expect(Self.sample(try await h.scrape().body, "concord_deadline_sweep_duration_seconds_count") == 0)

            let swept = try await runner.sweepNow(at: h.clock.now())
            let report = try await runner.delivery.deliverDue()
            #expect(report.sent > 0)
            let text = try await h.scrape().body
            #expect(Self.sample(text, "concord_deadline_sweep_duration_seconds_count") == 1)
            #expect(Self.sample(text, "concord_deadline_sweep_notices_total") == Double(swept.messages))
            for (outcome, count) in [("sent", report.sent), ("retrying", report.retrying), ("failed", report.failed)] {
                #expect(
                    Self.sample(text, "concord_mail_delivery_duration_seconds_count", "outcome=\"\(outcome)\"")
                        == Double(count))
            }
            #expect(Self.sample(text, "concord_notification_round_failures_total") == 0)
        }
    }

    /// The value of one series in a scrape: `name{labels} value`.
    static func sample(_ text: String, _ name: String, _ labels: String? = nil) -> Double? {
        let series = labels.map { "\(name){\($0)} " } ?? "\(name) "
        return text.split(separator: "\n").first { $0.hasPrefix(series) }.flatMap {
            Double($0.dropFirst(series.count))
        }
    }

    static func backlog(_ h: WebHarness) async throws -> [OutboxStatus: Int] {
        let text = try await h.scrape().body
        var counts: [OutboxStatus: Int] = [:]
        for state in Outbox.backlogStates {
            counts[state] = Int(try #require(sample(text, "concord_outbox_messages", "state=\"\(state.rawValue)\"")))
        }
        return counts
    }
}

extension WebHarness {
    /// `GET /metrics` as Prometheus sends it, with the test token unless told otherwise.
    func scrape(authorization: String? = "Bearer \(MetricsTests.token)") async throws -> Browser.Page {
        var headers = HTTPHeaders()
        if let authorization { headers.add(name: .authorization, value: authorization) }
        let response = try await app.testing().performTest(
            request: TestingHTTPRequest(method: .GET, url: URI(path: "/metrics"), headers: headers, body: ByteBuffer()))
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        return Browser.Page(status: response.status, headers: response.headers, body: text)
    }
}
