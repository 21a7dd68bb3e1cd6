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
        var sets = DisjointSets(count: jobs.count)
        // Keys are made on every core, read by index, never from a copy of a listing (copying one
        // retains every field); then joined in order.
        let indices = Array(jobs.indices)
        let links = ParallelMap.map(indices) { _, index in jobs[index].applyURL.flatMap(urlKey) }
        let names = ParallelMap.map(indices) { _, index in nameKey(jobs[index]) }
        for keys in [links, names] {
            var first: [MatchKey: Int] = [:]
            first.reserveCapacity(jobs.count)
            for (index, key) in keys.enumerated() {
                guard let key else { continue }
                sets.join(index, byKey: key, in: &first)
            }
        }
        var slot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for index in jobs.indices {
            let key = sets.root(index)
            if let at = slot[key] {
                groups[at].append(index)
            } else {
                slot[key] = groups.count
                groups.append([index])
            }
        }
        return groups
    }

    /// Listings joined into vacancies: a union-find over their indices, with path halving.
    private struct DisjointSets {
        private var parent: [Int]

        init(count: Int) {
            parent = Array(0..<count)
        }

        /// The index that stands for the set of `index`.
        mutating func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }

        /// Joins `index` to the first listing seen with the same key, or makes it the first.
        mutating func join(_ index: Int, byKey key: MatchKey, in first: inout [MatchKey: Int]) {
            if let other = first[key] {
                parent[root(index)] = root(other)
            } else {
                first[key] = index
            }
        }
    }

    /// The listing of a group that says most: the one a digest shows.
    static func fullest(_ group: [JobListing]) -> JobListing {
        group[fullest(Array(group.indices), of: group)]
    }

    /// The index of the listing that says most among some of `jobs`: the one a digest shows.
    static func fullest(_ indices: [Int], of jobs: [JobListing]) -> Int {
        indices.max { (fullness(jobs[$0]), jobs[$1].id) < (fullness(jobs[$1]), jobs[$0].id) }!
    }

    /// How much a listing says: the one that says most is shown.
    private static func fullness(_ job: JobListing) -> Int {
        let texts = [
            job.employer == nil, job.description == nil, job.duties == nil, job.requirements == nil,
            job.applyURL == nil, job.city == nil,
        ].count { !$0 }
        return texts + (job.salaryMin != nil || job.salaryMax != nil ? 2 : 0)
    }

    /// The bytes a link may have after its scheme to be read byte by byte: printable ASCII but
    /// `?#%@:[]\"<>^`{|}`.
    private static let simpleURLBytes: [Bool] = (0..<256).map { byte in
        (0x21...0x7E).contains(byte) && !"?#%@:[]\\\"<>^`{|}".utf8.contains(UInt8(byte))
    }

    /// The words of a title as the rule compares them (``appendWords(of:to:skipping:)``).
    static func titleKey(_ title: String) -> MatchKey {
        var key = MatchKey()
        appendWords(of: title, to: &key)
        return key
    }

    /// Legal forms, left out of an employer's name.
    private static let legalForms: Set<[UInt8]> = Set(
        ["ооо", "оао", "ао", "пао", "зао", "ип", "нко", "llc", "inc", "ltd", "gmbh", "corp"].map { Array($0.utf8) }
    )

    /// A listing's employer and title as the rule compares them; `nil` without an employer.
    static func nameKey(_ job: JobListing) -> MatchKey? {
        job.employer.map { employer in
            var key = MatchKey()
            appendWords(of: employer, to: &key, skipping: legalForms)
            key.bytes.append(UInt8(ascii: "|"))
            appendWords(of: job.title, to: &key)
            return key
        }
    }

    /// A link as the rule compares it.
    static func urlKey(_ url: String) -> MatchKey? {
        normalizedURL(url).map { MatchKey(bytes: Array($0.utf8)) }
    }

    static func normalizedURL(_ url: String) -> String? {
        simpleNormalizedURL(url) ?? componentsNormalizedURL(url)
    }

    /// ``normalizedURL(_:)`` through `URLComponents`, for any link.
    static func componentsNormalizedURL(_ url: String) -> String? {
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

    /// ``normalizedURL(_:)`` of the links most listings give, read byte by byte: `http` or `https`,
    /// printable ASCII, a host of letters, digits, dots and hyphens, no user, port, query, fragment
    /// or percent sign. Nil for anything else, which `URLComponents` reads.
    static func simpleNormalizedURL(_ url: String) -> String? {
        var utf8 = Substring(url).utf8
        while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
        while utf8.last == 0x20 { utf8 = utf8.dropLast() }
        let https = utf8.starts(with: "https://".utf8)
        guard https || utf8.starts(with: "http://".utf8) else { return nil }
        let rest = utf8.dropFirst(https ? 8 : 7)
        guard rest.allSatisfy({ simpleURLBytes[Int($0)] }) else { return nil }
        let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        var host = String(decoding: rest[..<slash], as: UTF8.self).lowercased()
        guard !host.isEmpty, host.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x2E || $0.isASCIIAlphanumeric }) else {
            return nil
        }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = rest[slash...]
        while path.last == UInt8(ascii: "/") { path = path.dropLast() }
        return host + String(decoding: path, as: UTF8.self)
    }

    /// Appends the words of a text, lower case, `ё` read as `е`, one space between them: runs of
    /// letters and digits, by Unicode scalar (faster than by character, and the same for the
    /// scripts titles are written in); words in `skipped` are left out. ASCII and Cyrillic letters
    /// are read byte by byte, every other scalar by its Unicode properties.
    static func appendWords(of text: String, to key: inout MatchKey, skipping skipped: Set<[UInt8]> = []) {
        var writer = WordWriter(skipped: skipped)
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    switch lead {
                    case 0x30...0x39, 0x61...0x7A: writer.word.append(lead)
                    case 0x41...0x5A: writer.word.append(lead + 0x20)
                    default: writer.endWord(into: &key)
                    }
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                index += length
                let lower: UInt32
                switch value {
                case 0x401, 0x451: lower = 0x435  // ё is read as е
                case 0x410...0x42F: lower = value + 0x20
                case 0x400...0x40F: lower = value + 0x50
                case 0x430...0x45F: lower = value
                default:
                    guard let scalar = Unicode.Scalar(value), let letter = letterOrDigit(scalar) else {
                        writer.endWord(into: &key)
                        continue
                    }
                    lower = letter.value
                }
                if lower < 0x80 {
                    writer.word.append(UInt8(lower))
                } else if lower < 0x800 {
                    writer.word.append(0xC0 | UInt8(lower >> 6))
                    writer.word.append(0x80 | UInt8(lower & 0x3F))
                } else {
                    writer.word += UTF8.encode(Unicode.Scalar(lower)!)!
                }
            }
        }
        writer.endWord(into: &key)
    }

    /// The word being read, and whether one was written: a struct, so that reading a text byte by
    /// byte needs no captured variables (which the compiler boxes and checks at every access).
    private struct WordWriter {
        let skipped: Set<[UInt8]>
        var word: [UInt8] = []
        var wrote = false

        init(skipped: Set<[UInt8]>) {
            self.skipped = skipped
        }

        /// Writes the word read, unless it is empty or skipped.
        mutating func endWord(into key: inout MatchKey) {
            guard !word.isEmpty else { return }
            // Legal forms are short: longer words need no look-up.
            if word.count > 10 || !skipped.contains(word) {
                if wrote { key.bytes.append(0x20) }
                key.bytes += word
                wrote = true
            }
            word.removeAll(keepingCapacity: true)
        }
    }

    /// A letter or digit in lower case (its first scalar, for the few letters that lower to more);
    /// nil for anything else.
    private static func letterOrDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return scalar
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(scalar.value + 0x20)
        case 0x400...0x40F: return Unicode.Scalar(scalar.value + 0x50)
        case 0x430...0x45F: return scalar
        case 0...0x7F: return nil
        default:
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
            return scalar.properties.lowercaseMapping.unicodeScalars.first
        }
    }
}

extension UInt8 {
    /// `0-9`, `A-Z` or `a-z`.
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}

/// A key two listings of one vacancy share: UTF-8 bytes, hashed as bytes. The rule builds keys of
/// lower-case letters, digits and separators only, so equal texts have equal bytes, and hashing
/// skips the Unicode normalization that hashing a `String` does.
struct MatchKey: Hashable {
    var bytes: [UInt8] = []

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
