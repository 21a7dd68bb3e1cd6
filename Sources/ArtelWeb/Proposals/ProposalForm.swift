public import ArtelCore
import Foundation

/// A visitor's proposal as posted: the record's fields, read by the editor's form of its kind
/// (``JobForm``, ``EventEditorForm``) and checked by the same rules as an editor's, how the visitor
/// may be reached, the form token and the trap field.
public struct ProposalForm: Sendable {
    /// The name of the hidden field no person fills in: a form that comes back with it filled was
    /// sent by a program, and is thanked for and dropped.
    public static let trapField = "website"
    /// The name of the field for how an editor may reach the visitor; it is never published,
    /// unlike the record's own fields.
    public static let contactField = "proposer_contact"
    /// The longest contact kept, in characters.
    public static let contactLimit = 200
    /// The kinds a visitor may propose, each with the editor's form that reads and checks it.
    public static let forms: [RecordKind: any EditorForm.Type] = [.job: JobForm.self, .event: EventEditorForm.self]

    /// The record's fields, in the editor's form of its kind.
    public let record: any EditorForm
    /// How the visitor may be reached, as typed.
    public let contact: String
    /// The form token the form carried back.
    public let token: String
    /// Whether the trap field came back filled.
    public let isTrapped: Bool
    /// The record form's own fields as posted, and nothing else: what a proposal stores.
    public let fields: [(name: String, value: String)]

    /// The kind proposed.
    public var kind: RecordKind { type(of: record).kind }

    /// The form as posted.
    ///
    /// - Parameters:
    ///   - form: the editor's form of the kind proposed, one of ``forms``.
    ///   - posted: the posted fields in order.
    public init(_ form: any EditorForm.Type, _ posted: [(name: String, value: String)]) {
        record = form.init(posted)
        let last = { (name: String) in posted.last { $0.name == name }?.value ?? "" }
        contact = last(Self.contactField).trimmingCharacters(in: .whitespacesAndNewlines)
        token = last("token")
        isTrapped = !last(Self.trapField).isEmpty
        let names = Set(form.fieldNames + ["community"])
        fields = posted.filter { names.contains($0.name) }
    }

    /// What is wrong with the form, by field name: the record's problems as an editor's form finds
    /// them, and a contact over ``contactLimit``. Empty when the proposal may be queued.
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    public func problems(now: Int64) -> [String: FieldProblem] {
        var problems = record.operations(current: nil, now: now).problems
        if contact.count > Self.contactLimit { problems[Self.contactField] = FieldProblem(.tooLong) }
        return problems
    }
}
