import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON value as a request body carries it, keeping booleans, integers and strings apart, so that
/// `true` is never read as `1` nor `"5"` as `5`.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

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
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// What kind of value this is, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The JSON object a write sends.
struct JSONBody {
    /// The largest body the API reads.
    static let maximumSize = 1 << 20

    let members: [String: JSONValue]

    /// Reads a request's body as a JSON object, refusing other media types, bodies too large to
    /// be a record and text that is not a JSON object.
    ///
    /// - Parameter optional: whether an empty body stands for `{}`.
    static func read(_ request: Request, allowed: Set<String>, optional: Bool = false) async throws -> JSONBody {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumSize)
        } catch {
            throw APIError(.contentTooLarge, "body_too_large", "the body is larger than \(maximumSize) bytes")
        }
        if optional && buffer.readableBytes == 0 { return JSONBody(members: [:]) }
        let type = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard type == "application/json" else {
            throw APIError(
                .unsupportedMediaType,
                "unsupported_media_type",
                "send the body as JSON, with Content-Type: application/json"
            )
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError(.badRequest, "malformed_json", "the body is not valid JSON: \(Self.reason(error))")
        }
        guard case .object(let members) = value else {
            throw APIError(.badRequest, "malformed_json", "the body must be a JSON object, not \(value.typeName)")
        }
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError(
                .badRequest,
                "unknown_member",
                "the body has no member \"\(unknown)\"; it takes \(allowed.sorted().joined(separator: ", "))"
            )
        }
        return JSONBody(members: members)
    }

    /// A string member, when given.
    func string(_ name: String) throws -> String? {
        switch members[name] {
        case nil, .null: return nil
        case .string(let text): return text
        case let other?:
            throw APIError(.unprocessableContent, "invalid_member", "\(name) must be a string, not \(other.typeName)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.debugDescription
        }
        return "\(error)"
    }
}
