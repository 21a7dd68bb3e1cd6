/// The registers of one record, one per field that has one.
///
/// A record has a few dozen fields at most, and every applied delta looks up each of its fields
/// here, then every materialized column does again: a short array searched by the field's number
/// costs a fraction of hashing it into a dictionary.
struct FieldRegisters<Register: Sendable>: Sendable {
    private var entries: [(field: FieldID, register: Register)] = []

    /// No field has a register.
    init() {}

    /// Whether no field has a register.
    var isEmpty: Bool { entries.isEmpty }

    /// Makes room for `count` registers at once.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// The register of `field`; setting `nil` removes it.
    subscript(field: FieldID) -> Register? {
        get { position(of: field).map { entries[$0].register } }
        set {
            switch (position(of: field), newValue) {
            case (let index?, let register?): entries[index].register = register
            case (let index?, nil): entries.remove(at: index)
            case (nil, let register?): entries.append((field, register))
            case (nil, nil): break
            }
        }
    }

    /// Changes the register of `field` in place, starting from `initial` when it has none.
    mutating func update<Result>(
        _ field: FieldID,
        from initial: @autoclosure () -> Register,
        _ change: (inout Register) -> Result
    ) -> Result {
        if let index = position(of: field) { return change(&entries[index].register) }
        entries.append((field, initial()))
        return change(&entries[entries.count - 1].register)
    }

    /// Adds the register of a field that has none.
    mutating func append(_ field: FieldID, _ register: Register) {
        entries.append((field, register))
    }

    /// Changes the register of `field` in place when it is the last one added, and otherwise adds
    /// one for it, starting from `initial`: for a record's first delta, whose operations on a field
    /// come one after another.
    mutating func updateLast(
        _ field: FieldID,
        from initial: @autoclosure () -> Register,
        _ change: (inout Register) -> Void
    ) {
        if entries.last?.field != field { entries.append((field, initial())) }
        change(&entries[entries.count - 1].register)
    }

    /// Every field's register, in no particular order.
    var all: [(field: FieldID, register: Register)] { entries }

    private func position(of field: FieldID) -> Int? {
        entries.firstIndex { $0.field == field }
    }
}
