import ArgumentParser
import ArtelCore

/// Collects the operations of a delta from command-line values, by public field name.
struct OperationBuilder {
    let kind: RecordKind
    private(set) var operations: [Operation] = []

    init(_ kind: RecordKind) {
        self.kind = kind
    }

    private var schema: KindSchema { kind.schema }

    /// Sets a single-valued field when a value is given.
    mutating func set(_ name: String, _ value: Value?) {
        guard let value else { return }
        operations.append(.set(schema[name].id, value))
    }

    /// Sets a text field when given.
    mutating func set(_ name: String, _ text: String?) {
        set(name, text.map(Value.string))
    }

    /// Sets an integer field when given.
    mutating func set(_ name: String, _ number: Int64?) {
        set(name, number.map(Value.integer))
    }

    /// Sets a boolean field when given.
    mutating func set(_ name: String, _ flag: Bool?) {
        set(name, flag.map(Value.boolean))
    }

    /// Sets a timestamp field when given.
    mutating func set(_ name: String, moment: Int64?) {
        set(name, moment.map(Value.timestamp))
    }

    /// Adds elements to a set field.
    mutating func add(_ name: String, _ elements: [Value]) {
        let field = schema[name].id
        for element in Set(elements) { operations.append(.add(field, element)) }
    }

    /// Adds text elements to a set field.
    mutating func add(_ name: String, _ texts: [String]) {
        add(name, texts.map(Value.string))
    }

    /// Applies `--clear` and `--remove` of an edit.
    mutating func apply(_ changes: ChangeOptions) throws {
        for name in changes.clear {
            guard let spec = schema.field(named: name) else { throw unknownField(name) }
            guard spec.cardinality == .single else {
                throw ValidationError(
                    "--clear \(name): \(name) is a set; remove its elements with --remove \(name)=VALUE"
                )
            }
            operations.append(.clear(spec.id))
        }
        for removal in changes.remove {
            let parts = removal.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let spec = schema.field(named: parts[0]) else {
                throw parts.count == 2
                    ? unknownField(parts[0]) : ValidationError("--remove takes FIELD=VALUE, not \"\(removal)\"")
            }
            guard spec.cardinality == .set else {
                throw ValidationError("--remove \(spec.name): \(spec.name) holds one value; use --clear \(spec.name)")
            }
            let element: Value
            switch spec.type {
            case .reference:
                guard let reference = Reference(text: parts[1]) else {
                    throw ValidationError("--remove \(spec.name) takes a reference COMMUNITY:RECORD in hex")
                }
                element = .reference(reference)
            default:
                element = .string(parts[1])
            }
            operations.append(.remove(spec.id, element))
        }
    }

    private func unknownField(_ name: String) -> ValidationError {
        let names = schema.fields.map(\.name).joined(separator: ", ")
        return ValidationError("\(kind) has no field \"\(name)\"; its fields are \(names)")
    }
}

/// `--clear` and `--remove`, the changes only an edit makes.
struct ChangeOptions: ParsableArguments {
    @Option(name: .customLong("clear"), help: ArgumentHelp("Empty a field (repeatable).", valueName: "field"))
    var clear: [String] = []

    @Option(
        name: .customLong("remove"),
        help: ArgumentHelp(
            "Remove an element from a set field, e.g. --remove tags=remote (repeatable).",
            valueName: "field=value"
        )
    )
    var remove: [String] = []
}

extension KindSchema {
    /// The allowed values of an enumerated field, for help texts.
    static func choices(_ kind: RecordKind, _ name: String) -> String {
        guard case .oneOf(let values) = kind.schema[name].rule else { return "" }
        return values.joined(separator: ", ")
    }
}
