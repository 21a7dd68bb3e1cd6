public import ArtelCore

/// How a calendar event and an Artel `event` record map onto each other.
extension CalendarEvent {
    private static let schema = RecordKind.event.schema
    private static func field(_ name: String) -> FieldID { schema[name].id }

    /// The fields an iCalendar import writes: a field the source no longer has is cleared.
    public static let importedFields: Set<FieldID> = Set(
        [
            "title", "description", "start", "end", "timezone", "all_day", "place.name", "registration_url", "status",
            "sequence", "recurrence", "attendance", "online_urls",
        ].map(field)
    )

    /// The record an imported event becomes: the record itself when Artel wrote the UID
    /// (`<record id>@artel`), else an id derived from the UID, so that importing the same feed
    /// again finds the same records.
    public var recordID: RecordID {
        let parts = uid.split(separator: "@")
        if parts.count == 2, parts[1] == "artel", let own = RecordID(hex: parts[0]), own.isGenerated { return own }
        return RecordID.derived(label: "artel/import/ical/v1", from: Array(uid.utf8))
    }

    /// The UID Artel writes for a record.
    public static func uid(of record: RecordID) -> String { "\(record.hex)@artel" }

    /// The operations that give an event record this event's values, trimmed to what the fields
    /// allow (a title is one line of at most 200 characters; URLs other than http and https are left
    /// out; a recurrence longer than 1 000 characters loses its oldest exceptions).
    public var operations: [Operation] {
        var operations: [Operation] = [
            .set(Self.field("title"), .string(Self.line(summary, limit: 200))),
            .set(Self.field("start"), .timestamp(start)),
        ]
        func set(_ name: String, _ value: Value?) {
            if let value { operations.append(.set(Self.field(name), value)) }
        }
        set("description", description.map { .string(String($0.prefix(20_000))) })
        set("end", end.map { .timestamp($0) })
        set("timezone", timeZone.map { .string($0) })
        set("all_day", allDay ? .boolean(true) : nil)
        set("place.name", location.map { .string(Self.line($0, limit: 200)) })
        set("registration_url", url.flatMap(Self.webURL).map { .string($0) })
        set("status", status.map { .string($0) })
        // SEQUENCE 0 is the default of RFC 5545: an event that never changed carries none.
        set("sequence", sequence.flatMap { $0 > 0 ? .integer(min($0, Int64(Int32.max))) : nil })
        set("recurrence", recurrence.map { .string(Self.fitting($0)) })
        set("attendance", attendance.map { .string($0) })
        for link in Set(onlineURLs.compactMap(Self.webURL)).sorted() {
            operations.append(.add(Self.field("online_urls"), .string(link)))
        }
        return operations
    }

    /// The event a record shows, for export; `nil` for a record without title or start.
    public init?(record: RecordID, state: RecordState) {
        guard case .string(let title)? = state.value(of: Self.field("title")),
            case .timestamp(let start)? = state.value(of: Self.field("start"))
        else { return nil }
        func text(_ name: String) -> String? {
            if case .string(let value)? = state.value(of: Self.field(name)) { value } else { nil }
        }
        self.init(uid: Self.uid(of: record), summary: title, start: start)
        allDay = state.value(of: Self.field("all_day")) == .boolean(true)
        if case .timestamp(let end)? = state.value(of: Self.field("end")) { self.end = end }
        description = text("description")
        timeZone = text("timezone")
        location =
            [text("place.name"), text("place.address"), text("place.city")].compactMap { $0 }
            .joined(separator: ", ").nonEmpty
        url = text("registration_url")
        status = text("status")
        recurrence = text("recurrence").flatMap(Recurrence.init(text:))
        attendance = text("attendance")
        onlineURLs = state.elements(of: Self.field("online_urls")).compactMap {
            if case .string(let link) = $0 { link } else { nil }
        }
        .sorted()
        if case .integer(let number)? = state.value(of: Self.field("sequence")) { sequence = number }
        updated = state.updated.map { Int64($0.milliseconds) }
    }

    private static func line(_ text: String, limit: Int) -> String {
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return single.count <= limit ? single : String(single.prefix(limit - 1)) + "…"
    }

    /// The recurrence's text within the field's 1 000 characters: the oldest exceptions go first.
    private static func fitting(_ recurrence: Recurrence) -> String {
        var recurrence = recurrence
        recurrence.exceptions.sort()
        while recurrence.text.count > 1_000 && !recurrence.exceptions.isEmpty { recurrence.exceptions.removeFirst() }
        while recurrence.text.count > 1_000 && !recurrence.additions.isEmpty { recurrence.additions.removeFirst() }
        return String(recurrence.text.prefix(1_000))
    }

    private static func webURL(_ text: String) -> String? {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? text : nil
    }
}
