import ArtelCore
import ArtelStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses of the API: JSON bodies, and feeds with an entity tag.
enum Responses {
    /// A JSON body.
    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.compact))
        )
    }

    /// A body that caches may keep: tagged with a hash of its bytes, and answered with
    /// 304 Not Modified when the client already holds that version (`If-None-Match`).
    static func cacheable(_ text: String, contentType: String, request: Request) -> Response {
        let bytes = Array(text.utf8)
        let tag = "\"" + Hex.encode(Blake2b.hash(bytes, outputCount: 16)) + "\""
        var headers: HTTPFields = [.eTag: tag, .cacheControl: "public, max-age=60"]
        let held = request.headers[.ifNoneMatch]?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let held, held.contains(tag) || held.contains("*") {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
