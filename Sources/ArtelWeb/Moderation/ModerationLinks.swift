import ArtelCore

/// The link a moderator sees in the header of a job's or an event's public page, to the page that
/// blocks its author or community, or hides it.
enum ModerationLinks {
    /// The moderation page of the record a public page shows, `nil` on any other page.
    ///
    /// - Parameter path: the public page's path, `/jobs/{id}` or `/events/{id}`.
    static func record(onPage path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, ["jobs", "events"].contains(parts[0]), RecordID(hex: String(parts[1])) != nil else {
            return nil
        }
        return "/moderation/records/\(parts[1])"
    }
}
