import ArtelCore
import GRDB

/// Small values the node keeps beside its data, such as its clock.
enum NodeState {
    /// Moves the stored clock past an accepted timestamp (DESIGN §3: a node advances its clock past
    /// every delta it accepts).
    static func advanceClock(past timestamp: HLC, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO node_state (key, value) VALUES ('hlc', ?)
                ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)
                """
        ).execute(arguments: [Int64(bitPattern: timestamp.rawValue)])
    }

    /// The stored clock.
    static func clock(in db: Database) throws -> HybridLogicalClock {
        let raw = try Int64.fetchOne(db, sql: "SELECT value FROM node_state WHERE key = 'hlc'") ?? 0
        return HybridLogicalClock(latest: HLC(rawValue: UInt64(bitPattern: raw)))
    }
}

extension Replica {
    /// Stores the node's human name.
    func setNodeName(_ name: String) throws {
        try guarding("naming the node") {
            try pool.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO node_state (key, value) VALUES ('name', ?)",
                    arguments: [name]
                )
            }
        }
    }

    /// The node's human name.
    public func nodeName() async throws -> String {
        try await reading("reading the node name") { db in
            try String.fetchOne(db, sql: "SELECT value FROM node_state WHERE key = 'name'") ?? "artel"
        }
    }
}

extension Replica {
    /// Records where the serving node listens (or `nil` when it stopped), for `artel status`.
    public func setListenAddress(_ address: String?) async throws {
        try await writing("recording the listen address") { db in
            if let address {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO node_state (key, value) VALUES ('listen', ?)",
                    arguments: [address]
                )
            } else {
                try db.execute(sql: "DELETE FROM node_state WHERE key = 'listen'")
            }
        }
    }

    /// Where the serving node listens, if it does.
    public func listenAddress() async throws -> String? {
        try await reading("reading the listen address") { db in
            try String.fetchOne(db, sql: "SELECT value FROM node_state WHERE key = 'listen'")
        }
    }
}
