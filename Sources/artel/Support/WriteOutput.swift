import ArtelCore
import ArtelStore

/// What a write command prints: a sentence, or with `--json` one JSON object in the shape the HTTP
/// API answers the same write with (``RecordJSON`` for records), so that scripts read one shape
/// everywhere.
enum WriteOutput {
    /// A created or changed record as `show --json` prints it, and the delta that wrote it:
    /// `{"record": {…}, "delta": "…"}`.
    static func written(_ view: RecordView?, delta: SignedDelta) -> JSON {
        .object([("record", view.map(RecordJSON.record) ?? .null), ("delta", .string(delta.id.hex))])
    }

    /// A deleted record: `{"deleted": true, "kind": "job", "id": "…", "delta": "…"}`.
    static func deleted(_ kind: RecordKind, _ id: RecordID, delta: SignedDelta) -> JSON {
        .object([
            ("deleted", .bool(true)), ("kind", .string(kind.name)), ("id", .string(id.hex)),
            ("delta", .string(delta.id.hex)),
        ])
    }
}

extension OutputOptions {
    /// Prints `json()` with `--json`, else `text()`.
    func emit(_ text: @autoclosure () -> String, json: @autoclosure () -> JSON) {
        print(self.json ? json().rendered : text())
    }
}

extension Node {
    /// The record as it is now, after a write.
    func view(_ kind: RecordKind, _ reference: Reference) async throws -> RecordView? {
        try await replica.record(kind, reference)?.view
    }
}
