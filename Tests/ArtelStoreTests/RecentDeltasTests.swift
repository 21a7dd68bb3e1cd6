import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

/// A delta that reaches a node again (in a mesh, once from each peer) is not verified again when
/// the node checked it lately; a forged copy can neither pass for it nor keep it out.
@Suite("Deltas checked lately")
struct RecentDeltasTests {
    let factory = DeltaFactory()
    let now = DeltaFactory.epoch + 1_000

    /// The delta's bytes with the last byte of its signature changed.
    func forged(_ delta: SignedDelta) -> [UInt8] {
        var bytes = delta.bytes
        bytes[bytes.count - 1] ^= 0x01
        return bytes
    }

    /// Admits deltas and stores them, as a session does with what a peer sends.
    func offer(
        _ deltas: [[UInt8]],
        to replica: Replica,
        follows: FollowSet = .everything,
        known: RecentDeltas? = nil
    ) async throws -> ApplyReport {
        let admitted = await Replica.admit(deltas, now: now, follows: follows, known: known)
        return try await replica.store(admitted, now: now, source: "peer")
    }

    @Test("a copy of a delta checked lately is taken as held without checking its signature, and nothing changes")
    func copyIsHeld() async throws {
        try await TestReplicas.withReplica { replica in
            let known = RecentDeltas(capacity: 10)
            let job = factory.job(1)
            let first = try await offer([job.bytes], to: replica, known: known)
            #expect(first.accepted.map(\.id) == [job.id])
            #expect(known.contains(job.id))

            // Without the memory, the same forged copy is refused for its signature.
            let checked = try await offer([forged(job)], to: replica)
            #expect(checked.refusals.map(\.error.code) == [.badSignature])

            let copy = try await offer([forged(job)], to: replica, known: known)
            #expect(copy.duplicates == 1 && copy.refusals.isEmpty && copy.accepted.isEmpty)
            #expect(
                try await replica.deltas(ids: [job.id]).found == [job.bytes],
                "the stored bytes are the checked ones"
            )
            #expect(try await replica.summary().deltas == 1)
        }
    }

    @Test("a forged copy that comes first is refused and not remembered: the genuine one is checked and kept")
    func forgeryFirst() async throws {
        try await TestReplicas.withReplica { replica in
            let known = RecentDeltas(capacity: 10)
            let job = factory.job(1)
            let forgery = try await offer([forged(job)], to: replica, known: known)
            #expect(forgery.refusals.map(\.error.code) == [.badSignature])
            #expect(!known.contains(job.id))
            let genuine = try await offer([job.bytes], to: replica, known: known)
            #expect(genuine.accepted.map(\.id) == [job.id])
        }
    }

    @Test("a delta checked lately but no longer followed is refused as not followed")
    func followsComeFirst() async throws {
        let known = RecentDeltas(capacity: 10)
        let job = factory.job(1)
        known.insert(job.id)
        try await TestReplicas.withReplica { replica in
            let report = try await offer([job.bytes], to: replica, follows: FollowSet([]), known: known)
            #expect(report.refusals.map(\.error.code) == [.notFollowed])
        }
    }

    @Test("bytes that only begin like a delta checked lately are decoded and refused for what is wrong with them")
    func malformedCopies() async throws {
        let known = RecentDeltas(capacity: 10)
        let job = factory.job(1)
        known.insert(job.id)
        let trailing = job.bytes + [0]
        let short = Array(job.bytes.dropLast())
        try await TestReplicas.withReplica { replica in
            let report = try await offer([trailing, short], to: replica, known: known)
            #expect(report.duplicates == 0)
            #expect(report.refusals.count == 2)
            #expect(try await replica.summary().deltas == 0)
        }
    }

    @Test("the memory keeps at least its capacity and forgets the oldest past twice that")
    func forgetsOldest() {
        let known = RecentDeltas(capacity: 3)
        let ids = (1...6).map { factory.job($0).id }
        for id in ids.prefix(5) { known.insert(id) }
        #expect(ids.prefix(5).allSatisfy(known.contains))
        known.insert(ids[5])
        #expect(ids.prefix(3).allSatisfy { !known.contains($0) })
        #expect(ids.suffix(3).allSatisfy(known.contains))
    }

    @Test(
        "ids are remembered by their first 8 bytes: a push whose id shares them is dropped, and a deltas message still brings it"
    )
    func shortKeys() async throws {
        let known = RecentDeltas(capacity: 10)
        let (remembered, other) = (factory.job(1), factory.job(2))
        // An id that begins as the other's: its BLAKE2b hash never would, short of a search of 2^64.
        let twin = DeltaID(
            Bytes32.filling { bytes in
                other.id.bytes.withUnsafeBytes { bytes.copyMemory(from: $0) }
                remembered.id.bytes.withUnsafeBytes {
                    bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<8]))
                }
            }
        )
        known.insert(twin)
        #expect(known.contains(remembered.id) && !known.contains(other.id))
        try await TestReplicas.withReplica { replica in
            let pushed = try await offer([remembered.bytes], to: replica, known: known)
            #expect(pushed.duplicates == 1, "taken as held")
            #expect(try await replica.summary().deltas == 0)
            let wanted = try await offer([remembered.bytes], to: replica)
            #expect(wanted.accepted.map(\.id) == [remembered.id])
        }
    }
}
