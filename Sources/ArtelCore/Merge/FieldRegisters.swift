/// The registers of one record, one per field that has one, in the order of the fields' numbers.
///
/// A record has a few dozen fields at most, and every applied delta looks up each of its fields
/// here, then every materialized column does again: a short sorted array searched by halves costs a
/// fraction of hashing each field into a dictionary. A delta lists its operations by field, so a
/// record's first delta appends every register, and most later lookups end at the last entry.
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
        get {
            let (index, found) = position(of: field)
            return found ? entries[index].register : nil
        }
        set {
            switch (position(of: field), newValue) {
            case ((let index, true), let register?): entries[index].register = register
            case ((let index, true), nil): entries.remove(at: index)
            case ((let index, false), let register?): entries.insert((field, register), at: index)
            case ((_, false), nil): break
            }
        }
    }

    /// Changes the register of `field` in place, starting from `initial` when it has none.
    mutating func update<Result>(
        _ field: FieldID,
        from initial: @autoclosure () -> Register,
        _ change: (inout Register) -> Result
    ) -> Result {
        let (index, found) = position(of: field)
        if !found { entries.insert((field, initial()), at: index) }
        return change(&entries[index].register)
    }

    /// Adds the register of a field that goes after every field that has one.
    mutating func append(_ field: FieldID, _ register: Register) {
        entries.append((field, register))
    }

    /// Changes the register of `field` in place when it is the last one, and otherwise adds one for
    /// it after every other, starting from `initial`: for a record's first delta, whose operations
    /// come in the order of their fields.
    mutating func updateLast(
        _ field: FieldID,
        from initial: @autoclosure () -> Register,
        _ change: (inout Register) -> Void
    ) {
        if entries.last?.field != field { entries.append((field, initial())) }
        change(&entries[entries.count - 1].register)
    }

    /// Every field's register, in the order of the fields' numbers.
    var all: [(field: FieldID, register: Register)] { entries }

    /// Where `field` is, or where it would go.
    private func position(of field: FieldID) -> (index: Int, found: Bool) {
        guard let last = entries.last, last.field >= field else { return (entries.count, false) }
        if last.field == field { return (entries.count - 1, true) }
        var (low, high) = (0, entries.count - 1)
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].field == field { return (middle, true) }
            if entries[middle].field < field { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }
}
