public import ArtelCore
import Foundation
import GRDB

extension Replica {
    /// Every peer remembered, configured ones first, by address: see ``PeerRecord/isShown``.
    ///
    /// - Throws: ``StoreError`` when the replica cannot be read.
    public func peers() async throws -> [PeerRecord] {
        try await reading("reading peers") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM peers ORDER BY configured DESC, address").map(Self.peer)
        }
    }

    /// Whether the operator configured a peer (`artel peer add`): one lookup, not a read of every peer.
    ///
    /// - Throws: ``StoreError`` when the replica cannot be read.
    public func isConfiguredPeer(_ key: PublicKey) async throws -> Bool {
        try await reading("reading peer \(key.hex.prefix(16))") { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT configured FROM peers WHERE node_key = ?",
                arguments: [Data(key.bytes.bytes)]
            ) ?? false
        }
    }

    /// Adds a peer to dial, or gives a known one an address to dial.
    ///
    /// - Throws: ``StoreError`` when the replica cannot be written.
    public func addPeer(_ key: PublicKey, address: String, now: UInt64) async throws {
        try await writing("adding a peer") { db in
            try db.execute(
                sql: """
                    INSERT INTO peers (node_key, address, configured, added) VALUES (?, ?, 1, ?)
                    ON CONFLICT (node_key) DO UPDATE SET address = excluded.address, configured = 1
                    """,
                arguments: [Data(key.bytes.bytes), address, Int64(now)]
            )
        }
    }

    /// Stops dialing a peer and forgets it.
    ///
    /// - Returns: whether it was known.
    /// - Throws: ``StoreError`` when the replica cannot be written.
    @discardableResult
    public func removePeer(_ key: PublicKey) async throws -> Bool {
        try await writing("removing a peer") { db in
            try db.execute(sql: "DELETE FROM peers WHERE node_key = ?", arguments: [Data(key.bytes.bytes)])
            return db.changesCount > 0
        }
    }

    /// How many peers that only dialed this node are remembered: anyone who knows the network key
    /// can complete a handshake, so the ones not configured are capped, most recent first.
    public static let maximumInboundPeers = 256

    /// How long a peer that only dialed this node is remembered after its last session: a week.
    public static let inboundPeerRetention: UInt64 = 7 * 86_400_000

    /// Records what happened with a peer: its state, and counts (deltas, bytes) to add. A peer not known yet (one
    /// that dialed this node) is added as seen, not configured; when a session starts, peers not
    /// configured are forgotten after ``inboundPeerRetention`` or beyond ``maximumInboundPeers``.
    ///
    /// - Throws: ``StoreError`` when the replica cannot be written.
    public func recordPeer(
        _ key: PublicKey,
        state: PeerState,
        now: UInt64,
        connected: Bool = false,
        synced: Bool = false,
        error: String? = nil,
        deltasIn: Int = 0,
        deltasOut: Int = 0,
        refused: Int = 0,
        bytesIn: Int = 0,
        bytesOut: Int = 0
    ) async throws {
        try await writing("recording peer \(key.hex.prefix(16))") { db in
            try db.execute(
                sql: """
                    INSERT INTO peers (
                        node_key, added, seen, state, connected, synced, error, deltas_in, deltas_out, refused,
                        bytes_in, bytes_out
                    )
                    VALUES (
                        ?1, ?2, ?2, ?3, CASE WHEN ?4 THEN ?2 END, CASE WHEN ?5 THEN ?2 END, ?6, ?7, ?8, ?9, ?10, ?11
                    )
                    ON CONFLICT (node_key) DO UPDATE SET
                        state = ?3,
                        seen = ?2,
                        connected = CASE WHEN ?4 THEN ?2 ELSE connected END,
                        synced = CASE WHEN ?5 THEN ?2 ELSE synced END,
                        error = CASE WHEN ?6 IS NOT NULL THEN ?6 WHEN ?4 THEN NULL ELSE error END,
                        deltas_in = deltas_in + ?7, deltas_out = deltas_out + ?8, refused = refused + ?9,
                        bytes_in = bytes_in + ?10, bytes_out = bytes_out + ?11
                    """,
                arguments: [
                    Data(key.bytes.bytes), Int64(now), state.rawValue, connected, synced, error, deltasIn, deltasOut,
                    refused, bytesIn, bytesOut,
                ]
            )
            if connected { try Self.forgetStaleInboundPeers(now: now, in: db) }
        }
    }

    /// Forgets peers that are not configured and not in a session, when they were last seen longer
    /// than ``inboundPeerRetention`` ago or fall beyond the ``maximumInboundPeers`` most recent.
    static func forgetStaleInboundPeers(now: UInt64, in db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM peers WHERE configured = 0 AND state NOT IN (?3, ?4) AND (
                    coalesce(seen, added) < ?1
                    OR node_key NOT IN (
                        SELECT node_key FROM peers WHERE configured = 0
                        ORDER BY state IN (?3, ?4) DESC, coalesce(seen, added) DESC LIMIT ?2
                    )
                )
                """,
            arguments: [
                Int64(now) - Int64(inboundPeerRetention), maximumInboundPeers,
                PeerState.syncing.rawValue, PeerState.live.rawValue,
            ]
        )
    }

    /// Marks every peer's session as over: a node that stops, or that crashed, has none.
    ///
    /// - Throws: ``StoreError`` when the replica cannot be written.
    public func endSessions() async throws {
        try await writing("ending peer sessions") { db in
            try db.execute(
                sql: "UPDATE peers SET state = ?1 WHERE state IN (?2, ?3)",
                arguments: [PeerState.disconnected.rawValue, PeerState.syncing.rawValue, PeerState.live.rawValue]
            )
        }
    }

    private static func peer(_ row: Row) -> PeerRecord {
        PeerRecord(
            key: PublicKey(Bytes32(row["node_key"] as Data)!),
            address: row["address"],
            isConfigured: row["configured"],
            added: UInt64(row["added"] as Int64),
            state: PeerState(rawValue: row["state"]) ?? .disconnected,
            connected: (row["connected"] as Int64?).map(UInt64.init),
            synced: (row["synced"] as Int64?).map(UInt64.init),
            error: row["error"],
            deltasIn: row["deltas_in"],
            deltasOut: row["deltas_out"],
            refused: row["refused"],
            bytesIn: row["bytes_in"],
            bytesOut: row["bytes_out"]
        )
    }
}
