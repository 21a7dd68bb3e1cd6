import ArtelCore
import ArtelStore
import ArtelSync
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// Dials the configured peers and redials each with exponential backoff and jitter; picks up peers
/// added or removed while the node runs.
public struct Dialer: Service {
    let context: NodeContext

    /// A dialer.
    public init(context: NodeContext) {
        self.context = context
    }

    public func run() async throws {
        let dialing = NIOLockedValueBox<Set<PublicKey>>([])
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let peers: [PeerRecord]
                do {
                    peers = try await context.replica.peers().filter { $0.isConfigured && $0.address != nil }
                } catch {
                    // Shutdown cancels the read: nothing went wrong, and nothing is left to dial.
                    if error is CancellationError || Task.isCancelled { break }
                    context.logger.info("could not read the peers to dial", metadata: ["error": "\(error)"])
                    peers = []
                }
                for peer in peers where dialing.withLockedValue({ $0.insert(peer.key).inserted }) {
                    group.addTask {
                        await dial(peer.key)
                        _ = dialing.withLockedValue { $0.remove(peer.key) }
                    }
                }
                await pause(5_000)
            }
        }
    }

    /// Keeps one peer connected until shutdown or until it is removed, at the address it has now
    /// (`artel peer add` with a new address moves it).
    private func dial(_ key: PublicKey) async {
        var logger = context.logger
        logger[metadataKey: "peer.key"] = "\(key.hex.prefix(16))"
        let delays = context.configuration.redialDelay
        var delay = delays.lowerBound
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            guard let peer = try? await context.replica.peers().first(where: { $0.key == key && $0.isConfigured }),
                let address = peer.address.flatMap({ PeerAddress($0) })
            else {
                logger.info("stopped dialing: the peer was removed")
                return
            }
            logger[metadataKey: "peer.address"] = "\(address)"
            if await context.hub.connected.contains(key) {
                await pause(delay)
                continue
            }
            let outcome = await connect(key, at: address, logger: logger)
            switch outcome {
            case .ended(let code, _, let lasted) where code != .tooManyRefusals && lasted > 60_000:
                delay = delays.lowerBound
            case .ended(.tooManyRefusals?, _, _):
                delay = context.configuration.banDuration
            default:
                delay = min(delays.upperBound, delay * 2)
            }
            if case .failed(let reason) = outcome {
                logger.info("dial failed", metadata: ["reason": "\(reason)", "retry.seconds": "\(delay / 1000)"])
                try? await context.replica.recordPeer(key, state: .backingOff, now: WallClock.now, error: reason)
            }
            await pause(delay / 2 + UInt64.random(in: 0...delay / 2))
        }
    }

    private func connect(_ key: PublicKey, at address: PeerAddress, logger: Logger) async -> PeerConnection.Outcome {
        guard let reservation = await context.hub.reserve(from: nil) else { return .failed("the node is full") }
        let outcome: PeerConnection.Outcome
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(Int64(context.configuration.handshakeTimeout)))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: address.host, port: address.port) { NIOAsyncChannel.peer($0) }
            outcome = await PeerConnection(
                context: context,
                role: .initiator,
                server: key,
                address: "\(address)",
                reservation: reservation
            )
            .run(channel)
        } catch {
            outcome = .failed(FailureText.of(error))
        }
        await context.hub.release(reservation)
        return outcome
    }

    /// Waits, unless shutdown or `artel sync now` comes first.
    private func pause(_ milliseconds: UInt64) async {
        await withTaskGroup(of: Void.self) { group in
            let (wake, wakeInput) = AsyncStream.makeStream(of: Void.self)
            let token = await context.hub.onSyncNow { wakeInput.yield() }
            group.addTask {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int64(milliseconds))) }
            }
            group.addTask {
                for await _ in wake { return }
            }
            await group.next()
            group.cancelAll()
            wakeInput.finish()
            await context.hub.forgetSyncNowWaiter(token)
        }
    }
}
