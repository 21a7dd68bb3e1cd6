import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure this machine: signature limits and the replica's apply rate.",
        subcommands: [BenchApply.self]
    )
}
