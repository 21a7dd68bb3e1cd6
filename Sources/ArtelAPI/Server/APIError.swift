import ArtelCore
import ArtelStore
import ArtelWeb
public import HTTPTypes
public import Hummingbird
import Logging

/// A request the API refuses: a status and a message that says what is wrong, sent as
/// `{"error": {"status": 400, "code": "invalid_parameter", "message": "…"}}`.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A short stable name, for programs.
    public let code: String
    /// What is wrong, for people.
    public let message: String
    /// Headers the answer carries besides the JSON body (`Allow` on a 405).
    public var headers: HTTPFields = [:]

    /// An error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Responses.json(
            .object([
                (
                    "error",
                    .object([
                        ("status", .number(Int64(status.code))), ("code", .string(code)), ("message", .string(message)),
                    ])
                )
            ]),
            status: status
        )
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"artel\"" }
        response.headers.append(contentsOf: headers)
        return response
    }

    /// The API error for an error of the store or of a delta; `nil` for errors that are the node's fault.
    static func from(_ error: any Error) -> APIError? {
        if let error = error as? APIError { return error }
        if let error = error as? DeltaError {
            let forbidden: [DeltaError.Code] = [.unauthorized, .revoked, .outsideGrant, .blocked, .erased]
            return APIError(
                forbidden.contains(error.code) ? .forbidden : .unprocessableContent,
                error.code.name,
                error.message
            )
        }
        if let error = error as? StoreError {
            let status: HTTPResponse.Status =
                switch error.code {
                case .notFound: .notFound
                case .ambiguous: .conflict
                case .invalidInput: .badRequest
                case .keyNotFound: .forbidden
                default: .internalServerError
                }
            guard status != .internalServerError else { return nil }
            return APIError(status, "\(error.code)", error.message)
        }
        return nil
    }
}

/// Turns every error a handler throws into a JSON error; failures of the node are logged and
/// answered with a 500 that does not leak their details.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The node's name, which heads the site's page for an address that has none.
    let siteName: String

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            if let methods = AllowedMethods.methods(for: request.uri.path), !methods.contains(request.method) {
                var refusal = APIError(
                    .methodNotAllowed,
                    "method_not_allowed",
                    "\(request.uri.path) answers \(methods.map(\.rawValue).joined(separator: ", ")), not \(request.method)"
                )
                refusal.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
                throw refusal
            }
            // A person following a broken link gets a page, a program the API's JSON.
            if SiteRoutes.isPageRequest(request) {
                let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: siteName)
                return SiteResponses.page(.notFound(frame))
            }
            throw APIError(
                .notFound,
                "no_such_route",
                "the API has no \(request.method) \(request.uri.path); protocol/api.md lists its routes"
            )
        } catch {
            if let known = APIError.from(error) { throw known }
            context.logger.error("API request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            throw APIError(.internalServerError, "internal", "the node failed to answer; its log says why")
        }
    }
}
