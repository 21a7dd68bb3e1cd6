import ArtelStore

/// The deltas a session receives, on their way to the replica. They are gathered into batches
/// stored in one transaction each, and one batch is stored while the next is gathered and checked.
/// A push is stored at once when nothing is being stored, and otherwise with the pushes that arrive
/// meanwhile as soon as the batch in flight is stored: a burst of pushes is stored in a few
/// transactions, not one each.
///
/// A sync's deltas are stored when ``batchSize`` have gathered, or once the peer has sent none for
/// a ``tick``, or after ``maximumTicks``. Each transaction writes again every page of the indexes on
/// random ids that its deltas touch, a cost that grows with the replica more than with the batch:
/// batches cut by a fixed delay held a few hundred deltas during a sync, and the syncing node wrote
/// nine times the replica's size.
///
/// While a batch is stored, the next keeps gathering until it holds twice ``batchSize``, and only
/// then does the session wait for the store: a full batch is due, and stored as soon as the one in
/// flight is. Waiting at one batch would stop the session reading, and so checking, the deltas that
/// follow, leaving the cores that check them idle while the writer finishes.
struct DeltaIntake {
    /// The deltas gathered before they are stored, when nothing is being stored.
    static let batchSize = 2_000
    /// How often gathered deltas are looked at: a tick in which none arrived ends a sync's batch.
    static let tick = Duration.milliseconds(20)
    /// The most ticks a sync's deltas wait for more.
    static let maximumTicks = 10

    private let replica: Replica
    private let metrics: NodeMetrics
    private let source: String
    private let events: AsyncStream<ConnectionEvent>.Continuation
    private var gathered = AdmittedDeltas()
    private var storing: (id: Int, task: Task<ApplyReport, any Error>)?
    /// Whether what is gathered is due as soon as the batch in flight is stored: a push, a full
    /// batch, or a sync's batch whose ticks ended it.
    private var dueAfterStore = false
    /// Whether deltas arrived since the last tick, and the ticks the gathered ones waited.
    private var arrivedSinceTick = false
    private var ticksWaited = 0
    /// Whether a tick is on its way: one at a time, whatever the batches.
    private var tickPending = false
    private var lastID = 0

    /// An intake storing into `replica`, naming `source` in the refusal log, and telling the
    /// session loop through `events` when a batch is due or stored.
    init(
        replica: Replica,
        metrics: NodeMetrics,
        source: String,
        events: AsyncStream<ConnectionEvent>.Continuation
    ) {
        self.replica = replica
        self.metrics = metrics
        self.source = source
        self.events = events
    }

    /// Adds checked deltas. A push (`urgent`) is stored at once, or as soon as the batch in flight
    /// is stored (``stored(_:)``), so that it spreads without waiting; the deltas of a sync wait
    /// for a full batch, a quiet ``tick`` or ``maximumTicks``.
    ///
    /// - Returns: the report of the previous batch, when storing this one had to wait for it.
    mutating func add(_ admitted: AdmittedDeltas, urgent: Bool) async throws -> ApplyReport? {
        let first = gathered.count == 0
        gathered.append(admitted)
        let due = urgent || gathered.count >= Self.batchSize
        if (due && storing == nil) || gathered.count >= Self.batchSize * 2 { return try await startStoring() }
        if due {
            dueAfterStore = true
            return nil
        }
        if first {
            // The first deltas start the ticks; only those that follow them keep the batch open. A
            // tick still on its way for the batch before comes early: it must not end this one.
            arrivedSinceTick = tickPending
            ticksWaited = 0
            if !tickPending { scheduleTick() }
        } else {
            arrivedSinceTick = true
        }
        return nil
    }

    /// A ``tick`` passed (an `.intakeTick` event). What is gathered is due when no delta arrived
    /// during it or it has waited ``maximumTicks``: stored at once when nothing is being stored,
    /// and otherwise as soon as the batch in flight is (its report then comes with ``stored(_:)``).
    mutating func tickPassed() async throws {
        tickPending = false
        guard gathered.count > 0, !dueAfterStore else { return }
        ticksWaited += 1
        guard !arrivedSinceTick || ticksWaited >= Self.maximumTicks else {
            arrivedSinceTick = false
            scheduleTick()
            return
        }
        if storing == nil { _ = try await startStoring() } else { dueAfterStore = true }
    }

    private mutating func scheduleTick() {
        tickPending = true
        let events = self.events
        Task {
            try? await Task.sleep(for: Self.tick)
            events.yield(.intakeTick)
        }
    }

    /// Starts storing what is gathered, once the batch in flight is stored.
    ///
    /// - Returns: the report of the batch that was in flight, if any.
    mutating func startStoring() async throws -> ApplyReport? {
        guard gathered.count > 0 else { return nil }
        let previous = try await finishStoring()
        let batch = gathered
        gathered = AdmittedDeltas()
        dueAfterStore = false
        lastID += 1
        let (id, replica, metrics, source, events) = (lastID, replica, metrics, source, events)
        storing = (
            id,
            Task {
                let clock = ContinuousClock()
                let started = clock.now
                let report = try await replica.store(batch, now: WallClock.now, source: source)
                metrics.stored(report, duration: clock.now - started)
                events.yield(.stored(id))
                return report
            }
        )
        return previous
    }

    /// Waits until the batch in flight is stored.
    ///
    /// - Returns: its report, or `nil` when none was in flight.
    mutating func finishStoring() async throws -> ApplyReport? {
        guard let current = storing else { return nil }
        storing = nil
        return try await current.task.value
    }

    /// The batch `id` is stored (a `.stored` event): takes its report, and starts storing what
    /// was due meanwhile (pushes, a full batch, deltas that waited ``delay``).
    ///
    /// - Returns: its report, or `nil` when `id` is not the batch in flight.
    mutating func stored(_ id: Int) async throws -> ApplyReport? {
        guard storing?.id == id else { return nil }
        let report = try await finishStoring()
        if dueAfterStore { _ = try await startStoring() }
        return report
    }

    /// Stores everything gathered and waits for it: before the session ends.
    ///
    /// - Returns: the reports of the batches stored, in order.
    mutating func storeAll() async throws -> [ApplyReport] {
        var reports: [ApplyReport] = []
        if let report = try await startStoring() { reports.append(report) }
        if let report = try await finishStoring() { reports.append(report) }
        return reports
    }
}
