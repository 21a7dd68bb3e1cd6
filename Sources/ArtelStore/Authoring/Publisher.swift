public import ArtelCore

/// Writes this node's own deltas: stamps them on the node's clock, chooses their expiry, signs them
/// and applies them through the same checks as deltas from peers.
public struct Publisher: Sendable {
    /// The replica to write to.
    public let replica: Replica
    /// The key that signs.
    public let key: SigningKey

    /// A publisher signing with `key`.
    public init(replica: Replica, key: SigningKey) {
        self.replica = replica
        self.key = key
    }

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - kind: the kind.
    ///   - community: the community it belongs to.
    ///   - record: its id (``newRecordID(now:)`` for kinds with generated ids).
    ///   - operations: its fields.
    ///   - expiresAt: when it should expire, in Unix ms; `nil` for as late as its kind allows.
    ///   - now: the wall clock in Unix milliseconds.
    /// - Returns: the signed delta, as accepted.
    public func create(
        _ kind: RecordKind,
        community: PublicKey,
        record: RecordID,
        operations: [Operation],
        expiresAt: UInt64? = nil,
        now: UInt64
    ) async throws -> SignedDelta {
        let signed = try await prepareCreate(
            kind,
            community: community,
            record: record,
            operations: operations,
            expiresAt: expiresAt,
            now: now
        )
        return try await commit(signed, now: now)
    }

    /// Stamps, checks and signs the first delta of a record without writing anything, so that a
    /// caller can do work of its own (such as storing a new community key) before ``commit(_:now:)``.
    ///
    /// - Throws: ``DeltaError`` naming the field at fault; nothing is written then.
    public func prepareCreate(
        _ kind: RecordKind,
        community: PublicKey,
        record: RecordID,
        operations: [Operation],
        expiresAt: UInt64? = nil,
        now: UInt64
    ) async throws -> SignedDelta {
        let signed = try await prepare(kind, community: community, record: record, operations: operations, now: now) {
            $0.clamp(expiresAt ?? 0)
        }
        // Only a writer can apply this rule; it comes after the rules every receiver applies, so that
        // a delta that breaks both is refused for the same cause here as there.
        try kind.schema.checkCreates(operations)
        return signed
    }

    /// Applies a prepared delta through the same checks as deltas from peers.
    ///
    /// - Returns: the delta, once accepted.
    /// - Throws: ``DeltaError`` when it is refused, ``StoreError`` when it changes nothing.
    public func commit(_ signed: SignedDelta, now: UInt64) async throws -> SignedDelta {
        let delta = signed.delta
        let report = try await replica.apply([signed.bytes], now: now, source: "local")
        switch report.outcomes.first {
        case .accepted(let accepted): return accepted
        case .refused(let refusal): throw refusal.error
        case .recordDeleted: throw StoreError(.notFound, "the \(delta.kind) \(delta.record) has been deleted")
        case .quarantined(_, let why): throw DeltaError(.unauthorized, why)
        case .superseded, .duplicate, .none:
            throw StoreError(
                .invalidInput,
                "the \(delta.kind) \(delta.record) already has newer values for every field given"
            )
        }
    }

    /// Changes some fields of a record. The delta expires with the record, so that an edit never
    /// outlives (or shortens) what it edits; an event edit carries the event's start and end, which
    /// its expiry is measured from, and bumps `sequence` when the schedule or status changes.
    public func edit(_ record: StoredRecord, operations: [Operation], now: UInt64) async throws -> SignedDelta {
        let operations = record.kind == .event ? EventEdit.prepare(operations, of: record.state) : operations
        return try await publish(record, operations: operations, now: now) { $0.clamp(record.state.expiry) }
    }

    /// Republishes every live field of a record in one delta with a new expiry (DESIGN §4, renewal).
    ///
    /// - Parameter expiresAt: the new expiry in Unix ms; `nil` for as late as the kind allows.
    public func renew(_ record: StoredRecord, expiresAt: UInt64? = nil, now: UInt64) async throws -> SignedDelta {
        try await publish(record, operations: Self.renewal(of: record.state), now: now) { $0.clamp(expiresAt ?? 0) }
    }

    /// The operations of a renewal: every live field, the winning `set`s and `add`s.
    static func renewal(of state: RecordState) -> [Operation] {
        state.registers.values.compactMap { winner in
            switch winner.operation {
            case .set, .add: winner.operation
            case .clear, .remove, .delete: nil
            }
        }
    }

    /// Deletes a record for good. The delete lives as long as the longest-lived delta it ends, so
    /// that no copy of those can come back while it is remembered.
    public func delete(_ record: StoredRecord, now: UInt64) async throws -> SignedDelta {
        try await publish(record, operations: [.delete], now: now) { $0.clamp(record.state.expiry) }
    }

    /// A new time-ordered record id (UUIDv7).
    public static func newRecordID(now: UInt64) -> RecordID {
        var generator = SystemRandomNumberGenerator()
        return RecordID.version7(milliseconds: now, using: &generator)
    }

    private func publish(
        _ record: StoredRecord,
        operations: [Operation],
        now: UInt64,
        expiry: (ExpiryAllowance) -> UInt64
    ) async throws -> SignedDelta {
        let signed = try await prepare(
            record.kind,
            community: record.community,
            record: record.id,
            after: record.state.updated,
            operations: operations,
            now: now,
            expiry: expiry
        )
        return try await commit(signed, now: now)
    }

    /// Stamps a new record's first delta on the replica's clock and checks it, without signing: for a
    /// key held on another machine (`artel keys sign-request`). A grant's record id is derived from
    /// its issuer and timestamp here, whatever `record` says.
    ///
    /// - Throws: ``DeltaError`` naming the field at fault.
    public static func draft(
        _ kind: RecordKind,
        community: PublicKey,
        author: PublicKey,
        record: RecordID,
        operations: [Operation],
        replica: Replica,
        now: UInt64
    ) async throws -> Delta {
        let delta = try await draft(
            kind,
            community: community,
            author: author,
            record: record,
            operations: operations,
            replica: replica,
            now: now
        ) {
            $0.clamp(0)
        }
        try kind.schema.checkCreates(operations)
        return delta
    }

    /// - Parameter latest: the latest timestamp among the record's kept deltas, when it has any:
    ///   the new delta is stamped after it (``HybridLogicalClock/tick(now:after:)``).
    private static func draft(
        _ kind: RecordKind,
        community: PublicKey,
        author: PublicKey,
        record: RecordID,
        after latest: HLC? = nil,
        operations: [Operation],
        replica: Replica,
        now: UInt64,
        expiry: (ExpiryAllowance) -> UInt64
    ) async throws -> Delta {
        var clock = try await replica.clock()
        var delta = Delta(
            kind: kind,
            community: community,
            author: author,
            record: record,
            timestamp: clock.tick(now: now, after: latest),
            expiry: 0,
            operations: operations
        )
        if case .grant = kind.schema.identity { delta.record = .grant(issuer: author, timestamp: delta.timestamp) }
        delta.expiry = expiry(kind.schema.expiryAllowance(for: delta))
        try Admission.check(delta, now: now)
        return delta
    }

    func prepare(
        _ kind: RecordKind,
        community: PublicKey,
        record: RecordID,
        after latest: HLC? = nil,
        operations: [Operation],
        now: UInt64,
        expiry: (ExpiryAllowance) -> UInt64
    ) async throws -> SignedDelta {
        let delta = try await Self.draft(
            kind,
            community: community,
            author: key.publicKey,
            record: record,
            after: latest,
            operations: operations,
            replica: replica,
            now: now,
            expiry: expiry
        )
        let signed = try SignedDelta.sign(delta, with: key)
        switch try await replica.verdict(for: signed) {
        case .authorized: return signed
        case .waiting(let why): throw DeltaError(.unauthorized, why)
        case .refused(let error): throw error
        }
    }
}
