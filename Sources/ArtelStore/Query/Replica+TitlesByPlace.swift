public import ArtelCore

extension Replica {
    /// The titles of records named by their place in a source, for groups of them (the vacancies of
    /// each Telegram post), read in one transaction.
    ///
    /// For each group, the records `record(place)` names are looked up from place 0 up to `count`,
    /// and on while records are found (an older version of the source may have had more).
    ///
    /// - Returns: per group, by place: `nil` where no record is stored, its title where its kind's
    ///   table shows it, and "" for a stored record the table does not show (a deleted one).
    public func titlesByPlace(
        _ kind: RecordKind,
        in community: PublicKey,
        groups: [(count: Int, record: @Sendable (Int) -> RecordID)]
    ) async throws -> [[String?]] {
        guard let table = MaterializedTable.of(kind) else { return groups.map { _ in [] } }
        return try await reading("looking up the records of \(groups.count) sources") { db in
            let scope = try Self.scopes(of: [kind], in: community, db: db)[kind]
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT t.title FROM records r LEFT JOIN "\(table.name)" t ON t.rowid = r.rowid
                    WHERE r.scope = ?1 AND r.record_id = ?2
                    """
            )
            return try groups.map { group in
                guard let scope else { return [] }
                var titles: [String?] = []
                while true {
                    statement.bind(1, scope)
                    statement.bind(2, group.record(titles.count).bytes)
                    var found: String??
                    try statement.forEachRow { columns in found = .some(columns.text(0) ?? "") }
                    guard let title = found else {
                        if titles.count >= group.count { break }
                        titles.append(nil)
                        continue
                    }
                    titles.append(title)
                }
                return titles
            }
        }
    }
}
