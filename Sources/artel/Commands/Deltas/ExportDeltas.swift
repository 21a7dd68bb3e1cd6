import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct ExportDeltas: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the kept deltas of this replica to a delta stream file.",
        discussion: """
            Another node can `artel apply` the file: every delta is verified again there.

            Example:
              artel export --community "Tech Leaders Moscow" --kind job --to jobs.deltas
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this community (name, key name or id prefix; repeatable).") var community: [String] = []
    @Option(help: "Only this record kind (repeatable).") var kind: [String] = []
    @Option(help: "The file to write; it must not exist.") var to: String

    func validate() throws {
        for name in kind where RecordKind(name: name) == nil {
            throw ValidationError(
                "--kind \(name) is not a record kind (\(RecordKind.allCases.map(\.name).joined(separator: ", ")))"
            )
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var communities: Set<PublicKey> = []
        for name in community { communities.insert(try await resolver.community(name)) }
        let kinds = Set(kind.compactMap { RecordKind(name: $0) })
        var deltas: [SignedDelta] = []
        for scope in try await node.replica.scopes()
        where (communities.isEmpty || communities.contains(scope.community))
            && (kinds.isEmpty || kinds.contains(scope.kind))
        {
            deltas += try await node.replica.deltas(in: scope)
        }
        guard !FileManager.default.fileExists(atPath: to) else {
            throw StoreError(.invalidInput, "\(to) already exists; choose a new file")
        }
        guard FileManager.default.createFile(atPath: to, contents: Data(DeltaStream.encode(deltas))) else {
            throw StoreError(.io, "cannot write \(to)")
        }
        print("Exported \(deltas.count) deltas to \(to)")
    }
}
