import ArtelCore
import ArtelStore
import ArtelSync
import AsyncAlgorithms
import CoreMetrics
import Logging
import NIOCore
import ServiceLifecycle

/// One connection to a peer: the handshake, then a ``SyncSession`` driven with the replica and the
/// hub (the *Shell* of the session). Each connection runs in its own task and catches its own errors.
struct PeerConnection: Sendable {
    /// How a connection ended, for the dialer's backoff.
    enum Outcome: Sendable {
        /// The handshake or the connection failed before a session started.
        case failed(String)
        /// A session ran and ended; `code` is why this node ended it, when it did.
        case ended(code: WireCode?, reason: String, lasted: UInt64)
    }

    let context: NodeContext
    let role: SyncSession.Role
    /// The key the server must prove, when dialing.
    let server: PublicKey?
    /// The peer's address, for logs.
    let address: String
    /// The hub's reservation for this connection (see ``Hub/reserve(from:)``).
    let reservation: Int
    /// The bytes read and written, for the peer's row.
    let traffic = ConnectionTraffic()

    /// Runs the connection to its end.
    func run(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async -> Outcome {
        var logger = context.logger
        logger[metadataKey: "peer.address"] = "\(address)"
        let messages = AsyncChannel<ConnectionEvent>()
        let (control, controlInput) = AsyncStream.makeStream(of: ConnectionEvent.self)
        // Hub notices are bounded by the session's push budget, not by the stream.
        let (notices, noticesInput) = AsyncStream.makeStream(of: ConnectionEvent.self)
        let (commands, writer) = AsyncStream.makeStream(of: WriterCommand.self)
        let (readerDone, readerDoneInput) = AsyncStream.makeStream(of: Never.self)
        do {
            return try await channel.executeThenClose { inbound, outbound in
                await withTaskGroup(of: Void.self, returning: Outcome.self) { group in
                    group.addTask {
                        await readLoop(inbound, outbound, messages: messages)
                        readerDoneInput.finish()
                    }
                    group.addTask { await writeLoop(commands, outbound, control: controlInput) }
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(1))
                            controlInput.yield(.tick)
                        }
                    }
                    var loop = SessionLoop(
                        connection: self,
                        writer: writer,
                        notices: noticesInput,
                        control: controlInput,
                        logger: logger
                    )
                    let outcome = await withGracefulShutdownHandler {
                        await loop.run(merge(messages, control, notices))
                    } onGracefulShutdown: {
                        controlInput.yield(.shutdown)
                    }
                    if case .ended = outcome { await linger(messages, until: readerDone) }
                    // Closing fails a write the peer never read, so that every task ends.
                    channel.channel.close(promise: nil)
                    group.cancelAll()
                    messages.finish()
                    return outcome
                }
            }
        } catch {
            return .failed(FailureText.of(error))
        }
    }

    /// After the goodbye, reads and drops what the peer still sends until it closes its side or
    /// ``lingerLimit`` passes. Closing a socket with unread bytes resets the connection, and the
    /// peer would lose the goodbye that tells it why the session ended.
    private func linger(_ messages: AsyncChannel<ConnectionEvent>, until readerDone: AsyncStream<Never>) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await _ in messages {} }
            group.addTask { for await _ in readerDone {} }
            group.addTask { try? await Task.sleep(for: Self.lingerLimit) }
            await group.next()
            group.cancelAll()
        }
    }

    /// The longest a connection lingers after its goodbye.
    static let lingerLimit = Duration.seconds(2)

    /// Handshake, then decrypt and decode the peer's messages, and check the deltas they carry in
    /// the ``AdmissionStage``, which hands them on in order. The channel's send waits until the
    /// session loop takes each one, so a fast peer cannot fill this node's memory. Everything the
    /// reader learns goes through that one channel, in order.
    private func readLoop(
        _ inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        messages: AsyncChannel<ConnectionEvent>
    ) async {
        let configuration = context.configuration
        var reader = ByteChunkReader(inbound)
        var failure: (any Error)?
        do {
            let keys: SessionKeys
            switch role {
            case .initiator:
                keys = try await HandshakeExchange.client(
                    &reader,
                    outbound,
                    networkKey: configuration.networkKey,
                    identity: configuration.key,
                    server: server!
                )
            case .responder:
                keys = try await HandshakeExchange.server(
                    &reader,
                    outbound,
                    networkKey: configuration.networkKey,
                    identity: configuration.key
                )
            }
            let follows = try await context.replica.follows()
            await messages.send(.established(keys, follows))
            let stage = AdmissionStage(follows: follows, known: context.hub.verified, handingOnTo: messages)
            failure = await withTaskGroup(of: Void.self) { group in
                group.addTask { await stage.handOn() }
                let failure = await readMessages(&reader, keys: keys, into: stage)
                stage.finish()
                return failure
            }
        } catch {
            failure = error
        }
        await messages.send(.inboundEnded(failure))
        guard failure != nil else { return }
        // Keep reading after bytes that make no sense, until the peer closes or the session's
        // linger ends: closing with unread bytes would reset the connection and lose the goodbye.
        while case .some(.some) = try? await reader.next() {}
    }

    /// Decrypts and decodes the peer's messages until it says goodbye or closes, and gives each to
    /// `stage`. Returns what went wrong, if anything did.
    private func readMessages(
        _ reader: inout ByteChunkReader,
        keys: SessionKeys,
        into stage: AdmissionStage
    ) async -> (any Error)? {
        let received = context.metrics.traffic(with: keys.remote).received
        var decryptor = BoxStreamDecryptor(key: keys.decryptKey, nonce: keys.decryptNonce)
        var framer = MessageReader(maximumSize: context.configuration.limits.maximumMessageSize)
        do {
            while !decryptor.didSayGoodbye, let chunk = try await reader.next() {
                received.increment(by: chunk.count)
                traffic.add(received: chunk.count)
                for body in try decryptor.feed(chunk) {
                    for message in try framer.feed(body) { await stage.check(message) }
                }
            }
            try decryptor.finish()
            return nil
        } catch {
            return error
        }
    }

    /// Encrypts and writes queued messages in order; on finish, says goodbye and closes the
    /// writing half.
    private func writeLoop(
        _ commands: AsyncStream<WriterCommand>,
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        control: AsyncStream<ConnectionEvent>.Continuation
    ) async {
        var encryptor: BoxStreamEncryptor?
        var sent: Counter?
        do {
            for await command in commands {
                switch command {
                case .start(let keys):
                    encryptor = BoxStreamEncryptor(key: keys.encryptKey, nonce: keys.encryptNonce)
                    sent = context.metrics.traffic(with: keys.remote).sent
                case .messages(let plaintexts):
                    guard var sealing = encryptor else { continue }
                    var frames: [UInt8] = []
                    for plaintext in plaintexts { frames += sealing.seal(plaintext) }
                    encryptor = sealing
                    try await outbound.write(ByteBuffer(bytes: frames))
                    sent?.increment(by: frames.count)
                    traffic.add(sent: frames.count)
                    for plaintext in plaintexts { control.yield(.written(plaintext.count)) }
                case .finish:
                    if var sealing = encryptor { try await outbound.write(ByteBuffer(bytes: sealing.goodbye())) }
                    outbound.finish()
                    control.yield(.writerFinished)
                    return
                }
            }
        } catch {
            control.yield(.writerFinished)
        }
    }
}

/// What the session loop asks of the writer.
enum WriterCommand: Sendable {
    /// Encrypt from now on with these keys.
    case start(SessionKeys)
    /// Write encoded messages, in order, in one write.
    case messages([[UInt8]])
    /// Say goodbye and stop.
    case finish
}
