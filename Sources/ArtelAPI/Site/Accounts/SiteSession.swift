import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Hummingbird

/// The account a request is signed in as, found from its `artel_session` cookie by
/// ``SessionMiddleware`` and read by the page that answers it.
struct Visitor: Sendable {
    /// The account.
    let account: Account
    /// The session's token, whose form token every form must carry back.
    let token: SessionToken

    /// The account as a page's header shows it.
    var page: SignedInAccount {
        SignedInAccount(
            name: account.name,
            formToken: token.formToken,
            moderates: account.moderates,
            isOperator: account.role == .operator
        )
    }

    /// The visitor of the request being answered, `nil` when nobody is signed in.
    @TaskLocal static var current: Visitor?
}

/// Finds the account a request's session cookie signs in, for the handler to read as
/// ``Visitor/current``. A cookie whose session ended or was revoked counts as none; only requests
/// that carry the cookie read the replica.
struct SessionMiddleware<Context: RequestContext>: RouterMiddleware {
    let replica: Replica
    let policy: SessionPolicy

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let text = request.cookies[SessionCookie.name]?.value, let token = SessionToken(text: text),
            let account = try await replica.session(token, policy: policy, now: Int64(WallClock.now))
        else { return try await next(request, context) }
        return try await Visitor.$current.withValue(Visitor(account: account, token: token)) {
            try await next(request, context)
        }
    }
}
