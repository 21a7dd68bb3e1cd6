import ArtelCore
import ArtelSync
import Foundation
import Testing

/// The Negentropy V1 transcripts in `Tests/Fixtures/negentropy/negentropy-v1.json`.
struct NegentropyVectorFile: Decodable {
    let cases: [NegentropyVectorCase]

    /// Reads the file, found from this source file's path.
    static func load() throws -> NegentropyVectorFile {
        var components = URL(fileURLWithPath: #filePath).pathComponents
        let tests = try #require(components.lastIndex(of: "Tests"))
        components.removeSubrange((tests + 1)...)
        components += ["Fixtures", "negentropy", "negentropy-v1.json"]
        let data = try Data(contentsOf: URL(fileURLWithPath: NSString.path(withComponents: components)))
        return try JSONDecoder().decode(NegentropyVectorFile.self, from: data)
    }
}

/// One reconciliation: both sets, the transcript and the ids the client learns.
struct NegentropyVectorCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let frameSizeLimit: Int
    let common: [VectorItem]
    let clientOnly: [VectorItem]
    let serverOnly: [VectorItem]
    let roundTrips: Int
    let transcript: [Step]
    let clientHave: [String]
    let clientNeed: [String]

    var testDescription: String { name }

    var clientItems: [NegentropyItem] { (common + clientOnly).map(\.item) }
    var serverItems: [NegentropyItem] { (common + serverOnly).map(\.item) }

    /// An item written as `[timestamp, "id hex"]`.
    struct VectorItem: Decodable, Sendable {
        let item: NegentropyItem

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            let timestamp = try container.decode(UInt64.self)
            let hex = try container.decode(String.self)
            guard let bytes = Hex.decode(hex), let id = Bytes32(bytes) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad id \(hex)")
            }
            item = NegentropyItem(timestamp: timestamp, id: id)
        }
    }

    /// One message, or the client's final step (`done`); client steps after the first carry the ids
    /// learned from the server message before them.
    struct Step: Decodable, Sendable {
        let from: String
        let hex: String?
        let done: Bool?
        let have: [String]?
        let need: [String]?
    }
}
