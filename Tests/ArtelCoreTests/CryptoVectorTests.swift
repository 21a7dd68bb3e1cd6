import ArtelCore
import ArtelTestKit
import Foundation
import Testing

@Suite("libsodium against published vectors")
struct CryptoVectorTests {
    @Test("RFC 8032 §7.1 tests 1–3: keys, signatures and verification")
    func rfc8032() throws {
        let text = try String(
            contentsOfFile: TestFiles.path("Tests/Fixtures/crypto/rfc8032-ed25519.txt"),
            encoding: .utf8
        )
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let parts = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let secret = try #require(Hex.decode(parts[0]))
            let publicKey = try #require(PublicKey(hex: parts[1]))
            let message = try #require(Hex.decode(parts[2]))
            let signed = try #require(Hex.decode(parts[3]))
            let expected = try #require(Signature(signed.prefix(64)))

            let key = try #require(SigningKey(seed: secret.prefix(32)))
            #expect(key.publicKey == publicKey)
            #expect(key.sign(message) == expected)
            #expect(publicKey.isValidSignature(expected, for: message))
            #expect(!publicKey.isValidSignature(expected, for: message + [0]))
        }
    }

    @Test("Wycheproof EdDSA: valid accepted, invalid refused, small-order public keys refused")
    func wycheproof() throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/crypto/wycheproof-ed25519.json"))
        )
        let file = try JSONDecoder().decode(WycheproofFile.self, from: data)
        var checked = 0
        var smallOrderRefused = 0
        for group in file.testGroups {
            let key = try #require(PublicKey(hex: group.publicKey.pk))
            for test in group.tests {
                let message = try #require(Hex.decode(test.msg))
                let accepted =
                    Hex.decode(test.sig).flatMap(Signature.init).map { key.isValidSignature($0, for: message) } ?? false
                switch test.result {
                case "valid":
                    #expect(accepted, "test \(test.tcId) is valid")
                case "invalid":
                    #expect(!accepted, "test \(test.tcId) is invalid")
                default:
                    let smallOrder = test.flags.contains("SmallOrderPublicKey")
                    #expect(accepted == !smallOrder, "acceptable test \(test.tcId) \(test.flags)")
                    if smallOrder && !accepted { smallOrderRefused += 1 }
                }
                checked += 1
            }
        }
        #expect(checked == file.numberOfTests)
        #expect(smallOrderRefused == 8)
    }

    @Test("BLAKE2b keyed known-answer tests, 64-byte output")
    func blake2bKeyed() throws {
        let text = try String(
            contentsOfFile: TestFiles.path("Tests/Fixtures/crypto/blake2b-keyed-kat.txt"),
            encoding: .utf8
        )
        var input: [UInt8]?
        var key: [UInt8]?
        var checked = 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            // The upstream file ends with "ok" glued to its last hash; hashes are 128 hex digits.
            let value = try #require(Hex.decode(parts[0] == "hash:" ? parts[1].prefix(128) : parts[1]))
            switch parts[0] {
            case "in:": input = value
            case "key:": key = value
            case "hash:":
                #expect(Blake2b.hash(try #require(input), key: try #require(key), outputCount: 64) == value)
                checked += 1
            default: break
            }
        }
        #expect(checked == 256)
    }

    @Test("A signing key never shows its secret when printed, dumped or reflected")
    func secretStaysHidden() {
        let key = TestKeys.techLeaders
        let seedHex = Hex.encode(key.seed)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [String(describing: key), String(reflecting: key), "\(key)", dumped] {
            #expect(!text.contains(seedHex))
            #expect(text.contains(key.publicKey.hex))
        }
    }
}

private struct WycheproofFile: Decodable {
    struct Group: Decodable {
        struct Key: Decodable { let pk: String }
        let publicKey: Key
        let tests: [Case]
    }

    struct Case: Decodable {
        let tcId: Int
        let msg: String
        let sig: String
        let result: String
        let flags: [String]
    }

    let numberOfTests: Int
    let testGroups: [Group]
}
