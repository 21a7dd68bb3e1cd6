import Foundation
import HTTPTypes
import Hummingbird

/// Says how long the node took to answer, in a `Server-Timing` header (`app;dur=12.34`, in
/// milliseconds): from routing the request to having the answer ready, the query and the rendering
/// included, the network and the client's queue not. Browsers show it in their developer tools; the
/// API benchmark reads it for the site's goal, which is stated in server time.
struct ServerTimingMiddleware<Context: RequestContext>: RouterMiddleware {
    private static var header: HTTPField.Name { HTTPField.Name("Server-Timing")! }

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1_000
            + Double(elapsed.components.attoseconds) / 1_000_000_000_000_000
        response.headers[Self.header] = "app;dur=" + String(format: "%.2f", milliseconds)
        return response
    }
}
