import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import HTTPTypes
import Hummingbird

/// Signing in and out of the site (`/signin`, `/signout`) with the accounts `artel user` manages.
///
/// A sign-in checks the password with Argon2id (``PasswordHash``, one check at a time:
/// ``PasswordChecks``), against a decoy hash when the name is unknown so that the answer takes as
/// long; failures are counted per name and per address
/// (``SignInLimiter``) and answered with 429 once locked out. Every sign-in, refused password and
/// sign-out is written to the audit log with the address it came from.
struct AccountSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("signin") { request, _ in signInForm(request) }
        router.post("signin") { request, route in try await signIn(request, address: route.address) }
        router.post("signout") { request, route in try await signOut(request, address: route.address) }
    }

    /// `GET /signin`: the form.
    private func signInForm(_ request: Request) -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let next = Self.localPath(frame.parameters.last { $0.name == "next" }?.value)
        return SiteResponses.page(SignInPage.render(frame, next: next ?? ""), rememberLanguage: chosen, personal: true)
    }

    /// `POST /signin`: checks the name and password, opens a session and sends the browser on.
    private func signIn(_ request: Request, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        guard FormGuard.isSameOrigin(request) else {
            return SiteResponses.page(SignInPage.forged(frame), personal: true)
        }
        let form = try await FormBody.read(request)
        let name = String(form["name"].prefix(64))
        let next = Self.localPath(form["next"])
        func again(_ problem: SignInPage.Problem, status: Int, retryAfter: Int = 0) -> Response {
            var response = SiteResponses.page(
                SignInPage.render(
                    frame,
                    name: name,
                    next: next ?? "",
                    problem: problem,
                    retryAfter: retryAfter,
                    status: status
                ),
                personal: true
            )
            if retryAfter > 0 { response.headers[.retryAfter] = "\(retryAfter)" }
            return response
        }
        guard !name.isEmpty, !form["password"].isEmpty else { return again(.missing, status: 400) }
        var subjects: [SignInLimiter.Subject] = [.account(name.lowercased())]
        if let address { subjects.append(.address(address)) }
        let now = Int64(WallClock.now)
        // A locked-out attempt is refused unchecked and unwritten: the failures that locked it are in
        // the audit log, and a flood of refusals must not fill the disk.
        let wait = context.signIns.wait(subjects, now: now)
        if wait > 0 { return again(.throttled, status: 429, retryAfter: Int((wait + 999) / 1000)) }
        let found = try await context.replica.credentials(of: name)
        let stored = found?.passwordHash ?? PasswordHash.decoy
        guard let matches = await context.passwordChecks.verify(form["password"], against: stored) else {
            return again(.busy, status: 503, retryAfter: 1)
        }
        guard let account = found?.account, matches else {
            context.signIns.fail(subjects, now: now)
            try await context.replica.audit(
                AuditEntry(time: now, account: nil, action: "signin.refused", target: name, address: address)
            )
            return again(.wrong, status: 401)
        }
        guard !account.disabled else { return again(.disabled, status: 403) }
        context.signIns.succeed(.account(name.lowercased()))
        let token = SessionToken.make()
        try await context.replica.openSession(
            token,
            for: account.name,
            policy: context.sessionPolicy,
            audit: AuditEntry(
                time: now,
                account: account.name,
                action: "signin",
                target: account.name,
                address: address
            )
        )
        let destination = next ?? Self.home(of: account.role)
        var response = Response(status: .seeOther, headers: [.location: destination, .cacheControl: "no-store"])
        response.headers[.setCookie] = SessionCookie.set(
            token.text,
            maxAge: context.sessionPolicy.lifetime / 1000,
            secure: Self.isSecure(request)
        )
        return response
    }

    /// `POST /signout`: ends the session; a form without its token, or from elsewhere, ends nothing.
    private func signOut(_ request: Request, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        if let visitor = Visitor.current {
            let form = try await FormBody.read(request)
            guard FormGuard.accepts(request, form, from: visitor) else {
                return SiteResponses.page(SignInPage.forged(frame), personal: true)
            }
            try await context.replica.closeSession(
                visitor.token,
                audit: AuditEntry(
                    time: Int64(WallClock.now),
                    account: visitor.account.name,
                    action: "signout",
                    target: visitor.account.name,
                    address: address
                )
            )
        }
        var response = Response(status: .seeOther, headers: [.location: "/", .cacheControl: "no-store"])
        response.headers[.setCookie] = SessionCookie.clear(secure: Self.isSecure(request))
        return response
    }

    /// Where an account of `role` lands after signing in, when no page of the site asked for it.
    static func home(of role: Account.Role) -> String {
        switch role {
        case .editor: "/editor"
        case .moderator: "/moderation"
        case .operator: "/operator"
        }
    }

    /// A path on this site to go to after signing in; `nil` for anything else, so that a link
    /// cannot send a visitor who signs in to another site.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), text.count <= 512,
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return nil }
        return text
    }

    /// Whether the visitor reached the node over TLS, through a proxy that says so.
    static func isSecure(_ request: Request) -> Bool {
        FeedURL.origin(request)?.scheme == "https"
    }
}

extension APIRequestContext {
    /// The remote address as text, without its port: what sign-in attempts are counted by.
    var address: String? { remoteAddress?.ipAddress }
}
