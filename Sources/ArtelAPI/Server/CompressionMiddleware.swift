import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Sends answers of 1 KiB or more gzipped to clients that accept it (`Accept-Encoding: gzip`):
/// lists, records and feeds. The change stream is left as it is, since each event must reach the
/// client when it happens. A compressed answer's entity tag ends in `-gzip`, and a conditional
/// request that sends such a tag back is compared without it, so that `304 Not Modified` works
/// whichever encoding the client stored.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The smallest body worth compressing.
    static var threshold: Int { 1024 }

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        if let tag = request.headers[.ifNoneMatch], tag.contains("-gzip\"") {
            var head = request.head
            head.headerFields[.ifNoneMatch] = tag.replacingOccurrences(of: "-gzip\"", with: "\"")
            request = Request(head: head, body: request.body)
        }
        var response = try await next(request, context)
        guard Self.acceptsGzip(request.headers[.acceptEncoding]), request.method != .head,
            let length = response.body.contentLength, length >= Self.threshold,
            response.headers[.contentEncoding] == nil,
            response.headers[.contentType]?.hasPrefix("text/event-stream") != true
        else { return response }
        response.body = response.body.map { buffer in
            var buffer = buffer
            return try buffer.compress(with: .gzip())
        }
        response.headers[.contentLength] = nil
        response.headers[.contentEncoding] = "gzip"
        response.headers[values: .vary].append("Accept-Encoding")
        if let tag = response.headers[.eTag], tag.hasSuffix("\"") {
            response.headers[.eTag] = String(tag.dropLast()) + "-gzip\""
        }
        return response
    }

    /// Whether an `Accept-Encoding` header admits gzip (not with `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.first?.lowercased() == "gzip" || parts.first == "*" else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}
