import ArtelCore
import ArtelStore
import Hummingbird

extension APIContext {
    /// The record of a kind whose whole id (32 hex digits) a page's path names as `:id`; `nil` for
    /// an id of another shape or one the replica does not hold.
    func pathRecord(_ kind: RecordKind, _ route: APIRequestContext) async throws -> StoredRecord? {
        let id = (route.parameters.get("id") ?? "").lowercased()
        guard id.count == 32, Hex.isHexDigits(id),
            let reference = try await replica.findRecords(kind, idPrefix: id, limit: 2).first
        else { return nil }
        return try await replica.record(kind, reference)
    }
}
