public import ArtelCore

/// One side of a reconciliation (Negentropy protocol V1, 0x61).
///
/// Range-based set reconciliation by Doug Hoyte, byte for byte as the reference implementation
/// (`github.com/hoytech/negentropy`, `cpp/negentropy.h`). The client calls ``initiate()`` and
/// sends the result; the server answers each client message with ``reconcile(_:)``; the client
/// feeds each answer to ``reconcile(_:have:need:)``, which collects the ids only one side holds
/// and returns the next message, or `nil` once the sets are reconciled.
///
/// Each message splits the space of items into consecutive ranges, each closed by an upper bound
/// and carrying a mode: Skip (nothing to do), Fingerprint (compare, and split into 16 buckets on a
/// mismatch) or IdList (every id, for a range of fewer than 32 items).
public struct Negentropy: Sendable {
    /// The protocol version byte that opens every message: V1.
    public static let protocolVersion: UInt8 = 0x61

    /// The smallest frame-size limit other than 0.
    static let minimumFrameSizeLimit = 4096

    let storage: NegentropyStorage
    let frameSizeLimit: Int

    /// Whether this side is the client: it has called ``initiate()``.
    public private(set) var isInitiator = false

    /// Makes one side of a reconciliation over `storage`.
    ///
    /// - Parameters:
    ///   - storage: the items this side holds.
    ///   - frameSizeLimit: the largest message to produce, in bytes; 0 means unlimited, otherwise at
    ///     least 4096. A side that would exceed it stops early and leaves the rest of the set to a
    ///     later round (the initial message is never limited).
    /// - Throws: ``NegentropyError/frameSizeLimitTooSmall(_:)``.
    public init(storage: NegentropyStorage, frameSizeLimit: Int = 0) throws(NegentropyError) {
        guard frameSizeLimit == 0 || frameSizeLimit >= Self.minimumFrameSizeLimit else {
            throw .frameSizeLimitTooSmall(frameSizeLimit)
        }
        self.storage = storage
        self.frameSizeLimit = frameSizeLimit
    }

    /// Client: the first message, which makes this side the initiator.
    ///
    /// - Returns: the message to send to the server.
    /// - Throws: ``NegentropyError/alreadyInitiated``.
    public mutating func initiate() throws(NegentropyError) -> [UInt8] {
        guard !isInitiator else { throw .alreadyInitiated }
        isInitiator = true
        var output = NegentropyWriter(version: Self.protocolVersion)
        splitRange(0..<storage.count, upperBound: .infinity, into: &output)
        return output.bytes
    }

    /// Client: handles a server message.
    ///
    /// - Parameters:
    ///   - message: the server's message.
    ///   - have: gets the ids the client has and the server lacks, appended.
    ///   - need: gets the ids the client needs from the server, appended.
    /// - Returns: the next message to send, or `nil` when reconciliation is complete.
    /// - Throws: ``NegentropyError/wrongRole`` before ``initiate()``,
    ///   ``NegentropyError/unsupportedVersion(_:)``, or ``NegentropyError/malformedMessage(_:)``;
    ///   `have` and `need` are left as they were.
    public mutating func reconcile(
        _ message: [UInt8],
        have: inout [Bytes32],
        need: inout [Bytes32]
    ) throws(NegentropyError) -> [UInt8]? {
        guard isInitiator else { throw .wrongRole }
        var ids = (have: [Bytes32](), need: [Bytes32]())
        let output = try respond(to: message, ids: &ids)
        have.append(contentsOf: ids.have)
        need.append(contentsOf: ids.need)
        return output.count == 1 ? nil : output
    }

    /// Server: handles a client message and returns the reply.
    ///
    /// For an unsupported protocol version (in `0x60...0x6F`) the reply is the single byte 0x61,
    /// which tells the client which version this side speaks.
    ///
    /// - Parameter message: the client's message.
    /// - Returns: the reply to send.
    /// - Throws: ``NegentropyError/wrongRole`` on a client, or ``NegentropyError/malformedMessage(_:)``.
    public mutating func reconcile(_ message: [UInt8]) throws(NegentropyError) -> [UInt8] {
        guard !isInitiator else { throw .wrongRole }
        var ids = (have: [Bytes32](), need: [Bytes32]())
        return try respond(to: message, ids: &ids)
    }
}
