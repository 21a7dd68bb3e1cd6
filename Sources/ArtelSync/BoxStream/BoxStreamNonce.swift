/// A box-stream nonce: a 24-byte big-endian counter, advanced after every secretbox.
struct BoxStreamNonce: Sendable {
    private var bytes: [UInt8]

    /// Starts at the nonce the handshake derived.
    ///
    /// - Parameter bytes: exactly 24 bytes; anything else is a programming error.
    init(_ bytes: [UInt8]) {
        precondition(bytes.count == LibSodium.nonceCount, "a box-stream nonce is 24 bytes, not \(bytes.count)")
        self.bytes = bytes
    }

    /// Returns the current nonce and advances the counter by one (wrapping at 2¹⁹², as the reference does).
    mutating func next() -> [UInt8] {
        let current = bytes
        for index in bytes.indices.reversed() {
            bytes[index] &+= 1
            if bytes[index] != 0 { break }
        }
        return current
    }
}
