public import ArtelCore
import Foundation
import GRDB

/// One item of a reconciliation set: a kept delta's timestamp and id (Negentropy's timestamp and id).
public struct ReconciliationItem: Hashable, Sendable {
    /// The delta's HLC, as a raw 64-bit value.
    public let timestamp: UInt64
    /// The delta's id.
    public let id: DeltaID

    /// An item.
    public init(timestamp: UInt64, id: DeltaID) {
        self.timestamp = timestamp
        self.id = id
    }
}

extension Replica {
    /// The kept deltas of a scope as reconciliation items, ordered by (timestamp, id), read in one
    /// scan of the `deltas_by_scope` index.
    ///
    /// - Parameter scope: a community and kind.
    public func reconciliationItems(in scope: Scope) async throws -> [ReconciliationItem] {
        try await reconciliationItems(in: scope, sharedOnly: false)
    }

    /// The items of a scope; with `sharedOnly`, without the deltas of private records (``Sharing``).
    func reconciliationItems(in scope: Scope, sharedOnly: Bool) async throws -> [ReconciliationItem] {
        try await reading("listing the deltas of \(scope)") { db in
            // Most replicas hold no private record, and then the scan stays within the covering index.
            let filtered = try sharedOnly && Sharing.holdsPrivateRecords(db)
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: filtered ? Self.sharedReconciliationSQL : Self.reconciliationSQL),
                arguments: [Data(scope.community.bytes.bytes), Int64(scope.kind.rawValue)]
            )
            var items: [ReconciliationItem] = []
            while let row = try rows.next() {
                items.append(
                    ReconciliationItem(
                        timestamp: UInt64(bitPattern: row[0] as Int64),
                        id: DeltaID(Bytes32(row[1] as Data)!)
                    )
                )
            }
            return items
        }
    }

    /// The query behind ``reconciliationItems(in:)``: a range of the covering index, already sorted.
    package static let reconciliationSQL = """
        SELECT hlc, id FROM deltas
        WHERE scope = (SELECT id FROM scopes WHERE community = ? AND kind = ?)
        ORDER BY hlc, id
        """

    /// ``reconciliationSQL`` without the deltas of private records.
    static let sharedReconciliationSQL = """
        SELECT d.hlc, d.id FROM deltas d
        WHERE d.scope = (SELECT id FROM scopes WHERE community = ? AND kind = ?) AND \(Sharing.condition)
        ORDER BY d.hlc, d.id
        """

    /// The kept deltas of a scope, ordered by (timestamp, id); those of private records only when
    /// asked for, since private records never leave their node unless its operator says so.
    public func deltas(in scope: Scope, includingPrivate: Bool = false) async throws -> [SignedDelta] {
        try await reading("reading the deltas of \(scope)") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.rowid, d.bytes FROM deltas d
                    WHERE d.scope = (SELECT id FROM scopes WHERE community = ? AND kind = ?)
                    \(includingPrivate ? "" : "AND \(Sharing.condition)")
                    ORDER BY d.hlc, d.id
                    """,
                arguments: [Data(scope.community.bytes.bytes), Int64(scope.kind.rawValue)]
            ).map { try StoredDelta.decode($0["bytes"], rowid: $0["rowid"]) }
        }
    }

    /// The scopes that hold at least one kept delta.
    public func scopes() async throws -> [Scope] {
        try await reading("listing scopes") { db in
            try Row.fetchAll(
                db,
                // One index probe per scope, not a scan of every delta's scope.
                sql: "SELECT community, kind FROM scopes s WHERE EXISTS (SELECT 1 FROM deltas WHERE scope = s.id)"
            )
            .compactMap { row in
                guard let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: row[1] as Int64)) else { return nil }
                return Scope(community: PublicKey(Bytes32(row[0] as Data)!), kind: kind)
            }
            .sorted()
        }
    }
}
