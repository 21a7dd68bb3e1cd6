import HTTPTypes
import Hummingbird

/// Lets the pages of configured web origins read the API from a browser: the public records, the
/// feeds and the change streams (`GET`, `HEAD`, and their preflight). Writes and the token are
/// never offered across origins: a page elsewhere reads what any visitor may read, and no more.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The origins allowed, or `*` for any.
    let origins: [String]

    /// Headers a page may send (`Last-Event-ID` resumes an EventSource) and read.
    private static var requestHeaders: String { "Accept, If-None-Match, Last-Event-ID" }
    private static var exposedHeaders: String { "ETag, Link, Location" }

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin], let allowed = allowedOrigin(origin) else {
            return try await next(request, context)
        }
        if request.method == .options, let asked = request.headers[.accessControlRequestMethod] {
            var response = Response(status: .noContent)
            if ["GET", "HEAD"].contains(asked) {
                response.headers[.accessControlAllowOrigin] = allowed
                response.headers[.accessControlAllowMethods] = "GET, HEAD"
                response.headers[.accessControlAllowHeaders] = Self.requestHeaders
                response.headers[.accessControlMaxAge] = "86400"
            }
            response.headers[.vary] = "Origin"
            return response
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if request.method == .get || request.method == .head {
            response.headers[.accessControlAllowOrigin] = allowed
            response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        }
        response.headers[.vary] = "Origin"
        return response
    }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`, or nil when it may not read.
    private func allowedOrigin(_ origin: String) -> String? {
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }
}
