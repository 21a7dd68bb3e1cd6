import GRDB

/// The right side of a full-text `MATCH` for a search: every word as a prefix, and the query's
/// facets (``SearchFacets``), all required.
///
/// SQLite's FTS5 reads a prefix (`"казан"*`) several times slower than the words it stands for
/// (`"казань" OR "казани"`), so a prefix is spelt out, in the SQL itself, from the index's own
/// list of words (an `fts5vocab` table beside it) when it stands for a few. Only prefixes the
/// tokenizer would keep as they are — lowercase Latin or Cyrillic letters and digits, four or
/// more — are spelt out; any other stays a prefix, so a search never depends on this code folding
/// text exactly as the tokenizer does.
struct SearchMatch {
    /// An SQL expression giving the `MATCH` text.
    let sql: String
    /// Its arguments, in order.
    let arguments: [any DatabaseValueConvertible]

    /// The most words one prefix is spelt out as; a prefix standing for more is searched as one.
    static let mostTerms = 16

    /// - Parameters:
    ///   - words: the search's words (``SearchText/words(_:)``).
    ///   - facets: full-text terms the query's filters add.
    ///   - terms: the `fts5vocab` table of the index's words.
    init(words: [String], facets: [String], terms: String) {
        var parts: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for word in words {
            let stem = SearchText.stem(word)
            let prefix = "\"\(stem)\"*"
            let lowered = stem.lowercased()
            guard Self.isKeptByTheTokenizer(lowered) else {
                parts.append("?")
                arguments.append(prefix)
                continue
            }
            parts.append(
                "(SELECT CASE WHEN count(*) BETWEEN 1 AND \(Self.mostTerms)"
                    + " THEN '(' || group_concat('\"' || term || '\"', ' OR ') || ')' ELSE ? END"
                    + " FROM \(terms) WHERE term >= ? AND term < ?)"
            )
            arguments += [prefix, lowered, lowered + "\u{10FFFF}"]
        }
        for facet in facets {
            parts.append("?")
            arguments.append(facet)
        }
        sql = parts.joined(separator: " || ' AND ' || ")
        self.arguments = arguments
    }

    /// Whether the index's tokenizer (``SearchTokenizer``) leaves a lowercased text as it is, and it
    /// is long enough to stand for few words: Latin and Cyrillic letters without marks, and digits
    /// (ё is folded to е before: ``SearchText/fold(_:)``).
    private static func isKeptByTheTokenizer(_ text: String) -> Bool {
        text.unicodeScalars.count >= 4
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || ("а"..."я").contains($0)
            }
    }
}
