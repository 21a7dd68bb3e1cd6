import ArtelCore
import ArtelStore
import HTTPTypes

/// Records named in requests by their id, or a unique prefix of it of at least 8 hex digits.
enum RecordLookup {
    /// The one record of `kind` whose id starts with `prefix`. A reader without the token only
    /// finds public records: one that is not public is answered as if it did not exist, and does not
    /// make a prefix ambiguous, so that nothing tells it from a missing one.
    ///
    /// - Parameters:
    ///   - publicOnly: whether the reader sees public records only.
    ///   - malformed: the error for a prefix that is not 8 to 32 hex digits.
    static func reference(
        _ kind: RecordKind,
        _ prefix: String,
        in replica: Replica,
        publicOnly: Bool,
        malformed: @autoclosure () -> APIError
    ) async throws -> Reference {
        let prefix = prefix.lowercased()
        guard (8...32).contains(prefix.count), Hex.isHexDigits(prefix) else { throw malformed() }
        var matches = try await replica.findRecords(kind, idPrefix: prefix, limit: publicOnly ? 64 : 2)
        if publicOnly {
            var visible: [Reference] = []
            for match in matches where try await isPublic(kind, match, in: replica) { visible.append(match) }
            matches = visible
        }
        guard matches.count < 2 else {
            throw APIError(.conflict, "ambiguous", "\"\(prefix)\" starts several \(kind) ids; give more digits")
        }
        guard let match = matches.first else { throw notFound(kind, prefix) }
        return match
    }

    /// Whether a reader without the token may see the record: the rule of public lists.
    static func isPublic(_ kind: RecordKind, _ reference: Reference, in replica: Replica) async throws -> Bool {
        var visible = RecordQuery(kind: kind)
        visible.records = [reference.record]
        visible.communities = [reference.community]
        visible.visibilities = [.public]
        return try await replica.count(visible) == 1
    }

    /// The answer when no record of `kind` has an id starting with `prefix`.
    static func notFound(_ kind: RecordKind, _ prefix: String) -> APIError {
        APIError(.notFound, "not_found", "no \(kind) has an id starting with \"\(prefix.prefix(32))\"")
    }
}
