public import ArtelCore
import Foundation
import GRDB

/// Visitors' proposals (``Proposal``): queued by the site, listed for and decided by editors.
extension Replica {
    /// Queues a proposal, unless ``Proposal/capacity`` proposals wait already.
    ///
    /// - Parameters:
    ///   - kind: the kind of record proposed.
    ///   - community: the community it is for.
    ///   - fields: the form's fields.
    ///   - contact: how the visitor may be reached, if they said.
    ///   - address: the address it came from.
    ///   - now: the wall clock in Unix milliseconds.
    /// - Returns: its number, or `nil` when the queue is full and nothing was stored.
    public func queueProposal(
        _ kind: RecordKind,
        community: PublicKey,
        fields: [(name: String, value: String)],
        contact: String?,
        address: String?,
        now: Int64
    ) async throws -> Int64? {
        let encoded = String(decoding: try JSONEncoder().encode(fields.map { [$0.name, $0.value] }), as: UTF8.self)
        return try await writing("queueing a proposal") { db in
            let waiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM proposals WHERE state = 'pending'") ?? 0
            guard waiting < Proposal.capacity else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO proposals (kind, community, fields, contact, address, received)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [kind.name, Data(community.bytes.bytes), encoded, contact, address, now]
            )
            return db.lastInsertedRowID
        }
    }

    /// The proposals in a state for the communities and kinds of `rights`, newest first.
    ///
    /// - Parameters:
    ///   - rights: what the reader may write; proposals of anything else are left out.
    ///   - decided: the decided ones (newest decision first) instead of the waiting ones.
    public func proposals(for rights: Set<Account.Right>, decided: Bool) async throws -> [Proposal] {
        try await reading("listing proposals") { db in
            let sql =
                decided
                ? "SELECT * FROM proposals WHERE state != 'pending' ORDER BY decided DESC, id DESC"
                : "SELECT * FROM proposals WHERE state = 'pending' ORDER BY received DESC, id DESC"
            return try Row.fetchAll(db, sql: sql).compactMap(Self.proposal).filter {
                rights.contains(Account.Right(community: $0.community, kind: $0.kind))
            }
        }
    }

    /// The proposal with a number, `nil` when there is none.
    public func proposal(_ id: Int64) async throws -> Proposal? {
        try await reading("reading proposal \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM proposals WHERE id = ?", arguments: [id]).flatMap(Self.proposal)
        }
    }

    /// Decides a waiting proposal, with its line of the audit log, in one transaction; then
    /// forgets the decided ones beyond ``Proposal/keptDecided``.
    ///
    /// - Parameters:
    ///   - id: the proposal.
    ///   - state: ``Proposal/State/approved`` or ``Proposal/State/rejected``.
    ///   - reason: why it was rejected.
    ///   - record: the record it became, when approved.
    ///   - audit: the audit log's line; its account and time are the decision's.
    /// - Returns: whether it was waiting (and is decided now); `false` changes nothing.
    public func decideProposal(
        _ id: Int64,
        _ state: Proposal.State,
        reason: String?,
        record: RecordID?,
        audit: AuditEntry
    ) async throws -> Bool {
        try await writing("deciding proposal \(id)") { db in
            try db.execute(
                sql: """
                    UPDATE proposals SET state = ?, decided_by = ?, decided = ?, reason = ?, record = ?
                    WHERE id = ? AND state = 'pending'
                    """,
                arguments: [state.rawValue, audit.account, audit.time, reason, record?.hex, id]
            )
            guard db.changesCount > 0 else { return false }
            try Self.append(audit, in: db)
            try db.execute(
                sql: """
                    DELETE FROM proposals WHERE state != 'pending' AND id NOT IN
                    (SELECT id FROM proposals WHERE state != 'pending' ORDER BY decided DESC, id DESC LIMIT ?)
                    """,
                arguments: [Proposal.keptDecided]
            )
            return true
        }
    }

    /// The communities whose `kind` some enabled editor of this node may write: those a visitor
    /// may propose one to, since someone is there to look at it.
    public func proposableCommunities(_ kind: RecordKind) async throws -> Set<PublicKey> {
        try await reading("finding the communities that take proposals") { db in
            let rows = try Data.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT r.community FROM account_rights r JOIN accounts a ON a.id = r.account
                    WHERE a.role = 'editor' AND a.disabled = 0 AND r.kind = ?
                    """,
                arguments: [kind.name]
            )
            return Set(rows.compactMap { Bytes32($0).map(PublicKey.init) })
        }
    }

    private static func proposal(_ row: Row) -> Proposal? {
        guard let kind = RecordKind(name: row["kind"] as String), let community = Bytes32(row["community"] as Data),
            let pairs = try? JSONDecoder().decode([[String]].self, from: Data((row["fields"] as String).utf8))
        else { return nil }
        return Proposal(
            id: row["id"],
            kind: kind,
            community: PublicKey(community),
            fields: pairs.compactMap { $0.count == 2 ? (name: $0[0], value: $0[1]) : nil },
            contact: row["contact"],
            address: row["address"],
            received: row["received"],
            state: Proposal.State(rawValue: row["state"]) ?? .pending,
            decidedBy: row["decided_by"],
            decided: row["decided"],
            reason: row["reason"],
            record: (row["record"] as String?).flatMap { RecordID(hex: $0) }
        )
    }
}
