import ArtelCore
import ArtelSync
import ArtelTestKit
import Foundation
import Testing

@Suite("artel-conformance, driven as a subprocess")
struct ConformanceTests {
    static let binary = ArtelProcess.path(of: "artel-conformance")

    static func cases() throws -> [NegentropyVectorCase] { try NegentropyVectorFile.load().cases }

    func start(_ items: [NegentropyItem], frameSizeLimit: Int) throws -> Subprocess {
        let process = try Subprocess(Self.binary, ["negentropy"], environment: ["FRAMESIZELIMIT": "\(frameSizeLimit)"])
        for item in items { process.send("item,\(item.timestamp),\(item.id.hex)") }
        process.send("seal")
        return process
    }

    @Test("As a server, it answers every client message of every transcript byte for byte", arguments: try cases())
    func negentropyServer(vector: NegentropyVectorCase) throws {
        let server = try start(vector.serverItems, frameSizeLimit: vector.frameSizeLimit)
        for (index, step) in vector.transcript.enumerated() where step.from == "client" {
            guard let hex = step.hex else { continue }
            server.send("msg,\(hex)")
            let reply = try #require(vector.transcript[index + 1].hex)
            #expect(server.readLine() == "msg,\(reply)", "\(vector.name) step \(index + 1)")
        }
        server.closeInput()
        #expect(server.wait() == 0)
    }

    @Test("As a client, it sends every message, learns every have and need, and says done", arguments: try cases())
    func negentropyClient(vector: NegentropyVectorCase) throws {
        let client = try start(vector.clientItems, frameSizeLimit: vector.frameSizeLimit)
        client.send("initiate")
        var have: Set<String> = []
        var need: Set<String> = []
        #expect(client.readLine() == "msg,\(try #require(vector.transcript[0].hex))")
        for (index, step) in vector.transcript.enumerated() where step.from == "server" {
            client.send("msg,\(try #require(step.hex))")
            let next = vector.transcript[index + 1]
            while let line = client.readLine() {
                if line.hasPrefix("have,") {
                    have.insert(String(line.dropFirst(5)))
                    continue
                }
                if line.hasPrefix("need,") {
                    need.insert(String(line.dropFirst(5)))
                    continue
                }
                #expect(line == (next.hex.map { "msg,\($0)" } ?? "done"), "\(vector.name) step \(index + 2)")
                break
            }
        }
        #expect(have == Set(vector.clientHave) && need == Set(vector.clientNeed), "\(vector.name)")
        client.closeInput()
        #expect(client.wait() == 0)
    }

    @Test("A server asked in another protocol version answers with the one it speaks")
    func negentropyVersion() throws {
        let server = try start([], frameSizeLimit: 0)
        server.send("msg,62")
        #expect(server.readLine() == "msg,61")
        server.closeInput()
        #expect(server.wait() == 0)
    }

    @Test("shs1-server completes the vector client's handshake; both derive mirrored keys")
    func shs1Server() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        let server = try Subprocess(
            Self.binary,
            ["shs1-server", vectors.shs1.app, vectors.shs1.serverSec, vectors.shs1.serverPub]
        )
        var client = parties.client()
        server.write(client.hello())
        server.write(try client.onServerHello(try #require(server.read(64))))
        let keys = try client.onServerAccept(try #require(server.read(80)))
        let outcome = try #require(server.read(112))
        #expect(Array(outcome[0..<32]) == keys.decryptKey.bytes)
        #expect(Array(outcome[32..<56]) == keys.decryptNonce)
        #expect(Array(outcome[56..<88]) == keys.encryptKey.bytes)
        #expect(Array(outcome[88..<112]) == keys.encryptNonce)
        #expect(server.wait() == 0)
    }

    @Test("shs1-client completes a handshake with the vector server and writes its keys")
    func shs1Client() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        let client = try Subprocess(Self.binary, ["shs1-client", vectors.shs1.app, vectors.shs1.serverPub])
        var server = parties.server()
        client.write(try server.onClientHello(try #require(client.read(64))))
        let (accept, keys) = try server.onClientAuthenticate(try #require(client.read(112)))
        client.write(accept)
        let outcome = try #require(client.read(112))
        #expect(Array(outcome[0..<32]) == keys.decryptKey.bytes && Array(outcome[32..<56]) == keys.decryptNonce)
        #expect(Array(outcome[56..<88]) == keys.encryptKey.bytes && Array(outcome[88..<112]) == keys.encryptNonce)
        #expect(client.wait() == 0)
    }

    @Test("On invalid input the handshake adapters exit non-zero without writing further")
    func shs1Invalid() throws {
        let vectors = try SHS1Vectors.load()
        let server = try Subprocess(
            Self.binary,
            ["shs1-server", vectors.shs1.app, vectors.shs1.serverSec, vectors.shs1.serverPub]
        )
        server.write([UInt8](repeating: 7, count: 64))
        server.closeInput()
        #expect(server.readToEnd().isEmpty)
        #expect(server.wait() != 0)

        let client = try Subprocess(Self.binary, ["shs1-client", vectors.shs1.app, vectors.shs1.serverPub])
        #expect(client.read(64)?.count == 64)
        client.write([UInt8](repeating: 9, count: 64))
        client.closeInput()
        #expect(client.readToEnd().isEmpty)
        #expect(client.wait() != 0)
    }
}
