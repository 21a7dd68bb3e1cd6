/// Why a box-stream cannot be trusted. Every case ends the stream: close the connection.
public enum BoxStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A header did not authenticate: bytes were altered, frames were reordered, dropped or replayed, or the key or
    /// nonce is not the sender's.
    case headerNotAuthentic
    /// A body did not authenticate under the MAC its header carried: the body was altered.
    case bodyNotAuthentic
    /// An authentic header announced a body outside 1…4096 bytes (and was not the goodbye).
    case bodyLengthOutOfRange(Int)
    /// Bytes arrived after the goodbye.
    case dataAfterGoodbye
    /// The input ended inside a frame.
    case truncated
    /// The input ended between two frames without the goodbye: the stream was cut.
    case missingGoodbye

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .headerNotAuthentic:
            "a box-stream header did not authenticate (altered, reordered or dropped frames, or the wrong key)"
        case .bodyNotAuthentic:
            "a box-stream body did not authenticate (altered)"
        case .bodyLengthOutOfRange(let count):
            "a box-stream header announced a body of \(count) bytes; bodies are 1 to 4096 bytes"
        case .dataAfterGoodbye:
            "bytes arrived after the box-stream goodbye"
        case .truncated:
            "the box-stream ended inside a frame"
        case .missingGoodbye:
            "the box-stream ended without its goodbye"
        }
    }
}
