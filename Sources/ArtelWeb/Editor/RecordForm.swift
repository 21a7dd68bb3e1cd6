import ArtelCore
import Foundation

/// What an editor's form typed, field by field, for some fields of a kind, and the operations it
/// makes. Each value is checked by the kind's own rules (``KindSchema/problems(in:creating:)``, the
/// rules every node applies to a delta), so that every problem is found at once and shown beside
/// its field. ``JobForm`` and ``EventEditorForm`` are made of one.
struct RecordForm: Sendable {
    /// How a field is typed.
    enum Input: Sendable {
        case line, text, integer, date, dateTime, tags
        case select([String])
        case checkboxes([String])
    }

    /// The kind the form writes.
    let kind: RecordKind
    /// The fields of the form, in order: the kind's public field names.
    let inputs: [(name: String, input: Input)]
    /// What was typed in each single field, and the sets as typed.
    private(set) var texts: [String: String] = [:]
    /// The boxes ticked of each set field.
    private(set) var chosen: [String: [String]] = [:]

    /// The choices a field's rule allows.
    static func choices(_ kind: RecordKind, _ name: String) -> [String] {
        guard case .oneOf(let values) = kind.schema[name].rule else { return [] }
        return values
    }

    /// The form as posted.
    init(_ kind: RecordKind, _ inputs: [(name: String, input: Input)], fields: [(name: String, value: String)]) {
        self.kind = kind
        self.inputs = inputs
        for (name, input) in inputs {
            switch input {
            case .checkboxes: chosen[name] = fields.filter { $0.name == name }.map(\.value)
            default: texts[name] = fields.last { $0.name == name }?.value ?? ""
            }
        }
    }

    /// The form of a stored record, to edit it; moments shown in `zone`.
    init(_ kind: RecordKind, _ inputs: [(name: String, input: Input)], state: RecordState, zone: TimeZone) {
        self.kind = kind
        self.inputs = inputs
        for (name, input) in inputs {
            let spec = kind.schema[name]
            switch input {
            case .checkboxes: chosen[name] = state.elements(of: spec.id).compactMap(\.text)
            case .tags: texts[name] = state.elements(of: spec.id).compactMap(\.text).joined(separator: ", ")
            default: texts[name] = state.value(of: spec.id).map { Self.text($0, input, zone) } ?? ""
            }
        }
    }

    /// Sets what a field shows, as typed.
    mutating func set(_ name: String, _ text: String) { texts[name] = text }

    /// The operations that write the form: every filled field for a new record, only what changed
    /// for a stored one, then `extra`; and what is wrong, by field name, with nothing to write then.
    ///
    /// - Parameters:
    ///   - current: the stored record being edited; `nil` for a new one.
    ///   - zone: the zone a date and time without an offset is read in.
    ///   - extra: operations the writer adds (a job's `date_posted`), checked with the rest.
    func operations(
        current: RecordState?,
        zone: TimeZone,
        extra: [ArtelCore.Operation] = []
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem]) {
        let schema = kind.schema
        var operations: [ArtelCore.Operation] = []
        var problems: [String: FieldProblem] = [:]
        for (name, input) in inputs {
            let spec = schema[name]
            let wanted: [Value]
            switch input {
            case .checkboxes:
                wanted = Array(Set(chosen[name] ?? [])).sorted().map(Value.string)
            case .tags:
                let tags = (texts[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                wanted = Array(Set(tags.filter { !$0.isEmpty })).sorted().map(Value.string)
            default:
                let text = Self.normalized(
                    texts[name] ?? "",
                    multiline: { if case .text = input { true } else { false } }()
                )
                guard !text.isEmpty else {
                    if current?.value(of: spec.id) != nil { operations.append(.clear(spec.id)) }
                    continue
                }
                guard let value = Self.value(text, input, zone) else {
                    problems[name] = FieldProblem(input.problem)
                    continue
                }
                if current?.value(of: spec.id) != value { operations.append(.set(spec.id, value)) }
                continue
            }
            let held = Set(current?.elements(of: spec.id) ?? [])
            for element in wanted where !held.contains(element) { operations.append(.add(spec.id, element)) }
            for element in held.subtracting(wanted).sorted(by: { $0.canonicalPrecedes($1) }) {
                operations.append(.remove(spec.id, element))
            }
        }
        operations += extra
        for (name, error) in schema.problems(in: operations, creating: current == nil) where problems[name] == nil {
            problems[name] = FieldProblem(error)
        }
        return (problems.isEmpty ? operations : [], problems)
    }

    /// A text as it is stored: lines joined by `\n`, spaces trimmed, a one-line field on one line.
    private static func normalized(_ text: String, multiline: Bool) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return multiline ? unified : unified.replacingOccurrences(of: "\n", with: " ")
    }

    /// A typed text as a field's value; `nil` when it is not one.
    private static func value(_ text: String, _ input: Input, _ zone: TimeZone) -> Value? {
        switch input {
        case .integer:
            return Int64(text.filter { !$0.isWhitespace }).map(Value.integer)
        case .date:
            // A day alone means until that day ends (UTC), as `artel grant --until` reads one.
            guard let (milliseconds, isDate) = ISODates.read(text) else { return nil }
            return .timestamp(isDate ? milliseconds + 86_400_000 - 1 : milliseconds)
        case .dateTime:
            return LocalMoments.read(text, in: zone).map(Value.timestamp)
        default:
            return .string(text)
        }
    }

    /// A stored value as the form shows it: a date as `YYYY-MM-DD` and a moment as
    /// `YYYY-MM-DDTHH:MM` in `zone`, the way date and time inputs write them.
    private static func text(_ value: Value, _ input: Input, _ zone: TimeZone) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .timestamp(let milliseconds):
            if case .dateTime = input { LocalMoments.text(milliseconds, in: zone) } else { ISODates.date(milliseconds) }
        default: ""
        }
    }
}

extension RecordForm.Input {
    /// The problem of a text that is not a value of this input.
    var problem: FieldProblem.Kind {
        switch self {
        case .date: .date
        case .dateTime: .dateTime
        default: .integer
        }
    }
}

extension Value {
    /// The text of a string value.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
