public import ArtelCore

extension DigestEntry {
    /// The digest field that keeps, for each item, the other listings of its vacancy.
    public static let alsoListedField = RecordKind.digest.schema["also_listed"].id

    /// The `also_listed` elements of some entries: `<item> <listing> <community name>`, the two
    /// references in their text form, one element per other listing.
    ///
    /// A digest record lists each vacancy once, by its shown job (`items`); these elements keep
    /// where else it was listed, with the name the community had when the digest was published,
    /// so that a reader who holds neither the other jobs nor their communities still sees them.
    /// - Parameter entries: the composed entries.
    /// - Returns: the elements, at most 400 characters each (a name is clipped).
    public static func alsoListedElements(_ entries: [DigestEntry]) -> [String] {
        entries.flatMap { entry in
            entry.alsoListed.map { other in
                let head = "\(entry.job.reference) \(other.reference)"
                guard let name = other.communityName?.singleLine, !name.isEmpty else { return head }
                return head + " " + name.clipped(to: 400 - head.count - 1)
            }
        }
    }

    /// Reads `also_listed` elements back, by item; elements that do not read as two references
    /// (a newer or a foreign writer's) are skipped.
    /// - Parameter elements: the field's elements.
    /// - Returns: the other listings of each item, by community name and id.
    public static func alsoListed(from elements: [String]) -> [Reference: [Listing]] {
        var listings: [Reference: [Listing]] = [:]
        for element in elements {
            let parts = element.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2, let item = Reference(text: parts[0]), let other = Reference(text: parts[1])
            else { continue }
            let name = parts.count == 3 && !parts[2].isEmpty ? String(parts[2]) : nil
            listings[item, default: []].append(
                Listing(id: other.record, community: other.community, communityName: name)
            )
        }
        return listings.mapValues { $0.sorted { ($0.communityName ?? "", $0.id) < ($1.communityName ?? "", $1.id) } }
    }
}

extension JobListing {
    /// The job as a reference.
    public var reference: Reference { Reference(community: community, record: id) }
}

extension DigestEntry {
    /// The operations of a new digest record listing `entries` in their order, as `artel digest
    /// publish` and the editor's digest page write one.
    ///
    /// - Parameters:
    ///   - title: the digest's title.
    ///   - period: the days it covers, Unix ms.
    ///   - tags: its tags, without `#`.
    public static func recordOperations(
        _ entries: [DigestEntry],
        title: String,
        period: (start: Int64, end: Int64),
        tags: [String] = []
    ) -> [Operation] {
        let schema = RecordKind.digest.schema
        let items = entries.map { Reference(community: $0.job.community, record: $0.job.id) }
        return [
            .set(schema["title"].id, .string(title)),
            .set(schema["period_start"].id, .timestamp(period.start)),
            .set(schema["period_end"].id, .timestamp(period.end)),
            .set(schema["items"].id, .references(items)),
        ]
            + Set(tags).sorted().map { .add(schema["tags"].id, .string($0)) }
            + Set(alsoListedElements(entries)).sorted().map { .add(alsoListedField, .string($0)) }
    }
}
