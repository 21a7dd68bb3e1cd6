import ArtelCore
import ArtelStore
public import CoreMetrics

/// What a running node counts and times, through swift-metrics into the factory it is given
/// (`artel serve` gives a Prometheus registry, which `/metrics` shows; tests give none).
///
/// Names follow Prometheus conventions: counters end in `_total`, durations are histograms in
/// seconds. What the replica knows at any moment (quarantine size, replica size, peers connected)
/// is read when the metrics are shown, not counted here.
public struct NodeMetrics: Sendable {
    private let factory: any MetricsFactory

    /// Metrics recorded into `factory`; the default records nothing.
    public init(factory: any MetricsFactory = NOOPMetricsHandler.instance) {
        self.factory = factory
    }

    /// A batch of a peer's deltas was stored in `duration`: what became of each delta, and how long
    /// the transaction took.
    func stored(_ report: ApplyReport, duration: Duration) {
        Timer(label: "artel_apply_batch_duration_seconds", factory: factory).recordNanoseconds(duration.nanoseconds)
        var quarantined = 0
        var refused: [String: Int] = [:]
        for outcome in report.outcomes {
            switch outcome {
            case .quarantined: quarantined += 1
            case .refused(let refusal): refused[refusal.error.code.name, default: 0] += 1
            default: break
            }
        }
        count("artel_deltas_applied_total", report.applied.count)
        count("artel_deltas_quarantined_total", quarantined)
        for (reason, number) in refused { count("artel_deltas_refused_total", number, ("reason", reason)) }
    }

    /// A session with a peer started, dialed by this node or accepted.
    func sessionStarted(dialed: Bool) {
        count("artel_sessions_total", 1, ("role", dialed ? "dialed" : "accepted"))
    }

    /// A reconciliation round of one plane ended after `milliseconds`.
    func reconciled(plane: String, milliseconds: UInt64) {
        count("artel_reconciliations_total", 1, ("plane", plane))
        Timer(label: "artel_reconciliation_duration_seconds", dimensions: [("plane", plane)], factory: factory)
            .recordMilliseconds(milliseconds)
    }

    /// The counters of bytes read from and written to a peer's socket, made once per connection
    /// since they count every chunk.
    func traffic(with peer: PublicKey) -> (received: Counter, sent: Counter) {
        let dimensions = [("peer", String(peer.hex.prefix(16)))]
        return (
            Counter(label: "artel_peer_bytes_received_total", dimensions: dimensions, factory: factory),
            Counter(label: "artel_peer_bytes_sent_total", dimensions: dimensions, factory: factory)
        )
    }

    private func count(_ label: String, _ number: Int, _ dimensions: (String, String)...) {
        guard number > 0 else { return }
        Counter(label: label, dimensions: dimensions, factory: factory).increment(by: number)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
