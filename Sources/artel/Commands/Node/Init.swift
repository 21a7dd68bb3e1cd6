import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new node: a data directory with a node key and an empty replica.",
        discussion: """
            Examples:
              artel init --name tech-leaders-msk
              artel init --data /srv/artel --name association-node
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "A name for this node, shown to its peers.")
    var name: String = ProcessInfo.processInfo.hostName

    @Flag(help: "Succeed without changes when the directory already holds a node.")
    var ifMissing = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        // Peers refuse a hello whose node name is longer (protocol/wire.md §4).
        guard !name.isEmpty, name.utf8.count <= 200 else {
            throw ValidationError(
                "--name must be 1 to 200 bytes of UTF-8; \"\(name.prefix(40))…\" is \(name.utf8.count)"
            )
        }
    }

    func run() async throws {
        let path = global.resolvedDataPath
        if ifMissing && DataDirectory.isInitialized(at: path) {
            output.emit(
                "A node already lives in \(path).",
                json: .object([("data", .string(path)), ("created", .bool(false))])
            )
            return
        }
        let (_, key, replica) = try DataDirectory.initialize(at: path, nodeName: name)
        try replica.close()
        output.emit(
            """
            Initialized node "\(name)" in \(path)
              node key   \(key.publicKey.hex)
              API token  \(path)/\(APIToken.fileName)  (for writes over the HTTP API; keep it secret)
            Next: artel community create --name "…"  (makes a community and its key)
            """,
            json: .object([
                ("data", .string(path)), ("created", .bool(true)), ("name", .string(name)),
                ("node_key", .string(key.publicKey.hex)), ("api_token_file", .string("\(path)/\(APIToken.fileName)")),
            ])
        )
    }
}
