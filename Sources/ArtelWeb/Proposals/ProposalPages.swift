public import ArtelCore
import Foundation

/// `/propose/job`: the form a visitor without an account proposes a vacancy with, for an editor of
/// the chosen community to approve or reject; the page that thanks them; and the pages that say
/// why a proposal is not taken. The fields are the editor's job form (``JobForm``), with the same
/// checks and messages beside their fields.
public enum ProposalPages: Sendable {
    /// The form, empty or with the visitor's values and their problems.
    ///
    /// - Parameters:
    ///   - form: the visitor's values.
    ///   - token: the form token that the visitor's `artel_propose` cookie holds too.
    ///   - communities: the communities that take proposals, by name.
    ///   - problems: what is wrong, by field name (``ProposalForm/contactField`` among them).
    ///   - expired: whether the form came back without its token: nothing was stored, it can be
    ///     sent again (403).
    public static func form(
        _ frame: PageFrame,
        form: ProposalForm,
        token: String,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem] = [:],
        expired: Bool = false
    ) -> SitePage {
        let words = frame.words
        var content = JobFormPage.content(frame, form: form.job, problems: problems, refusal: nil)
        content.merge(FormFields.communityChoice(communities, chosen: form.job.community)) { $1 }
        var contactInput: [String: Any] = [
            "id": "field-\(ProposalForm.contactField)", "name": ProposalForm.contactField, "value": form.contact,
            "label": words["propose.contact"], "hint": words["propose.contactHint"],
        ]
        var summary = content["summary"] as? [[String: Any]] ?? []
        if let problem = problems["community"] {
            content["communityError"] = FormFields.message(problem, frame)
            summary.insert(
                ["href": "#field-community", "message": "\(words["editor.community"]): \(content["communityError"]!)"],
                at: 0
            )
        }
        if let problem = problems[ProposalForm.contactField] {
            contactInput["error"] = FormFields.message(problem, frame)
            summary.append([
                "href": "#field-\(ProposalForm.contactField)",
                "message": "\(words["propose.contact"]): \(contactInput["error"]!)",
            ])
        }
        content["summary"] = summary
        content["hasSummary"] = !summary.isEmpty
        content["contact"] = contactInput
        content["token"] = token
        content["trap"] = ProposalForm.trapField
        if expired { content["expired"] = words["propose.expired"] }
        let status = expired ? 403 : problems.isEmpty ? 200 : 422
        return SitePage.render(
            "proposeJob",
            frame.context(title: words["propose.job.title"], content: content),
            status: status
        )
    }

    /// The page after a proposal is sent: an editor will look at it.
    public static func thanks(_ frame: PageFrame) -> SitePage {
        SitePage.render("proposalThanks", frame.context(title: frame.words["propose.thanks.title"], content: [:]))
    }

    /// Why a proposal is not taken.
    public enum Refusal: Sendable {
        /// No community of this node has an editor to look at one.
        case nobodyToReview
        /// The visitor's address sent as many as it may for now.
        case tooMany(retryAfter: Int)
        /// As many proposals wait as the node keeps.
        case queueFull
    }

    /// The page that says why a proposal is not taken; nothing was stored.
    public static func refused(_ frame: PageFrame, _ refusal: Refusal) -> SitePage {
        let words = frame.words
        switch refusal {
        case .nobodyToReview:
            return SitePage.error(
                frame,
                status: 404,
                heading: words["propose.closed"],
                message: words["propose.closedText"]
            )
        case .tooMany(let seconds):
            let minutes = max(1, (seconds + 59) / 60)
            return SitePage.error(
                frame,
                status: 429,
                heading: words["propose.tooMany"],
                message: words["propose.tooManyText"].replacingOccurrences(of: "{minutes}", with: "\(minutes)")
            )
        case .queueFull:
            return SitePage.error(
                frame,
                status: 503,
                heading: words["propose.full"],
                message: words["propose.fullText"]
            )
        }
    }
}
