public import ArtelCore
import Foundation

/// The form an editor writes a job with: what was typed, field by field, and the operations it
/// makes. Each value is checked by the job's own rules (``KindSchema/problems(in:creating:)``, the
/// rules every node applies to a delta), so that every problem is found at once and shown beside
/// its field; the write itself then goes through the same ``Publisher`` as `artel job post` and
/// the API's `POST /api/v1/jobs`.
public struct JobForm: Sendable {
    /// How a field is typed.
    enum Input: Sendable {
        case line, text, integer, date, tags
        case select([String])
        case checkboxes([String])
    }

    /// The fields of the form, in order: the job's public field names.
    static let inputs: [(name: String, input: Input)] = [
        ("title", .line), ("employer", .line), ("description", .text), ("salary_min", .integer),
        ("salary_max", .integer), ("salary_currency", .line), ("salary_period", .select(choices("salary_period"))),
        ("employment", .checkboxes(choices("employment"))), ("work_mode", .select(choices("work_mode"))),
        ("location.city", .line), ("apply_url", .line), ("contact", .line), ("valid_through", .date), ("tags", .tags),
    ]

    private static func choices(_ name: String) -> [String] {
        guard case .oneOf(let values) = RecordKind.job.schema[name].rule else { return [] }
        return values
    }

    /// The community the job is for, its key in hex (chosen on a new job's form).
    public var community: String
    /// What was typed in each single field, and the tags as typed.
    public private(set) var texts: [String: String] = [:]
    /// The boxes ticked of each set field.
    public private(set) var chosen: [String: [String]] = [:]

    /// The form as posted.
    ///
    /// - Parameter fields: the posted fields in order.
    public init(_ fields: [(name: String, value: String)]) {
        community = fields.last { $0.name == "community" }?.value ?? ""
        for (name, input) in Self.inputs {
            switch input {
            case .checkboxes: chosen[name] = fields.filter { $0.name == name }.map(\.value)
            default: texts[name] = fields.last { $0.name == name }?.value ?? ""
            }
        }
    }

    /// The form of a stored job, to edit it.
    public init(_ state: RecordState, community: PublicKey) {
        self.community = community.hex
        let schema = RecordKind.job.schema
        for (name, input) in Self.inputs {
            let spec = schema[name]
            switch input {
            case .checkboxes: chosen[name] = state.elements(of: spec.id).compactMap(\.text)
            case .tags: texts[name] = state.elements(of: spec.id).compactMap(\.text).joined(separator: ", ")
            default: texts[name] = state.value(of: spec.id).map(Self.text) ?? ""
            }
        }
    }

    /// The operations that write the form: every filled field for a new job (posted `now`), only
    /// what changed for a stored one; and what is wrong, by field name, with nothing to write then.
    ///
    /// - Parameters:
    ///   - current: the stored job being edited; `nil` for a new one.
    ///   - now: the wall clock in Unix milliseconds.
    public func operations(
        current: RecordState?,
        now: Int64
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem]) {
        let schema = RecordKind.job.schema
        var operations: [ArtelCore.Operation] = []
        var problems: [String: FieldProblem] = [:]
        for (name, input) in Self.inputs {
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
                guard let value = Self.value(text, input) else {
                    problems[name] = FieldProblem(input.isDate ? .date : .integer)
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
        if current == nil { operations.append(.set(schema["date_posted"].id, .timestamp(now))) }
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
    private static func value(_ text: String, _ input: Input) -> Value? {
        switch input {
        case .integer:
            return Int64(text.filter { !$0.isWhitespace }).map(Value.integer)
        case .date:
            // A day alone means until that day ends (UTC), as `artel grant --until` reads one.
            guard let (milliseconds, isDate) = ISODates.read(text) else { return nil }
            return .timestamp(isDate ? milliseconds + 86_400_000 - 1 : milliseconds)
        default:
            return .string(text)
        }
    }

    /// A stored value as the form shows it: a date as `YYYY-MM-DD`, the way a date input writes it.
    private static func text(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .timestamp(let milliseconds): ISODates.date(milliseconds)
        default: ""
        }
    }
}

extension JobForm.Input {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}

extension Value {
    /// The text of a string value.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// What is wrong with one field of a form, as the page says it.
public struct FieldProblem: Sendable, Hashable {
    /// The kind of problem, which picks the words.
    public enum Kind: String, Sendable {
        /// A required field is empty.
        case required
        /// A text is longer than its field allows.
        case tooLong
        /// A value is not one of the field's choices.
        case choice
        /// A link is not http(s), mailto or tg.
        case url
        /// A lower bound is above its upper bound.
        case range
        /// A number field holds something else.
        case integer
        /// A date field holds something else.
        case date
        /// Another rule of the field, said in ``FieldProblem/detail``.
        case invalid
    }

    /// The kind.
    public let kind: Kind
    /// The rule's own words, for a problem the catalog has no words of its own for.
    public let detail: String?

    init(_ kind: Kind, detail: String? = nil) {
        self.kind = kind
        self.detail = detail
    }

    /// The problem a rule of the kind found.
    public init(_ error: DeltaError) {
        switch error.code {
        case .requiredField: self.init(.required)
        case .fieldTooLong: self.init(.tooLong)
        case .unknownEnumValue: self.init(.choice)
        case .invalidURL: self.init(.url)
        case .invertedRange: self.init(.range)
        default: self.init(.invalid, detail: error.message)
        }
    }
}
