import ArtelCore

extension JobStats {
    /// One vacancy: the indices of its listings among all the listings, and the one whose facts count.
    struct Vacancy {
        let listings: [Int]
        let shown: Int
        /// The facts of `shown`, read once.
        let facts: Facts

        init(_ jobs: [JobListing], _ indices: [Int], facts: [Facts]) {
            listings = indices
            shown = indices.count == 1 ? indices[0] : DigestComposer.fullest(indices, of: jobs)
            self.facts = facts[shown]
        }

        /// Counts the vacancy in the groups of a dimension it belongs to: each with the facts of the
        /// listing that counts there and how many of its listings the group has.
        func count(
            in dimension: Dimension,
            of jobs: [JobListing],
            facts all: [Facts],
            into tallies: inout [String: Tally]
        ) {
            func group(_ key: String, _ facts: Facts, _ listings: Int) {
                tallies[key, default: Tally()].add(facts, listings: listings)
            }
            switch dimension {
            case .month:
                var first = jobs[listings[0]].datePosted ?? jobs[listings[0]].updated
                for listing in listings.dropFirst() {
                    first = min(first, jobs[listing].datePosted ?? jobs[listing].updated)
                }
                group(JobStats.month(first), facts, listings.count)
            case .community:
                split(jobs, facts: all, by: { jobs[$0].communityName ?? jobs[$0].community.hex }, group)
            case .source:
                split(jobs, facts: all, by: { JobStats.sourceClass(jobs[$0]) }, group)
            case .city:
                group(jobs[shown].city ?? JobStats.unstated, facts, listings.count)
            case .workMode:
                group(jobs[shown].workMode ?? JobStats.unstated, facts, listings.count)
            case .employment:
                let employment = jobs[shown].employment
                if employment.isEmpty { group(JobStats.unstated, facts, listings.count) }
                for kind in Set(employment).sorted() { group(kind, facts, listings.count) }
            case .tag:
                if listings.count == 1 {
                    for tag in Set(jobs[shown].tags).sorted() { group(tag, facts, 1) }
                    return
                }
                var count: [String: Int] = [:]
                for listing in listings { for tag in Set(jobs[listing].tags) { count[tag, default: 0] += 1 } }
                for tag in count.keys.sorted() { group(tag, facts, count[tag]!) }
            }
        }

        /// One group per value of `key` among the listings (given by index: copying a listing
        /// retains every field), with the fullest listing of each.
        private func split(
            _ jobs: [JobListing],
            facts all: [Facts],
            by key: (_ listing: Int) -> String,
            _ group: (_ key: String, _ facts: Facts, _ listings: Int) -> Void
        ) {
            if listings.count == 1 { return group(key(shown), facts, 1) }
            var parts: [String: [Int]] = [:]
            for listing in listings { parts[key(listing), default: []].append(listing) }
            for name in parts.keys.sorted() {
                let part = parts[name]!
                let fullest = part.count == 1 ? part[0] : DigestComposer.fullest(part, of: jobs)
                group(name, all[fullest], part.count)
            }
        }
    }
}
