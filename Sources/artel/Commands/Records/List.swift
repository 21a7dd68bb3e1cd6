import ArgumentParser
import ArtelCore
import ArtelStore

struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List jobs, events, people, communities, digests, memberships or ties, with filters.",
        discussion: """
            Filters are named after the fields they filter (--tags, --work-mode, --salary-currency).

            Examples:
              artel list jobs --query "комьюнити менеджер" --work-mode remote \\
                  --salary-min 60000 --salary-currency RUB
              artel list events --from 2026-12-01 --until 2026-12-31 --type meetup
              artel list people --community "Tech Leaders Moscow" --json
            """
    )

    /// What can be listed.
    enum Listable: String, ExpressibleByArgument, CaseIterable {
        case jobs, events, people, communities, digests, memberships, ties

        var kind: RecordKind {
            switch self {
            case .jobs: .job
            case .events: .event
            case .people: .person
            case .communities: .community
            case .digests: .digest
            case .memberships: .membership
            case .ties: .tie
            }
        }
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to list: \(Listable.allCases.map(\.rawValue).joined(separator: ", ")).")
    var what: Listable

    @OptionGroup var filters: ListFilters
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await ListPrinter.run(what.kind, global: global, filters: filters, output: output)
    }
}

/// Prints a list of records as a table or JSON.
enum ListPrinter {
    static func run(_ kind: RecordKind, global: GlobalOptions, filters: ListFilters, output: OutputOptions) async throws
    {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let query = try await filters.query(kind, resolver: resolver)
        let rendering = RecordRendering(communityNames: try await resolver.communityNames())
        if kind == .event && (query.from != nil || query.until != nil) {
            try await events(query, node: node, rendering: rendering, json: output.json)
            return
        }
        let views = try await node.replica.list(query)
        if output.json {
            print(JSON.array(views.map(RecordJSON.record)).rendered)
            return
        }
        guard !views.isEmpty else {
            print("No \(kind) records match.")
            return
        }
        print(Table.render(views.map { row($0, rendering: rendering) }))
        if views.count == query.limit { print("(first \(query.limit); use --limit and --offset for more)") }
    }

    /// One table row per record: its id, then what tells it apart.
    static func row(_ view: RecordView, rendering: RecordRendering) -> [String] {
        let date: (String) -> String = { name in
            if case .single(.timestamp(let moment)) = view.value(of: name) {
                return Moments.text(moment, dateOnly: true)
            }
            return "-"
        }
        let text: (String) -> String = { name in view.value(of: name).map { rendering.text($0) } ?? "-" }
        let community = rendering.communityName(view.community)
        switch view.kind {
        case .job:
            return [
                view.id.hex, date("date_posted"), text("title"), text("employer"), salary(view) ?? "-",
                text("work_mode"), community,
            ]
        case .event:
            var start = "-"
            if case .single(.timestamp(let moment)) = view.value(of: "start") {
                start = Moments.eventTime(moment, field: "start", of: view)
            }
            return [view.id.hex, start, text("title"), text("type"), text("attendance"), community]
        case .digest:
            var count = 0
            if case .single(.references(let items)) = view.value(of: "items") { count = items.count }
            return [view.id.hex, date("period_start"), text("title"), "\(count) jobs", community]
        case .community:
            return [view.community.hex, text("name"), text("kind"), text("area")]
        case .person:
            return [view.id.hex, text("display_name"), text("locality"), community]
        case .membership:
            return [view.id.hex, text("person"), text("roles"), community]
        case .tie:
            return [view.id.hex, text("from"), text("type"), text("to")]
        case .grant, .revocation:
            return [view.id.hex]
        }
    }

    /// A job's salary as `50000–80000 RUB/month`.
    static func salary(_ view: RecordView) -> String? {
        func number(_ name: String) -> Int64? {
            if case .single(.integer(let value)) = view.value(of: name) { return value }
            return nil
        }
        let low = number("salary_min")
        let high = number("salary_max")
        guard low != nil || high != nil else { return nil }
        var text =
            switch (low, high) {
            case (let low?, let high?) where low == high: "\(low)"
            case (let low?, let high?): "\(low)–\(high)"
            case (let low?, nil): "from \(low)"
            default: "up to \(high!)"
            }
        if let currency = view.string("salary_currency") { text += " \(currency)" }
        if let period = view.string("salary_period") { text += "/\(period)" }
        return text
    }
}
