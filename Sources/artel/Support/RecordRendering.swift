import ArtelCore
import ArtelStore
import Foundation

/// How records look on the terminal and in `--json`.
struct RecordRendering {
    /// Community names by key, shown instead of hex where known.
    let communityNames: [PublicKey: String]

    /// The name of a community, or the start of its key.
    func communityName(_ key: PublicKey) -> String {
        communityNames[key] ?? "\(key.hex.prefix(16))…"
    }

    /// A record with every field, one per line; its moments in its time zone (``Moments/zone(of:)``).
    func text(_ view: RecordView) -> String {
        let zone = Moments.zone(of: view)
        var lines = [
            "\(view.kind) \(view.id.hex)", "  community  \(communityName(view.community))  (\(view.community.hex))",
        ]
        let width = max(10, view.entries.map(\.field.name.count).max() ?? 0)
        for entry in view.entries {
            let label = entry.field.name.padding(toLength: width, withPad: " ", startingAt: 0)
            var shown = text(entry.value, zone: zone)
            if view.kind == .event, ["start", "end"].contains(entry.field.name),
                case .single(.timestamp(let moment)) = entry.value
            {
                shown = Moments.eventTime(moment, field: entry.field.name, of: view)
            }
            let value = shown.replacingOccurrences(
                of: "\n",
                with: "\n  " + String(repeating: " ", count: width + 2)
            )
            lines.append("  \(label)  \(value)")
        }
        for (field, value) in view.unknownFields.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(field)  \(text(value, zone: zone))  (a field this version does not know)")
        }
        let expiry = view.expiry == 0 ? "never expires" : "expires \(Moments.text(Int64(view.expiry), zone: zone))"
        lines.append("  updated \(Moments.text(Int64(view.updated), zone: zone)), \(expiry)")
        return lines.joined(separator: "\n")
    }

    /// The text of a field's value, its moments in `zone`.
    func text(_ value: RecordView.FieldValue, zone: TimeZone = Moments.utc) -> String {
        switch value {
        case .single(let single): text(single, zone: zone)
        case .set(let elements): elements.map { text($0, zone: zone) }.joined(separator: ", ")
        }
    }

    /// The text of one value, a moment in `zone`.
    func text(_ value: Value, zone: TimeZone = Moments.utc) -> String {
        switch value {
        case .string(let string): string
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "yes" : "no"
        case .timestamp(let moment): Moments.text(moment, zone: zone)
        case .bytes(let bytes): Hex.encode(bytes)
        case .reference(let reference): reference.record.hex
        case .references(let references): references.map(\.record.hex).joined(separator: ", ")
        }
    }
}

/// Columns padded to their widest cell, for lists.
enum Table {
    static func render(_ rows: [[String]], limit: Int = 48) -> String {
        guard let columns = rows.first?.count else { return "" }
        let cells = rows.map { row in row.map { $0.count > limit ? String($0.prefix(limit - 1)) + "…" : $0 } }
        let widths = (0..<columns).map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// Unbuffered writes, for messages that must arrive at once even when output is a pipe.
enum Console {
    /// Writes a line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes a line to standard output now (`print` would wait for its buffer to fill in a pipe).
    static func line(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }
}
