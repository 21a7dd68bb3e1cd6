public import ArtelCore

/// Decrypts one direction of a connection from box-stream frames, as the bytes arrive.
///
/// It holds at most one frame's worth of bytes (a 34-byte header, or a body of at most 4096 bytes), and refuses a
/// header that announces more. The first error is final: later calls throw it again.
public struct BoxStreamDecryptor: Sendable {
    private enum Phase: Sendable {
        case header
        case body(count: Int, mac: [UInt8])
    }

    private let key: [UInt8]
    private var nonce: BoxStreamNonce
    private var phase = Phase.header
    private var pending: [UInt8] = []
    private var failure: BoxStreamError?

    /// Whether the goodbye has arrived; after it, any further byte is an error.
    public private(set) var didSayGoodbye = false

    /// Starts reading a stream.
    ///
    /// - Parameters:
    ///   - key: the stream's secretbox key.
    ///   - nonce: the first nonce, exactly 24 bytes; anything else is a programming error.
    public init(key: Bytes32, nonce: [UInt8]) {
        self.key = key.bytes
        self.nonce = BoxStreamNonce(nonce)
    }

    /// Feeds ciphertext as it arrives; returns the plaintext bodies it completes.
    ///
    /// Any split of the stream gives the same bodies. When an error is thrown, bodies completed earlier in the
    /// same call are not returned: the stream is no longer trusted.
    ///
    /// - Parameter bytes: the next bytes of the stream.
    /// - Returns: the bodies completed by these bytes, in order (often none).
    /// - Throws: ``BoxStreamError`` on tampering, reordering, an out-of-range length or bytes after the goodbye.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(BoxStreamError) -> [[UInt8]] {
        if let failure { throw failure }
        do throws(BoxStreamError) {
            return try consume(bytes[...])
        } catch {
            failure = error
            throw error
        }
    }

    /// Call at end of input.
    ///
    /// - Throws: ``BoxStreamError/truncated`` if the input ended inside a frame,
    ///   ``BoxStreamError/missingGoodbye`` if it ended between frames without the goodbye, or the error that
    ///   already stopped the stream.
    public func finish() throws(BoxStreamError) {
        if let failure { throw failure }
        if didSayGoodbye { return }
        if case .header = phase, pending.isEmpty { throw .missingGoodbye }
        throw .truncated
    }

    private mutating func consume(_ input: some Collection<UInt8>) throws(BoxStreamError) -> [[UInt8]] {
        var bodies: [[UInt8]] = []
        var rest = input[...]
        while !rest.isEmpty {
            guard !didSayGoodbye else { throw .dataAfterGoodbye }
            let wanted =
                switch phase {
                case .header: BoxStreamFrame.headerCount
                case .body(let count, _): count
                }
            let chunk = rest.prefix(wanted - pending.count)
            pending += chunk
            rest = rest.dropFirst(chunk.count)
            if pending.count == wanted, let body = try completePending() {
                bodies.append(body)
            }
        }
        return bodies
    }

    /// Opens the complete header or body in `pending`.
    ///
    /// - Returns: the body's plaintext, or `nil` after a header.
    private mutating func completePending() throws(BoxStreamError) -> [UInt8]? {
        defer { pending.removeAll(keepingCapacity: true) }
        switch phase {
        case .header:
            guard let header = LibSodium.secretboxOpen(pending, nonce: nonce.next(), key: key) else {
                throw .headerNotAuthentic
            }
            if header.allSatisfy({ $0 == 0 }) {
                didSayGoodbye = true
                return nil
            }
            let count = Int(header[0]) << 8 | Int(header[1])
            guard (1...BoxStreamFrame.maxBodyCount).contains(count) else { throw .bodyLengthOutOfRange(count) }
            phase = .body(count: count, mac: Array(header[2...]))
            return nil
        case .body(_, let mac):
            guard let body = LibSodium.secretboxOpen(mac + pending, nonce: nonce.next(), key: key) else {
                throw .bodyNotAuthentic
            }
            phase = .header
            return body
        }
    }
}
