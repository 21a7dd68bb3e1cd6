import ArtelCore
import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the statements that run once or more per
/// delta. Binding values directly skips the per-row boxing of GRDB's `StatementArguments`, which
/// costs more than the insert itself on the hot path.
///
/// GRDB still prepares and finalizes the statement; nothing else uses it, so its bindings are ours.
struct RawStatement {
    private let statement: Statement
    private let sql: String

    /// Prepares a statement on a connection.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.sql = sql
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    /// Tells SQLite to copy bound text and blobs, so that Swift buffers may go away after binding.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let start = utf8.baseAddress, !utf8.isEmpty else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = start.withMemoryRebound(to: CChar.self, capacity: utf8.count) { characters in
                sqlite3_bind_text(handle, index, characters, Int32(utf8.count), Self.transient)
            }
        }
    }

    func bind(_ index: Int32, blob bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
    }

    func bind(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { bind(index, blob: $0) }
    }

    func bind(_ index: Int32, _ value: Bytes32) {
        value.withUnsafeBytes { bind(index, blob: $0) }
    }

    func bind(_ index: Int32, _ value: Bytes16) {
        value.withUnsafeBytes { bind(index, blob: $0) }
    }

    func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Runs the statement to completion and resets it for the next row.
    func run() throws {
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs the statement and reads the first column of its first row as an integer.
    func firstInteger() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        default: throw error(code)
        }
    }

    /// Runs the statement and reads the first column of its first row as a blob.
    func firstBlob() throws -> [UInt8]? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            let count = Int(sqlite3_column_bytes(handle, 0))
            return count == 0
                ? [] : [UInt8](UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 0), count: count))
        case SQLITE_DONE: return nil
        default: throw error(code)
        }
    }

    /// Runs the statement and calls `body` with the first two columns of every row: an integer and a blob.
    func forEachIntegerAndBlob(_ body: (Int64, [UInt8]) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { return }
                throw error(code)
            }
            let count = Int(sqlite3_column_bytes(handle, 1))
            let bytes =
                count == 0 ? [] : [UInt8](UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 1), count: count))
            try body(sqlite3_column_int64(handle, 0), bytes)
        }
    }

    /// Runs the statement and binds every column of its first row to `target`, from parameter `first` on.
    ///
    /// - Returns: whether there was a row.
    func copyRow(into target: RawStatement, from first: Int32) throws -> Bool {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return false }
            throw error(code)
        }
        for column in 0..<sqlite3_column_count(handle) {
            _ = sqlite3_bind_value(target.handle, first + column, sqlite3_column_value(handle, column))
        }
        return true
    }

    /// Binds GRDB arguments, for a statement whose SQL is built with them.
    func bind(_ arguments: StatementArguments) throws {
        try statement.setArguments(arguments)
    }

    /// Runs the statement and calls `body` with every row, read column by column.
    func forEachRow(_ body: (Columns) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { return }
                throw error(code)
            }
            try body(Columns(handle: handle))
        }
    }

    /// The columns of the row a statement stands on.
    struct Columns {
        fileprivate let handle: OpaquePointer

        /// An integer column; nil when NULL.
        func integer(_ column: Int32) -> Int64? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
        }

        /// A text column; nil when NULL.
        func text(_ column: Int32) -> String? {
            guard let characters = sqlite3_column_text(handle, column) else { return nil }
            let count = Int(sqlite3_column_bytes(handle, column))
            return String(decoding: UnsafeBufferPointer(start: characters, count: count), as: UTF8.self)
        }

        /// A blob column's bytes; empty when NULL.
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
            let count = Int(sqlite3_column_bytes(handle, column))
            return UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, column), count: count)
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
            sql: sql
        )
    }
}

/// The raw statements of one transaction, prepared on first use.
final class RawStatements {
    private let db: Database
    /// A transaction uses about ten statements, each found many times per delta. A scan comparing
    /// strings costs less than hashing them: the SQL passed is most often the very string stored,
    /// which `==` recognises without reading it, and other SQL differs within its first words.
    private var prepared: [(sql: String, statement: RawStatement)] = []

    init(_ db: Database) {
        self.db = db
    }

    /// The row id of the last row inserted on the connection.
    var lastInsertedRowID: Int64 { db.lastInsertedRowID }

    /// The statement for `sql`, prepared once per transaction.
    subscript(sql: String) -> RawStatement {
        get throws {
            if let found = prepared.first(where: { $0.sql == sql }) { return found.statement }
            let statement = try RawStatement(db, sql: sql)
            prepared.append((sql, statement))
            return statement
        }
    }
}
