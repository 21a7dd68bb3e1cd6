import ArtelCore
import Foundation

/// Composes a digest from many communities' jobs, de-duplicated: two listings are one vacancy when
/// their apply links are the same, or when their employers and titles are, once normalized (case,
/// ё and е, quotes, legal forms such as ООО or LLC, punctuation and hyphens, and for links the
/// scheme, `www.`, tracking parameters and a trailing slash).
public enum DigestComposer: Sendable {
    /// Groups listings by vacancy, in the order of each group's newest listing, newest first.
    public static func compose(_ jobs: [JobListing]) -> [DigestEntry] {
        var composed: [(entry: DigestEntry, newest: Int64)] = []
        for indices in groups(jobs) {
            let group = indices.map { jobs[$0] }
            let shown = fullest(group)
            let others = group.filter { $0.id != shown.id || $0.community != shown.community }
                .sorted { ($0.communityName ?? "", $0.id) < ($1.communityName ?? "", $1.id) }
            let newest = group.map { $0.datePosted ?? $0.updated }.max()!
            composed.append((DigestEntry(job: shown, alsoListed: others.map(DigestEntry.Listing.init)), newest))
        }
        composed.sort { $0.newest > $1.newest || $0.newest == $1.newest && $0.entry.job.id < $1.entry.job.id }
        return composed.map(\.entry)
    }

    /// The vacancies among some listings, by the digest's rule: each group holds the indices of the
    /// listings of one vacancy, in ascending order; groups are in the order of their first listing.
    public static func groups(_ jobs: [JobListing]) -> [[Int]] {
        var parent = Array(jobs.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        func join(_ keys: [String?]) {
            var first: [String: Int] = [:]
            for (index, key) in keys.enumerated() {
                guard let key else { continue }
                if let other = first[key] { parent[root(index)] = root(other) } else { first[key] = index }
            }
        }
        join(jobs.map { $0.applyURL.flatMap(normalizedURL) })
        join(jobs.map { job in job.employer.map { normalizedEmployer($0) + "|" + normalizedTitle(job.title) } })
        var slot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for index in jobs.indices {
            let key = root(index)
            if let at = slot[key] {
                groups[at].append(index)
            } else {
                slot[key] = groups.count
                groups.append([index])
            }
        }
        return groups
    }

    /// The listing of a group that says most: the one a digest shows.
    static func fullest(_ group: [JobListing]) -> JobListing {
        group.max { (fullness($0), $1.id) < (fullness($1), $0.id) }!
    }

    /// How much a listing says: the one that says most is shown.
    private static func fullness(_ job: JobListing) -> Int {
        [job.employer, job.description, job.duties, job.requirements, job.applyURL, job.city].compactMap { $0 }.count
            + (job.salaryMin != nil || job.salaryMax != nil ? 2 : 0)
    }

    static func normalizedTitle(_ title: String) -> String {
        words(title).joined(separator: " ")
    }

    static func normalizedEmployer(_ employer: String) -> String {
        let legal: Set<String> = ["ооо", "оао", "ао", "пао", "зао", "ип", "нко", "llc", "inc", "ltd", "gmbh", "corp"]
        return words(employer).filter { !legal.contains($0) }.joined(separator: " ")
    }

    static func normalizedURL(_ url: String) -> String? {
        guard var components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let host = components.host
        else { return nil }
        components.queryItems = components.queryItems?.filter { !$0.name.lowercased().hasPrefix("utm_") }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let bareHost = host.lowercased().hasPrefix("www.") ? String(host.lowercased().dropFirst(4)) : host.lowercased()
        return bareHost + path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The words of a text, lower case, `ё` read as `е`; runs of letters and digits, by Unicode
    /// scalar (faster than by character, and the same for the scripts titles are written in).
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(scalar == "ё" ? "е" : scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }
}
