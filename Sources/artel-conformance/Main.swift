import ArtelCore
import ArtelSync
import Foundation

/// `artel-conformance`: adapters that speak the exact I/O contracts of DESIGN §9, so that
/// independent implementations and test suites can be run against Artel's protocol code.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "negentropy" where arguments.count == 1:
            NegentropyAdapter.run()
        case "shs1-server" where arguments.count == 4:
            exit(SHS1Adapter.server(networkKey: arguments[1], secret: arguments[2], publicKey: arguments[3]))
        case "shs1-client" where arguments.count == 3:
            exit(SHS1Adapter.client(networkKey: arguments[1], server: arguments[2]))
        default:
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
    }

    static let usage = """
        usage: artel-conformance negentropy
               artel-conformance shs1-server <network key hex> <secret key hex (64 bytes)> <public key hex>
               artel-conformance shs1-client <network key hex> <server public key hex>

        """
}
