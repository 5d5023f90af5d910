import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `concord serve` as an operator runs it with a metrics port of its own and JSON logs: the
/// metrics are on that port and nowhere else, and every log line is a JSON object.
@Suite struct ServeMetricsTests {
    @Test func metricsAreServedOnTheirOwnPortOnly() async throws {
        let cli = try CLI()
        let main = freePort()
        let metrics = freePort()
        let server = try ServeProcess(
            cli,
            environment: [
                "CONCORD_PORT": String(main), "CONCORD_METRICS_PORT": String(metrics), "CONCORD_DEMO_DATA": "off",
                "CONCORD_DEADLINE_WATCH": "off", "CONCORD_LOG_FORMAT": "json",
            ])
        do {
            #expect(try await Self.waitUntilUp("http://127.0.0.1:\(main)/healthz"), "not up: \(server.output)")
            let scrape = try await Self.get("http://127.0.0.1:\(metrics)/metrics")
            #expect(scrape.status == 200)
            #expect(scrape.body.contains("concord_outbox_messages{state=\"pending\"} 0.0\n"))
            #expect(scrape.body.contains("concord_http_requests_total{route=\"GET /healthz\",status=\"2xx\"} "))
            #expect(try await Self.get("http://127.0.0.1:\(main)/metrics").status == 404)
            #expect(try await Self.get("http://127.0.0.1:\(metrics)/healthz").status == 404)
        } catch {
            _ = try await server.terminate()
            throw error
        }
        #expect(try await server.terminate() == "exit 0", "\(server.output)")
        let logs = server.output.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(logs.count >= 2, "the two listeners say where they started: \(server.output)")
        for line in logs {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["timestamp", "level", "label", "message", "metadata"], "\(line)")
        }
        #expect(logs.contains { $0.contains("127.0.0.1:\(metrics)") }, "\(server.output)")
    }

    static func get(_ address: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: address)))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Polls until the address answers 200, for up to a minute.
    static func waitUntilUp(_ address: String) async throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let answer = try? await get(address), answer.status == 200 { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
