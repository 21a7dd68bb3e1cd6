/// The rules of a person's own key (DESIGN §6): once a person record carries a subject key, only
/// that key changes the person's consent, visibility and subject key, and that key may write the
/// record itself, deleting it included (erasure).
///
/// The binding is the earliest delta, by (timestamp, author, id), that sets `subject_key`; a later
/// one that tries to change it is refused. Deciding from the earliest makes the outcome the same
/// whatever order the deltas arrive in.
public enum SubjectRules: Sendable {
    /// A person's subject key and the delta that bound it.
    public struct Binding: Hashable, Sendable {
        /// The subject key.
        public let key: PublicKey
        /// The stamp of the delta that bound it.
        public let stamp: Stamp
    }

    /// The fields only the subject key changes once bound.
    public static let protectedFields: Set<FieldID> = Set(
        ["subject_key", "consent.profile", "consent.memberships", "consent.ties", "consent.export", "visibility"]
            .map { RecordKind.person.schema[$0].id }
    )

    private static let subjectKeyField = RecordKind.person.schema["subject_key"].id

    /// The binding of a person record, from its kept deltas.
    public static func binding(in state: RecordState) -> Binding? {
        binding(among: state.kept.values)
    }

    /// The binding among some deltas of one person record.
    public static func binding(among deltas: some Sequence<SignedDelta>) -> Binding? {
        var found: Binding?
        for signed in deltas {
            guard case .bytes(let bytes)? = signed.delta.value(setting: subjectKeyField), let raw = Bytes32(bytes)
            else { continue }
            let stamp = Stamp(signed)
            if found.map({ stamp < $0.stamp }) ?? true { found = Binding(key: PublicKey(raw), stamp: stamp) }
        }
        return found
    }

    /// Why a person delta may not stand beside a binding, or `nil` when it may: one made after the
    /// binding, by another key than the subject's, that touches a protected field.
    public static func violation(_ signed: SignedDelta, binding: Binding?) -> DeltaError? {
        guard let binding, Stamp(signed) > binding.stamp, signed.delta.author != binding.key else { return nil }
        guard let field = signed.delta.operations.first(where: { protectedFields.contains($0.field) })?.field else {
            return nil
        }
        let name = RecordKind.person.schema.field(field)?.name ?? "\(field)"
        return DeltaError(
            .unauthorized,
            "\(name) of this person is theirs to change: only their subject key \(binding.key.hex.prefix(16))… may"
        )
    }
}
