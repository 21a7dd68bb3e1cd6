/// The registers of one set field: one per element, kept in the canonical order of the elements'
/// encodings, which is the order a set field lists them in.
///
/// Elements are told apart by their encoding, as the protocol tells them apart: two texts that
/// differ in their bytes are two elements, even when Unicode would call them equivalent
/// (`protocol/encoding.md` applies no normalization). A set holds a handful of elements, and a
/// delta lists its operations in canonical order, so a record's first delta appends each element
/// where a dictionary hashed, and normalized, every text.
struct ElementRegisters<Register: Sendable>: Sendable {
    /// Every element's register, in canonical order.
    private(set) var all: [(element: Value, register: Register)] = []

    /// No element has a register.
    init() {}

    /// Changes the register of `element` in place (`nil` when it has none yet); a register once
    /// given is kept, so setting `nil` there changes nothing.
    mutating func update<Result>(_ element: Value, _ change: (inout Register?) -> Result) -> Result {
        let (index, found) = position(of: element)
        var register = found ? all[index].register : nil
        let result = change(&register)
        switch (register, found) {
        case (let register?, true): all[index].register = register
        case (let register?, false) where index == all.count: all.append((element, register))
        case (let register?, false): all.insert((element, register), at: index)
        case (nil, _): break
        }
        return result
    }

    /// Adds the register of an element that goes after every element that has one.
    mutating func append(_ element: Value, _ register: Register) {
        all.append((element, register))
    }

    /// Where `element` is, or where it would go.
    private func position(of element: Value) -> (index: Int, found: Bool) {
        // A delta's elements come in canonical order: most go after the last.
        guard let last = all.last else { return (0, false) }
        switch CanonicalOrder.compare(last.element, element) {
        case .before: return (all.count, false)
        case .same: return (all.count - 1, true)
        case .after: break
        }
        var (low, high) = (0, all.count - 1)
        while low < high {
            let middle = (low + high) / 2
            switch CanonicalOrder.compare(all[middle].element, element) {
            case .before: low = middle + 1
            case .same: return (middle, true)
            case .after: high = middle
            }
        }
        return (low, false)
    }
}
