import ArgumentParser
import ArtelCore
import ArtelStore

struct ImportKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add a key from a key file made by `artel keys export`.",
        discussion: "Example:\n  artel keys import /media/usb/community.key --name tech-leaders"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The key file; it must be private (chmod 600).")
    var file: String

    @Option(help: "The name to store it under (default: the name in the file).")
    var name: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let entry = try node.directory.keys.importKey(from: file, as: name)
        output.emit(
            "Imported \(entry.name)  \(entry.role.rawValue)  \(entry.publicKey.hex)",
            json: KeyPrinter.json(entry)
        )
    }
}
