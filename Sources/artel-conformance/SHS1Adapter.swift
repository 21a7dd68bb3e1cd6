import ArtelCore
import ArtelSync
import Foundation

/// The Secret Handshake conformance contract over standard input and output: the four messages,
/// then the 112-byte outcome (encryption key and nonce, decryption key and nonce).
enum SHS1Adapter {
    static func server(networkKey: String, secret: String, publicKey: String) -> Int32 {
        guard let network = NetworkKey(hex: networkKey), let secretBytes = Hex.decode(secret), secretBytes.count == 64,
            let identity = SigningKey(seed: secretBytes.prefix(32)), identity.publicKey == PublicKey(hex: publicKey)
        else { return 2 }
        var server = HandshakeServer(networkKey: network, identity: identity)
        do {
            write(try server.onClientHello(try read(64)))
            let (accept, keys) = try server.onClientAuthenticate(try read(112))
            write(accept)
            write(outcome(keys))
            return 0
        } catch {
            return 1
        }
    }

    static func client(networkKey: String, server: String) -> Int32 {
        guard let network = NetworkKey(hex: networkKey), let serverKey = PublicKey(hex: server) else { return 2 }
        var client = HandshakeClient(networkKey: network, identity: .generate(), server: serverKey)
        do {
            write(client.hello())
            write(try client.onServerHello(try read(64)))
            write(outcome(try client.onServerAccept(try read(80))))
            return 0
        } catch {
            return 1
        }
    }

    private static func outcome(_ keys: SessionKeys) -> [UInt8] {
        keys.encryptKey.bytes + keys.encryptNonce + keys.decryptKey.bytes + keys.decryptNonce
    }

    private struct ShortInput: Error {}

    private static func read(_ count: Int) throws -> [UInt8] {
        let data = FileHandle.standardInput.readData(ofLength: count)
        guard data.count == count else { throw ShortInput() }
        return [UInt8](data)
    }

    private static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
