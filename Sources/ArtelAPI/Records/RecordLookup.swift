import ArtelCore
import ArtelStore
import HTTPTypes

/// Records named in requests by their id, or a unique prefix of it of at least 8 hex digits.
enum RecordLookup {
    /// The one record of `kind` whose id starts with `prefix`.
    ///
    /// - Parameter malformed: the error for a prefix that is not 8 to 32 hex digits.
    static func reference(
        _ kind: RecordKind,
        _ prefix: String,
        in replica: Replica,
        malformed: @autoclosure () -> APIError
    ) async throws -> Reference {
        let prefix = prefix.lowercased()
        guard (8...32).contains(prefix.count), Hex.isHexDigits(prefix) else { throw malformed() }
        let matches = try await replica.findRecords(kind, idPrefix: prefix, limit: 2)
        guard matches.count < 2 else {
            throw APIError(.conflict, "ambiguous", "\"\(prefix)\" starts several \(kind) ids; give more digits")
        }
        guard let match = matches.first else { throw notFound(kind, prefix) }
        return match
    }

    /// The answer when no record of `kind` has an id starting with `prefix`.
    static func notFound(_ kind: RecordKind, _ prefix: String) -> APIError {
        APIError(.notFound, "not_found", "no \(kind) has an id starting with \"\(prefix.prefix(32))\"")
    }
}
