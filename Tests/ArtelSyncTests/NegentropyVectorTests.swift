import ArtelCore
import ArtelSync
import Testing

@Suite("Negentropy V1 reference transcripts")
struct NegentropyVectorTests {
    @Test(
        "Every message, reply and learned id matches the reference transcript",
        arguments: try NegentropyVectorFile.load().cases
    )
    func transcript(_ vector: NegentropyVectorCase) throws {
        var client = try Negentropy(
            storage: NegentropyStorage(vector.clientItems),
            frameSizeLimit: vector.frameSizeLimit
        )
        var server = try Negentropy(
            storage: NegentropyStorage(vector.serverItems),
            frameSizeLimit: vector.frameSizeLimit
        )
        var steps = vector.transcript[...]

        var message = try client.initiate()
        let first = try #require(steps.first)
        steps = steps.dropFirst()
        #expect(first.from == "client")
        #expect(Hex.encode(message) == first.hex)

        var totalHave: [Bytes32] = []
        var totalNeed: [Bytes32] = []
        var roundTrips = 0
        while let serverStep = steps.popFirst() {
            #expect(serverStep.from == "server")
            let reply = try server.reconcile(message)
            roundTrips += 1
            #expect(Hex.encode(reply) == serverStep.hex, "server reply \(roundTrips)")

            let clientStep = try #require(steps.first)
            steps = steps.dropFirst()
            #expect(clientStep.from == "client")
            var have: [Bytes32] = []
            var need: [Bytes32] = []
            let next = try client.reconcile(reply, have: &have, need: &need)
            #expect(have.map(\.hex) == clientStep.have, "have after reply \(roundTrips), in order")
            #expect(Set(need.map(\.hex)) == Set(clientStep.need ?? []), "need after reply \(roundTrips)")
            totalHave += have
            totalNeed += need
            if clientStep.done == true {
                #expect(next == nil)
                break
            }
            let nextMessage = try #require(next)
            #expect(Hex.encode(nextMessage) == clientStep.hex, "client message \(roundTrips + 1)")
            message = nextMessage
        }

        #expect(steps.isEmpty)
        #expect(roundTrips == vector.roundTrips)
        // The file lists the totals sorted by hex; the per-step lists above keep the protocol's order.
        #expect(totalHave.map(\.hex).sorted() == vector.clientHave)
        #expect(totalNeed.map(\.hex).sorted() == vector.clientNeed)
    }
}
