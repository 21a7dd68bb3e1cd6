public import ArtelCore
import ArtelFormats
public import ArtelStore

extension ImportReading {
    /// The reading with each Telegram vacancy given the record its post already has for it in
    /// `community`.
    ///
    /// A vacancy's record is derived from its channel, its post and its place among the post's
    /// vacancies (``TelegramReader/vacancyRecord(channel:post:place:)``), so that importing the
    /// channel's export again finds it. An editor who removes the third vacancy of a digest, or adds
    /// one at its top, moves the places of those after it, and each would then overwrite another's
    /// record. So a post's vacancies are matched to the records already stored from that post:
    ///
    /// 1. by title, the same but for case and spaces;
    /// 2. then a vacancy left over takes a record left over between the records its neighbours in
    ///    the post matched, whose title its own corrects (each word alike but for an ending or a
    ///    typo, some added or removed, none replaced by another): a vacancy whose title was
    ///    corrected keeps its record; else a deleted one there, which stays deleted;
    /// 3. a vacancy left over takes the first place that holds no stored record of the post.
    ///
    /// A stored vacancy the post no longer has is left as it is, and named in the entry's
    /// ``Entry/noLongerInPost``. On a first import nothing is stored, and every vacancy keeps the
    /// record of its place.
    ///
    /// - Throws: ``StoreError`` when the replica cannot be read.
    public func matchingStoredVacancies(in replica: Replica, community: PublicKey) async throws -> ImportReading {
        let posts = entries.compactMap { entry -> (post: TelegramPostID, jobs: [ImportItem])? in
            let jobs = entry.items.filter { $0.kind == .job }
            guard let post = entry.post, !jobs.isEmpty else { return nil }
            return (post, jobs)
        }
        let stored = try await replica.titlesByPlace(
            .job,
            in: community,
            groups: posts.map { post, jobs in
                (jobs.count, { TelegramReader.vacancyRecord(channel: post.channel, post: post.id, place: $0) })
            }
        )
        var titles = Dictionary(zip(posts.map(\.post), stored)) { first, _ in first }
        return ImportReading(
            entries: entries.map { entry in
                guard let post = entry.post, let found = titles.removeValue(forKey: post) else { return entry }
                return Self.matching(entry, post: post, to: StoredPost(titles: found))
            }
        )
    }

    /// A post's entry with its vacancies given the records `stored` holds for them.
    private static func matching(_ entry: Entry, post: TelegramPostID, to stored: StoredPost) -> Entry {
        let jobs = entry.items.filter { $0.kind == .job }
        let places = stored.places(forTitles: jobs.map { $0.title ?? "" })
        func record(_ place: Int) -> RecordID {
            TelegramReader.vacancyRecord(channel: post.channel, post: post.id, place: place)
        }
        let taken = Set(places)
        let gone = stored.titles.enumerated().compactMap { place, title -> StoredVacancy? in
            guard let title, !title.isEmpty, !taken.contains(place) else { return nil }
            return StoredVacancy(record: record(place), title: title)
        }
        let renamed = zip(jobs, places).map { job, place in
            ImportItem(
                kind: job.kind,
                record: record(place),
                operations: job.operations,
                controlled: job.controlled,
                label: job.label,
                keepsAlive: job.keepsAlive
            )
        }
        return Entry(
            source: entry.source,
            items: renamed + entry.items.filter { $0.kind != .job },
            skip: entry.skip,
            notes: entry.notes,
            post: post,
            noLongerInPost: gone
        )
    }
}

/// The vacancy records a replica holds from one Telegram post: the title of each, by place
/// (``Replica/titlesByPlace(_:in:groups:)``).
struct StoredPost {
    /// By place from 0: `nil` where no record is stored, else its title ("" when the board does not
    /// show it, as a deleted record).
    let titles: [String?]

    /// The place each vacancy of the post takes, given their titles in the post's order
    /// (``ImportReading/matchingStoredVacancies(in:community:)``).
    func places(forTitles vacancies: [String]) -> [Int] {
        var places = [Int?](repeating: nil, count: vacancies.count)
        var byTitle: [String: [Int]] = [:]
        for (place, title) in titles.enumerated() {
            if let title, !title.isEmpty { byTitle[Self.key(title), default: []].append(place) }
        }
        for (index, title) in vacancies.enumerated() {
            guard let place = byTitle[Self.key(title)]?.first else { continue }
            byTitle[Self.key(title)]?.removeFirst()
            places[index] = place
        }
        var taken = Set(places.compactMap { $0 })
        // A vacancy left over takes a record left over between those its neighbours matched: the
        // one whose title its own corrects, else a deleted one (its title is gone with it; it stays
        // deleted). A record of another job's title is never taken: the vacancy beside a removed
        // one would overwrite it.
        var previous = -1
        for index in vacancies.indices {
            if let place = places[index] {
                previous = place
                continue
            }
            let next = places[(index + 1)...].lazy.compactMap { $0 }.first ?? titles.count
            guard previous + 1 < next else { continue }
            let candidates = (previous + 1..<next).filter { titles[$0] != nil && !taken.contains($0) }
            let corrected = candidates.first { place in
                titles[place].map { !$0.isEmpty && Self.isCorrection(of: $0, to: vacancies[index]) } ?? false
            }
            let deleted = candidates.first { titles[$0] == "" }
            guard let place = corrected ?? deleted else { continue }
            places[index] = place
            taken.insert(place)
            previous = place
        }
        var free = 0
        return places.map { place in
            if let place { return place }
            while taken.contains(free) || (free < titles.count && titles[free] != nil) { free += 1 }
            taken.insert(free)
            return free
        }
    }

    /// A title as matched: its words, without case.
    private static func key(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether a title reads as another one corrected: every word of one has its like in the other
    /// (the same but for case, or for an ending or a letter or two: `Дзен`, `Дзене`), but for
    /// words only added or only removed, fewer than half. A word put in another's place
    /// (`Яндекс` for `Сбер`) makes it another job's title.
    static func isCorrection(of stored: String, to title: String) -> Bool {
        let (old, new) = (words(stored), words(title))
        var unmatched = new
        var removed = 0
        for word in old {
            if let match = unmatched.firstIndex(where: { nearlySame(word, $0) }) {
                unmatched.remove(at: match)
            } else {
                removed += 1
            }
        }
        let changed = removed + unmatched.count
        return (removed == 0 || unmatched.isEmpty) && changed * 2 < max(old.count, new.count)
    }

    /// A title's words, without case, cut at anything but letters and digits.
    private static func words(_ title: String) -> [Substring] {
        title.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// The same word, or the same but for an ending or a mistyped letter near its end: a common
    /// start of all but two letters of the shorter, lengths at most three apart.
    private static func nearlySame(_ first: Substring, _ second: Substring) -> Bool {
        if first == second { return true }
        let shorter = min(first.count, second.count)
        guard shorter >= 4, abs(first.count - second.count) <= 3 else { return false }
        let common = zip(first, second).prefix { $0 == $1 }.count
        return common >= shorter - 2
    }
}
