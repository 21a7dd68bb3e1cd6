import ArtelCore
import ArtelStore
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// `GET /api/v1/changes` and `GET /api/v1/changes/{kind}`: a Server-Sent Events stream of the records
/// that change, for sites and bots.
///
/// Each event is one record at its newest stored delta: `id` is that delta's row in the replica (send
/// it back as `Last-Event-ID`, or `after`, to resume after a disconnect), `event` is `change`, and
/// `data` is `{"kind", "id", "community", "deleted", "record"}`. The stream of every kind takes `kind`
/// (repeatable; every kind when absent) and the filters every kind takes (`community`, `visibility`,
/// `hidden`); the stream of one kind takes all the filters of its list. Filters are checked on the
/// record as it is when it changes. A deleted record has no fields left to filter, so its deletion is sent to every
/// stream of its kind and community. Without the token, only public records are sent (and deletions
/// of the kinds that are public unless they say otherwise). A comment line every 15 seconds keeps
/// proxies from closing a quiet stream.
struct ChangeRoutes {
    let context: APIContext

    /// How often the stream looks for new deltas.
    static let pollInterval = Duration.milliseconds(100)
    /// How long a quiet stream waits before it sends a keep-alive comment.
    static let keepAlive = Duration.seconds(15)
    /// The most deltas looked at in one step.
    static let batch = 500

    func register(on router: Router<APIRequestContext>) {
        router.get("api/v1/changes") { request, _ in try await stream(request, of: nil) }
        router.get("api/v1/changes/:kind") { request, route in
            try await stream(request, of: try KindPath.kind(route.parameters.get("kind")))
        }
    }

    /// The stream of every kind (`kind` narrows it; only the filters every kind takes), or of one
    /// kind with all of its filters.
    private func stream(_ request: Request, of fixedKind: RecordKind?) async throws -> Response {
        let parameters = request.uri.formParameters
        let authorized = context.isAuthorized(request.headers[.authorization])
        var queries: [RecordKind: RecordQuery] = [:]
        let kinds: [RecordKind]
        if let fixedKind {
            kinds = [fixedKind]
        } else {
            kinds =
                parameters[values: "kind"].isEmpty
                ? KindPath.all.map(\.kind) : try parameters[values: "kind"].map { try KindPath.kind(String($0)) }
            if let filter = parameters.first(where: { RecordFilters.kindFilters.contains(String($0.key)) }) {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "\(filter.key) filters one kind: stream /api/v1/changes/{kind} (such as /api/v1/changes/jobs) to use it"
                )
            }
        }
        for kind in kinds {
            var query = try await RecordFilters.query(
                kind,
                parameters,
                replica: context.replica,
                extra: fixedKind == nil ? ["kind", "after"] : ["after"],
                authorized: authorized
            )
            // A kind that a filter does not apply to is refused here, before the stream starts.
            try context.replica.check(query)
            // Each event asks for its one record; paging does not apply to a stream.
            query.limit = 1
            query.offset = 0
            queries[kind] = query
        }
        // Both are checked, though the header wins when both are given. `after` is a number up to
        // 2⁶³ − 1; the header, which a browser echoes, is any run of digits, and one past every row
        // resumes after everything.
        var rows: [Int64] = []
        for (resume, isHeader) in [
            (request.headers[HTTPField.Name("Last-Event-ID")!], true), (parameters["after"].map(String.init), false),
        ] {
            guard let resume else { continue }
            let isWhole = !resume.isEmpty && resume.utf8.allSatisfy { (0x30...0x39).contains($0) }
            guard let row = Int64(resume) ?? (isHeader && isWhole ? Int64.max : nil), row >= 0 else {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "Last-Event-ID and after take an event id, a whole number, not \"\(resume.prefix(40))\""
                )
            }
            rows.append(row)
        }
        let start: Int64
        if let row = rows.first { start = row } else { start = try await context.replica.lastChangeRow() }
        let communities = queries.values.first?.communities ?? []
        let (replica, lifecycle, filters) = (context.replica, context.lifecycle, queries)
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                var last = start
                var quietSince = ContinuousClock.now
                while !lifecycle.isStopping && !Task.isCancelled {
                    let (changes, seen) = try await replica.recordChanges(
                        after: last,
                        kinds: kinds,
                        communities: communities,
                        limit: Self.batch
                    )
                    var text = ""
                    for change in changes {
                        guard let query = filters[change.kind],
                            let event = try await Self.event(
                                change,
                                query: query,
                                authorized: authorized,
                                replica: replica
                            )
                        else { continue }
                        text += event
                    }
                    last = seen
                    if !text.isEmpty {
                        try await writer.write(ByteBuffer(string: text))
                        quietSince = .now
                    } else if ContinuousClock.now - quietSince >= Self.keepAlive {
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        quietSince = .now
                    }
                    if changes.isEmpty { try await Task.sleep(for: Self.pollInterval) }
                }
                try await writer.finish(nil)
            }
        )
    }

    /// The event for a changed record, or `nil` when the stream's filters leave it out.
    private static func event(
        _ change: RecordChange,
        query: RecordQuery,
        authorized: Bool,
        replica: Replica
    ) async throws -> String? {
        let (kind, reference) = (change.kind, change.reference)
        var data: [(String, JSON)] = [
            ("kind", .string(kind.name)), ("id", .string(reference.record.hex)),
            ("community", .string(reference.community.hex)),
        ]
        var matching = query
        matching.records = [reference.record]
        matching.communities = [reference.community]
        if let view = try await replica.list(matching).first {
            data += [("deleted", .bool(false)), ("record", RecordJSON.record(view))]
        } else {
            // Left out by the filters, or deleted: only a deletion is sent.
            guard try await replica.record(kind, reference)?.state.isDeleted == true else { return nil }
            let publicUnlessSaid: Set<RecordKind> = [.job, .event, .digest, .community]
            guard authorized || publicUnlessSaid.contains(kind) else { return nil }
            data += [("deleted", .bool(true)), ("record", .null)]
        }
        return "id: \(change.row)\nevent: change\ndata: \(JSON.object(data).compact)\n\n"
    }
}
