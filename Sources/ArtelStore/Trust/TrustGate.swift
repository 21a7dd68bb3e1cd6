import ArtelCore
import GRDB

/// Authorization inside an apply transaction: refuses what the operator blocked and what belongs to
/// erased people, lets a person's subject key write their record (``PersonGuard``), loads the control planes of the communities a batch
/// touches, learns the batch's own grants and revocations before deciding anything, applies what
/// ``Authorization/authorize(_:id:trust:)`` allows and holds the rest; then, where the control
/// plane changed, decides the held deltas again and withdraws stored ones it no longer covers.
///
/// Because every grant and revocation is learnt before any delta is decided, and every earlier
/// decision is taken again when they change, what ends up applied, waiting and refused depends on
/// the deltas received, not on the order they came in.
struct TrustGate {
    private let db: Database
    private let held: HeldStore
    private let source: String
    private let now: UInt64
    private var planes: [PublicKey: ControlPlane] = [:]
    private var trusts: [PublicKey: Trust] = [:]
    /// The trust of each community whose control plane this batch changed, as it stood before.
    private var before: [PublicKey: Trust] = [:]
    private var heldCount: Int?
    /// Communities known to have held deltas, and those known to have none: most have none, and
    /// then an authorized delta needs no look in the held table.
    private var holding: Set<PublicKey> = []
    private var holdingNone: Set<PublicKey> = []

    private let blocks: BlockList
    private var people: PersonGuard

    init(db: Database, source: String, now: UInt64) throws {
        self.db = db
        held = HeldStore(db: db)
        blocks = try BlockList(db: db)
        people = PersonGuard(db: db)
        self.source = source
        self.now = now
    }

    /// Adds a grant or revocation of the batch to its community's control plane.
    mutating func learn(_ signed: SignedDelta) throws {
        let community = signed.delta.community
        var plane = try plane(of: community)
        let previous = before[community] == nil ? try trust(of: community) : nil
        // Admission refused every malformed grant and revocation already.
        guard (try? plane.insert(signed)) == true else { return }
        if let previous { before[community] = previous }
        planes[community] = plane
        trusts[community] = nil
    }

    /// Decides one delta of the batch: merges it when authorized, holds it otherwise.
    ///
    /// - Parameter fresh: what the delta makes of a new record, worked out before the transaction.
    mutating func admit(
        _ signed: SignedDelta,
        fresh: FreshRecord? = nil,
        into writer: inout BatchWriter
    ) throws -> DeltaOutcome {
        let delta = signed.delta
        let verdict: Verdict
        switch try decide(signed, in: &writer) {
        case .refuse(let error): return .refused(Refusal(error, delta: delta, id: signed.id))
        case .apply(let checked):
            let outcome = try writer.merge(signed, fresh: fresh)
            if checked, try holdsAny(of: delta.community) { try held.release(signed.id) }
            return outcome
        case .hold(let held): verdict = held
        }
        switch verdict {
        case .authorized: preconditionFailure("an authorized delta is applied")
        case .waiting(let why):
            if try held.contains(signed.id) { return .duplicate(signed.id) }
            guard try reserveRoom() else {
                return .refused(
                    Refusal(DeltaError(.localLimit, "the quarantine is full; \(why)"), delta: delta, id: signed.id)
                )
            }
            try held.hold(signed, verdict, source: source, now: now)
            holding.insert(delta.community)
            return .quarantined(signed.id, why)
        case .refused(let error):
            if try !held.contains(signed.id), try reserveRoom() {
                try held.hold(signed, verdict, source: source, now: now)
                holding.insert(delta.community)
            }
            return .refused(Refusal(error, delta: delta, id: signed.id))
        }
    }

    /// What becomes of a delta.
    private enum Decision {
        /// Merge it; `checked` when it went through the control plane and may have been held before.
        case apply(checked: Bool)
        /// Hold it, waiting or refused.
        case hold(Verdict)
        /// Refuse it without holding it: the operator blocked it, or it belongs to an erased person.
        case refuse(DeltaError)
    }

    /// Decides a delta: blocks, erasures, the person's own key, then the control plane.
    private mutating func decide(_ signed: SignedDelta, in writer: inout BatchWriter) throws -> Decision {
        let delta = signed.delta
        if let blocked = blocks.refusal(for: delta) { return .refuse(blocked) }
        if let erased = try people.erasure(of: signed) { return .refuse(erased) }
        let binding = try people.binding(of: delta, in: &writer)
        let verdict = try Authorization.authorize(signed, subject: binding) { try trust(of: delta.community) }
        guard verdict == .authorized else { return .hold(verdict) }
        return .apply(checked: delta.author != delta.community || delta.kind.isGrantOrRevocation)
    }

    /// Where the batch changed a control plane: decides the held deltas again, and withdraws the
    /// stored deltas of every author whose grants changed standing that are no longer authorized.
    mutating func settle(into writer: inout BatchWriter, report: inout ApplyReport) throws {
        for community in before.keys.sorted() {
            let trust = try trust(of: community)
            try redecide(try held.deltas(of: community), into: &writer, report: &report)
            // Only a grant that was valid and changed (or was replaced) can leave stored deltas uncovered.
            let old = before[community]!
            var affected: Set<PublicKey> = []
            for (id, grant) in old.plane.grants {
                if trust.plane.grants[id]?.delta != grant.delta {
                    // Replaced by its issuer's other claim: the old grant delta and its grantee's deltas.
                    affected.formUnion([grant.issuer, grant.grantee])
                } else if case .valid = old.standings[id], old.standings[id] != trust.standings[id] {
                    affected.insert(grant.grantee)
                }
            }
            for author in affected.sorted(by: { $0.bytes < $1.bytes }) {
                for signed in try ControlPlaneLoader.storedDeltas(by: author, in: community, db: db) {
                    switch try decide(signed, in: &writer) {
                    case .apply: continue
                    case .hold(let verdict): try withdraw(signed, verdict, into: &writer, report: &report)
                    case .refuse(let error): try withdraw(signed, .refused(error), into: &writer, report: &report)
                    }
                }
            }
        }
        try settlePeople(into: &writer, report: &report)
    }

    /// Where the batch bound a person's subject key, decides their record's deltas again; where it
    /// deleted a person, takes out the memberships and ties that name them.
    private mutating func settlePeople(into writer: inout BatchWriter, report: inout ApplyReport) throws {
        for touched in writer.changed(.person) {
            // A delete prunes the binding with everything else: a tombstone is not decided again.
            if !touched.state.isDeleted
                && SubjectRules.binding(in: touched.state) != SubjectRules.binding(in: touched.initial)
            {
                for signed in touched.state.kept.values.sorted(by: { Stamp($0) < Stamp($1) }) {
                    switch try decide(signed, in: &writer) {
                    case .apply: continue
                    case .hold(let verdict): try withdraw(signed, verdict, into: &writer, report: &report)
                    case .refuse(let error): try withdraw(signed, .refused(error), into: &writer, report: &report)
                    }
                }
                let record = try held.deltas(of: touched.scope.community).filter {
                    $0.delta.kind == .person && $0.delta.record == touched.record
                }
                try redecide(record, into: &writer, report: &report)
            }
            // Deciding again may have released the person's own delete.
            let current = try writer.state(of: touched.scope, record: touched.record)
            if current.isDeleted && !touched.initial.isDeleted {
                let person = Reference(community: touched.scope.community, record: touched.record)
                for signed in try people.erase(person, in: &writer, now: now) {
                    report.withdrawn.append(
                        Refusal(
                            DeltaError(.erased, "person \(touched.record.hex.prefix(12)) was erased"),
                            delta: signed.delta,
                            id: signed.id
                        )
                    )
                }
            }
        }
    }

    /// Decides held deltas again: applies those now allowed, records the new verdict of the others.
    private mutating func redecide(
        _ deltas: [SignedDelta],
        into writer: inout BatchWriter,
        report: inout ApplyReport
    ) throws {
        for signed in deltas {
            switch try decide(signed, in: &writer) {
            case .apply:
                if case .accepted(let accepted) = try writer.merge(signed) { report.released.append(accepted) }
                try held.release(signed.id)
            case .hold(let verdict): try held.hold(signed, verdict, source: source, now: now)
            case .refuse: try held.release(signed.id)
            }
        }
    }

    /// Takes a stored delta out of its record and holds it: refused, or waiting again for a grant.
    private mutating func withdraw(
        _ signed: SignedDelta,
        _ verdict: Verdict,
        into writer: inout BatchWriter,
        report: inout ApplyReport
    ) throws {
        try writer.evict(signed)
        try held.hold(signed, verdict, source: source, now: now)
        holding.insert(signed.delta.community)
        let error: DeltaError =
            switch verdict {
            case .refused(let error): error
            case .waiting(let why): DeltaError(.unauthorized, "waiting again: \(why)")
            case .authorized: preconditionFailure("an authorized delta is not withdrawn")
            }
        report.withdrawn.append(Refusal(error, delta: signed.delta, id: signed.id))
    }

    private mutating func plane(of community: PublicKey) throws -> ControlPlane {
        if let plane = planes[community] { return plane }
        let plane = try ControlPlaneLoader.load(community, in: db)
        planes[community] = plane
        return plane
    }

    private mutating func trust(of community: PublicKey) throws -> Trust {
        if let trust = trusts[community] { return trust }
        let trust = try plane(of: community).evaluate()
        trusts[community] = trust
        return trust
    }

    private mutating func holdsAny(of community: PublicKey) throws -> Bool {
        if holding.contains(community) { return true }
        if holdingNone.contains(community) { return false }
        if try held.holdsAny(of: community) {
            holding.insert(community)
            return true
        }
        holdingNone.insert(community)
        return false
    }

    private mutating func reserveRoom() throws -> Bool {
        let count = try heldCount ?? held.count
        guard count < HeldStore.capacity else { return false }
        heldCount = count + 1
        return true
    }
}
