import ArtelCore
import ArtelNode
import ArtelSync
import ArtelTestKit
import Synchronization
import Testing

/// A delta a session receives is pushed on by that session to every other peer, never back to the
/// peer it came from: the watcher of local changes, which may read it from the replica first,
/// leaves it to the session (`Hub.receiving`).
@Suite("The hub relays what sessions receive")
struct HubRelayTests {
    let origin = TestKeys.key(41).publicKey
    let other = TestKeys.key(42).publicKey
    let scope = Scope(community: TestKeys.techLeaders.publicKey, kind: .job)
    let id = DeltaID(Bytes32([UInt8](repeating: 7, count: 32))!)

    /// How many deltas each session was told to push.
    final class Pushes: Sendable {
        private let counts = Mutex<[PublicKey: Int]>([:])

        func count(_ peer: PublicKey, _ number: Int) { counts.withLock { $0[peer, default: 0] += number } }
        var byPeer: [PublicKey: Int] { counts.withLock { $0 } }
    }

    /// A hub with a session for `origin` and one for `other`, and the deltas each was told to push.
    func hubWithSessions() async throws -> (Hub, Pushes) {
        let hub = Hub(maximumConnections: 8, nodeKey: TestKeys.key(40).publicKey)
        let pushed = Pushes()
        for peer in [origin, other] {
            let reservation = try #require(await hub.reserve(from: nil))
            _ = try await hub.register(peer, role: .initiator, reservation: reservation, isFriend: true, now: 0) {
                notice in
                if case .deltas(let deltas) = notice { pushed.count(peer, deltas.count) }
            }
        }
        return (hub, pushed)
    }

    @Test("a delta being stored is left to its session, which pushes it to the other peer only")
    func receivedDeltaGoesOnce() async throws {
        let (hub, pushed) = try await hubWithSessions()
        await hub.receiving([id])
        // The watcher reads the stored row before the session pushes it on: it is not the watcher's.
        #expect(await hub.unpushed([id]).isEmpty)
        await hub.broadcast([(id, [1, 2, 3], scope)], from: origin)
        await hub.received([id])
        #expect(await hub.unpushed([id]).isEmpty)
        #expect(pushed.byPeer == [other: 1])
    }

    @Test("a delta the session did not keep is the watcher's again")
    func refusedDeltaIsForgotten() async throws {
        let (hub, pushed) = try await hubWithSessions()
        await hub.receiving([id])
        await hub.received([id])
        #expect(await hub.unpushed([id]) == [id])
        #expect(pushed.byPeer.isEmpty)
    }

    @Test("ids a session left behind are forgotten past the limit, and then pushed by the watcher")
    func leftBehindIsBounded() async throws {
        let (hub, _) = try await hubWithSessions()
        await hub.receiving([id])
        let many = (0..<Hub.incomingLimit).map { number in
            DeltaID(
                Bytes32(withUnsafeBytes(of: UInt64(number).bigEndian, Array.init) + [UInt8](repeating: 0, count: 24))!
            )
        }
        await hub.receiving(many)
        #expect(await hub.unpushed([id]) == [id])
    }

    @Test("the watcher skips the rows sessions stored, in whatever order their stores report them")
    func sessionRowsAreSkipped() async {
        let hub = Hub(maximumConnections: 8, nodeKey: TestKeys.key(40).publicKey)
        #expect(await hub.rowsToRead(after: 10) == (10, nil))
        await hub.storedBySession(31...40)
        await hub.storedBySession(11...20)
        // Rows 11 to 20 follow on from 10: skipped; 21 to 30 are another writer's, to read.
        #expect(await hub.rowsToRead(after: 10) == (20, 31))
        // Once they are read, the session's next rows are skipped too.
        #expect(await hub.rowsToRead(after: 30) == (40, nil))
        #expect(await hub.rowsToRead(after: 40) == (40, nil))
        // A range below what the watcher saw is forgotten.
        await hub.storedBySession(5...8)
        #expect(await hub.rowsToRead(after: 40) == (40, nil))
    }
}
