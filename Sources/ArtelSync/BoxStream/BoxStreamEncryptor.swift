public import ArtelCore

/// Encrypts one direction of a connection as box-stream frames.
///
/// Each frame is a 34-byte secretbox of the body's length and MAC, then the body's ciphertext; a stream ends with
/// ``goodbye()``. The key and nonce come from ``SessionKeys``.
public struct BoxStreamEncryptor: Sendable {
    private let key: [UInt8]
    private var nonce: BoxStreamNonce
    private var saidGoodbye = false

    /// Starts a stream.
    ///
    /// - Parameters:
    ///   - key: the stream's secretbox key.
    ///   - nonce: the first nonce, exactly 24 bytes; anything else is a programming error.
    public init(key: Bytes32, nonce: [UInt8]) {
        self.key = key.bytes
        self.nonce = BoxStreamNonce(nonce)
    }

    /// Encrypts bytes as frames of at most 4096 body bytes each.
    ///
    /// Sealing after ``goodbye()`` is a programming error.
    ///
    /// - Parameter plaintext: the bytes to send; empty gives no frame.
    /// - Returns: the frames, to be sent in order.
    public mutating func seal(_ plaintext: some Collection<UInt8>) -> [UInt8] {
        precondition(!saidGoodbye, "a box-stream cannot send after its goodbye")
        let bytes = Array(plaintext)
        let frameCount = (bytes.count + BoxStreamFrame.maxBodyCount - 1) / BoxStreamFrame.maxBodyCount
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + frameCount * BoxStreamFrame.headerCount)
        for start in stride(from: 0, to: bytes.count, by: BoxStreamFrame.maxBodyCount) {
            let end = min(start + BoxStreamFrame.maxBodyCount, bytes.count)
            sealFrame(Array(bytes[start..<end]), into: &output)
        }
        return output
    }

    /// Ends the stream: a header whose plaintext is 18 zero bytes.
    ///
    /// Calling it twice is a programming error.
    ///
    /// - Returns: the 34 bytes to send last.
    public mutating func goodbye() -> [UInt8] {
        precondition(!saidGoodbye, "a box-stream says goodbye once")
        saidGoodbye = true
        let zeros = [UInt8](repeating: 0, count: BoxStreamFrame.headerPlaintextCount)
        return LibSodium.secretbox(zeros, nonce: nonce.next(), key: key)
    }

    private mutating func sealFrame(_ body: [UInt8], into output: inout [UInt8]) {
        let headerNonce = nonce.next()
        let boxedBody = LibSodium.secretbox(body, nonce: nonce.next(), key: key)
        let header = [UInt8(body.count >> 8), UInt8(body.count & 0xff)] + boxedBody[..<LibSodium.macCount]
        output += LibSodium.secretbox(header, nonce: headerNonce, key: key)
        output += boxedBody[LibSodium.macCount...]
    }
}
