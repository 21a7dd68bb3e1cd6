extension DigestComposer {
    /// Why two listings of a digest entry count as one vacancy.
    public enum MergeReason: String, Sendable {
        /// Their apply links are the same, once normalized.
        case sameLink
        /// Their employers and titles are the same, once normalized.
        case sameEmployerAndTitle
        /// Neither, but each matches a third listing of the group.
        case throughAnother
    }

    /// Why `other` was merged with `shown` into one entry, by the rule of ``compose(_:)``.
    public static func reason(_ shown: JobListing, _ other: JobListing) -> MergeReason {
        if let link = shown.applyURL.flatMap(urlKey), link == other.applyURL.flatMap(urlKey) { return .sameLink }
        if let name = nameKey(shown), name == nameKey(other) { return .sameEmployerAndTitle }
        return .throughAnother
    }
}
