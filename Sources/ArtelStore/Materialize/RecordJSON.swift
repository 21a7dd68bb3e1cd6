package import ArtelCore

/// Records and deltas as JSON, the one shape `--json` output and the HTTP API share: timestamps in
/// ISO 8601 UTC, bytes in hex, references as `community:record`, dotted field names nested.
package enum RecordJSON {
    /// A record: identity, times, and `fields`.
    package static func record(_ view: RecordView) -> JSON {
        var fields: [(String, JSON)] = []
        for entry in view.entries {
            let value: JSON =
                switch entry.value {
                case .single(let single): Self.value(single)
                case .set(let elements): .array(elements.map(Self.value))
                }
            insert(value, at: entry.field.name.split(separator: ".").map(String.init), into: &fields)
        }
        return .object([
            ("kind", .string(view.kind.name)),
            ("id", .string(view.id.hex)),
            ("community", .string(view.community.hex)),
            ("updated", .string(ISODates.dateTime(Int64(view.updated)))),
            ("expires", view.expiry == 0 ? .null : .string(ISODates.dateTime(Int64(view.expiry)))),
            ("fields", .object(fields)),
        ])
    }

    /// One value.
    package static func value(_ value: Value) -> JSON {
        switch value {
        case .string(let string): .string(string)
        case .integer(let number): .number(number)
        case .boolean(let flag): .bool(flag)
        case .timestamp(let moment): .string(ISODates.dateTime(moment))
        case .bytes(let bytes): .string(Hex.encode(bytes))
        case .reference(let reference): .string(reference.description)
        case .references(let references): .array(references.map { .string($0.description) })
        }
    }

    /// A kept delta of a record of `kind`: who changed what, and when.
    package static func delta(_ signed: SignedDelta, kind: RecordKind) -> JSON {
        let delta = signed.delta
        return .object([
            ("id", .string(signed.id.hex)),
            ("timestamp", .string(ISODates.dateTime(Int64(delta.timestamp.milliseconds)))),
            ("hlc", .number(Int64(bitPattern: delta.timestamp.rawValue))),
            ("author", .string(delta.author.hex)),
            ("expires", delta.expiry == 0 ? .null : .string(ISODates.dateTime(Int64(delta.expiry)))),
            ("operations", .array(delta.operations.map { operation($0, kind: kind) })),
        ])
    }

    /// One operation of a delta, with its field's public name.
    package static func operation(_ operation: Operation, kind: RecordKind) -> JSON {
        func name(_ field: FieldID) -> JSON { .string(kind.schema.field(field)?.name ?? "\(field)") }
        return switch operation {
        case .set(let field, let value):
            .object([("op", .string("set")), ("field", name(field)), ("value", Self.value(value))])
        case .clear(let field): .object([("op", .string("clear")), ("field", name(field))])
        case .add(let field, let value):
            .object([("op", .string("add")), ("field", name(field)), ("value", Self.value(value))])
        case .remove(let field, let value):
            .object([("op", .string("remove")), ("field", name(field)), ("value", Self.value(value))])
        case .delete: .object([("op", .string("delete"))])
        }
    }

    private static func insert(_ value: JSON, at path: [String], into members: inout [(String, JSON)]) {
        guard path.count > 1 else {
            members.append((path[0], value))
            return
        }
        var nested: [(String, JSON)] = []
        if let index = members.firstIndex(where: { $0.0 == path[0] }), case .object(let existing) = members[index].1 {
            nested = existing
            members.remove(at: index)
        }
        insert(value, at: Array(path.dropFirst()), into: &nested)
        members.append((path[0], .object(nested)))
    }
}
