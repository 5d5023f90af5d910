import FluentKit
import Foundation

/// The server's own secrets, kept in the database rather than the configuration so that
/// several servers share them without an operator having to make and copy one.
public struct ServerKeys: Sendable {
    static let formsName = "forms"

    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    /// 32 random bytes for signing form tokens.
    public func formKey() async throws -> Data {
        guard let model = try await ServerKeyModel.find(Self.formsName, on: database.database),
            let key = Data(base64Encoded: model.value), key.count == 32
        else { throw StoreError.notFound("the server's form key (run the migrations)") }
        return key
    }

    static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
    }
}
