import ArgumentParser
import ArtelCore
import ArtelStore

struct ListKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stored keys: name, role and public key (never the secret).",
        discussion: "Example:\n  artel keys list --json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let keys = try node.directory.keys.list()
        if output.json {
            print(JSON.array(keys.map(KeyPrinter.json)).rendered)
        } else {
            print(Table.render(keys.map { [$0.name, $0.role.rawValue, $0.publicKey.hex] }, limit: 80))
        }
    }
}

/// Stored keys as JSON: name, role and public key, never the secret.
enum KeyPrinter {
    static func json(_ key: KeyEntry) -> JSON {
        .object([
            ("name", .string(key.name)), ("role", .string(key.role.rawValue)), ("public", .string(key.publicKey.hex)),
        ])
    }
}
