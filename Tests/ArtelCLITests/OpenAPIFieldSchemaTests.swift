import ArtelTestKit
import Foundation
import Testing

@Suite("OpenAPI field schemas")
struct OpenAPIFieldSchemaTests {
    @Test("Each kind's fields in protocol/openapi.json state exactly the rules the kinds enforce")
    func fieldSchemasFollowTheKinds() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("protocol/openapi.json")))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let expectedJSON = try JSONSerialization.data(withJSONObject: FieldSchemas.all, options: [.sortedKeys])
        // Both sides read and written by the same serializer, keys sorted, compare as text.
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedJSON) as? [String: Any])
        func canonical(_ schema: Any?) throws -> Data? {
            guard let schema else { return nil }
            return try JSONSerialization.data(withJSONObject: schema, options: [.sortedKeys])
        }
        let differing = try expected.keys.filter { try canonical(expected[$0]) != canonical(schemas[$0]) }
        if !differing.isEmpty {
            let path = TestFiles.path(".build/openapi-fields.json")
            try expectedJSON.write(to: URL(fileURLWithPath: path))
            Issue.record(
                "\(differing.sorted().joined(separator: ", ")) differ from the kinds' rules; the expected schemas are in \(path)"
            )
        }
    }

    @Test("from and until carry the same moment pattern as the fields, on every operation")
    func momentParameters() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("protocol/openapi.json")))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var checked = 0
        for (path, item) in paths {
            for case let (method, operation as [String: Any]) in item {
                for case let parameter as [String: Any] in operation["parameters"] as? [Any] ?? []
                where ["from", "until"].contains(parameter["name"] as? String) {
                    let pattern = (parameter["schema"] as? [String: Any])?["pattern"] as? String
                    #expect(pattern == FieldSchemas.momentPattern, "\(method) \(path) \(parameter["name"] ?? "")")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }
}
