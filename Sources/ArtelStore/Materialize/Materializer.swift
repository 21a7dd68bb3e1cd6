import ArtelCore
import Foundation
import GRDB

/// Writes the materialized row of a record from its merged state.
struct Materializer {
    let db: Database
    let table: MaterializedTable

    /// Inserts, updates or removes the row so that it shows `state`.
    ///
    /// - Parameters:
    ///   - state: the record's merged state.
    ///   - rowid: the record's row id, shared by its materialized row.
    ///   - key: the record's community and id.
    ///   - wasMaterialized: whether a row exists for the record.
    func write(_ state: RecordState, rowid: Int64, key: (PublicKey, RecordID), wasMaterialized: Bool) throws {
        guard !state.isDeleted, !state.kept.isEmpty else {
            if wasMaterialized { try db.cachedStatement(sql: table.deleteSQL).execute(arguments: [rowid]) }
            return
        }
        let meta: [(any DatabaseValueConvertible)?] = [
            Data(key.0.bytes.bytes), Data(key.1.bytes.bytes),
            Int64(state.updated?.milliseconds ?? 0), Int64(bitPattern: state.expiry),
        ]
        let fields = table.fieldValues(of: state)
        if wasMaterialized {
            try db.cachedStatement(sql: table.updateSQL)
                .execute(arguments: StatementArguments(meta + fields + [rowid]))
        } else {
            try db.cachedStatement(sql: table.insertSQL)
                .execute(arguments: StatementArguments([rowid] + meta + fields))
        }
    }
}
