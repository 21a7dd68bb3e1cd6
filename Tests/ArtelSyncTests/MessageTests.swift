import ArtelCore
import ArtelSync
import ArtelTestKit
import Foundation
import Testing

@Suite("Wire messages")
struct MessageTests {
    static let follows = FollowSet([
        .init(community: TestKeys.techLeaders.publicKey, kinds: KindSet([.job, .event])),
        .init(community: nil, kinds: KindSet(.digest)),
    ])

    static let examples: [Message] = [
        .hello(Hello(nodeName: "узел-1", software: "artel/0.2.0", follows: follows)),
        .versionUnsupported(1...3),
        .reconcileOpen(.control, payload: [0x61, 0, 0, 1, 2]),
        .reconcileMessage(.data, payload: [0x61]),
        .reconcileClose(.data),
        .reconcileError(.control, .malformedMessage, "bad bound"),
        .want([DeltaID(Bytes32.zero), DeltaID(Blake2b.hash256([1]))]),
        .deltas([[1, 2, 3], [], [UInt8](repeating: 7, count: 300)]),
        .push([9, 9]),
        .refuse(DeltaID(Blake2b.hash256([2])), .badSignature, "the signature does not verify"),
        .refuse(nil, .truncated, "the delta ends inside the author key"),
        .missing([DeltaID(Blake2b.hash256([3]))]),
        .ping(42), .pong(42),
        .goodbye(.idleTimeout, "the peer said nothing for 120 s"),
    ]

    @Test("Every message decodes to itself", arguments: examples)
    func roundTrip(message: Message) throws {
        let encoded = message.encoded
        let length = encoded.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        #expect(length == encoded.count - 4)
        #expect(try Message.decode(Array(encoded.dropFirst(4))) == message)
    }

    @Test("A hello is laid out byte by byte as protocol/wire.md says")
    func helloBytes() {
        let hello = Message.hello(
            Hello(nodeName: "a", software: "b", follows: FollowSet([.init(community: nil, kinds: KindSet(.job))]))
        )
        #expect(
            hello.encoded == [0, 0, 0, 22, 0x01] + Array("ARTEL".utf8) + [
                0, 1, 1, 0x61, 1, 0x62, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x20,
            ]
        )
    }

    @Test("The reader cuts a byte stream into messages however it is split")
    func reader() throws {
        let stream = Self.examples.flatMap(\.encoded)
        for step in [1, 7, 4096, stream.count] {
            var reader = MessageReader(maximumSize: 1 << 20)
            var decoded: [Message] = []
            for start in stride(from: 0, to: stream.count, by: step) {
                decoded += try reader.feed(stream[start..<min(start + step, stream.count)])
            }
            #expect(decoded == Self.examples, "step \(step)")
            #expect(reader.pendingCount == 0)
        }
    }

    @Test("A message over the size limit is refused from its length alone")
    func tooLarge() {
        var reader = MessageReader(maximumSize: 1_000)
        #expect(throws: WireError.tooLarge(1_001)) { try reader.feed([0, 0, 0x03, 0xe9, 0x21]) }
    }

    @Test(
        "Malformed bodies are refused with the reason",
        arguments: [
            ([0x01] + Array("ARTEX".utf8), "ARTEL"),
            ([0x20, 0x05], "claims 5 entries"),
            ([0x12, 0x09], "plane 9"),
            ([0x23, 0x02, 0x99, 0x99, 0x00], "id flag"),
            ([0x30, 1, 2, 3], "ends inside"),
            ([0x31, 0, 0, 0, 0, 0, 0, 0, 1, 0xff], "after the message"),
        ] as [([UInt8], String)]
    )
    func malformed(bytes: [UInt8], reason: String) throws {
        let error = try #require(throws: WireError.self) { try Message.decode(bytes) }
        #expect(error.code == .malformedMessage)
        #expect("\(error)".contains(reason), "\(error)")
    }

    @Test("A refusal code this version does not know is kept, not read as a malformed message")
    func unknownRefusalCode() throws {
        let message = try Message.decode([0x23, 0x00, 0x03, 0x85, 0x00])
        guard case .refuse(nil, let code, "") = message else {
            Issue.record("decoded as \(message)")
            return
        }
        #expect(code.rawValue == 901 && !code.isKnown && code.name == "code_901")
        #expect(!code.blamesSender)
        #expect(Message.refuse(nil, code, "").encoded == [0, 0, 0, 5, 0x23, 0x00, 0x03, 0x85, 0x00])
    }

    @Test("Only refusals that say the delta is wrong blame its sender")
    func refusalsThatBlame() {
        let blaming = DeltaError.Code.all.filter(\.blamesSender).map(\.rawValue)
        #expect(blaming.allSatisfy { (100..<600).contains($0) })
        for code in [DeltaError.Code.notFollowed, .blocked, .erased, .recordDeleted, .localLimit] {
            #expect(!code.blamesSender, "\(code)")
        }
        #expect(DeltaError.Code.unauthorized.blamesSender && DeltaError.Code.badSignature.blamesSender)
    }

    @Test("An unknown type is refused")
    func unknownType() {
        #expect(throws: WireError.unknownType(0x77)) { try Message.decode([0x77]) }
    }
}

@Suite("FollowSet")
struct FollowSetTests {
    let moscow = TestKeys.techLeaders.publicKey
    let association = TestKeys.association.publicKey

    @Test("The control plane is what wire.md §4 lists: grants, revocations and community profiles")
    func planes() throws {
        let wire = try String(contentsOfFile: TestFiles.path("protocol/wire.md"), encoding: .utf8)
        let line = try #require(wire.split(separator: "\n").first { $0.hasPrefix("**Planes**") })
        for kind in RecordKind.allCases {
            #expect(line.contains("`\(kind.name)`") == (Plane(kind) == .control), "\(kind)")
        }
    }

    @Test("The intersection keeps what both follow, community by community")
    func intersection() {
        let mine = FollowSet([
            .init(community: moscow, kinds: KindSet([.job, .event])), .init(community: nil, kinds: KindSet(.digest)),
        ])
        let theirs = FollowSet([
            .init(community: moscow, kinds: KindSet([.job, .digest])), .init(community: association, kinds: .all),
        ])
        let shared = mine.intersection(theirs)
        #expect(shared.kinds(in: moscow) == KindSet([.job, .digest]))
        #expect(shared.kinds(in: association) == KindSet(.digest))
        #expect(shared.kinds(in: TestKeys.outsider.publicKey).isEmpty)
        #expect(shared == theirs.intersection(mine))
    }

    @Test("A node's follows of any kind of a community bring its profile, grants and revocations")
    func controlPlaneComesWithAnyFollow() throws {
        let jobsOnly = FollowSet([.init(community: moscow, kinds: KindSet(.job))]).withControlPlanes()
        for kind in [RecordKind.community, .grant, .revocation, .job] {
            #expect(jobsOnly.contains(Scope(community: moscow, kind: kind)), "\(kind)")
        }
        #expect(!jobsOnly.contains(Scope(community: moscow, kind: .event)))
        #expect(!jobsOnly.contains(Scope(community: association, kind: .grant)))
        #expect(FollowSet([.init(community: moscow, kinds: [])]).withControlPlanes().entries.isEmpty)
        // A peer's hello is taken as sent: an older peer that follows only jobs is offered only jobs.
        let older = FollowSet([.init(community: moscow, kinds: KindSet(.job))])
        let hello = Message.hello(Hello(nodeName: "n", software: "s", follows: older))
        guard case .hello(let decoded) = try Message.decode(Array(hello.encoded.dropFirst(4))) else {
            Issue.record("the hello did not decode")
            return
        }
        #expect(decoded.follows == older)
        #expect(jobsOnly.intersection(decoded.follows).kinds(in: moscow) == KindSet(.job))
    }

    @Test("Every community follows everything")
    func everything() {
        #expect(FollowSet.everything.contains(Scope(community: association, kind: .revocation)))
        #expect(!FollowSet().contains(Scope(community: association, kind: .job)))
    }
}
