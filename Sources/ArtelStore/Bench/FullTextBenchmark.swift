import Foundation
import GRDB

/// Measures what the full-text index's tokenizer costs: the same rows indexed with SQLite's
/// `unicode61 remove_diacritics 2` and with the replica's `artel_words` (``SearchTokenizer``), which
/// makes the same words of them.
package enum FullTextBenchmark {
    /// CPU microseconds of the writing thread a row's full-text entry takes with each tokenizer, in a
    /// contentless index shaped like the replica's: the best of three rounds, the tokenizers taking
    /// turns. The commit, which writes the same words whichever tokenizer made them, is left out.
    ///
    /// - Parameters:
    ///   - rows: the texts of each row, one per column; every row has as many.
    ///   - directory: where the scratch database goes; it is removed afterwards.
    package static func run(rows: [[String]], in directory: String) throws -> (unicode61: Double, artelWords: Double) {
        let path = "\(directory)/full-text.sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let queue = try DatabaseQueue(path: path, configuration: SearchTokenizer.configuration)
        defer { try? queue.close() }
        let width = rows.first?.count ?? 0
        let columns = (0..<width).map { "text\($0)" }.joined(separator: ", ")
        let values = (0...width).map { "?\($0 + 1)" }.joined(separator: ", ")
        var best = [Double.infinity, .infinity]
        for _ in 0..<3 {
            for (turn, tokenizer) in ["unicode61 remove_diacritics 2", SearchTokenizer.name].enumerated() {
                let seconds = try queue.write { db in
                    try db.execute(
                        sql: """
                            DROP TABLE IF EXISTS entries;
                            CREATE VIRTUAL TABLE entries USING fts5 (
                                \(columns), content = '', tokenize = '\(tokenizer)', detail = none, columnsize = 0
                            )
                            """
                    )
                    let insert = try RawStatement(db, sql: "INSERT INTO entries (rowid, \(columns)) VALUES (\(values))")
                    let start = threadCPUSeconds()
                    for (index, row) in rows.enumerated() {
                        insert.bind(1, Int64(index + 1))
                        for (column, text) in row.enumerated() { insert.bind(Int32(column + 2), text) }
                        try insert.run()
                    }
                    return threadCPUSeconds() - start
                }
                best[turn] = min(best[turn], seconds)
            }
        }
        let perRow = 1e6 / Double(max(rows.count, 1))
        return (best[0] * perRow, best[1] * perRow)
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
