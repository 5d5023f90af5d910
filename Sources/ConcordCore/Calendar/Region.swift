/// The three bank-holiday divisions of the United Kingdom, named as GOV.UK names them.
public enum Region: String, CaseIterable, Codable, Sendable {
    case englandAndWales = "england-and-wales"
    case scotland
    case northernIreland = "northern-ireland"

    public var displayName: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}
