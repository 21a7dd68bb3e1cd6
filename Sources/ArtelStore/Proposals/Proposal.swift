public import ArtelCore

/// A visitor's proposal of a job or an event (`/propose/…`): the form as the visitor filled it,
/// waiting on this node for an editor of its community. It is not a delta: nothing of it leaves
/// the node until an editor approves it, and then only the record the editor signs.
public struct Proposal: Sendable {
    /// Where a proposal stands.
    public enum State: String, Sendable {
        /// Waiting for an editor.
        case pending
        /// Published by an editor as ``Proposal/record``.
        case approved
        /// Turned down by an editor, for ``Proposal/reason``.
        case rejected
    }

    /// The most proposals that may wait at once, in all communities. A new one beyond them is
    /// refused with a message, rather than pushing out the oldest: a flood must not erase what
    /// people sent before it.
    public static let capacity = 500
    /// The most decided proposals kept for the editors' list; older ones are forgotten.
    public static let keptDecided = 500

    /// Its number on this node.
    public let id: Int64
    /// The kind of record it proposes.
    public let kind: RecordKind
    /// The community it is for.
    public let community: PublicKey
    /// The form's fields as posted, in order.
    public let fields: [(name: String, value: String)]
    /// How the visitor may be reached, if they said; never published.
    public let contact: String?
    /// The address it was sent from.
    public let address: String?
    /// When it was received, in Unix milliseconds.
    public let received: Int64
    /// Where it stands.
    public let state: State
    /// The account that decided it.
    public let decidedBy: String?
    /// When it was decided, in Unix milliseconds.
    public let decided: Int64?
    /// Why it was rejected.
    public let reason: String?
    /// The record it became.
    public let record: RecordID?

    /// The last value of a field, `""` when it is absent.
    public subscript(_ name: String) -> String { fields.last { $0.name == name }?.value ?? "" }
}
