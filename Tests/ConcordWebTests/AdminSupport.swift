import ConcordCore
import ConcordStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ConcordWeb

/// Demo sign-ins and helpers the administration tests share.
enum AdminFixtures {
    static let admin = "admin@concord.example"
    static let practitioner = "practitioner.csc@oldham.concord.example"
    static let businessOffice = "business-office@oldham.concord.example"

    /// Oldham's built-in policy, and the same policy with a different summary line, as a new
    /// version would be.
    static var oldham: String { PolicyLibrary.text(of: "oldham") ?? "" }
    static var oldhamRevised: String {
        oldham.replacingOccurrences(
            of: "name: Dispute Resolution Pathway", with: "name: Dispute Resolution Pathway (revised)")
    }

    /// Every admin page and form, with real identifiers from the demo data.
    static func routes(_ harness: WebHarness) async throws -> (gets: [String], posts: [String]) {
        let directory = Directory(harness.database)
        let person = try #require(try await directory.people().first).id
        let account = try #require(try await Accounts(harness.database).find(email: admin)).id
        let sha = try #require(try await directory.currentPolicy(partnership: oldhamID(harness))?.version)
        let gets: [SiteRoute] = [
            .admin, .adminNewPartnership, .adminPartnership(.value("oldham")), .adminPolicies(.value("oldham")),
            .adminPolicyVersion(.value("oldham"), sha: .value(sha)), .adminAgencies, .adminNewAgency, .adminPeople,
            .adminNewPerson, .adminPerson(.value(person)), .adminAccounts, .adminNewAccount,
            .adminAccount(.value(account)),
        ]
        let posts: [SiteRoute] = [
            .adminNewPartnership, .adminClosureDays(.value("oldham")), .adminRemoveClosureDay(.value("oldham")),
            .adminPolicies(.value("oldham")), .adminNewAgency, .adminNewPerson, .adminPerson(.value(person)),
            .adminNewAccount, .adminAccountStatus(.value(account)), .adminAccountPassword(.value(account)),
        ]
        return (gets.map(\.path), posts.map(\.path))
    }

    static func oldhamID(_ harness: WebHarness) async throws -> UUID {
        try #require(try await Directory(harness.database).partnership(slug: "oldham")).id
    }
}

extension Browser {
    /// Posts a multipart form, as the policy upload form does, with the CSRF token from the
    /// last page unless `csrf` is given.
    func postMultipart(
        _ path: String, _ fields: [String: String], file: (filename: String, content: String)? = nil,
        csrf: String? = nil
    ) async throws -> Page {
        let boundary = "----concord-test-\(UUID().uuidString)"
        var fields = fields
        fields["csrf"] = csrf ?? Page(status: .ok, headers: [:], body: lastBody).hidden("csrf") ?? ""
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.filename)\"\r\n"
            body += "Content-Type: application/x-yaml\r\n\r\n\(file.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: path), headers: headers, body: ByteBuffer(string: body))
        )
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        return Page(status: response.status, headers: response.headers, body: text)
    }
}
