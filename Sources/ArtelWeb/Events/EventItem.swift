public import ArtelCore
public import ArtelFormats
import ArtelStore

/// A public event as the site shows it: the event as calendars read it (``CalendarEvent``, one
/// occurrence of a series in lists), with the fields calendars have no place for, and the community
/// that published it.
public struct EventItem: Sendable {
    /// The record.
    public let id: RecordID
    /// The community that published it, its organiser.
    public let community: PublicKey
    /// The community's name, when the replica knows it.
    public let communityName: String?
    /// The event, or one occurrence of it (``CalendarEvent/isOccurrence``).
    public var event: CalendarEvent
    /// webinar, meetup, mastermind, workshop, conference or other.
    public let type: String?
    /// The venue's name.
    public let placeName: String?
    /// The venue's address.
    public let placeAddress: String?
    /// The venue's city.
    public let placeCity: String?
    /// The venue's country.
    public let placeCountry: String?
    /// The price, as text.
    public let price: String?
    /// The number of places.
    public let capacity: Int64?
    /// The language it is held in, a tag such as `ru`.
    public let language: String?
    /// Its tags, sorted.
    public let tags: [String]

    /// The event a stored record shows; `nil` for a record without title or start.
    public init?(id: RecordID, community: PublicKey, state: RecordState, communityName: String?) {
        guard let event = CalendarEvent(record: id, state: state) else { return nil }
        let view = RecordView(kind: .event, community: community, id: id, state: state)
        self.id = id
        self.community = community
        self.communityName = communityName
        self.event = event
        type = view.string("type")
        placeName = view.string("place.name")
        placeAddress = view.string("place.address")
        placeCity = view.string("place.city")
        placeCountry = view.string("place.country")
        price = view.string("price")
        if case .single(.integer(let places))? = view.value(of: "capacity") {
            capacity = places
        } else {
            capacity = nil
        }
        language = view.string("language")
        if case .set(let values)? = view.value(of: "tags") {
            tags = values.compactMap { if case .string(let tag) = $0 { tag } else { nil } }.sorted()
        } else {
            tags = []
        }
    }

    /// Whether the record repeats (its ``event`` may be one occurrence).
    public var repeats: Bool { event.recurrence != nil || event.isOccurrence }

    /// The event's occurrences that overlap a window (``CalendarEvent/occurrences(from:through:limit:)``),
    /// each an item of its own; the event itself when it does not repeat and overlaps it.
    public func occurrences(from: Int64, through: Int64) -> [EventItem] {
        event.occurrences(from: from, through: through).map { occurrence in
            var item = self
            item.event = occurrence
            return item
        }
    }

    /// The occurrences of many events in a window, by start.
    public static func occurrences(_ items: [EventItem], from: Int64, through: Int64) -> [EventItem] {
        items.flatMap { $0.occurrences(from: from, through: through) }.sorted {
            ($0.event.start, $0.event.uid) < ($1.event.start, $1.event.uid)
        }
    }

    /// The event's page on the site.
    public var href: String { "/events/\(id.hex)" }
}
