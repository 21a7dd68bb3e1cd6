public import ArtelCore
import Foundation

/// `/editor/events/new` and `/editor/events/{id}/edit`: the event form, and the same form again with
/// each problem beside its field, an error summary above, and every value kept.
public enum EventEditorFormPage: Sendable {
    /// The page.
    ///
    /// - Parameters:
    ///   - form: the values to show.
    ///   - editing: the id of the event being edited; `nil` for a new one.
    ///   - communities: for a new event, the communities the editor may post events in.
    ///   - problems: what is wrong, by field name.
    ///   - refusal: why the node refused to sign the event, in the rule's words.
    public static func render(
        _ frame: PageFrame,
        form: EventEditorForm,
        editing: RecordID?,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem] = [:],
        refusal: String? = nil
    ) -> SitePage {
        let words = frame.words
        let fields = FormFields.render(form.form, problems: problems, frame: frame, prefix: "editor.event") {
            words["events.\($0).\($1)"]
        }
        return FormFields.page(
            frame,
            heading: words[editing == nil ? "editor.newEvent" : "editor.editEvent"],
            fields: fields,
            action: editing.map { "/editor/events/\($0.hex)/edit" } ?? "/editor/events/new",
            communities: editing == nil ? (communities, form.community) : nil,
            refusal: refusal
        )
    }
}
