public import ArtelCore

/// A form an editor writes one kind of record with (``JobForm``, ``EventEditorForm``): read from a
/// post or a stored record, turned into operations with every problem found at once, and shown on
/// its page. The site's routes post, edit and delete records of any such form the same way.
public protocol EditorForm: Sendable {
    /// The kind the form writes.
    static var kind: RecordKind { get }
    /// The community the record is for, its key in hex (chosen on a new record's form).
    var community: String { get }
    /// The names of the fields the form reads besides `community`, in order.
    static var fieldNames: [String] { get }
    /// The form as posted.
    init(_ fields: [(name: String, value: String)])
    /// The form of a stored record, to edit it.
    init(_ state: RecordState, community: PublicKey)
    /// The operations that write the form (only what changed for `current`), or what is wrong, by field.
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    func operations(
        current: RecordState?,
        now: Int64
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem])
    /// What the form's partials show (`problemSummary`, `recordFields`), for a page that embeds the
    /// form in a form of its own (a visitor's proposal, an editor's review of one).
    ///
    /// - Parameters:
    ///   - problems: what is wrong, by field name.
    ///   - refusal: why the node refused to sign the record, in the rule's words.
    func content(_ frame: PageFrame, problems: [String: FieldProblem], refusal: String?) -> [String: Any]
    /// The form's page: a new record's (`editing` is `nil`) or a stored one's, with its problems.
    static func page(
        _ frame: PageFrame,
        form: Self,
        editing: RecordID?,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem],
        refusal: String?
    ) -> SitePage
}

extension JobForm: EditorForm {
    /// Jobs.
    public static var kind: RecordKind { .job }

    /// The job's fields.
    public static var fieldNames: [String] { inputs.map(\.name) }

    /// ``JobFormPage``'s fields.
    public func content(_ frame: PageFrame, problems: [String: FieldProblem], refusal: String?) -> [String: Any] {
        JobFormPage.content(frame, form: self, problems: problems, refusal: refusal)
    }

    /// ``JobFormPage``.
    public static func page(
        _ frame: PageFrame,
        form: JobForm,
        editing: RecordID?,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem],
        refusal: String?
    ) -> SitePage {
        JobFormPage.render(
            frame,
            form: form,
            editing: editing,
            communities: communities,
            problems: problems,
            refusal: refusal
        )
    }
}
