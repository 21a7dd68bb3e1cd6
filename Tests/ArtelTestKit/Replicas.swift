public import ArtelCore
public import ArtelStore

/// Replicas for tests: a real SQLite file in a temporary directory.
public enum TestReplicas: Sendable {
    /// Runs `body` with a new, empty replica, closed and removed afterwards.
    public static func withReplica<T>(_ body: (Replica) async throws -> T) async throws -> T {
        try await TestFiles.withTemporaryDirectory { directory in
            let replica = try Replica.create(at: "\(directory)/artel.sqlite")
            let result = try await body(replica)
            try replica.close()
            return result
        }
    }
}

/// What a replica holds, to compare two replicas or one before and after.
public struct ReplicaSnapshot: Equatable, Sendable {
    /// The kept deltas of every scope, as reconciliation items.
    public let items: [Scope: [ReconciliationItem]]
    /// Every live record, as shown.
    public let records: [RecordView]

    /// Reads everything a replica holds.
    public init(_ replica: Replica) async throws {
        var items: [Scope: [ReconciliationItem]] = [:]
        for scope in try await replica.scopes() { items[scope] = try await replica.reconciliationItems(in: scope) }
        self.items = items
        var records: [RecordView] = []
        for kind in [RecordKind.community, .person, .membership, .tie, .job, .digest, .event] {
            var query = RecordQuery(kind: kind)
            query.limit = 100_000
            records += try await replica.list(query).sorted { ($0.community, $0.id) < ($1.community, $1.id) }
        }
        self.records = records
    }

    /// Every kept delta id.
    public var keptIDs: Set<DeltaID> { Set(items.values.flatMap { $0.map(\.id) }) }
}
