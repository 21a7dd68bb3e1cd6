import Foundation

/// A visitor's proposal as posted: the job form's fields (``JobForm``, checked by the same rules
/// as an editor's), how the visitor may be reached, the form token and the trap field.
public struct ProposalForm: Sendable {
    /// The name of the hidden field no person fills in: a form that comes back with it filled was
    /// sent by a program, and is thanked for and dropped.
    public static let trapField = "website"
    /// The name of the field for how an editor may reach the visitor; it is never published,
    /// unlike the job's own `contact`.
    public static let contactField = "proposer_contact"
    /// The longest contact kept, in characters.
    public static let contactLimit = 200

    /// The job's fields.
    public let job: JobForm
    /// How the visitor may be reached, as typed.
    public let contact: String
    /// The form token the form carried back.
    public let token: String
    /// Whether the trap field came back filled.
    public let isTrapped: Bool
    /// The job form's own fields as posted, and nothing else: what a proposal stores.
    public let fields: [(name: String, value: String)]

    /// The form as posted.
    ///
    /// - Parameter posted: the posted fields in order.
    public init(_ posted: [(name: String, value: String)]) {
        job = JobForm(posted)
        let last = { (name: String) in posted.last { $0.name == name }?.value ?? "" }
        contact = last(Self.contactField).trimmingCharacters(in: .whitespacesAndNewlines)
        token = last("token")
        isTrapped = !last(Self.trapField).isEmpty
        let names = Set(JobForm.inputs.map(\.name) + ["community"])
        fields = posted.filter { names.contains($0.name) }
    }

    /// What is wrong with the form, by field name: the job's problems as an editor's form finds
    /// them, and a contact over ``contactLimit``. Empty when the proposal may be queued.
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    public func problems(now: Int64) -> [String: FieldProblem] {
        var problems = job.operations(current: nil, now: now).problems
        if contact.count > Self.contactLimit { problems[Self.contactField] = FieldProblem(.tooLong) }
        return problems
    }
}
