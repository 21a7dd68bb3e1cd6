import ArtelCore

extension JobStats {
    /// One vacancy: the listings of one group, and the one whose facts count.
    struct Vacancy {
        let listings: [JobListing]
        let shown: JobListing
        /// The facts of `shown`, read once.
        let facts: Facts

        init(_ jobs: [JobListing], _ indices: [Int]) {
            listings = indices.map { jobs[$0] }
            shown = listings.count == 1 ? listings[0] : DigestComposer.fullest(listings)
            facts = Facts(shown)
        }

        /// The groups of a dimension the vacancy belongs to: each with the facts of the listing that
        /// counts there and how many of its listings the group has.
        func keys(_ dimension: Dimension) -> [(key: String, facts: Facts, listings: Int)] {
            switch dimension {
            case .month:
                let first = listings.map { $0.datePosted ?? $0.updated }.min()!
                return [(JobStats.month(first), facts, listings.count)]
            case .community:
                return split { $0.communityName ?? $0.community.hex }
            case .source:
                return split(JobStats.sourceClass)
            case .city:
                return [(shown.city ?? "unstated", facts, listings.count)]
            case .workMode:
                return [(shown.workMode ?? "unstated", facts, listings.count)]
            case .employment:
                let kinds = shown.employment.isEmpty ? ["unstated"] : Array(Set(shown.employment)).sorted()
                return kinds.map { ($0, facts, listings.count) }
            case .tag:
                var count: [String: Int] = [:]
                for listing in listings { for tag in Set(listing.tags) { count[tag, default: 0] += 1 } }
                return count.keys.sorted().map { ($0, facts, count[$0]!) }
            }
        }

        /// One group per value of `key` among the listings, with the fullest listing of each.
        private func split(_ key: (JobListing) -> String) -> [(key: String, facts: Facts, listings: Int)] {
            if listings.count == 1 { return [(key(shown), facts, 1)] }
            var parts: [String: [JobListing]] = [:]
            for listing in listings { parts[key(listing), default: []].append(listing) }
            return parts.keys.sorted().map { name in
                let part = parts[name]!
                return (name, Facts(part.count == 1 ? part[0] : DigestComposer.fullest(part)), part.count)
            }
        }
    }
}
