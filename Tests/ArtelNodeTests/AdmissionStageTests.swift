import ArtelCore
import ArtelStore
import ArtelSync
import ArtelTestKit
import AsyncAlgorithms
import Testing

@testable import ArtelNode

/// The reader's admission stage checks each message's deltas and hands the messages on in order,
/// checking the next one while the session loop has not yet taken the one before.
@Suite("The admission stage of a connection")
struct AdmissionStageTests {
    let factory = DeltaFactory()

    /// A copy of `delta` whose signature's last byte is changed.
    func forged(_ delta: SignedDelta) -> [UInt8] {
        var bytes = delta.bytes
        bytes[bytes.count - 1] ^= 0x01
        return bytes
    }

    /// The messages and admissions `stage` hands on, `count` of them, as the session loop takes them.
    func takeHandedOn(_ count: Int, from messages: AsyncChannel<ConnectionEvent>) async -> [(Message, AdmittedDeltas?)]
    {
        var taken: [(Message, AdmittedDeltas?)] = []
        for await event in messages {
            guard case .message(let message, let admitted) = event else {
                Issue.record("the stage handed on \(event), not a message")
                continue
            }
            taken.append((message, admitted))
            if taken.count == count { break }
        }
        return taken
    }

    @Test("messages are handed on in the order they came, each delta checked and forged ones refused")
    func handsOnInOrder() async throws {
        let jobs = (1...3).map { factory.job($0) }
        let messages = AsyncChannel<ConnectionEvent>()
        let stage = AdmissionStage(follows: .everything, known: RecentDeltas(), handingOnTo: messages)
        async let handedOn = takeHandedOn(4, from: messages)
        async let handing: Void = stage.handOn()

        await stage.check(.ping(7))
        await stage.check(.deltas([jobs[0].bytes, forged(jobs[1])]))
        await stage.check(.push(jobs[2].bytes))
        await stage.check(.want([jobs[0].id]))
        stage.finish()
        await handing
        let taken = await handedOn

        #expect(
            taken.map(\.0) == [
                .ping(7), .deltas([jobs[0].bytes, forged(jobs[1])]), .push(jobs[2].bytes), .want([jobs[0].id]),
            ]
        )
        #expect(taken[0].1 == nil, "a ping carries no deltas")
        #expect(taken[1].1?.count == 2)
        #expect(taken[1].1?.admittedIDs == [jobs[0].id], "the forged copy is refused")
        #expect(taken[2].1?.admittedIDs == [jobs[2].id])
        #expect(taken[3].1 == nil, "a want carries no deltas")
    }

    @Test("the next message is checked while the session loop has not taken the one before")
    func checksTheNextWhileOneWaits() async throws {
        let (first, second) = (factory.job(1), factory.job(2))
        let known = RecentDeltas()
        let messages = AsyncChannel<ConnectionEvent>()
        let stage = AdmissionStage(follows: .everything, known: known, handingOnTo: messages)
        let handing = Task { await stage.handOn() }
        await stage.check(.deltas([first.bytes]))
        let checking = Task { await stage.check(.push(second.bytes)) }

        // Nobody takes the first message yet; the second is checked (and so remembered) all the same.
        #expect(try await eventually(30) { known.contains(second.id) })

        let taken = await takeHandedOn(2, from: messages)
        #expect(taken.map(\.0) == [.deltas([first.bytes]), .push(second.bytes)])
        #expect(taken.map { $0.1?.admittedIDs } == [[first.id], [second.id]])
        await checking.value
        stage.finish()
        await handing.value
    }
}
