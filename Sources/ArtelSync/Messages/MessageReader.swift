/// Cuts the plaintext byte stream of a session into messages, refusing any over the size limit
/// before buffering it.
public struct MessageReader: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    private let maximumSize: Int

    /// A reader that refuses messages over `maximumSize` bytes.
    public init(maximumSize: Int) {
        self.maximumSize = maximumSize
    }

    /// Bytes received but not yet part of a whole message.
    public var pendingCount: Int { buffer.count - start }

    /// Adds bytes and returns every message they complete.
    ///
    /// - Throws: ``WireError`` for a message over the limit or one that does not decode.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(WireError) -> [Message] {
        buffer.append(contentsOf: bytes)
        var messages: [Message] = []
        while buffer.count - start >= 4 {
            let size = buffer[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
            guard size <= maximumSize else { throw WireError.tooLarge(size) }
            guard size > 0 else { throw WireError.malformed("an empty message") }
            guard buffer.count - start - 4 >= size else { break }
            messages.append(try Message.decode(Array(buffer[start + 4..<start + 4 + size])))
            start += 4 + size
        }
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
        return messages
    }
}
