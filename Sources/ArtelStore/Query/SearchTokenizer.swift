import CSearchTokenizer
package import GRDB

/// The tokenizer of the replica's full-text indexes, `artel_words`.
///
/// It splits and folds text exactly as SQLite's `unicode61 remove_diacritics 2` does, case and
/// Latin diacritics, and folds the Cyrillic ё and Ё to е as well, which Russian writes as е as often
/// as not. It reads text through a table of what `unicode61` makes of each code point, which halves
/// what a full-text entry of Russian text costs, or better (`artel bench apply` measures both). The table is
/// filled by asking `unicode61`, a page of 256 code points at a time, so the two cannot disagree on
/// any text that is UTF-8; a test compares them on every code point.
///
/// A connection that reads or writes an index made with it must register it first: ``Replica``
/// does so on every connection. The `sqlite3` shell can read every table but the indexes.
package enum SearchTokenizer {
    /// The name `CREATE VIRTUAL TABLE … USING fts5 (…, tokenize = 'artel_words')` gives.
    package static let name = "artel_words"

    /// A configuration whose connections register the tokenizer: for a database opened outside
    /// ``Replica`` that holds, or will hold, an index made with it.
    package static var configuration: Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { try register(on: $0) }
        return configuration
    }

    /// Registers the tokenizer on a connection opened outside ``Replica``.
    package static func register(on db: Database) throws {
        let code = db.sqliteConnection.map(artel_search_tokenizer_register) ?? SQLITE_MISUSE
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: "cannot register the \(name) tokenizer"
            )
        }
    }
}
