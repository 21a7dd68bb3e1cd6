public import ArtelCore
import Foundation

/// `/propose/job` and `/propose/event`: the form a visitor without an account proposes a vacancy
/// or an event with, for an editor of the chosen community to approve or reject; the page that
/// thanks them; and the pages that say why a proposal is not taken. The fields are the editor's
/// form of the kind (``JobForm``, ``EventEditorForm``), with the same checks and messages beside
/// their fields.
public enum ProposalPages: Sendable {
    /// The form, empty or with the visitor's values and their problems.
    ///
    /// - Parameters:
    ///   - form: the visitor's values, and the kind they propose.
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
        let kind = form.kind.name
        var content = form.record.content(frame, problems: problems, refusal: nil)
        content.merge(FormFields.communityChoice(communities, chosen: form.record.community)) { $1 }
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
        content["action"] = "/propose/\(kind)"
        content["lead"] = words["propose.\(kind).lead"]
        if expired { content["expired"] = words["propose.\(kind).expired"] }
        let status = expired ? 403 : problems.isEmpty ? 200 : 422
        return SitePage.render(
            "proposeRecord",
            frame.context(title: words["propose.\(kind).title"], content: content),
            status: status
        )
    }

    /// The page after a proposal is sent: an editor will look at it.
    ///
    /// - Parameter kind: the kind proposed, one of ``ProposalForm/forms``.
    public static func thanks(_ frame: PageFrame, kind: RecordKind) -> SitePage {
        let words = frame.words
        let content: [String: Any] = [
            "text": words["propose.\(kind.name).thanks"], "back": words["propose.\(kind.name).back"],
            "backHref": kind == .job ? "/" : "/\(kind.name)s", "again": words["propose.\(kind.name).again"],
            "againHref": "/propose/\(kind.name)",
        ]
        return SitePage.render("proposalThanks", frame.context(title: words["propose.thanks.title"], content: content))
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
