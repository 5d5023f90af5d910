import ConcordStore
import Foundation
import Testing

/// The key forms are signed with, made by the migrations and shared by every server.
@Suite struct ServerKeysTests {
    @Test(arguments: Backend.allCases) func theFormKeyIsMadeOnceWithTheDatabase(_ backend: Backend) async throws {
        try await TestDatabase.withTwoServers(backend) { first, second in
            let key = try await ServerKeys(first).formKey()
            #expect(key.count == 32)
            #expect(try await ServerKeys(second).formKey() == key, "every server sharing the database signs alike")
            let another = try await TestDatabase.with(backend) { try await ServerKeys($0).formKey() }
            #expect(another != key, "each database makes its own")
        }
    }
}
