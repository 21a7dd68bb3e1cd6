import ArgumentParser
import ArtelCore
import ArtelStore

struct ExportKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Copy a key to a new private file, or print its public half.",
        discussion: """
            The copy holds the secret key: move it to offline storage or another node, then delete it.

            Examples:
              artel keys export community-3d4017c3 --output /media/usb/community.key
              artel keys export community-3d4017c3 --public
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The key's name or a prefix of its public key.")
    var key: String

    @Option(help: "Where to write the key file (created with mode 0600; never overwritten).")
    var output: String?

    @Flag(help: "Print only the public key.")
    var `public` = false

    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard (output != nil) != `public` else { throw ValidationError("give either --output FILE or --public") }
    }

    func run() async throws {
        let node = try global.openNode()
        if `public` {
            let entry = try node.directory.keys.load(key).0
            format.emit(entry.publicKey.hex, json: KeyPrinter.json(entry))
        } else if let output {
            let entry = try node.directory.keys.export(key, to: output)
            guard case .object(var members) = KeyPrinter.json(entry) else { return }
            members.append(("file", .string(output)))
            format.emit(
                "Exported \(entry.name) (\(entry.publicKey.hex)) to \(output). It holds the secret key: keep it safe.",
                json: .object(members)
            )
        }
    }
}
