import Mustache

/// The site's Mustache templates, compiled once. Each page's template fills the `content` block of
/// `layout` (template inheritance); `{{…}}` escapes what it writes, so every text a record brings is
/// shown as text. The only unescaped output, `{{{jsonLD}}}`, is JSON made safe for a script element
/// by ``PageFrame/scriptSafeJSON(_:)``.
///
/// Templates live in Swift strings, not files beside the binary, so that `artel` stays one file
/// an operator can copy anywhere.
enum SiteTemplates {
    /// Every template by name.
    static let sources: [String: String] = [
        "layout": layout,
        "jobs": jobBoard,
        "job": jobPage,
        "error": errorPage,
        "selectFields": selectFields,
        "pageLinks": pageLinks,
        "jobFacts": jobFacts,
        "digests": digestsPage,
        "digest": digestPage,
        "market": marketPage,
        "embedLayout": embedLayout,
        "embedJobs": embedJobs,
        "embedEvents": embedEvents,
        "events": eventList,
        "eventCalendar": eventCalendar,
        "event": eventPage,
        "eventFilters": eventFilters,
        "eventSubscribe": eventSubscribe,
        "communities": communityList,
        "community": communityPage,
        "node": nodePage,
        "signin": signInPage,
        "accountBar": accountBar,
        "editor": editorPage,
        "jobForm": jobFormPage,
        "fieldDescription": fieldDescription,
        "editorConfirm": editorConfirmPage,
        "moderation": moderationPage, "moderationQuarantine": moderationQuarantinePage,
        "moderationRefusals": moderationRefusalsPage, "moderationRecord": moderationRecordPage,
        "moderationConfirm": moderationConfirmPage,
        "operator": operatorPage, "operatorLine": operatorLine, "operatorChoice": operatorChoice,
        "operatorTop": operatorTop, "operatorSummary": operatorSummary, "operatorPeers": operatorPeersPage,
        "operatorFollows": operatorFollowsPage, "operatorAccounts": operatorAccountsPage,
        "operatorPasswd": operatorPasswdPage, "operatorConfirm": operatorConfirmPage,
        "operatorGrants": operatorGrantsPage, "peerFacts": peerFacts,
        "proposeRecord": proposeRecordPage, "proposalThanks": proposalThanksPage,
        "editorProposals": editorProposalsPage, "proposalReview": proposalReviewPage,
        "importForm": importFormPage, "importDryRun": importDryRunPage,
        "editorDigest": editorDigestPage,
        "problemSummary": problemSummary,
        "communityChoice": communityChoice, "recordFields": recordFields,
    ]

    /// The compiled templates.
    static let library: MustacheLibrary = {
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources {
            do {
                templates[name] = try MustacheTemplate(string: source)
            } catch {
                preconditionFailure("the site template \(name) does not parse: \(error)")
            }
        }
        return MustacheLibrary(templates: templates)
    }()
}
