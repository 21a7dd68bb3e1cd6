import ArtelStore

/// What a benchmark prints: its report line by line, or with `--json` one JSON object of the same
/// figures at the end, for scripts that track them from run to run.
final class BenchOutput {
    /// Whether the figures are printed as JSON.
    let json: Bool
    private var figures: [(String, JSON)] = []

    /// An output in the form `options` asks for.
    init(_ options: OutputOptions) {
        json = options.json
    }

    /// Prints a line of the text report; nothing with `--json`.
    func say(_ line: String) {
        if !json { print(line) }
    }

    /// Keeps a figure for the JSON object, under `key`, in the order given.
    func record(_ key: String, _ value: JSON) {
        figures.append((key, value))
    }

    /// Prints the JSON object of the figures kept, with `--json`.
    func finish() {
        if json { print(JSON.object(figures).rendered) }
    }

    /// A rate per second as the text prints it, whole.
    static func rate(_ perSecond: Double) -> JSON {
        .number(perSecond.isFinite ? Int64(perSecond.rounded()) : 0)
    }

    /// Seconds, to the millisecond.
    static func seconds(_ seconds: Double) -> JSON {
        .decimal(seconds, digits: 3)
    }

    /// Milliseconds, to the hundredth.
    static func milliseconds(_ milliseconds: Double) -> JSON {
        .decimal(milliseconds, digits: 2)
    }

    /// A ratio, to the hundredth.
    static func ratio(_ ratio: Double) -> JSON {
        .decimal(ratio, digits: 2)
    }

    /// A whole count.
    static func count(_ count: Int) -> JSON {
        .number(Int64(count))
    }
}
