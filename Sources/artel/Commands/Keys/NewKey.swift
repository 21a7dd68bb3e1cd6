public import ArgumentParser
import ArtelCore
public import ArtelStore

struct NewKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Make a new key and store it.",
        discussion: "Example:\n  artel keys new --role author anna-editor"
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "What the key is for: node, community, author or subject.")
    var role: KeyRole = .author

    @Argument(help: "A name for the key: letters, digits, -, _ and .")
    var name: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let entry = try node.directory.keys.create(name: name, role: role)
        output.emit(
            "\(entry.name)  \(entry.role.rawValue)  \(entry.publicKey.hex)",
            json: KeyPrinter.json(entry)
        )
    }
}

extension KeyRole: ExpressibleByArgument {}
