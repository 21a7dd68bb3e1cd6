import Foundation
import GRDB

/// Measures the two ways the store can write a row through GRDB's connection: GRDB's
/// `StatementArguments`, and SQLite's C binding calls on the same prepared statement (``RawStatement``),
/// which the apply path uses for the statements that run once or more per delta.
package enum InsertPathBenchmark {
    /// Rows per second of each path, for `count` rows shaped like stored deltas, in a scratch database.
    ///
    /// - Parameters:
    ///   - count: rows to insert with each path.
    ///   - directory: where the scratch database goes; it is removed afterwards.
    /// - Returns: rows per second through GRDB's arguments, then through C binding.
    package static func run(count: Int, in directory: String) throws -> (arguments: Double, binding: Double) {
        let path = "\(directory)/insert-paths.sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            try db.execute(
                sql: "CREATE TABLE viaArguments (id BLOB NOT NULL UNIQUE, hlc INTEGER NOT NULL, bytes BLOB NOT NULL)"
            )
            try db.execute(
                sql: "CREATE TABLE viaBinding (id BLOB NOT NULL UNIQUE, hlc INTEGER NOT NULL, bytes BLOB NOT NULL)"
            )
        }
        let rows = (0..<count).map { index in
            (
                id: (0..<32).map { _ in UInt8.random(in: 0...255) }, hlc: Int64(index),
                bytes: [UInt8](repeating: 7, count: 500)
            )
        }
        let arguments = try timed {
            try pool.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO viaArguments (id, hlc, bytes) VALUES (?, ?, ?)")
                for row in rows { try statement.execute(arguments: [Data(row.id), row.hlc, Data(row.bytes)]) }
            }
        }
        let binding = try timed {
            try pool.write { db in
                let statement = try RawStatement(db, sql: "INSERT INTO viaBinding (id, hlc, bytes) VALUES (?1, ?2, ?3)")
                for row in rows {
                    statement.bind(1, row.id)
                    statement.bind(2, row.hlc)
                    statement.bind(3, row.bytes)
                    try statement.run()
                }
            }
        }
        try pool.close()
        return (Double(count) / arguments, Double(count) / binding)
    }

    private static func timed(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
