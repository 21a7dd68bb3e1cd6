public import ArtelCore
import Foundation
import GRDB

/// What an import does with one record.
public enum ImportOutcome: Sendable, Hashable {
    /// The record is new.
    case created
    /// The source changed: the record takes its values again.
    case updated
    /// The record already holds the source's values.
    case unchanged
    /// The record already holds the source's values, but would expire soon while the source still
    /// has it ahead (a repeating event's next occurrence): it is renewed (``ImportItem/keepsAlive``).
    case renewed
    /// The record was deleted here, and deletion is final: the source is not imported again.
    case deleted
    /// The source did not change since its last import, but the record was edited since (on the
    /// site, at the command line, or by a peer): the edit is kept.
    case editedHere
}

/// One record an import brings: every value its source gives, and the fields the import owns.
public struct ImportItem: Sendable {
    /// The kind.
    public let kind: RecordKind
    /// The record: derived from the source's own identifier, so that the same source finds it again.
    public let record: RecordID
    /// `set` and `add` operations: every value the source gives.
    public let operations: [ArtelCore.Operation]
    /// The fields the import owns: those the source no longer gives are cleared.
    public let controlled: Set<FieldID>
    /// What the source calls it, for errors: `event 4k1f…@google.com`, `vacancy 93354567`.
    public let label: String
    /// Whether the source still has the record ahead of the import, beyond what its expiry is
    /// measured from: a repeating event with an occurrence to come, whose expiry the protocol
    /// measures from its first occurrence. An import renews such a record when it would expire
    /// within ``Publisher/renewalWindow``, even when nothing changed.
    public let keepsAlive: Bool

    /// An item.
    ///
    /// - Parameter keepsAlive: whether the source still has the record ahead (``keepsAlive``).
    public init(
        kind: RecordKind,
        record: RecordID,
        operations: [ArtelCore.Operation],
        controlled: Set<FieldID>,
        label: String,
        keepsAlive: Bool = false
    ) {
        self.kind = kind
        self.record = record
        self.operations = operations
        self.controlled = controlled
        self.label = label
        self.keepsAlive = keepsAlive
    }
}

extension Publisher {
    /// How close to its expiry an unchanged record that the source keeps alive is renewed by an
    /// import: 14 days. An event's renewal lives 30 days from now, so a daily or weekly import
    /// renews a series about every two weeks, and writes nothing in between.
    public static let renewalWindow: UInt64 = 14 * 86_400_000

    /// Imports records into a community: a new record for each new item; for an item whose record
    /// holds other values, one delta that writes every value again (so that it outlives and prunes
    /// the older ones, as a renewal does) and clears the owned fields the source dropped; nothing
    /// for an item whose record already holds its values. Importing the same source twice
    /// therefore changes nothing, and an edited source updates its records.
    ///
    /// The exception is an item that ``ImportItem/keepsAlive``: a repeating event whose next
    /// occurrence is still ahead. The protocol measures an event's expiry from the start and end
    /// the delta carries, the first occurrence's, so a series expires 30 days after its first
    /// occurrence unless renewed; when its record would expire within ``renewalWindow``, the
    /// import renews it as ``renew(_:expiresAt:now:)`` does (every live field, a fresh expiry).
    ///
    /// Each record imported remembers a digest of its item and the record's deltas at that moment,
    /// in the transaction that stores its delta (``Replica/storeImported(_:now:source:remembering:in:)``),
    /// or at once when it was found unchanged: importing the same item again skips a record that
    /// nothing changed since, without loading it. A record edited here or by a peer since, or an
    /// item that differs, is loaded and compared in full. A record that no longer holds the values
    /// of an item the source did not change since its last import was edited since: the edit is
    /// kept (``ImportOutcome/editedHere``). An item that changed writes its values over such an edit.
    ///
    /// Every delta is drafted, checked and authorized before anything is written; they are then
    /// signed on every core, each batch while those before it are stored, in transactions of at
    /// most ``Replica/batchSize`` (``BatchPipeline``). A stop between two transactions leaves whole
    /// records imported, and importing again completes the rest.
    ///
    /// - Parameters:
    ///   - items: the records, one per source identifier.
    ///   - community: the community they belong to.
    ///   - source: where they come from, for the refusal log.
    ///   - progress: called after each stored transaction with the items done so far.
    /// - Returns: how many items had each outcome.
    /// - Throws: ``DeltaError`` or ``StoreError`` naming the item at fault; nothing is written then.
    public func importRecords(
        _ items: [ImportItem],
        community: PublicKey,
        now: UInt64,
        source: String,
        progress: (_ done: Int) -> Void = { _ in }
    ) async throws -> [ImportOutcome: Int] {
        let draft = try await draftImport(items, community: community, now: now)
        let (drafts, remembrances) = (draft.drafts, draft.remembrances)
        try await replica.rememberImports(draft.unchanged, in: community)
        guard !drafts.isEmpty else { return draft.counts }
        try await checkAuthorized(drafts)
        let key = key
        try await BatchPipeline.run(BatchPipeline.ranges(count: drafts.count, size: Replica.batchSize)) { range in
            try await Self.signAndPrepare(Array(drafts[range]), remembering: Array(remembrances[range]), with: key)
        } store: { batch, range in
            let report = try await replica.storeImported(
                batch.admitted,
                now: now,
                source: source,
                remembering: batch.remembered,
                in: community
            )
            if let refusal = report.refusals.first { throw refusal.error }
            progress(range.upperBound)
        }
        return draft.counts
    }

    /// What an import remembers of a record it writes, once its delta is stored
    /// (``Replica/storeImported(_:now:source:remembering:in:)``).
    private enum Remembrance: Sendable {
        /// Nothing: the item keeps a series alive (compared in full at every import), or its
        /// values do not encode (signing them then stops the import).
        case nothing
        /// The item's digest, and the record's newest delta row when its state was read.
        case digest(Bytes32, after: Int64)
        /// The digest of the item that the delta creates a record of, with exactly the item's
        /// values: worked out from its signed bytes (``itemDigest(signed:controlled:)``) instead of
        /// encoding the item a second time.
        case signedItem(controlled: Set<FieldID>)
    }

    /// A batch of an import, signed and ready to store, with what to remember of its records.
    private struct SignedBatch: Sendable {
        let admitted: AdmittedDeltas
        let remembered: [ImportDigestEntry]
    }

    /// What an import would write: each item's outcome, and the checked, unsigned deltas for those
    /// that change something, nothing written.
    private struct ImportDraft {
        /// What becomes of each item's record.
        let outcomes: [RecordID: ImportOutcome]
        /// How many items had each outcome.
        let counts: [ImportOutcome: Int]
        /// The deltas to sign and store.
        let drafts: [Delta]
        /// For each draft, what to remember of its record once it is stored.
        let remembrances: [Remembrance]
        /// The digests of items found unchanged, to remember.
        let unchanged: [ImportDigestEntry]
    }

    /// Drafts an import (see ``importRecords(_:community:now:source:progress:)``) without writing
    /// anything: each item compared with its record, each delta drafted and checked.
    private func draftImport(_ items: [ImportItem], community: PublicKey, now: UInt64) async throws -> ImportDraft {
        // Only the items whose record an import remembers unchanged are digested here: a new
        // record's digest comes from its signed delta (``Remembrance/signedItem(controlled:)``).
        let remembered = try await replica.rememberedDigests(items.map { ($0.kind, $0.record) }, in: community)
        var digests = await digests(of: items, community: community) { remembered[$0.record] != nil }
        /// The items the source did not change since their last import.
        let sourceUnchanged = Set(
            items.indices.filter { digests[$0] != nil && remembered[items[$0].record]?.digest == digests[$0] }
                .map { items[$0].record }
        )
        let skipped = sourceUnchanged.filter { remembered[$0]?.isCurrent == true }
        var outcomes: [RecordID: ImportOutcome] = [:]
        for item in items where skipped.contains(item.record) { outcomes[item.record] = .unchanged }
        let compared = items.indices.filter { !skipped.contains(items[$0].record) }
        let current = try await replica.currentRecords(
            compared.map { (items[$0].kind, items[$0].record) },
            in: community
        )
        // A record that exists is remembered with its item's digest, found unchanged or written.
        let undigested = compared.filter { digests[$0] == nil && current[items[$0].record] != nil }
        let found = await self.digests(of: undigested.map { items[$0] }, community: community) { _ in true }
        for (index, digest) in zip(undigested, found) { digests[index] = digest }
        var clock = try await replica.clock()
        var drafts: [Delta] = []
        var unchanged: [ImportDigestEntry] = []
        /// For each draft, its item's index, and whether it creates the record.
        var drafted: [(item: Int, creates: Bool)] = []
        for index in compared {
            let item = items[index]
            let state = current[item.record]?.record.state
            let mark = current[item.record]?.mark
            if state?.isDeleted == true {
                outcomes[item.record] = .deleted
                continue
            }
            var operations = item.operations
            if let state {
                let removals = Self.removals(
                    from: state,
                    toMatch: item.operations,
                    controlled: item.controlled,
                    kind: item.kind
                )
                if removals.isEmpty && !Self.differs(state, item.operations) {
                    guard item.keepsAlive, state.expiry != 0, state.expiry <= now + Self.renewalWindow else {
                        outcomes[item.record] = .unchanged
                        if let digest = digests[index], let mark {
                            unchanged.append(
                                ImportDigestEntry(
                                    kind: item.kind,
                                    record: item.record,
                                    digest: digest,
                                    basis: .unchanged(mark)
                                )
                            )
                        }
                        continue
                    }
                    outcomes[item.record] = .renewed
                    operations = Self.renewal(of: state)
                } else if sourceUnchanged.contains(item.record) {
                    // Edited since the import, and the source still says what was imported: the
                    // edit is newer news than the file.
                    outcomes[item.record] = .editedHere
                    continue
                } else {
                    outcomes[item.record] = .updated
                    operations += removals
                }
            } else {
                outcomes[item.record] = .created
            }
            drafts.append(
                Delta(
                    kind: item.kind,
                    community: community,
                    author: key.publicKey,
                    record: item.record,
                    timestamp: clock.tick(now: now, after: state?.updated),
                    expiry: 0,
                    operations: operations
                )
            )
            drafted.append((index, state == nil))
        }
        let remembrances = drafted.map { index, creates -> Remembrance in
            if items[index].keepsAlive { return .nothing }
            if creates { return .signedItem(controlled: items[index].controlled) }
            guard let digest = digests[index] else { return .nothing }
            return .digest(digest, after: current[items[index].record]?.mark.lastDelta ?? 0)
        }
        drafts = try await Self.complete(drafts, drafted: drafted, items: items, now: now)
        var counts: [ImportOutcome: Int] = [:]
        for item in items { if let outcome = outcomes[item.record] { counts[outcome, default: 0] += 1 } }
        return ImportDraft(
            outcomes: outcomes,
            counts: counts,
            drafts: drafts,
            remembrances: remembrances,
            unchanged: unchanged
        )
    }

    /// What an import of these items would do to each record, as
    /// ``importRecords(_:community:now:source:progress:)`` decides it, with every check it makes
    /// before writing (the records' values, the key's right to write them) and nothing written: a
    /// dry run.
    ///
    /// - Returns: the outcome of each item's record.
    /// - Throws: ``DeltaError`` or ``StoreError`` naming the item at fault, as the import would.
    public func plannedOutcomes(
        _ items: [ImportItem],
        community: PublicKey,
        now: UInt64
    ) async throws -> [RecordID: ImportOutcome] {
        let draft = try await draftImport(items, community: community, now: now)
        if !draft.drafts.isEmpty { try await checkAuthorized(draft.drafts) }
        return draft.outcomes
    }

    /// Sets each draft's expiry and checks it as admission will, on every core. The first draft at
    /// fault, in the items' order, names its item.
    private static func complete(
        _ drafts: [Delta],
        drafted: [(item: Int, creates: Bool)],
        items: [ImportItem],
        now: UInt64
    ) async throws(DeltaError) -> [Delta] {
        let checked = await BackgroundThreads.map(Array(zip(drafts, drafted))) { draft -> Result<Delta, DeltaError> in
            var delta = draft.0
            let (item, creates) = draft.1
            delta.expiry = delta.kind.schema.expiryAllowance(for: delta).clamp(0)
            do throws(DeltaError) {
                try Admission.check(delta, now: now)
                if creates { try delta.kind.schema.checkCreates(delta.operations) }
            } catch {
                return .failure(DeltaError(error.code, "\(items[item].label): \(error.message)"))
            }
            return .success(delta)
        }
        return try checked.map { result throws(DeltaError) in try result.get() }
    }

    /// The digests of the items `wanted`, on every core, in order; nil for the others, and for an
    /// item that keeps a series alive (always compared in full, for its renewal).
    private func digests(
        of items: [ImportItem],
        community: PublicKey,
        where wanted: @escaping @Sendable (ImportItem) -> Bool
    ) async -> [Bytes32?] {
        await BackgroundThreads.map(items) { [self] item in
            item.keepsAlive || !wanted(item) ? nil : digest(of: item, community: community)
        }
    }

    /// What an item says, as a digest: its kind, record, values and owned fields, and who imports
    /// it where. Nil when the values do not encode (the import then reports why).
    func digest(of item: ImportItem, community: PublicKey) -> Bytes32? {
        let delta = Delta(
            kind: item.kind,
            community: community,
            author: key.publicKey,
            record: item.record,
            timestamp: HLC(rawValue: 0),
            expiry: 0,
            operations: item.operations
        )
        guard let bytes = try? delta.encodedUnsignedBytes() else { return nil }
        return Self.digest(encoded: bytes, controlled: item.controlled)
    }

    /// ``digest(of:community:)`` of the item a signed delta holds exactly: the delta's kind,
    /// community, author, record and operations are the item's, and its bytes differ from the
    /// item's encoding only in the timestamp and expiry, which the item's digest holds as zeros.
    static func itemDigest(signed: SignedDelta, controlled: Set<FieldID>) -> Bytes32 {
        var bytes = Array(signed.unsignedBytes)
        let stamp = Delta.timestampAndExpiryOffsets
        bytes.withUnsafeMutableBufferPointer { $0[stamp].update(repeating: 0) }
        return digest(encoded: bytes, controlled: controlled)
    }

    /// The digest of an item's encoding, followed by its owned fields' ids.
    private static func digest(encoded: consuming [UInt8], controlled: Set<FieldID>) -> Bytes32 {
        var bytes = encoded
        for field in controlled.sorted() { bytes += withUnsafeBytes(of: field.rawValue.bigEndian, Array.init) }
        return Blake2b.hash256(bytes)
    }

    /// One verdict per kind: every draft has the same author, and the same time within milliseconds.
    private func checkAuthorized(_ drafts: [Delta]) async throws {
        var seen: Set<RecordKind> = []
        for delta in drafts where seen.insert(delta.kind).inserted {
            switch try await replica.verdict(for: try SignedDelta.sign(delta, with: key)) {
            case .authorized: continue
            case .waiting(let why): throw DeltaError(.unauthorized, why)
            case .refused(let error): throw error
            }
        }
    }

    /// Signs drafts on every core, and works out there what each makes of a new record
    /// (``FreshRecord``) and what to remember of it, ready to store.
    private static func signAndPrepare(
        _ drafts: [Delta],
        remembering remembrances: [Remembrance],
        with key: SigningKey
    ) async throws -> SignedBatch {
        let prepared = await BackgroundThreads.map(drafts) { draft -> AdmittedDelta in
            do throws(DeltaError) {
                let signed = try SignedDelta.sign(draft, with: key)
                return .checked(signed, FreshRecord(signed))
            } catch {
                return .refused(Refusal(error, delta: draft))
            }
        }
        // A draft that does not sign stops the import before its batch is stored.
        for case .refused(let refusal) in prepared { throw refusal.error }
        let remembered = await BackgroundThreads.map(Array(prepared.indices)) { index -> ImportDigestEntry? in
            guard case .checked(let signed, _) = prepared[index] else { return nil }
            let digest: Bytes32
            let after: Int64
            switch remembrances[index] {
            case .nothing: return nil
            case .digest(let item, let read): (digest, after) = (item, read)
            case .signedItem(let controlled): (digest, after) = (itemDigest(signed: signed, controlled: controlled), 0)
            }
            return ImportDigestEntry(
                kind: signed.delta.kind,
                record: signed.delta.record,
                digest: digest,
                basis: .written(signed.id, after: after)
            )
        }
        return SignedBatch(admitted: AdmittedDeltas(results: prepared), remembered: remembered.compactMap { $0 })
    }

    private static func differs(_ state: RecordState, _ operations: [ArtelCore.Operation]) -> Bool {
        operations.contains { operation in
            switch operation {
            case .set(let field, let value): state.value(of: field) != value
            case .add(let field, let element): !state.elements(of: field).contains(element)
            case .clear, .remove, .delete: true
            }
        }
    }

    /// Clears of owned single fields the source no longer gives, removals of owned set elements it
    /// no longer lists.
    private static func removals(
        from state: RecordState,
        toMatch operations: [ArtelCore.Operation],
        controlled: Set<FieldID>,
        kind: RecordKind
    ) -> [ArtelCore.Operation] {
        let given = Set(operations.map(\.field))
        var wanted: [FieldID: Set<Value>] = [:]
        for case .add(let field, let element) in operations { wanted[field, default: []].insert(element) }
        var removals: [ArtelCore.Operation] = []
        for field in controlled.sorted() {
            guard let spec = kind.schema.field(field) else { continue }
            if spec.cardinality == .set {
                for element in state.elements(of: field) where !(wanted[field]?.contains(element) ?? false) {
                    removals.append(.remove(field, element))
                }
            } else if !given.contains(field) && state.value(of: field) != nil {
                removals.append(.clear(field))
            }
        }
        return removals
    }
}

extension Replica {
    /// The stored records of a community with these ids, each with the mark of its deltas, read in
    /// one transaction.
    func currentRecords(
        _ records: [(RecordKind, RecordID)],
        in community: PublicKey
    ) async throws -> [RecordID: (record: StoredRecord, mark: DeltaSetMark)] {
        try await reading("reading \(records.count) records") { db in
            // A kind whose scope this community does not have yet holds none of them: a first
            // import looks nothing up.
            let scopes = try Self.scopes(of: Set(records.map(\.0)), in: community, db: db)
            let statement = try RawStatement(db, sql: "SELECT rowid FROM records WHERE scope = ?1 AND record_id = ?2")
            let marking = try db.cachedStatement(sql: "SELECT max(rowid), count(*) FROM deltas WHERE record = ?")
            var found: [RecordID: (record: StoredRecord, mark: DeltaSetMark)] = [:]
            for (kind, record) in records {
                guard let scope = scopes[kind] else { continue }
                statement.bind(1, scope)
                statement.bind(2, record.bytes)
                guard let rowid = try statement.firstInteger() else { continue }
                guard let stored = try StoredRecord.load(rowid: rowid, in: db),
                    let marked = try Row.fetchOne(marking, arguments: [rowid])
                else { continue }
                found[record] = (stored, DeltaSetMark(record: rowid, lastDelta: marked[0], deltas: marked[1]))
            }
            return found
        }
    }
}
