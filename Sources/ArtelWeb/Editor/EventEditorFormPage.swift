public import ArtelCore
import Foundation

/// `/editor/events/new` and `/editor/events/{id}/edit`: the event form, and the same form again
/// with each problem beside its field, an error summary above, and every value kept.
extension EventEditorForm: EditorForm {
    /// Events.
    public static var kind: RecordKind { .event }

    /// The event's fields.
    public static var fieldNames: [String] { inputs.map(\.name) }

    /// The event form's fields, as its own page shows them.
    public func content(_ frame: PageFrame, problems: [String: FieldProblem], refusal: String?) -> [String: Any] {
        FormFields.content(
            frame,
            form,
            problems: problems,
            prefix: "editor.event",
            label: Self.label(frame),
            refusal: refusal
        )
    }

    /// The words of a choice of an event's field.
    private static func label(_ frame: PageFrame) -> (_ field: String, _ value: String) -> String {
        { frame.words["events.\($0).\($1)"] }
    }

    /// The operations of ``operations(current:)``: an event's form needs no clock.
    public func operations(
        current: RecordState?,
        now: Int64
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem]) {
        operations(current: current)
    }

    /// The page.
    ///
    /// - Parameters:
    ///   - form: the values to show.
    ///   - editing: the id of the event being edited; `nil` for a new one.
    ///   - communities: for a new event, the communities the editor may post events in.
    ///   - problems: what is wrong, by field name.
    ///   - refusal: why the node refused to sign the event, in the rule's words.
    public static func page(
        _ frame: PageFrame,
        form: EventEditorForm,
        editing: RecordID?,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem],
        refusal: String?
    ) -> SitePage {
        FormFields.page(
            frame,
            form.form,
            problems: problems,
            prefix: "editor.event",
            label: label(frame),
            headings: ("editor.newEvent", "editor.editEvent"),
            path: "events",
            editing: editing,
            communities: (communities, form.community),
            refusal: refusal
        )
    }
}
