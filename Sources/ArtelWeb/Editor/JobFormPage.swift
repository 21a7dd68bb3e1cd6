public import ArtelCore
import ArtelFormats
import Foundation

/// `/editor/jobs/new` and `/editor/jobs/{id}/edit`: the job form, and the same form again with each
/// problem beside its field, an error summary above, and every value kept.
public enum JobFormPage: Sendable {
    /// The page.
    ///
    /// - Parameters:
    ///   - form: the values to show.
    ///   - editing: the id of the job being edited; `nil` for a new one.
    ///   - communities: for a new job, the communities the editor may post jobs in.
    ///   - problems: what is wrong, by field name.
    ///   - refusal: why the node refused to sign the job (no grant yet, a revoked key), in the rule's words.
    public static func render(
        _ frame: PageFrame,
        form: JobForm,
        editing: RecordID?,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem] = [:],
        refusal: String? = nil
    ) -> SitePage {
        FormFields.page(
            frame,
            form.form,
            problems: problems,
            prefix: "editor",
            label: label(frame),
            headings: ("editor.newJob", "editor.editJob"),
            path: "jobs",
            editing: editing,
            communities: (communities, form.community),
            refusal: refusal
        )
    }

    /// What the job form's partials show (``FormFields/content(_:_:problems:prefix:label:refusal:)``),
    /// for pages that show the job form in a form of their own.
    static func content(
        _ frame: PageFrame,
        form: JobForm,
        problems: [String: FieldProblem],
        refusal: String?
    ) -> [String: Any] {
        FormFields.content(
            frame,
            form.form,
            problems: problems,
            prefix: "editor",
            label: label(frame),
            refusal: refusal
        )
    }

    /// The words of a choice of a job's field.
    private static func label(_ frame: PageFrame) -> (_ field: String, _ value: String) -> String {
        let words = frame.words
        let catalog = Catalog.forLanguage(frame.language.rawValue)
        return { name, value in
            switch name {
            case "employment": catalog.employment(value)
            case "work_mode": catalog.workMode(value)
            default: words["editor.choice.\(value)"]
            }
        }
    }
}
