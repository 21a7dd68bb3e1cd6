import ArtelCore

/// What an edit of an event carries besides the changes asked for.
enum EventEdit {
    private static let schema = RecordKind.event.schema
    /// Fields whose change is a schedule or status change for iCalendar (RFC 5545 `SEQUENCE`).
    private static let scheduleFields: Set<FieldID> = Set(
        ["start", "end", "timezone", "all_day", "status"].map { schema[$0].id }
    )

    /// Adds the event's current start and end (its expiry is measured from them) and, when the
    /// schedule or status changes, the next `sequence`.
    static func prepare(_ operations: [Operation], of state: RecordState) -> [Operation] {
        var result = operations
        let written = Set(operations.map(\.field))
        for name in ["start", "end"] {
            let field = schema[name].id
            if !written.contains(field), let value = state.value(of: field) { result.append(.set(field, value)) }
        }
        let sequence = schema["sequence"].id
        if !written.contains(sequence) && !written.isDisjoint(with: scheduleFields) {
            var current: Int64 = 0
            if case .integer(let number) = state.value(of: sequence) { current = number }
            result.append(.set(sequence, .integer(current + 1)))
        }
        return result
    }
}
