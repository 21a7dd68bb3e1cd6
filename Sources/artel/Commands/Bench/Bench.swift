import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure this machine: signature limits, the replica's apply rate, and sync between nodes.",
        subcommands: [
            BenchApply.self, BenchSync.self, BenchFormats.self, BenchTelegram.self, BenchAPI.self, BenchStats.self,
        ]
    )
}
