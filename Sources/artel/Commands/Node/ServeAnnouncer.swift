import ArtelStore
import Synchronization

/// What `serve` prints on standard output as it comes up and goes down: a line of text as each
/// part starts, or with `--json` one JSON line once every part is up, so that a script or a
/// supervisor learns the addresses (port 0 resolved) from one object it can parse.
final class ServeAnnouncer: Sendable {
    /// A part of the node that says when it is up.
    enum Part: Hashable, Sendable {
        /// The service group runs: SIGINT and SIGTERM stop the node gracefully from now on.
        case serving
        /// The peer listener is bound, at the address given.
        case peers
        /// The HTTP API, and the site on the same address, is bound at the address given.
        case api
    }

    private struct State {
        var waiting: Set<Part>
        var addresses: [Part: String] = [:]
    }

    private let json: Bool
    private let identity: [(String, JSON)]
    private let state: Mutex<State>

    /// An announcer that waits for `parts`.
    ///
    /// - Parameters:
    ///   - json: whether to print one JSON line instead of text.
    ///   - identity: what the JSON line says of the node before its addresses (name, key, version, data).
    ///   - parts: the parts this node starts; ``Part/serving`` always.
    init(json: Bool, identity: [(String, JSON)], parts: Set<Part>) {
        self.json = json
        self.identity = identity
        state = Mutex(State(waiting: parts.union([.serving])))
    }

    /// A part is up, bound at `address` (`host:port`) if it binds one.
    func started(_ part: Part, at address: String? = nil) {
        guard json else {
            switch part {
            case .serving: Console.line("Serving. Press Ctrl-C to stop.")
            case .peers: Console.line("Listening for peers on \(address ?? "")")
            case .api:
                Console.line("HTTP API on http://\(address ?? "") (writes need the token in \(APIToken.fileName))")
                Console.line("Site on http://\(address ?? "")/")
            }
            return
        }
        let addresses: [Part: String]? = state.withLock { state in
            guard state.waiting.remove(part) != nil else { return nil }
            if let address { state.addresses[part] = address }
            return state.waiting.isEmpty ? state.addresses : nil
        }
        guard let addresses else { return }
        let members: [(String, JSON)] =
            [("status", .string("serving"))] + identity + [
                ("listen", addresses[.peers].map(JSON.string) ?? .null),
                ("api", addresses[.api].map { .string("http://\($0)") } ?? .null),
                ("site", addresses[.api].map { .string("http://\($0)/") } ?? .null),
            ]
        Console.line(JSON.object(members).compact)
    }

    /// The node is stopping: `atOnce` after a second signal.
    func stopping(atOnce: Bool) {
        if json {
            Console.line(JSON.object([("status", .string("stopping")), ("at_once", .bool(atOnce))]).compact)
        } else {
            Console.line(
                atOnce ? "Stopping at once." : "Stopping gracefully; send the signal again to stop at once."
            )
        }
    }

    /// The node has stopped and closed its replica.
    func stopped() {
        Console.line(json ? JSON.object([("status", .string("stopped"))]).compact : "Stopped; the replica is closed.")
    }
}
