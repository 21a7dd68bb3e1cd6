import Foundation

/// `/signin`: the form an account signs in with, and the same form again with what went wrong.
public enum SignInPage: Sendable {
    /// Why a sign-in did not happen.
    public enum Problem: String, Sendable {
        /// The name or the password is wrong (which one is not said).
        case wrong
        /// The name or the password is missing.
        case missing
        /// The account exists and the password is right, but the operator disabled it.
        case disabled
        /// Too many failed attempts for this account or from this address.
        case throttled
        /// Too many sign-ins are being checked at once: the node asks to try again in a moment.
        case busy
    }

    /// The page.
    ///
    /// - Parameters:
    ///   - name: the name typed, kept in the form.
    ///   - next: where to go once signed in, a path on this site.
    ///   - problem: what went wrong, shown above the form.
    ///   - retryAfter: with ``Problem/throttled``, the seconds to wait.
    ///   - status: the HTTP status.
    public static func render(
        _ frame: PageFrame,
        name: String = "",
        next: String = "",
        problem: Problem? = nil,
        retryAfter: Int = 0,
        status: Int = 200
    ) -> SitePage {
        let words = frame.words
        var content: [String: Any] = ["name": name, "next": next]
        if let problem {
            content["problem"] = words["signin.problem.\(problem.rawValue)"]
                .replacingOccurrences(of: "{seconds}", with: "\(retryAfter)")
        }
        if let account = frame.account { content["signedInAs"] = account.name }
        return SitePage.render("signin", frame.context(title: words["signin.title"], content: content), status: status)
    }

    /// The page for a form that did not come from this site's own page, or came without its
    /// session's token: nothing was changed.
    public static func forged(_ frame: PageFrame) -> SitePage {
        SitePage.error(frame, status: 403, heading: frame.words["form.forged"], message: frame.words["form.forgedText"])
    }
}
