public import ArtelCore
import Foundation
import GRDB

extension Replica {
    /// What this node follows: the kinds its operator named, and the control plane of every
    /// community it follows (``FollowSet/withControlPlanes()``).
    ///
    /// - Throws: ``StoreError`` when the replica cannot be read.
    public func follows() async throws -> FollowSet {
        try await reading("reading follows") { db in try Self.follows(in: db) }
    }

    static func follows(in db: Database) throws -> FollowSet {
        FollowSet(
            try Row.fetchAll(db, sql: "SELECT community, kinds FROM follows").map { row in
                let community = row["community"] as Data
                return FollowSet.Entry(
                    community: community.isEmpty ? nil : PublicKey(Bytes32(community)!),
                    kinds: KindSet(rawValue: UInt32(truncatingIfNeeded: row["kinds"] as Int64))
                )
            }
        ).withControlPlanes()
    }

    /// Follows more kinds of a community (or of every community, when `community` is `nil`).
    /// Running sessions keep the follows they started with; new sessions use these.
    ///
    /// - Returns: what the node follows afterwards.
    /// - Throws: ``StoreError`` when the replica cannot be written.
    @discardableResult
    public func follow(_ community: PublicKey?, kinds: KindSet) async throws -> FollowSet {
        try await writing("following") { db in
            try db.execute(
                sql: """
                    INSERT INTO follows (community, kinds) VALUES (?, ?)
                    ON CONFLICT (community) DO UPDATE SET kinds = kinds | excluded.kinds
                    """,
                arguments: [Self.followKey(community), Int64(kinds.rawValue)]
            )
            return try Self.follows(in: db)
        }
    }

    /// Stops following some kinds of a community; the deltas already kept stay until purged by
    /// expiry. Kinds followed through "every community" are not affected.
    ///
    /// - Returns: what the node follows afterwards.
    /// - Throws: ``StoreError`` when the replica cannot be written.
    @discardableResult
    public func unfollow(_ community: PublicKey?, kinds: KindSet) async throws -> FollowSet {
        try await writing("unfollowing") { db in
            try db.execute(
                sql: "UPDATE follows SET kinds = kinds & ~? WHERE community = ?",
                arguments: [Int64(kinds.rawValue), Self.followKey(community)]
            )
            try db.execute(sql: "DELETE FROM follows WHERE kinds = 0")
            return try Self.follows(in: db)
        }
    }

    private static func followKey(_ community: PublicKey?) -> Data {
        community.map { Data($0.bytes.bytes) } ?? Data()
    }
}
