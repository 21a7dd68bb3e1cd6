import ArtelCore
import ArtelFormats
import ArtelStore

extension ListPrinter {
    /// The most after the window's start that a window without `--until` reaches: a year.
    static let openWindow: Int64 = 365 * 86_400_000

    /// Events in a window (`--from`, `--until`): a repeating event as one row per occurrence that
    /// falls in it, expanded when read (its record keeps RRULE, EXDATE and RDATE); others as they are.
    /// JSON gives each record once, with the starts of its occurrences in the window.
    static func events(_ query: RecordQuery, node: Node, rendering: RecordRendering, json: Bool) async throws {
        let from = query.from ?? Int64.min / 2
        let through = query.until ?? (query.from ?? Int64(node.now)) + openWindow
        var rows: [(start: Int64, row: [String])] = []
        var objects: [JSON] = []
        for stored in try await node.replica.records(query) {
            guard let view = stored.view, let event = CalendarEvent(record: stored.id, state: stored.state) else {
                continue
            }
            let occurrences = event.occurrences(from: from, through: through)
            guard !occurrences.isEmpty else { continue }
            if event.recurrence != nil, case .object(var members) = RecordJSON.record(view) {
                members.append(("occurrences", .array(occurrences.map { .string(Moments.iso($0.start)) })))
                objects.append(.object(members))
            } else {
                objects.append(RecordJSON.record(view))
            }
            for occurrence in occurrences {
                var row = row(view, rendering: rendering)
                row[1] = Moments.eventTime(occurrence.start, field: "start", of: view)
                rows.append((occurrence.start, row))
            }
        }
        if json {
            print(JSON.array(objects).rendered)
        } else if rows.isEmpty {
            print("No event records match.")
        } else {
            print(Table.render(rows.sorted { $0.start < $1.start }.map(\.row)))
        }
    }
}
