public import ArtelCore
import Foundation
import GRDB

/// What an operator blocks: one author key everywhere, or a whole community.
public enum BlockTarget: String, Sendable, CaseIterable {
    /// An author key: its data deltas in every community.
    case author
    /// A community: every delta of it.
    case community
}

/// A key this node refuses.
public struct Block: Sendable, Equatable {
    /// The key.
    public let key: PublicKey
    /// Whether it is an author or a community.
    public let target: BlockTarget
    /// When it was blocked, in Unix milliseconds.
    public let at: UInt64
    /// Why, for people.
    public let reason: String?
}

extension Replica {
    /// Blocks an author or a community: from now on their deltas are refused (`blocked`), and what
    /// the replica stores or holds of them is purged, records merged again from what is left.
    ///
    /// An author's grants and revocations are not blocked: they are the community's trust, and a
    /// block is this node's choice alone. To end what an author may write, revoke their grant.
    ///
    /// - Returns: how many stored or held deltas were purged.
    public func block(_ key: PublicKey, as target: BlockTarget, reason: String?, now: UInt64) async throws -> Int {
        try await writing("blocking \(target) \(key.hex.prefix(16))…") { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO blocks (key, target, at, reason) VALUES (?, ?, ?, ?)",
                arguments: [Data(key.bytes.bytes), target.rawValue, Int64(now), reason]
            )
            let stored: [SignedDelta]
            switch target {
            case .author:
                stored = try ControlPlaneLoader.storedDeltas(by: key, in: nil, db: db).filter {
                    !$0.delta.kind.isGrantOrRevocation
                }
                try db.execute(
                    sql: "DELETE FROM held WHERE author = ? AND kind NOT IN (\(HeldStore.grantAndRevocationKinds))",
                    arguments: [Data(key.bytes.bytes)]
                )
            case .community:
                stored = try Row.fetchAll(
                    db,
                    sql: "SELECT d.rowid, d.bytes FROM deltas d JOIN scopes s ON s.id = d.scope WHERE s.community = ?",
                    arguments: [Data(key.bytes.bytes)]
                ).map { try StoredDelta.decode($0["bytes"] as Data, rowid: $0["rowid"]) }
                try db.execute(sql: "DELETE FROM held WHERE community = ?", arguments: [Data(key.bytes.bytes)])
            }
            let held = db.changesCount
            var writer = BatchWriter(db: db)
            for signed in stored { try writer.evict(signed) }
            try writer.persist()
            return stored.count + held
        }
    }

    /// Lifts a block; deltas refused meanwhile come back from peers at the next reconciliation.
    ///
    /// - Returns: whether the key was blocked.
    public func unblock(_ key: PublicKey) async throws -> Bool {
        try await writing("unblocking \(key.hex.prefix(16))…") { db in
            try db.execute(sql: "DELETE FROM blocks WHERE key = ?", arguments: [Data(key.bytes.bytes)])
            return db.changesCount > 0
        }
    }

    /// Every block, oldest first.
    public func blocks() async throws -> [Block] {
        try await reading("reading the blocks") { db in
            try BlockList.all(in: db)
        }
    }

    /// Hides a record on this node only: lists and searches leave it out; it is still kept and relayed.
    ///
    /// - Returns: whether it was not hidden already.
    public func hide(_ kind: RecordKind, _ reference: Reference, now: UInt64) async throws -> Bool {
        try await writing("hiding \(kind) \(reference.record)") { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO hidden (community, kind, record_id, at) VALUES (?, ?, ?, ?)",
                arguments: [
                    Data(reference.community.bytes.bytes), Int64(kind.rawValue), Data(reference.record.bytes.bytes),
                    Int64(now),
                ]
            )
            return db.changesCount > 0
        }
    }

    /// Shows a hidden record again.
    ///
    /// - Returns: whether it was hidden.
    public func unhide(_ kind: RecordKind, _ reference: Reference) async throws -> Bool {
        try await writing("unhiding \(kind) \(reference.record)") { db in
            try db.execute(
                sql: "DELETE FROM hidden WHERE community = ? AND kind = ? AND record_id = ?",
                arguments: [
                    Data(reference.community.bytes.bytes), Int64(kind.rawValue), Data(reference.record.bytes.bytes),
                ]
            )
            return db.changesCount > 0
        }
    }
}

/// The blocks, as the apply transaction reads them.
struct BlockList {
    private(set) var authors: Set<PublicKey> = []
    private(set) var communities: Set<PublicKey> = []

    init(db: Database) throws {
        for block in try Self.all(in: db) {
            switch block.target {
            case .author: authors.insert(block.key)
            case .community: communities.insert(block.key)
            }
        }
    }

    /// Why a delta is refused, when a block covers it.
    func refusal(for delta: Delta) -> DeltaError? {
        if communities.contains(delta.community) {
            return DeltaError(.blocked, "this node blocked community \(delta.community.hex.prefix(16))…")
        }
        if !delta.kind.isGrantOrRevocation && authors.contains(delta.author) {
            return DeltaError(.blocked, "this node blocked author \(delta.author.hex.prefix(16))…")
        }
        return nil
    }

    static func all(in db: Database) throws -> [Block] {
        try Row.fetchAll(db, sql: "SELECT key, target, at, reason FROM blocks ORDER BY at, key").map { row in
            Block(
                key: PublicKey(Bytes32(row["key"] as Data)!),
                target: BlockTarget(rawValue: row["target"]) ?? .author,
                at: UInt64(row["at"] as Int64),
                reason: row["reason"]
            )
        }
    }
}
