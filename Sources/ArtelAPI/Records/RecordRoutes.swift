import ArtelCore
import ArtelNode
import ArtelStore
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `/api/v1/{kind}`: lists, single records with their history, and signed writes.
struct RecordRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        let records = router.group("api/v1")
        records.get(":kind") { request, route in try await list(request, route) }
        records.get(":kind/:id") { request, route in try await show(request, route) }
        records.post(":kind") { request, route in try await create(request, route) }
        records.patch(":kind/:id") { request, route in try await edit(request, route) }
        records.delete(":kind/:id") { request, route in try await delete(request, route) }
        records.post(":kind/:id/renew") { request, route in try await renew(request, route) }
    }

    // MARK: Reads

    /// `GET /api/v1/{kind}`: a page of records matching the filters, in the kind's stable order.
    private func list(_ request: Request, _ route: APIRequestContext) async throws -> Response {
        let kind = try KindPath.kind(route.parameters.get("kind"))
        var query = try await RecordFilters.query(
            kind,
            request.uri.formParameters,
            replica: context.replica,
            extra: ["total", "sort"],
            authorized: context.isAuthorized(request.headers[.authorization])
        )
        // A job list shows open jobs unless a status is asked for, as `artel list jobs` and the feeds do:
        // filled, closed and expired ones stay out.
        if kind == .job, request.uri.formParameters["status"] == nil { query.openAt = Int64(WallClock.now) }
        // Counting every match costs a pass over all of them; a page alone stops after its rows.
        let counting: Bool
        switch request.uri.formParameters["total"] {
        case nil, "true": counting = true
        case "false": counting = false
        case let other?:
            throw APIError(.badRequest, "invalid_parameter", "total must be true or false, not \"\(other.prefix(40))\"")
        }
        let (views, total): ([RecordView], Int?) =
            counting ? try await context.replica.page(query) : (try await context.replica.list(query), nil)
        var next: JSON = .null
        if total.map({ query.offset + views.count < $0 }) ?? (views.count == query.limit) {
            var items = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("offset=") }.map(
                String.init
            )
            items.append("offset=\(query.offset + views.count)")
            next = .string("\(request.uri.path)?" + items.joined(separator: "&"))
        }
        return Responses.json(
            .object([
                ("items", .array(views.map(RecordJSON.record))), ("total", total.map { .number(Int64($0)) } ?? .null),
                ("limit", .number(Int64(query.limit))), ("offset", .number(Int64(query.offset))), ("next", next),
            ])
        )
    }

    /// `GET /api/v1/{kind}/{id}`: a record and the deltas it keeps (who changed which field, when).
    private func show(_ request: Request, _ route: APIRequestContext) async throws -> Response {
        let kind = try KindPath.kind(route.parameters.get("kind"))
        try checkParameters(request, allowed: [])
        let record = try await stored(
            kind,
            route.parameters.get("id"),
            publicOnly: !context.isAuthorized(request.headers[.authorization])
        )
        // A deleted record is gone (410), though the token still shows its delete while it is kept.
        return Responses.json(
            .object([
                ("record", record.view.map(RecordJSON.record) ?? .null), ("deleted", .bool(record.state.isDeleted)),
                ("history", .array(record.deltas.map { RecordJSON.delta($0, kind: kind) })),
            ]),
            status: record.state.isDeleted ? .gone : .ok
        )
    }

    // MARK: Writes

    /// `POST /api/v1/{kind}`: a new record in a community, signed with the community's key or `author`.
    private func create(_ request: Request, _ route: APIRequestContext) async throws -> Response {
        try context.requireToken(request.headers[.authorization], for: "writes")
        let kind = try KindPath.kind(route.parameters.get("kind"))
        guard kind != .community else {
            var refusal = APIError(
                .methodNotAllowed,
                "create_community_locally",
                "a community is a key, which the API never makes: run `artel community create` on the node"
            )
            refusal.headers[.allow] = "GET, HEAD"
            throw refusal
        }
        let body = try await JSONBody.read(request, allowed: ["community", "author", "fields", "expires"])
        guard let communityText = try body.string("community") else {
            throw APIError(.unprocessableContent, "invalid_member", "community is missing: its key or its name")
        }
        let community = try await communityKey(communityText)
        var operations = try FieldValues.operations(kind, fields: body.members["fields"], creating: true)
        let expires = try expiry(body)
        let now = WallClock.now
        // A job is posted when it is made unless the body says otherwise, as `artel job post` does.
        let posted = RecordKind.job.schema["date_posted"].id
        if kind == .job && !operations.contains(where: { $0.field == posted }) {
            operations.append(.set(posted, .timestamp(Int64(now))))
        }
        let record = try Self.recordID(kind, operations, now: now)
        let delta = try await publisher(for: community, author: try body.string("author")).create(
            kind,
            community: community,
            record: record,
            operations: operations,
            expiresAt: expires,
            now: now
        )
        return try await written(kind, Reference(community: community, record: record), delta, status: .created)
    }

    /// `PATCH /api/v1/{kind}/{id}`: changes some fields.
    private func edit(_ request: Request, _ route: APIRequestContext) async throws -> Response {
        try context.requireToken(request.headers[.authorization], for: "writes")
        let kind = try KindPath.kind(route.parameters.get("kind"))
        let body = try await JSONBody.read(request, allowed: ["author", "fields", "clear", "remove"])
        // The body is checked before the record, so that a malformed body is refused as such.
        let operations = try FieldValues.operations(
            kind,
            fields: body.members["fields"],
            clear: body.members["clear"],
            remove: body.members["remove"],
            creating: false
        )
        let record = try await live(kind, route.parameters.get("id"))
        let delta = try await publisher(for: record.community, author: try body.string("author"))
            .edit(record, operations: operations, now: WallClock.now)
        return try await written(kind, record.reference, delta, status: .ok)
    }

    /// `POST /api/v1/{kind}/{id}/renew`: republishes the record with a later expiry.
    private func renew(_ request: Request, _ route: APIRequestContext) async throws -> Response {
        try context.requireToken(request.headers[.authorization], for: "writes")
        let kind = try KindPath.kind(route.parameters.get("kind"))
        let body = try await JSONBody.read(request, allowed: ["author", "expires"], optional: true)
        let expires = try expiry(body)
        let author = try body.string("author")
        let record = try await live(kind, route.parameters.get("id"))
        let delta = try await publisher(for: record.community, author: author)
            .renew(record, expiresAt: expires, now: WallClock.now)
        return try await written(kind, record.reference, delta, status: .ok)
    }

    /// `DELETE /api/v1/{kind}/{id}`: deletes the record for good.
    private func delete(_ request: Request, _ route: APIRequestContext) async throws -> Response {
        try context.requireToken(request.headers[.authorization], for: "writes")
        let kind = try KindPath.kind(route.parameters.get("kind"))
        try checkParameters(request, allowed: ["author"])
        let record = try await live(kind, route.parameters.get("id"))
        let author = request.uri.formParameters["author"].map(String.init)
        let delta = try await publisher(for: record.community, author: author)
            .delete(record, now: WallClock.now)
        return Responses.json(
            .object([
                ("deleted", .bool(true)), ("id", .string(record.id.hex)), ("delta", .string(delta.id.hex)),
            ])
        )
    }

    // MARK: Helpers

    private func checkParameters(_ request: Request, allowed: Set<String>) throws {
        for (name, _) in request.uri.formParameters where !allowed.contains(String(name)) {
            throw APIError(.badRequest, "unknown_parameter", "there is no parameter \"\(name)\" here")
        }
    }

    /// The answer to a write: the record as it is now, and the delta that changed it.
    private func written(
        _ kind: RecordKind,
        _ reference: Reference,
        _ delta: SignedDelta,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let view = try await context.replica.record(kind, reference)?.view
        var response = Responses.json(
            .object([("record", view.map(RecordJSON.record) ?? .null), ("delta", .string(delta.id.hex))]),
            status: status
        )
        response.headers[.location] = "/api/v1/\(KindPath.segment(kind))/\(reference.record.hex)"
        return response
    }

    /// A stored record by a unique prefix of its id (at least 8 hex digits); with `publicOnly`, a
    /// public one.
    private func stored(_ kind: RecordKind, _ id: String?, publicOnly: Bool = false) async throws -> StoredRecord {
        let reference = try await RecordLookup.reference(
            kind,
            id ?? "",
            in: context.replica,
            publicOnly: publicOnly,
            malformed: APIError(
                .badRequest,
                "invalid_id",
                "a record id is 32 hex digits (or a unique prefix of at least 8), not \"\((id ?? "").prefix(40))\""
            )
        )
        guard let record = try await context.replica.record(kind, reference) else {
            throw RecordLookup.notFound(kind, id ?? "")
        }
        return record
    }

    /// A record that is not deleted, to write to.
    private func live(_ kind: RecordKind, _ id: String?) async throws -> StoredRecord {
        let record = try await stored(kind, id)
        guard !record.state.isDeleted else {
            throw APIError(.gone, "deleted", "the \(kind) \(record.id.hex) has been deleted")
        }
        return record
    }

    /// A community by its key in hex or its name.
    private func communityKey(_ text: String) async throws -> PublicKey {
        if let key = PublicKey(hex: text.lowercased()) { return key }
        let names = try await PublicListings.communityNames(context.replica)
        let named = names.filter { $0.value.lowercased() == text.lowercased() }.map(\.key)
        guard named.count == 1 else {
            throw APIError(
                named.isEmpty ? .unprocessableContent : .conflict,
                named.isEmpty ? "unknown_community" : "ambiguous",
                named.isEmpty
                    ? "no community is named \"\(text.prefix(64))\"; give its name or its key in hex"
                    : "\(named.count) communities are named \"\(text)\"; give the key instead"
            )
        }
        return named[0]
    }

    /// The publisher for a community: the named author key, else the community's own key. The
    /// API takes key names only, never keys.
    private func publisher(for community: PublicKey, author: String?) async throws -> Publisher {
        let keys = context.directory.keys
        if let author {
            guard let entry = try keys.entry(named: author), entry.role != .node else {
                throw APIError(
                    .forbidden,
                    "unknown_author",
                    "this node holds no author key named \"\(author.prefix(64))\"; see `artel keys list`"
                )
            }
            return Publisher(replica: context.replica, key: try keys.load(entry.name).1)
        }
        guard let key = try keys.signingKey(for: community) else {
            throw APIError(
                .forbidden,
                "no_signing_key",
                "this node does not hold the community's key; name a granted author key in \"author\""
            )
        }
        return Publisher(replica: context.replica, key: key)
    }

    /// A new record's id: generated, or derived from its fields for kinds whose id is (DESIGN §3).
    private static func recordID(
        _ kind: RecordKind,
        _ operations: [ArtelCore.Operation],
        now: UInt64
    ) throws -> RecordID {
        func value(_ name: String) -> Value? {
            let field = kind.schema[name].id
            return operations.lazy.compactMap { operation -> Value? in
                if case .set(field, let value) = operation { return value }
                return nil
            }.first
        }
        switch kind.schema.identity {
        case .membership:
            guard case .reference(let person)? = value("person"), case .reference(let community)? = value("community")
            else { throw APIError(.unprocessableContent, "invalid_field", "a membership needs person and community") }
            return RecordID.membership(person: person, community: community)
        case .tie:
            guard case .reference(let from)? = value("from"), case .reference(let to)? = value("to"),
                case .string(let type)? = value("type")
            else { throw APIError(.unprocessableContent, "invalid_field", "a tie needs from, to and type") }
            return RecordID.tie(from: from, to: to, type: type)
        default:
            return Publisher.newRecordID(now: now)
        }
    }

    private func expiry(_ body: JSONBody) throws -> UInt64? {
        guard let text = try body.string("expires") else { return nil }
        guard let (milliseconds, _) = ISODates.read(text), milliseconds > 0 else {
            throw APIError(
                .unprocessableContent,
                "invalid_member",
                "expires must be an ISO 8601 time such as 2027-01-31T00:00:00Z"
            )
        }
        return UInt64(milliseconds)
    }
}
