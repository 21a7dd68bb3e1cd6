public import ArtelCore
public import ArtelStore
import Foundation

/// `/editor/proposals`: the visitors' proposals an editor may decide, waiting and decided; and one
/// proposal in the editor's form of its kind, to approve (after changing it, if need be) or to reject with a reason.
public enum ProposalReviewPages: Sendable {
    /// The longest reason for a rejection, in characters.
    public static let reasonLimit = 1_000

    /// The list.
    ///
    /// - Parameters:
    ///   - pending: the waiting proposals, newest first.
    ///   - decided: the decided ones, newest decision first.
    ///   - names: community names by key.
    ///   - done: what was just done (`approved`, `rejected`), to say so.
    public static func list(
        _ frame: PageFrame,
        pending: [Proposal],
        decided: [Proposal],
        names: [PublicKey: String],
        done: String?
    ) -> SitePage {
        let words = frame.words
        func item(_ proposal: Proposal) -> [String: Any] {
            var item: [String: Any] = [
                "title": proposal["title"].isEmpty ? words["proposals.untitled"] : proposal["title"],
                "kind": words["proposals.kind.\(proposal.kind.name)"],
                "community": names[proposal.community] ?? proposal.community.hex,
                "received": SiteDates.day(proposal.received, in: frame.language),
                "href": "/editor/proposals/\(proposal.id)",
                "state": words["proposals.state.\(proposal.state.rawValue)"],
                "by": proposal.decidedBy ?? "",
                "decided": proposal.decided.map { SiteDates.day($0, in: frame.language) } ?? "",
            ]
            if let contact = proposal.contact { item["contact"] = contact }
            if let reason = proposal.reason { item["reason"] = reason }
            if let record = proposal.record { item["recordHref"] = "/\(proposal.kind.name)s/\(record.hex)" }
            return item
        }
        var content: [String: Any] = [
            "pending": pending.map(item), "hasPending": !pending.isEmpty,
            "decided": decided.map(item), "hasDecided": !decided.isEmpty,
        ]
        if let done, let note = words.optional("proposals.done.\(done)") { content["done"] = note }
        return SitePage.render("editorProposals", frame.context(title: words["proposals.title"], content: content))
    }

    /// One waiting proposal: its record's form to approve, and the form to reject it.
    ///
    /// - Parameters:
    ///   - proposal: the proposal.
    ///   - form: the record's values in the editor's form of its kind: the visitor's, or the
    ///     editor's changes to them.
    ///   - communityName: the community's name.
    ///   - problems: what is wrong with the record, by field name.
    ///   - refusal: why the node refused to sign the record, in the rule's words.
    ///   - reason: the reason typed for a rejection.
    ///   - reasonProblem: what is wrong with it.
    public static func review(
        _ frame: PageFrame,
        proposal: Proposal,
        form: any EditorForm,
        communityName: String,
        problems: [String: FieldProblem] = [:],
        refusal: String? = nil,
        reason: String = "",
        reasonProblem: FieldProblem? = nil
    ) -> SitePage {
        let words = frame.words
        var content = form.content(frame, problems: problems, refusal: refusal)
        content["kind"] = words["proposals.kind.\(proposal.kind.name)"]
        let heading = words["proposals.review"].replacingOccurrences(of: "{number}", with: "\(proposal.id)")
        content["heading"] = heading
        content["community"] = communityName
        content["received"] = SiteDates.day(proposal.received, in: frame.language)
        if let contact = proposal.contact { content["contact"] = contact }
        content["csrf"] = frame.account?.formToken ?? ""
        content["approve"] = "/editor/proposals/\(proposal.id)/approve"
        content["reject"] = "/editor/proposals/\(proposal.id)/reject"
        var reasonField: [String: Any] = ["id": "field-reason", "value": reason]
        if let reasonProblem { reasonField["error"] = FormFields.message(reasonProblem, frame) }
        content["reason"] = reasonField
        let failed = !problems.isEmpty || refusal != nil || reasonProblem != nil
        return SitePage.render(
            "proposalReview",
            frame.context(title: heading, content: content),
            status: failed ? 422 : 200
        )
    }

    /// What is wrong with a rejection's reason: empty, or longer than ``reasonLimit``.
    ///
    /// - Parameter reason: the reason, trimmed.
    public static func problem(withReason reason: String) -> FieldProblem? {
        if reason.isEmpty { return FieldProblem(.required) }
        if reason.count > reasonLimit { return FieldProblem(.tooLong) }
        return nil
    }
}
