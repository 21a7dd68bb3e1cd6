import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import GRDB
import PropertyBased
import Testing

/// `artel_words` (`SearchTokenizer`) must make of any text the words `unicode61 remove_diacritics 2`
/// makes of it with ё read as е: the index's words, a search's words and their offsets all follow.
@Suite("The full-text tokenizer")
struct SearchTokenizerTests {
    /// Two indexes over the same texts, one per tokenizer, with `fts5vocab` tables listing every
    /// word each made: its row, its position among the row's words, and its bytes.
    struct Pair {
        let queue: DatabaseQueue

        init() throws {
            queue = try DatabaseQueue(configuration: SearchTokenizer.configuration)
            try queue.write { db in
                for (name, tokenizer) in [
                    ("ours", SearchTokenizer.name), ("reference", "unicode61 remove_diacritics 2"),
                ] {
                    try db.execute(sql: "CREATE VIRTUAL TABLE \(name) USING fts5 (text, tokenize = '\(tokenizer)')")
                    try db.execute(sql: "CREATE VIRTUAL TABLE \(name)_words USING fts5vocab (\(name), instance)")
                }
            }
        }

        /// Indexes each text in `ours`, and in `reference` with ё and Ё spelt е and Е.
        func index(_ texts: [any DatabaseValueConvertible]) throws {
            try queue.write { db in
                for (row, text) in texts.enumerated() {
                    try db.execute(sql: "INSERT INTO ours (rowid, text) VALUES (?, ?)", arguments: [row + 1, text])
                    let spelt = (text as? String).map(Self.withoutYo) ?? text
                    try db.execute(
                        sql: "INSERT INTO reference (rowid, text) VALUES (?, ?)",
                        arguments: [row + 1, spelt]
                    )
                }
            }
        }

        /// The words one index made and the other did not, both ways, at most ten, as `index row
        /// offset word`. ё is read as е where `unicode61` met it in bytes that are not UTF-8.
        func differences() throws -> [String] {
            let words = { (name: String) in
                "SELECT doc, offset, CAST(replace(term, 'ё', 'е') AS BLOB) AS word FROM \(name)_words"
            }
            return try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        WITH ours AS (\(words("ours"))), reference AS (\(words("reference")))
                        SELECT 'ours' AS side, * FROM (SELECT * FROM ours EXCEPT SELECT * FROM reference)
                        UNION ALL
                        SELECT 'reference', * FROM (SELECT * FROM reference EXCEPT SELECT * FROM ours)
                        LIMIT 10
                        """
                )
                .map { row in
                    let word = (row["word"] as Data?).map { "\(Array($0))" } ?? "NULL"
                    return "\(row["side"] as String) \(row["doc"] as Int64) \(row["offset"] as Int64) \(word)"
                }
            }
        }

        /// The rows that find `word`, with it highlighted where the tokenizer says its bytes are,
        /// that differ between the indexes (ё read as е): at most ten.
        func highlightDifferences(_ word: String) throws -> [String] {
            let highlighted = { (name: String) in
                try queue.read { db in
                    try Row.fetchAll(
                        db,
                        sql: "SELECT rowid, highlight(\(name), 0, '[', ']') AS text FROM \(name) WHERE \(name) MATCH ?",
                        arguments: [word]
                    )
                    .map { "\($0["rowid"] as Int64) \(Self.withoutYo($0["text"] as String))" }
                }
            }
            let ours = try highlighted("ours")
            let reference = try highlighted("reference")
            return Array(zip(ours, reference).filter { $0 != $1 }.map { "\($0) | \($1)" }.prefix(10))
                + (ours.count == reference.count ? [] : ["\(ours.count) rows against \(reference.count)"])
        }

        /// How many words an index holds.
        func count(of name: String) throws -> Int {
            try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(name)_words") ?? 0 }
        }

        static func withoutYo(_ text: String) -> String {
            text.replacing("ё", with: "е").replacing("Ё", with: "Е")
        }
    }

    @Test("Every Unicode code point is read as unicode61 reads it: inside a word, starting one, alone")
    func everyCodePoint() throws {
        let pair = try Pair()
        let scalars = (1...0x10FFFF).compactMap(Unicode.Scalar.init)
        let texts = stride(from: 0, to: scalars.count, by: 64).map { start in
            scalars[start..<min(start + 64, scalars.count)].map { "x\($0)y \($0)z \($0)" }.joined(separator: " . ")
        }
        try pair.index(texts)
        #expect(try pair.count(of: "ours") >= 2 * scalars.count)
        #expect(try pair.differences() == [])
        #expect(try pair.highlightDifferences("z") == [])
    }

    @Test("Russian, Latin, marks, emoji and signs mixed as posts mix them make the same words")
    func mixedTexts() throws {
        let pieces = [
            "Ёлка", "ёжик", "Вакансия", "Backend-разработчик", "удалённо", "100–150", "тыс.", "₽", "$2000", "€1 500",
            "@hr_team", "t.me/jobs", "café", "naïve", "e\u{301}", "\u{301}a", "ǖ", "İstanbul", "Straße", "🔹", "1️⃣",
            "➖➖➖", "«Яндекс»", "№5", "ß", "\u{200D}", "_", "日本語", "한국어", "٣", "x²",
        ]
        var rng = Xoshiro(seed: (1, 2, 3, 4))
        let texts = (0..<2_000).map { _ in
            (0..<Int.random(in: 1...30, using: &rng)).map { _ in
                pieces.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " " : "")
            }
            .joined()
        }
        let pair = try Pair()
        try pair.index(texts)
        #expect(try pair.differences() == [])
    }

    @Test("Bytes that are not UTF-8 are read as unicode61 reads them, words before them folded as ours")
    func bytesThatAreNotUTF8() throws {
        var rng = Xoshiro(seed: (5, 6, 7, 8))
        let words = ["сообщество", "тренд", "—", "ёлка", "café", "🔹", "abc", "1️⃣"]
        let texts: [any DatabaseValueConvertible] = (0..<5_000).map { _ in
            var bytes = Array((0..<6).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ").utf8)
            for _ in 0..<2 {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            return Data(bytes)
        }
        let pair = try Pair()
        try pair.index(texts)
        #expect(try pair.differences() == [])
    }

    @Test("A search for е finds ё, and one for ё finds е")
    func yoIsFoldedInTheIndex() throws {
        let pair = try Pair()
        try pair.queue.write { db in
            try db.execute(sql: "INSERT INTO ours (rowid, text) VALUES (1, 'Новогодняя ёлка'), (2, 'Елка сообщества')")
        }
        for word in ["ёлка", "Елка", "ЁЛКА"] {
            let rows = try pair.queue.read {
                try Int64.fetchAll(
                    $0,
                    sql: "SELECT rowid FROM ours WHERE ours MATCH ? ORDER BY rowid",
                    arguments: [word]
                )
            }
            #expect(rows == [1, 2], "\(word)")
        }
    }

    @Test("The tokenizer takes no options")
    func optionsAreRefused() throws {
        let pair = try Pair()
        #expect(throws: DatabaseError.self) {
            try pair.queue.write {
                try $0.execute(
                    sql: "CREATE VIRTUAL TABLE odd USING fts5 (text, tokenize = 'artel_words remove_diacritics 0')"
                )
            }
        }
    }
}

/// A replica whose indexes `unicode61` made gets `artel_words` indexes when it opens.
@Suite("The full-text tokenizer's migration")
struct SearchTokenizerMigrationTests {
    let factory = DeltaFactory(key: TestKeys.techLeaders)
    let now = DeltaFactory.epoch + 1_000

    @Test("Both indexes are made again with artel_words and every job and event is found in them")
    func indexesAreMadeAgain() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            let replica = try Replica.create(at: path)
            let event = factory.sign(
                factory.delta(
                    .event,
                    record: DeltaFactory.recordID(100),
                    [
                        Fields.set(.event, "title", "Новогодняя ёлка лидеров"),
                        Fields.set(.event, "type", "meetup"),
                        Fields.set(.event, "start", .timestamp(Int64(now) + 86_400_000)),
                        Fields.set(.event, "end", .timestamp(Int64(now) + 93_600_000)),
                    ]
                )
            )
            let jobs = [factory.job(1, title: "Организатор ёлки"), factory.job(2, title: "Комьюнити-менеджер")]
            _ = try await replica.apply((jobs + [event]).map(\.bytes), now: now, source: "test")
            try replica.close()
            // The indexes as `unicode61` made them, emptied, and the migration not run.
            let queue = try DatabaseQueue(path: path, configuration: SearchTokenizer.configuration)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        DROP TABLE jobs_search_terms;
                        DROP TABLE events_search_terms;
                        DROP TABLE jobs_search;
                        DROP TABLE events_search;
                        CREATE VIRTUAL TABLE jobs_search USING fts5 (
                            title, employer, description, duties, requirements, skills, tags, location_city, facets,
                            content = '', tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
                        );
                        CREATE VIRTUAL TABLE events_search USING fts5 (
                            title, description, place_name, place_city, tags,
                            content = '', tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
                        );
                        CREATE VIRTUAL TABLE jobs_search_terms USING fts5vocab (jobs_search, row);
                        CREATE VIRTUAL TABLE events_search_terms USING fts5vocab (events_search, row);
                        DELETE FROM grdb_migrations WHERE identifier = '2026-12-11 search words read through a table';
                        """
                )
            }
            try queue.close()
            let reopened = try Replica.open(at: path)
            func titles(_ kind: RecordKind, _ text: String) async throws -> [String] {
                var query = RecordQuery(kind: kind)
                query.text = text
                return try await reopened.list(query).compactMap { $0.string("title") }.sorted()
            }
            #expect(try await titles(.job, "елки") == ["Организатор ёлки"])
            #expect(try await titles(.job, "менеджер") == ["Комьюнити-менеджер"])
            #expect(try await titles(.event, "ЕЛКА") == ["Новогодняя ёлка лидеров"])
            let tables = try await DatabaseQueue(path: path, configuration: SearchTokenizer.configuration).read {
                try String.fetchAll(
                    $0,
                    sql: "SELECT sql FROM sqlite_master WHERE name IN ('jobs_search', 'events_search')"
                )
            }
            #expect(tables.count == 2 && tables.allSatisfy { $0.contains("tokenize = 'artel_words'") }, "\(tables)")
            let problems = try await reopened.check().problems
            #expect(problems.isEmpty, "\(problems)")
            try reopened.close()
        }
    }
}
