import ArtelTestKit
import Foundation
import Testing

/// The server checked against `protocol/openapi.json`: every documented operation is called, and
/// every answer must have a documented status, a documented media type, and a JSON body that
/// validates against the documented schema.
@Suite("OpenAPI document")
struct OpenAPIConformanceTests {
    @Test("Every operation answers as the document says, for good and bad requests", .timeLimit(.minutes(2)))
    func conformance() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("protocol/openapi.json")))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let validator = SchemaValidator(document: document)
        var called: Set<String> = []

        try await APITests.served { node, serve, token in
            let json = APITests.json(token)
            let created = try HTTPClient.request(
                "POST",
                "\(serve.api)/api/v1/jobs",
                headers: json,
                body: #"{"community": "Tech Leaders Moscow", "fields": {"title": "Go-разработчик", "tags": ["go"]}}"#
            )
            let id = try #require((try created.object()["record"] as? [String: Any])?["id"] as? String)
            let communityKey = try #require((try created.object()["record"] as? [String: Any])?["community"] as? String)
            try node.expectSuccess(
                "event",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Митап",
                "--type",
                "meetup",
                "--start",
                "2026-12-03 19:00",
                "--timezone",
                "Europe/Moscow"
            )
            let digest = TestNode.createdID(
                try node.expectSuccess(
                    "digest",
                    "create",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Вакансии недели",
                    "--period-start",
                    "2026-11-16",
                    "--period-end",
                    "2026-11-22",
                    "--items",
                    id
                )
            )
            let requests: [(String, String, String, [String: String], String?)] = [
                ("GET", "/health", "/health", [:], nil),
                ("GET", "/metrics", "/metrics", [:], nil),
                ("GET", "/metrics", "/metrics", ["Authorization": "Bearer \(token)"], nil),
                ("GET", "/api/v1/jobs", "/api/v1/jobs?tag=go&limit=1", [:], nil),
                ("GET", "/api/v1/events", "/api/v1/events", ["Authorization": "Bearer \(token)"], nil),
                ("GET", "/api/v1/jobs", "/api/v1/jobs?limit=9999", [:], nil),
                ("GET", "/api/v1/jobs", "/api/v1/jobs?visibility=private", [:], nil),
                ("GET", "/api/v1/jobs/{id}", "/api/v1/jobs/\(id)", [:], nil),
                ("GET", "/api/v1/jobs/{id}", "/api/v1/jobs/00000000", [:], nil),
                (
                    "POST", "/api/v1/events", "/api/v1/events", json,
                    #"{"community": "Tech Leaders Moscow", "fields": {"title": "Вебинар", "type": "webinar", "start": "2026-12-10T16:00:00Z", "timezone": "Europe/Moscow"}}"#
                ),
                (
                    "POST", "/api/v1/jobs", "/api/v1/jobs", json,
                    #"{"community": "Tech Leaders Moscow", "fields": {}}"#
                ),
                ("POST", "/api/v1/jobs", "/api/v1/jobs", [:], "{}"),
                ("PATCH", "/api/v1/jobs/{id}", "/api/v1/jobs/\(id)", json, #"{"fields": {"employer": "Ромашка"}}"#),
                ("PATCH", "/api/v1/jobs/{id}", "/api/v1/jobs/\(id)", json, "nonsense"),
                ("POST", "/api/v1/jobs/{id}/renew", "/api/v1/jobs/\(id)/renew", json, nil),
                ("GET", "/feeds/events.ics", "/feeds/events.ics", [:], nil),
                ("GET", "/feeds/jobs.json", "/feeds/jobs.json?community=\(communityKey)", [:], nil),
                ("GET", "/feeds/jobs.atom", "/feeds/jobs.atom?page=2", [:], nil),
                ("GET", "/feeds/jobs.atom", "/feeds/jobs.atom", [:], nil),
                ("GET", "/feeds/digest.html", "/feeds/digest.html", [:], nil),
                ("GET", "/feeds/digest.md", "/feeds/digest.md?community=\(communityKey)", [:], nil),
                ("GET", "/feeds/digests/{file}", "/feeds/digests/\(digest).html?community=\(communityKey)", [:], nil),
                ("GET", "/feeds/digests/{file}", "/feeds/digests/\(digest).md", [:], nil),
                ("HEAD", "/feeds/digests/{file}", "/feeds/digests/\(digest).md", [:], nil),
                ("DELETE", "/api/v1/jobs/{id}", "/api/v1/jobs/\(id)", json, nil),
                ("DELETE", "/api/v1/jobs/{id}", "/api/v1/jobs/\(id)", json, nil),
            ]
            // Every kind's operations, with ids that name no record and a new record missing its fields.
            var everyKind: [(String, String, String, [String: String], String?)] = []
            for kind in ["jobs", "events", "digests", "communities", "people", "memberships", "ties"] {
                everyKind += [
                    ("GET", "/api/v1/\(kind)", "/api/v1/\(kind)?limit=2", [:], nil),
                    ("HEAD", "/api/v1/\(kind)", "/api/v1/\(kind)", [:], nil),
                    ("GET", "/api/v1/\(kind)/{id}", "/api/v1/\(kind)/0123456789abcdef", [:], nil),
                    ("HEAD", "/api/v1/\(kind)/{id}", "/api/v1/\(kind)/0123456789abcdef", [:], nil),
                    (
                        "PATCH", "/api/v1/\(kind)/{id}", "/api/v1/\(kind)/0123456789abcdef", json,
                        #"{"clear": ["visibility"]}"#
                    ),
                    ("DELETE", "/api/v1/\(kind)/{id}", "/api/v1/\(kind)/0123456789abcdef", json, nil),
                    ("POST", "/api/v1/\(kind)/{id}/renew", "/api/v1/\(kind)/0123456789abcdef/renew", json, nil),
                ]
                if kind != "communities" {
                    everyKind.append(
                        (
                            "POST", "/api/v1/\(kind)", "/api/v1/\(kind)", json,
                            #"{"community": "Tech Leaders Moscow", "fields": {}}"#
                        )
                    )
                }
            }
            for template in paths.keys where template.hasPrefix("/") {
                // A change stream never ends, so only its HEAD is read here; its GET is read below.
                let methods = template.hasPrefix("/api/v1/changes") ? ["HEAD"] : ["GET", "HEAD"]
                for method in methods where paths[template]?[method.lowercased()] != nil {
                    if !template.contains("{"),
                        !(requests + everyKind).contains(where: { $0.0 == method && $0.1 == template })
                    {
                        everyKind.append((method, template, template, ["Authorization": "Bearer \(token)"], nil))
                    }
                }
            }
            for (method, template, path, headers, body) in requests + everyKind {
                let operation = try #require(
                    paths[template]?[method.lowercased()] as? [String: Any],
                    "\(method) \(template) is not in the document"
                )
                called.insert("\(method) \(template)")
                let response = try HTTPClient.request(method, serve.api + path, headers: headers, body: body)
                let responses = try #require(operation["responses"] as? [String: Any])
                let documented = try #require(
                    responses["\(response.status)"] as? [String: Any],
                    "\(method) \(path) answered \(response.status), which the document does not list: \(response.text)"
                )
                if method == "HEAD" {
                    #expect(response.body.isEmpty, "HEAD \(path) sent a body")
                    continue
                }
                let content = documented["content"] as? [String: Any] ?? [:]
                guard !content.isEmpty else { continue }
                let mediaType = String(response.headers["content-type"]?.split(separator: ";").first ?? "")
                let media = try #require(
                    content[mediaType] as? [String: Any],
                    "\(method) \(path) sent \(mediaType), the document says \(content.keys.sorted())"
                )
                if mediaType.hasSuffix("json"), let schema = media["schema"] as? [String: Any] {
                    let problems = validator.validate(
                        try JSONDecoder().decode(JSONTree.self, from: Data(response.body)),
                        against: schema,
                        at: "body"
                    )
                    #expect(problems.isEmpty, "\(method) \(path): \(problems)")
                }
            }
            // Undocumented methods are refused with the documented ones in Allow.
            for (template, operations) in paths {
                let path = template.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(
                    of: "{file}",
                    with: "\(digest).md"
                )
                let response = try HTTPClient.request("TRACE", serve.api + path, headers: json, body: nil)
                let allowed = operations.keys.filter { $0 != "parameters" }.map { $0.uppercased() }.sorted()
                #expect(response.status == 405, "TRACE \(path): \(response.status)")
                let allow = (response.headers["allow"] ?? "").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                #expect(allow.sorted() == allowed, "\(template): Allow \(allow), documented \(allowed)")
            }
            // The change streams: their heads, and one event's data against ChangeEventData.
            for template in paths.keys where template.hasPrefix("/api/v1/changes/") {
                let stream = try HTTPClient.events(serve.api + template + "?after=0")
                #expect(stream.status == 200, "\(template)")
                called.insert("GET \(template)")
            }
            let refused = try HTTPClient.request(
                "GET",
                "\(serve.api)/api/v1/changes?work_mode=remote",
                headers: [:],
                body: nil
            )
            #expect(refused.status == 400 && refused.text.contains("/api/v1/changes/jobs"), "\(refused.text)")
            let stream = try HTTPClient.events("\(serve.api)/api/v1/changes?after=0&kind=jobs")
            called.insert("GET /api/v1/changes")
            #expect(stream.status == 200)
            let event = try #require(try stream.events(1).first)
            let schema = ["$ref": "#/components/schemas/ChangeEventData"]
            let problems = validator.validate(
                try JSONDecoder().decode(JSONTree.self, from: Data(event.data.utf8)),
                against: schema,
                at: "data"
            )
            #expect(problems.isEmpty, "\(problems)")
        }
        let methods: Set<String> = ["get", "head", "post", "patch", "put", "delete"]
        let documented = Set(
            paths.flatMap { path, operations in
                operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            }
        )
        #expect(documented.subtracting(called).isEmpty, "never called: \(documented.subtracting(called).sorted())")
    }
}

/// A JSON value that keeps booleans, integers and other numbers apart, for validation.
enum JSONTree: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONTree].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    /// The JSON Schema type names this value has.
    var types: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .integer: ["integer", "number"]
        case .number: ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    var text: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer(let number): "\(number)"
        case .number(let number): "\(number)"
        case .string(let text): text
        case .array: "[…]"
        case .object: "{…}"
        }
    }
}

/// Validates JSON values against the subset of JSON Schema the API document uses: `type`,
/// `properties`, `required`, `additionalProperties: false`, `items`, `enum`, `const`, `pattern`,
/// `minLength`, `maxLength`, `minimum`, `maximum`, `allOf`, `anyOf` and local `$ref`s.
struct SchemaValidator {
    let document: [String: Any]

    private static func equal(_ allowed: Any, _ value: JSONTree) -> Bool {
        if case .bool(let flag) = value { return (allowed as? Bool) == flag && !(allowed is String) }
        return "\(allowed)" == value.text
    }

    func validate(_ value: JSONTree, against schema: [String: Any], at place: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            guard let resolved = schemas?[name] as? [String: Any] else { return ["\(place): unknown \(reference)"] }
            return validate(value, against: resolved, at: place)
        }
        var problems: [String] = []
        for part in schema["allOf"] as? [[String: Any]] ?? [] { problems += validate(value, against: part, at: place) }
        if let choices = schema["anyOf"] as? [[String: Any]],
            !choices.contains(where: { validate(value, against: $0, at: place).isEmpty })
        {
            problems.append("\(place): \(value.text) matches none of anyOf")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            problems.append("\(place): \(value.text) is not \(constant)")
        }
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }) {
            guard !value.types.isDisjoint(with: types) else { return ["\(place): \(value.text) is not \(types)"] }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            problems.append("\(place): \(value.text) is not one of \(allowed)")
        }
        switch value {
        case .string(let text):
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(place): \"\(text)\" does not match \(pattern)")
            }
            let length = text.unicodeScalars.count
            if let minimum = schema["minLength"] as? Int, length < minimum { problems.append("\(place): too short") }
            if let maximum = schema["maxLength"] as? Int, length > maximum { problems.append("\(place): too long") }
        case .integer, .number:
            let number = Double(value.text) ?? 0
            if let minimum = schema["minimum"] as? Double, number < minimum {
                problems.append("\(place): below \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, number > maximum {
                problems.append("\(place): above \(maximum)")
            }
        case .object(let object):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(place).\(name) is missing")
            }
            for (name, member) in object {
                if let property = properties[name] as? [String: Any] {
                    problems += validate(member, against: property, at: "\(place).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(place).\(name) is not in the schema")
                }
            }
        case .array(let items):
            if let schema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() {
                    problems += validate(item, against: schema, at: "\(place)[\(index)]")
                }
            }
        default: break
        }
        return problems
    }
}
