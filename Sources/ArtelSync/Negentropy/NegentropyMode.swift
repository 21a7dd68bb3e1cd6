/// What a range of a Negentropy message carries.
enum NegentropyMode: UInt64, Sendable {
    /// Nothing: the range needs no more work.
    case skip = 0
    /// A fingerprint of the sender's items in the range.
    case fingerprint = 1
    /// The ids of all the sender's items in the range.
    case idList = 2
}
