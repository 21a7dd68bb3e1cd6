import ArtelTestKit
import Testing

extension SiteBrowser {
    /// A visitor of `site` signed in as `name` with the tests' password.
    static func signedIn(_ site: String, _ name: String) throws -> SiteBrowser {
        var browser = SiteBrowser(site)
        let answer = try browser.signIn(name, SignInSiteTests.password)
        try #require(answer.status == 303, "\(name) could not sign in: \(answer.status)")
        return browser
    }
}
